// Review of reported values (审核): submitted › approved by the level above › published into observation, or
// returned with a reason. Only publishing writes observation, so every analytic read shows published figures.
import { TiaoduError } from '../core/errors.ts';
import { formatPeriod } from '../core/period.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { locksCovering } from './locks.ts';
import { REGIONS_BELOW } from './tasks.ts';

export type SubmissionStatus = 'submitted' | 'approved' | 'returned' | 'published' | 'superseded';
/** Waiting for review or publication; at most one per key. */
export const OPEN_STATUSES = `('submitted', 'approved')`;

export interface SubmissionInput {
  regionCode: string;
  indicatorCode: string;
  year: number;
  month: number;
  scope: string;
  value: number | null;
  yoy: number | null;
  forecast: boolean;
  /** The reporter's note (why growth jumped …). */
  comment?: string | null;
  /** Why a published figure is revised; required when the period is locked. */
  reason?: string | null;
  /** What the reporter confirmed looks wrong with the value (core/plausibility); the reason explains it. */
  implausible?: string[];
  source?: string | null;
}

export interface Submission {
  id: number;
  regionCode: string;
  regionName: string;
  indicatorCode: string;
  indicatorName: string;
  unit: string;
  period: string;
  value: number | null;
  yoy: number | null;
  monthValue: number | null;
  monthYoy: number | null;
  forecast: boolean;
  status: SubmissionStatus;
  comment: string | null;
  reason: string | null;
  source: string | null;
  submittedBy: string;
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  returnReason: string | null;
  publishedBy: string | null;
  publishedAt: string | null;
  /** The figure published now for the same key, which this submission would replace. */
  published: { value: number | null; yoy: number | null } | null;
  /** The period is published and locked for this region: this submission is a revision. */
  locked: boolean;
}

/** Who reviews: an analyst or admin, with the region scope he holds (null = city-wide). */
export interface Reviewer {
  name: string;
  regionCode: string | null;
}

/** SQL: rows `a` and `b` are the same region × indicator × period × scope. */
export const sameKeySql = (a: string, b: string) => `${a}.region_code = ${b}.region_code
  AND ${a}.indicator_code = ${b}.indicator_code AND ${a}.year = ${b}.year AND ${a}.month = ${b}.month
  AND ${a}.scope = ${b}.scope`;
/** SQL: rows `a` and `b` carry different figures. */
export const differsSql = (a: string, b: string) => `(${a}.value IS DISTINCT FROM ${b}.value
  OR ${a}.yoy IS DISTINCT FROM ${b}.yoy OR ${a}.month_value IS DISTINCT FROM ${b}.month_value
  OR ${a}.month_yoy IS DISTINCT FROM ${b}.month_yoy OR ${a}.forecast IS DISTINCT FROM ${b}.forecast)`;

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
const periodLabel = (r: { year: number; month: number }) =>
  formatPeriod({ year: Number(r.year), month: Number(r.month) });

interface Row {
  id: number | string;
  region_code: string;
  region_name: string | null;
  indicator_code: string;
  indicator_name: string | null;
  unit: string | null;
  year: number;
  month: number;
  value: number | null;
  yoy: number | null;
  month_value: number | null;
  month_yoy: number | null;
  forecast: boolean;
  status: SubmissionStatus;
  comment: string | null;
  reason: string | null;
  source: string | null;
  submitted_by: string;
  submitted_at: unknown;
  reviewed_by: string | null;
  reviewed_at: unknown;
  return_reason: string | null;
  published_by: string | null;
  published_at: unknown;
  published_value: number | null;
  published_yoy: number | null;
  has_published: boolean;
}

const SELECT = `SELECT s.*, r.name AS region_name, i.name AS indicator_name, i.unit,
    o.value AS published_value, o.yoy AS published_yoy, (o.region_code IS NOT NULL) AS has_published
  FROM observation_submission s
  LEFT JOIN region r ON r.code = s.region_code
  LEFT JOIN indicator i ON i.code = s.indicator_code
  LEFT JOIN observation o ON ${sameKeySql('o', 's')}`;

export interface SubmissionFilter {
  /** The region whose subtree is listed (the viewer's scope or narrower); null = everywhere. */
  under: string | null;
  status?: SubmissionStatus | 'open';
  year?: number;
  month?: number;
  indicatorCode?: string;
  ids?: number[];
  limit?: number;
}

/** Submissions, newest first, with the figure each would replace and whether its period is locked. */
export async function listSubmissions(db: Db, f: SubmissionFilter): Promise<Submission[]> {
  const params: unknown[] = [];
  const conds: string[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    conds.push(sql.replace('?', `$${params.length}`));
  };
  let prefix = '';
  if (f.under !== null) {
    add('s.region_code IN (SELECT code FROM below)', f.under);
    prefix = REGIONS_BELOW;
  }
  if (f.status === 'open') conds.push(`s.status IN ${OPEN_STATUSES}`);
  else if (f.status) add('s.status = ?', f.status);
  if (f.year !== undefined) add('s.year = ?', f.year);
  if (f.month !== undefined) add('s.month = ?', f.month);
  if (f.indicatorCode) add('s.indicator_code = ?', f.indicatorCode);
  if (f.ids) add('s.id = ANY(?::bigint[])', f.ids);
  const where = conds.length > 0 ? `WHERE ${conds.join(' AND ')}` : '';
  const rows = await db.query<Row>(
    `${prefix} ${SELECT} ${where} ORDER BY s.id DESC LIMIT ${Math.min(f.limit ?? 1000, 5000)}`,
    params,
  );
  const locks = await locksCovering(
    db,
    rows.map((r) => r.region_code),
  );
  return rows.map((r) => toSubmission(r, locks.has(`${r.region_code} ${periodLabel(r)}`)));
}

function toSubmission(r: Row, locked: boolean): Submission {
  return {
    id: Number(r.id),
    regionCode: r.region_code,
    regionName: r.region_name ?? r.region_code,
    indicatorCode: r.indicator_code,
    indicatorName: r.indicator_name ?? r.indicator_code,
    unit: r.unit ?? '',
    period: periodLabel(r),
    value: r.value,
    yoy: r.yoy,
    monthValue: r.month_value,
    monthYoy: r.month_yoy,
    forecast: r.forecast,
    status: r.status,
    comment: r.comment,
    reason: r.reason,
    source: r.source,
    submittedBy: r.submitted_by,
    submittedAt: iso(r.submitted_at) as string,
    reviewedBy: r.reviewed_by,
    reviewedAt: iso(r.reviewed_at),
    returnReason: r.return_reason,
    publishedBy: r.published_by,
    publishedAt: iso(r.published_at),
    published: r.has_published ? { value: r.published_value, yoy: r.published_yoy } : null,
    locked,
  };
}

/** How the audit log names a value: `indicator YYYY-MM`. */
export const objectOf = (r: { indicator_code: string; year: number; month: number }) =>
  `${r.indicator_code} ${periodLabel(r)}`;

/** Regions strictly below `ancestor` among `codes`. */
export async function strictlyBelow(db: Db, ancestor: string, codes: string[]): Promise<Set<string>> {
  const rows = await db.query<{ code: string }>(
    `WITH RECURSIVE below AS (
       SELECT code FROM region WHERE parent_code = $1
       UNION SELECT r.code FROM region r JOIN below b ON r.parent_code = b.code)
     SELECT code FROM below WHERE code = ANY($2::text[])`,
    [ancestor, codes],
  );
  return new Set(rows.map((r) => r.code));
}

const statusName: Record<SubmissionStatus, string> = {
  submitted: '待审核',
  approved: '已通过',
  returned: '已退回',
  published: '已发布',
  superseded: '已被新提交替代',
};

/**
 * Approves or returns (退回, with a reason) submissions, all or none. The reviewer must sit above the value's
 * region: his scope a strict ancestor of it, or none (city-wide) — a district never approves its own figures.
 */
export async function reviewSubmissions(
  db: Db,
  ids: number[],
  decision: 'approve' | 'return',
  reviewer: Reviewer,
  returnReason?: string,
): Promise<Submission[]> {
  if (decision === 'return' && !returnReason?.trim())
    throw new TiaoduError('validation', '退回须填写原因（reason）');
  const unique = [...new Set(ids)];
  await db.transaction(async (tx) => {
    const rows = await tx.query<Row>(
      `${SELECT} WHERE s.id = ANY($1::bigint[]) ORDER BY s.id FOR UPDATE OF s`,
      [unique],
    );
    const found = new Set(rows.map((r) => Number(r.id)));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length > 0)
      throw new TiaoduError('submission.unknown', `没有编号为 ${missing.join('、')} 的提交`);
    // Authority before state: one who may not review a value learns nothing of where its review stands.
    if (reviewer.regionCode !== null) {
      const below = await strictlyBelow(
        tx,
        reviewer.regionCode,
        rows.map((r) => r.region_code),
      );
      const own = rows.find((r) => !below.has(r.region_code));
      // The reviewer's own region is named; a region outside his scope is not (he may not know of it).
      if (own?.region_code === reviewer.regionCode)
        throw new TiaoduError(
          'forbidden',
          `${own.region_name ?? own.region_code}的数据须由上一级地区的分析员审核，本账号只能审核下级地区的数据`,
        );
      if (own) throw new TiaoduError('forbidden', `提交 #${own.id} 不在本账号辖区的下级地区内，无权审核`);
    }
    const allowed: SubmissionStatus[] = decision === 'approve' ? ['submitted'] : ['submitted', 'approved'];
    const verb = decision === 'approve' ? '通过' : '退回';
    for (const r of rows) {
      if (!allowed.includes(r.status))
        throw new TiaoduError('submission.conflict', `提交 #${r.id} ${statusName[r.status]}，不能再${verb}`);
    }
    await tx.query(
      `UPDATE observation_submission SET status = $2, reviewed_by = $3, reviewed_at = now(), return_reason = $4
       WHERE id = ANY($1::bigint[])`,
      [unique, decision === 'approve' ? 'approved' : 'returned', reviewer.name, returnReason?.trim() || null],
    );
    for (const r of rows) {
      await recordAudit(tx, {
        user: reviewer.name,
        action: decision === 'approve' ? 'observation.approve' : 'observation.return',
        region: r.region_code,
        object: objectOf(r),
        new: { submission: Number(r.id), value: r.value, yoy: r.yoy, reason: returnReason?.trim() ?? null },
      });
    }
  });
  return listSubmissions(db, { under: null, ids: unique });
}

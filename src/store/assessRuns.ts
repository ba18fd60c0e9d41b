// Assessment records: scheme versions (frozen once published), the entered inputs with who and when, published runs.
import type { RegionScore } from '../core/assess/score.ts';
import { TiaoduError } from '../core/errors.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
/** Same JSON, whatever the key order the database hands back. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

export interface SchemeVersion {
  name: string;
  version: number;
  body: unknown;
  frozen: boolean;
  savedBy: string;
  savedAt: string;
}

interface SchemeRow {
  name: string;
  version: number;
  body: unknown;
  frozen: boolean;
  saved_by: string;
  saved_at: Date | string;
}
const toVersion = (r: SchemeRow): SchemeVersion => ({
  name: r.name,
  version: Number(r.version),
  body: json(r.body),
  frozen: r.frozen,
  savedBy: r.saved_by,
  savedAt: new Date(r.saved_at).toISOString(),
});

export async function latestScheme(db: Db, name: string): Promise<SchemeVersion | null> {
  const [r] = await db.query<SchemeRow>(
    'SELECT * FROM assess_scheme WHERE name = $1 ORDER BY version DESC LIMIT 1',
    [name],
  );
  return r ? toVersion(r) : null;
}

/** One version of a scheme, as it was saved (a published run names the version it was scored with). */
export async function schemeVersion(db: Db, name: string, version: number): Promise<SchemeVersion | null> {
  const [r] = await db.query<SchemeRow>('SELECT * FROM assess_scheme WHERE name = $1 AND version = $2', [
    name,
    version,
  ]);
  return r ? toVersion(r) : null;
}

export async function listSchemes(db: Db): Promise<SchemeVersion[]> {
  const rows = await db.query<SchemeRow>(
    'SELECT DISTINCT ON (name) * FROM assess_scheme ORDER BY name, version DESC',
  );
  return rows.map(toVersion);
}

/**
 * Keeps a scheme (checked by the caller): the same body keeps its version; a change to an unpublished version
 * replaces it; a change to a frozen (published) version becomes the next version.
 */
export async function saveScheme(db: Db, name: string, body: unknown, user: string): Promise<SchemeVersion> {
  return db.transaction(async (tx) => {
    const last = await latestScheme(tx, name);
    if (last && canonical(last.body) === canonical(body)) return last;
    const version = last && !last.frozen ? last.version : (last?.version ?? 0) + 1;
    await tx.query(
      `INSERT INTO assess_scheme (name, version, body, saved_by) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (name, version) DO UPDATE SET body = EXCLUDED.body, saved_by = EXCLUDED.saved_by, saved_at = now()`,
      [name, version, JSON.stringify(body), user],
    );
    await recordAudit(tx, {
      user,
      action: 'assess.scheme',
      object: `${name} v${version}`,
      old: last?.body,
      new: body,
    });
    return (await latestScheme(tx, name)) as SchemeVersion;
  });
}

export interface StoredInput {
  regionCode: string;
  item: string;
  value: number | 'veto';
  note: string | null;
  /** Who entered it: the publishing user when not given; `system: 重点项目` for a figure read from a source. */
  by?: string;
  /** When it was recorded (as read back from the store). */
  at?: string;
}

export interface PublishedRun {
  id: number;
  schemeName: string;
  schemeVersion: number;
  period: string;
  parentCode: string;
  rows: RegionScore[];
  publishedBy: string;
  publishedAt: string;
}

interface RunRow {
  id: number;
  scheme_name: string;
  scheme_version: number;
  year: number;
  month: number;
  parent_code: string;
  rows: RegionScore[] | string;
  published_by: string;
  published_at: Date | string;
}
const toRun = (r: RunRow): PublishedRun => ({
  id: Number(r.id),
  schemeName: r.scheme_name,
  schemeVersion: Number(r.scheme_version),
  period: `${r.year}-${String(r.month).padStart(2, '0')}`,
  parentCode: r.parent_code,
  rows: json(r.rows),
  publishedBy: r.published_by,
  publishedAt: new Date(r.published_at).toISOString(),
});

/**
 * Publishes the scores of a scheme and period (亮晒), all in one transaction: the scheme version is kept and frozen,
 * the inputs stored with who entered them, the run recorded, the act audited. A period is published once.
 */
export async function publishRun(
  db: Db,
  run: {
    schemeName: string;
    body: unknown;
    year: number;
    month: number;
    parentCode: string;
    rows: RegionScore[];
    inputs: StoredInput[];
    file: string | null;
    user: string;
  },
): Promise<PublishedRun> {
  return db.transaction(async (tx) => {
    const [already] = await tx.query<{ id: number }>(
      'SELECT id FROM assess_run WHERE scheme_name = $1 AND year = $2 AND month = $3',
      [run.schemeName, run.year, run.month],
    );
    const period = `${run.year}-${String(run.month).padStart(2, '0')}`;
    if (already)
      throw new TiaoduError(
        'assess.conflict',
        `「${run.schemeName}」${period} 的考核结果已发布，不能再次发布`,
      );
    const scheme = await saveScheme(tx, run.schemeName, run.body, run.user);
    await tx.query('UPDATE assess_scheme SET frozen = true WHERE name = $1 AND version = $2', [
      scheme.name,
      scheme.version,
    ]);
    await tx.query('DELETE FROM assess_input WHERE scheme_name = $1 AND year = $2 AND month = $3', [
      run.schemeName,
      run.year,
      run.month,
    ]);
    for (const i of run.inputs)
      await tx.query(
        `INSERT INTO assess_input (scheme_name, year, month, region_code, item, value, veto, note, entered_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          run.schemeName,
          run.year,
          run.month,
          i.regionCode,
          i.item,
          i.value === 'veto' ? null : i.value,
          i.value === 'veto',
          i.note,
          i.by ?? run.user,
        ],
      );
    const [row] = await tx.query<RunRow>(
      `INSERT INTO assess_run (scheme_name, scheme_version, year, month, parent_code, rows, published_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) RETURNING *`,
      [
        run.schemeName,
        scheme.version,
        run.year,
        run.month,
        run.parentCode,
        JSON.stringify(run.rows),
        run.user,
      ],
    );
    await recordAudit(tx, {
      user: run.user,
      action: 'assess.publish',
      region: run.parentCode,
      object: `${run.schemeName} v${scheme.version} ${period}`,
      new: run.rows.map((r) => ({ code: r.code, group: r.group, total: r.total, rank: r.rank })),
      file: run.file,
    });
    return toRun(row as RunRow);
  });
}

/** The inputs stored with a published run, as they were entered. */
export async function storedInputs(
  db: Db,
  schemeName: string,
  year: number,
  month: number,
): Promise<StoredInput[]> {
  const rows = await db.query<{
    region_code: string;
    item: string;
    value: number | null;
    veto: boolean;
    note: string | null;
    entered_by: string;
    entered_at: Date | string;
  }>(
    'SELECT region_code, item, value, veto, note, entered_by, entered_at FROM assess_input WHERE scheme_name = $1 AND year = $2 AND month = $3 ORDER BY id',
    [schemeName, year, month],
  );
  return rows.map((r) => ({
    regionCode: r.region_code,
    item: r.item,
    value: r.veto ? 'veto' : Number(r.value),
    note: r.note,
    by: r.entered_by,
    at: new Date(r.entered_at).toISOString(),
  }));
}

export async function publishedRuns(db: Db): Promise<PublishedRun[]> {
  const rows = await db.query<RunRow>('SELECT * FROM assess_run ORDER BY year DESC, month DESC, scheme_name');
  return rows.map(toRun);
}

/** The run of a scheme at a period, or (before = true) the last one published before it. */
export async function publishedRun(
  db: Db,
  schemeName: string,
  year: number,
  month: number,
  before = false,
): Promise<PublishedRun | null> {
  const [r] = await db.query<RunRow>(
    before
      ? `SELECT * FROM assess_run WHERE scheme_name = $1 AND (year, month) < ($2::smallint, $3::smallint)
         ORDER BY year DESC, month DESC LIMIT 1`
      : 'SELECT * FROM assess_run WHERE scheme_name = $1 AND year = $2 AND month = $3',
    [schemeName, year, month],
  );
  return r ? toRun(r) : null;
}

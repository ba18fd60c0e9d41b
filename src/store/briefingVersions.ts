// Saved versions of a briefing: the analyst's edited paragraphs of a region and period, numbered 1, 2, …, each
// with who saved it, when, and which paragraphs it changed. The core checks and applies the edits.
import {
  applyEdits,
  changesBetween,
  checkEdits,
  type EditRequest,
  type ParagraphChange,
  type ParagraphEdit,
} from '../core/briefing/edits.ts';
import type { Briefing } from '../core/briefing/types.ts';
import { TiaoduError } from '../core/errors.ts';
import { parsePeriod } from '../core/period.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';

export interface BriefingVersion {
  version: number;
  savedBy: string;
  savedAt: string;
  note: string | null;
  edits: ParagraphEdit[];
  changes: ParagraphChange[];
}

interface Row {
  version: number;
  saved_by: string;
  saved_at: Date | string;
  note: string | null;
  edits: ParagraphEdit[] | string;
  changes: ParagraphChange[] | string;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const versionOf = (r: Row): BriefingVersion => ({
  version: Number(r.version),
  savedBy: r.saved_by,
  savedAt: new Date(r.saved_at).toISOString(),
  note: r.note,
  edits: json(r.edits),
  changes: json(r.changes),
});

/** Every saved version of a region's briefing for the period, newest first. */
export async function listBriefingVersions(
  db: Db,
  regionCode: string,
  year: number,
  month: number,
): Promise<BriefingVersion[]> {
  const rows = await db.query<Row>(
    `SELECT version, saved_by, saved_at, note, edits, changes FROM briefing_version
     WHERE region_code = $1 AND year = $2 AND month = $3 ORDER BY version DESC`,
    [regionCode, year, month],
  );
  return rows.map(versionOf);
}

/** One saved version; `latest` the newest (null when none was saved). */
export async function getBriefingVersion(
  db: Db,
  regionCode: string,
  year: number,
  month: number,
  version: number | 'latest',
): Promise<BriefingVersion | null> {
  const rows = await db.query<Row>(
    `SELECT version, saved_by, saved_at, note, edits, changes FROM briefing_version
     WHERE region_code = $1 AND year = $2 AND month = $3 ${version === 'latest' ? '' : 'AND version = $4'}
     ORDER BY version DESC LIMIT 1`,
    version === 'latest' ? [regionCode, year, month] : [regionCode, year, month, version],
  );
  const r = rows[0];
  if (!r && version !== 'latest')
    throw new TiaoduError('briefing_version.unknown', `该通报没有第 ${version} 版`);
  return r ? versionOf(r) : null;
}

/**
 * Saves the editor's paragraphs as the next version of the briefing (as generated for the saver). `base` is
 * the version the editor started from (0: the generated text): when someone saved a newer one meanwhile,
 * nothing is saved and the editor is told (409), so no one overwrites another's edits unseen.
 */
export async function saveBriefingVersion(
  db: Db,
  generated: Briefing,
  input: { base: number; edits: EditRequest[]; note?: string | null; user: string },
): Promise<BriefingVersion> {
  const edits = checkEdits(generated, input.edits);
  const year = Number(generated.period.slice(0, 4));
  const month = Number(generated.period.slice(5, 7));
  const region = generated.region.code;
  const conflict = (by: string, at: string, v: number) =>
    new TiaoduError('briefing_version.conflict', `${by}已于 ${at} 保存了第 ${v} 版：请先载入最新版本再编辑`);
  // Two savers at once both read the same latest: the second insert hits the key and is told as a conflict.
  return db.transaction(async (tx) => {
    const latest = await getBriefingVersion(tx, region, year, month, 'latest');
    if ((latest?.version ?? 0) !== input.base)
      throw latest
        ? conflict(latest.savedBy, latest.savedAt, latest.version)
        : new TiaoduError('briefing_version.conflict', `该通报还没有第 ${input.base} 版：请刷新后再编辑`);
    const before = latest ? applyEdits(generated, latest.edits, { peers: true }).stale : [];
    const previous = (latest?.edits ?? []).filter(
      (e) => !before.some((s) => s.section === e.section && s.text === e.text),
    );
    const changes = changesBetween(generated, previous, edits);
    if (changes.length === 0)
      throw new TiaoduError(
        'validation',
        `与${latest ? '当前版本' : '系统生成的原文'}相比没有改动，未保存新版本`,
      );
    const version = (latest?.version ?? 0) + 1;
    const note = input.note?.trim() || null;
    const [row] = await tx
      .query<Row>(
        `INSERT INTO briefing_version (region_code, year, month, version, edits, changes, note, saved_by)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)
         RETURNING version, saved_by, saved_at, note, edits, changes`,
        [region, year, month, version, JSON.stringify(edits), JSON.stringify(changes), note, input.user],
      )
      .catch((e: unknown) => {
        if ((e as { code?: string }).code === '23505') throw conflict('他人', '刚才', version);
        throw e;
      });
    await recordAudit(tx, {
      user: input.user,
      action: 'briefing.save',
      region,
      object: `${generated.period} 第${version}版`,
      new: { paragraphs: changes.map((c) => `${c.title}#${c.index + 1}`), note },
    });
    return versionOf(row as Row);
  });
}

/**
 * The briefing with a saved version's edits in place: `latest` (none saved: the generated text), a number, or
 * 0 for the generated text. `peers`: the reader may see other regions' figures (edits stating them otherwise
 * left out).
 */
export async function withVersion(
  db: Db,
  b: Briefing,
  version: number | 'latest',
  peers: boolean,
): Promise<Briefing> {
  const p = parsePeriod(b.period);
  if (version === 0 || !p) return { ...b, version: null, stale: [] };
  const v = await getBriefingVersion(db, b.region.code, p.year, p.month, version);
  if (!v) return { ...b, version: null, stale: [] };
  const { briefing: edited, stale } = applyEdits(b, v.edits, { peers });
  return {
    ...edited,
    version: { number: v.version, savedBy: v.savedBy, savedAt: v.savedAt, note: v.note },
    stale,
  };
}

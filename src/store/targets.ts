// Targets (目标): per indicator × region × year × strength, with every change kept in target_history.
import { ImportError, type ImportIssue, type ParsedTarget } from '../core/imports.ts';
import type { Target, Trajectory } from '../core/types.ts';
import type { Db } from './db.ts';
import { requireIndicator } from './indicators.ts';
import { requireRegion } from './regions.ts';

interface TargetRow {
  region_code: string;
  indicator_code: string;
  year: number;
  strength: Target['strength'];
  kind: Target['kind'];
  value: number;
  cmp: Target['cmp'];
  trajectory: Trajectory | null;
  source: string | null;
  quote: string | null;
}

const toTarget = (r: TargetRow): Target => ({
  regionCode: r.region_code,
  indicatorCode: r.indicator_code,
  year: Number(r.year),
  strength: r.strength,
  kind: r.kind,
  value: r.value,
  cmp: r.cmp,
  trajectory: typeof r.trajectory === 'string' ? (JSON.parse(r.trajectory) as Trajectory) : r.trajectory,
  source: r.source,
  quote: r.quote,
});

const select = `SELECT region_code, indicator_code, year, strength, kind, value, cmp, trajectory, source, quote
  FROM target`;

/** Sets (or replaces) the target for its indicator × region × year × strength, keeping the old one in history. */
export async function setTarget(db: Db, t: Target, user: string | null = null): Promise<void> {
  await db.transaction(async (tx) => {
    const key = [t.regionCode, t.indicatorCode, t.year, t.strength];
    const [old] = await tx.query<TargetRow>(
      `${select} WHERE region_code = $1 AND indicator_code = $2 AND year = $3 AND strength = $4`,
      key,
    );
    await tx.query(
      `INSERT INTO target (region_code, indicator_code, year, strength, kind, value, cmp, trajectory, source, quote, set_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
       ON CONFLICT (region_code, indicator_code, year, strength) DO UPDATE SET kind = EXCLUDED.kind,
         value = EXCLUDED.value, cmp = EXCLUDED.cmp, trajectory = EXCLUDED.trajectory, source = EXCLUDED.source,
         quote = EXCLUDED.quote, set_by = EXCLUDED.set_by, set_at = now()`,
      [
        ...key,
        t.kind,
        t.value,
        t.cmp,
        t.trajectory ? JSON.stringify(t.trajectory) : null,
        t.source,
        t.quote,
        user,
      ],
    );
    await tx.query(
      `INSERT INTO target_history (region_code, indicator_code, year, strength, old, new, changed_by, source)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [...key, old ? JSON.stringify(toTarget(old)) : null, JSON.stringify(t), user, t.source],
    );
  });
}

/** Removes the target of an indicator × region × year × strength; the removal is kept in history. */
export async function removeTarget(
  db: Db,
  key: Pick<Target, 'regionCode' | 'indicatorCode' | 'year' | 'strength'>,
  user: string | null = null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const params = [key.regionCode, key.indicatorCode, key.year, key.strength];
    const [old] = await tx.query<TargetRow>(
      `${select} WHERE region_code = $1 AND indicator_code = $2 AND year = $3 AND strength = $4`,
      params,
    );
    if (!old) return false;
    await tx.query(
      'DELETE FROM target WHERE region_code = $1 AND indicator_code = $2 AND year = $3 AND strength = $4',
      params,
    );
    await tx.query(
      `INSERT INTO target_history (region_code, indicator_code, year, strength, old, new, changed_by, source)
       VALUES ($1,$2,$3,$4,$5,NULL,$6,'删除')`,
      [...params, JSON.stringify(toTarget(old)), user],
    );
    return true;
  });
}

export async function targetsFor(db: Db, regionCode: string, year: number): Promise<Target[]> {
  const rows = await db.query<TargetRow>(
    `${select} WHERE region_code = $1 AND year = $2 ORDER BY indicator_code, strength`,
    [regionCode, year],
  );
  return rows.map(toTarget);
}

export async function targetsForIndicator(db: Db, indicatorCode: string, year: number): Promise<Target[]> {
  const rows = await db.query<TargetRow>(
    `${select} WHERE indicator_code = $1 AND year = $2 ORDER BY region_code`,
    [indicatorCode, year],
  );
  return rows.map(toTarget);
}

export async function targetHistory(
  db: Db,
  regionCode: string,
  indicatorCode: string,
  year: number,
): Promise<{ old: Target | null; new: Target | null; changedBy: string | null; changedAt: string }[]> {
  const rows = await db.query<{ old: unknown; new: unknown; changed_by: string | null; changed_at: unknown }>(
    `SELECT old, new, changed_by, changed_at FROM target_history
     WHERE region_code = $1 AND indicator_code = $2 AND year = $3 ORDER BY id`,
    [regionCode, indicatorCode, year],
  );
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Target;
  return rows.map((r) => ({
    old: r.old ? parse(r.old) : null,
    new: r.new ? parse(r.new) : null,
    changedBy: r.changed_by,
    changedAt: new Date(String(r.changed_at)).toISOString(),
  }));
}

/**
 * Sets a target file's rows all-or-nothing: every name must resolve, or nothing is set (the intake reads the
 * file: see app/imports.ts). `file` names the source of each target and the file in every issue.
 */
export async function importTargetRows(
  db: Db,
  file: string,
  parsed: ParsedTarget[],
  user: string | null = null,
): Promise<number> {
  const issues: ImportIssue[] = [];
  const resolved: Target[] = [];
  for (const p of parsed) {
    try {
      const indicator = await requireIndicator(db, p.indicator);
      const region = await requireRegion(db, p.region);
      resolved.push({
        indicatorCode: indicator.code,
        regionCode: region.code,
        year: p.year,
        kind: p.kind,
        value: p.value,
        cmp: p.cmp,
        strength: p.strength,
        trajectory: p.trajectory,
        source: p.source ?? file,
        quote: null,
      });
    } catch (e) {
      const err = e as { code?: string; message: string };
      const column = err.code?.startsWith('indicator') ? 'A' : 'B';
      issues.push({
        file,
        row: p.row,
        column,
        value: column === 'A' ? p.indicator : p.region,
        expected: err.message,
        code: err.code ?? 'target',
        message: err.message,
      });
    }
  }
  if (issues.length > 0) throw new ImportError(issues);
  await db.transaction(async (tx) => {
    for (const t of resolved) await setTarget(tx, t, user);
  });
  return resolved.length;
}

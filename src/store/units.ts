// Units (单位) as owners of tasks: each has a stable id beside its (region, name) key, and the accounts that
// answer for it. A unit typed by a user is its id or its exact name; an ambiguous or unknown one is an error.
import { TiaoduError } from '../core/errors.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';

export interface Unit {
  id: number;
  regionCode: string;
  regionName: string;
  name: string;
}

interface UnitRow {
  id: number | string;
  region_code: string;
  region_name: string | null;
  name: string;
}

const SELECT = `SELECT u.id, u.region_code, r.name AS region_name, u.name
  FROM unit u LEFT JOIN region r ON r.code = u.region_code`;

const toUnit = (r: UnitRow): Unit => ({
  id: Number(r.id),
  regionCode: r.region_code,
  regionName: r.region_name ?? r.region_code,
  name: r.name,
});

export async function unitsByIds(db: Db, ids: number[]): Promise<Unit[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<UnitRow>(`${SELECT} WHERE u.id = ANY($1::bigint[]) ORDER BY u.id`, [ids]);
  return rows.map(toUnit);
}

/** The unit of a region with this name, added to the catalogue when missing (a town as its own unit). */
export async function ensureUnit(db: Db, regionCode: string, name: string): Promise<Unit> {
  await db.query('INSERT INTO unit (region_code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    regionCode,
    name,
  ]);
  const [row] = await db.query<UnitRow>(`${SELECT} WHERE u.region_code = $1 AND u.name = $2`, [
    regionCode,
    name,
  ]);
  return toUnit(row as UnitRow);
}

/**
 * The unit a user named: its id (digits) or its exact name. Two units of one name in different regions are an
 * error listing both with their regions; an unknown name is an error with the catalogue's closest names.
 */
export async function requireUnit(db: Db, raw: string): Promise<Unit> {
  const s = raw.trim();
  if (/^\d+$/.test(s)) {
    const [row] = await db.query<UnitRow>(`${SELECT} WHERE u.id = $1`, [Number(s)]);
    if (row) return toUnit(row);
    throw new TiaoduError('unit.unknown', `没有编号为 ${s} 的单位`);
  }
  const rows = (await db.query<UnitRow>(`${SELECT} WHERE u.name = $1 ORDER BY u.id`, [s])).map(toUnit);
  if (rows.length === 1) return rows[0] as Unit;
  if (rows.length > 1) {
    const list = rows.map((u) => `${u.name}（${u.regionName}，编号 ${u.id}）`).join('、');
    throw new TiaoduError('unit.ambiguous', `单位「${s}」有多个：${list}；请用单位编号`);
  }
  const near = (
    await db.query<UnitRow>(
      `${SELECT} WHERE strpos(u.name, $1) > 0 OR strpos($1, u.name) > 0 ORDER BY u.id LIMIT 5`,
      [s],
    )
  ).map(toUnit);
  const hint = near.length
    ? `；是否指：${near.map((u) => `${u.name}（${u.regionName}，编号 ${u.id}）`).join('、')}`
    : '';
  throw new TiaoduError(
    'unit.unknown',
    `未知单位「${s}」：单位目录中没有这个名称或编号（用 tiaodu unit add 添加）${hint}`,
  );
}

/** Links an account to a unit it answers for (it then sees and reports the unit's tasks). */
export async function linkUnitUser(
  db: Db,
  unitId: number,
  userName: string,
  by: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx.query('SELECT 1 FROM app_user WHERE name = $1', [userName]);
    if (!user) throw new TiaoduError('user.unknown', `没有用户「${userName}」`);
    const [unit] = await unitsByIds(tx, [unitId]);
    if (!unit) throw new TiaoduError('unit.unknown', `没有编号为 ${unitId} 的单位`);
    await tx.query('INSERT INTO unit_user (unit_id, user_name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      unitId,
      userName,
    ]);
    await recordAudit(tx, {
      user: by,
      action: 'unit.user',
      region: unit.regionCode,
      object: `unit ${unitId} ${unit.name}`,
      new: { user: userName },
    });
  });
}

/** The ids of the units an account answers for. */
export async function unitIdsOfUser(db: Db, userName: string): Promise<number[]> {
  const rows = await db.query<{ unit_id: number | string }>(
    'SELECT unit_id FROM unit_user WHERE user_name = $1',
    [userName],
  );
  return rows.map((r) => Number(r.unit_id));
}

/** The units of a region and every region below it, by region then name: the catalogue a unit picker offers. */
export async function unitsUnder(db: Db, regionCode: string): Promise<Unit[]> {
  const rows = await db.query<UnitRow>(
    `WITH RECURSIVE below AS (
       SELECT code FROM region WHERE code = $1
       UNION ALL SELECT r.code FROM region r JOIN below b ON r.parent_code = b.code)
     ${SELECT} WHERE u.region_code IN (SELECT code FROM below) ORDER BY u.region_code, u.name`,
    [regionCode],
  );
  return rows.map(toUnit);
}

// Import staging tables: one per file being imported, so chunks can be written outside the final transaction.
import { randomBytes } from 'node:crypto';
import type { Db } from './db.ts';

const PREFIX = 'import_staging_';
/** Tables this process is filling right now; never dropped as stale. */
const live = new Set<string>();
/** On PostgreSQL another process may be importing: only a staging table this old is surely abandoned. */
const ABANDONED_MS = 24 * 3600 * 1000;

/**
 * Creates an empty staging table named after its start time and a random part. Unlogged: it holds only
 * rows on their way in, so nothing in it needs to survive a crash.
 */
export async function createStaging(db: Db): Promise<string> {
  const name = `${PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  live.add(name);
  await db.exec(`CREATE UNLOGGED TABLE ${name} (
      line integer, region_code text, indicator_code text, year smallint, month smallint, scope text,
      value double precision, yoy double precision, month_value double precision,
      month_yoy double precision, forecast boolean, cell text)`);
  return name;
}

export async function dropStaging(db: Db, name: string): Promise<void> {
  try {
    await db.exec(`DROP TABLE IF EXISTS ${name}`);
  } finally {
    live.delete(name);
  }
}

/**
 * Drops staging tables a killed or crashed import left behind. The embedded store has one process (it
 * holds the data directory's lock), so every staging table not being filled here is stale; on PostgreSQL
 * other processes may be importing, so only tables older than a day are dropped.
 */
export async function dropStaleStaging(db: Db, now = Date.now()): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE $1`,
    [`${PREFIX.replaceAll('_', '\\_')}%`],
  );
  const stale = rows
    .map((r) => r.name)
    .filter((name) => !live.has(name))
    .filter((name) => {
      if (db.kind === 'pglite') return true;
      const started = Number.parseInt(name.slice(PREFIX.length).split('_')[0] ?? '', 36);
      return !Number.isFinite(started) || now - started > ABANDONED_MS;
    });
  for (const name of stale) await db.exec(`DROP TABLE IF EXISTS ${name}`);
  return stale;
}

// Test databases: PGlite in memory by default; a fresh database on the PostgreSQL server when DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from './db.ts';
import { openStore } from './index.ts';

/** A migrated, empty store; `drop()` removes it again. */
export async function freshStore(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openStore({ dataDir: 'memory://' });
    return { db, drop: () => db.close() };
  }
  const name = `tiaodu_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openStore({ url: u.toString() });
  return {
    db,
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name}`);
      await a.end();
    },
  };
}

export const driverName = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

// PostgreSQL server driver (node-postgres). Numbers come back as numbers, as they do from PGlite.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../db.ts';

// pg returns bigint and numeric as strings; PGlite returns numbers. Make both agree.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

function wrap(client: pg.PoolClient | pg.Pool, pool: pg.Pool): Db {
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await client.query(sql, params);
      return r.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      if (client !== pool) return fn(wrap(client, pool));
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(wrap(c, pool));
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      } finally {
        c.release();
      }
    },
    async copyCsv(table: string, columns: string[], csv: string) {
      const run = async (c: pg.PoolClient) => {
        const sink = c.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
        await pipeline(Readable.from([csv]), sink);
      };
      if (client !== pool) return run(client as pg.PoolClient);
      const c = await pool.connect();
      try {
        await run(c);
      } finally {
        c.release();
      }
    },
    async close() {
      if (client === pool) await pool.end();
    },
  };
}

export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await pool.query('SELECT 1');
  return wrap(pool, pool);
}

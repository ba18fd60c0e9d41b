// PGlite driver: Postgres in WebAssembly, in-process, a data directory on disk. One connection, so calls are serialised.
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db } from '../db.ts';

type Runner = PGlite | Transaction;

function wrap(runner: Runner, root: PGlite): Db {
  return {
    kind: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      const r = await runner.query<T>(sql, params);
      return r.rows;
    },
    async exec(sql: string) {
      await runner.exec(sql);
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      // PGlite has no nested transactions; inside one we just keep going in it.
      if (runner !== root) return fn(wrap(runner, root));
      return root.transaction((tx) => fn(wrap(tx, root)));
    },
    async copyCsv(table: string, columns: string[], csv: string) {
      await runner.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    async close() {
      if (runner === root) await root.close();
    },
  };
}

export async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir);
  await pg.waitReady;
  return wrap(pg, pg);
}

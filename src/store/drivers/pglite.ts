// PGlite driver: Postgres in WebAssembly, in-process, a data directory on disk. One connection, so calls are
// serialised, and one process per directory, so a directory is locked while open (see ../lock.ts).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db } from '../db.ts';
import { type DataDirLock, lockDataDir, OWN_FILES } from '../lock.ts';
import { migrate } from '../migrate.ts';
import { saveTemplate, unpackTemplate } from './template.ts';

type Runner = PGlite | Transaction;

function wrap(runner: Runner, root: PGlite, lock: DataDirLock | null): Db {
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
      if (runner !== root) return fn(wrap(runner, root, lock));
      return root.transaction((tx) => fn(wrap(tx, root, lock)));
    },
    async copyCsv(table: string, columns: string[], csv: string) {
      await runner.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    async dumpDataDir() {
      if (runner !== root) throw new Error('dumpDataDir inside a transaction would wait for itself');
      // Not needed for consistency (the WAL is in the copy), but it makes the copy's recovery on restore short.
      await root.exec('CHECKPOINT');
      // PGlite's own dump holds only the query lock; holding the transaction lock too keeps an open
      // transaction (another request's import) from being caught half-way.
      const tar = await root._runExclusiveTransaction(() => root.dumpDataDir('none'));
      return new Uint8Array(await tar.arrayBuffer());
    },
    async close() {
      if (runner !== root) return;
      try {
        await root.close();
      } finally {
        lock?.release();
      }
    },
  };
}

export interface PgliteOptions {
  /** A lock the caller already took on the directory; the Db owns it from here and releases it on close. */
  lock?: DataDirLock;
  /** What this process runs, recorded in the lock for other processes' messages. */
  command?: string;
}

export async function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<Db> {
  if (dataDir.startsWith('memory://')) {
    const pg = new PGlite(dataDir);
    await pg.waitReady;
    return wrap(pg, pg, null);
  }
  const lock = options.lock ?? (await lockDataDir(dataDir, { command: options.command ?? commandName() }));
  try {
    // A new directory is unpacked from the migrated empty cluster's archive when there is one (template.ts);
    // without one, PGlite runs initdb and, migrated, the result becomes the archive.
    const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
    const initdb = fresh && !unpackTemplate(dataDir, OWN_FILES);
    const pg = new PGlite(dataDir, buffers(options.command ?? commandName()));
    await pg.waitReady;
    const db = wrap(pg, pg, lock);
    if (initdb) {
      // The archive holds the schema too: the next new directory skips the migrations as well.
      await migrate(db);
      await saveTemplate(pg);
    }
    return db;
  } catch (e) {
    lock.release();
    throw e;
  }
}

/**
 * Postgres clears its whole buffer pool when it starts, and in WebAssembly initdb's 128 MB costs ≈ 0.6 s of every
 * open: a third of a short command such as `series`. Commands that run a few queries and exit start with 16 MB
 * (the files stay in the operating system's cache); the server and imports keep the default. The demo (4.2 s
 * instead of 5.4) and a restore (2.6 s instead of 3.9) write or read less than clearing the pool costs them.
 */
const LONG_LIVED = new Set(['serve', 'start', 'import']);
const buffers = (command: string) =>
  LONG_LIVED.has(command) ? {} : { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] };

/** `import`, `serve`, … for the `tiaodu` command; the script's name otherwise (a bench, a test). */
function commandName(): string {
  const [script = 'node', first] = process.argv.slice(1);
  return /tiaodu(\.js)?$/.test(script) && first ? first : (script.split('/').pop() ?? 'node');
}

// PGlite is one connection: requests must take turns, or one request's statements would land in another's transaction.
import type { Db } from '../store/db.ts';

/**
 * Wraps a Db so each call waits for the previous one to finish. A whole transaction is one turn:
 * its callback gets the driver's own transaction handle, which already holds the turn, so the
 * store must use `tx` (never the outer db) inside a transaction — it does, and waiting on the
 * outer db there would wait forever.
 * PGlite 0.5 happens to queue calls behind an open transaction itself (checked: concurrent imports and
 * entries come out whole without this wrapper); we keep the guarantee here rather than rely on an
 * internal detail of one driver version. A PostgreSQL pool needs none of it: each transaction has its
 * own connection.
 * @example const db = serialized(await openStore({ dataDir: './data' }));
 */
export function serialized(db: Db): Db {
  let tail: Promise<unknown> = Promise.resolve();
  const turn = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
  return {
    kind: db.kind,
    query: (sql, params) => turn(() => db.query(sql, params)),
    exec: (sql) => turn(() => db.exec(sql)),
    transaction: (fn) => turn(() => db.transaction(fn)),
    copyCsv: (table, columns, csv) => turn(() => db.copyCsv(table, columns, csv)),
    close: () => turn(() => db.close()),
  };
}

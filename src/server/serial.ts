// PGlite is one connection: requests must take turns, or one request's transaction would see another's statements.
import type { Db } from '../store/db.ts';

/** Wraps a Db so each call (a whole transaction counts as one) waits for the previous one to finish. */
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
    // Inside the transaction the callback gets the raw transaction handle: it already holds the turn.
    transaction: (fn) => turn(() => db.transaction(fn)),
    copyCsv: (table, columns, csv) => turn(() => db.copyCsv(table, columns, csv)),
    close: () => turn(() => db.close()),
  };
}

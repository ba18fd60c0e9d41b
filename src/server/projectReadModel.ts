// The computed read model of a region's projects at a period — rows, lights, rates, 三未 and the board's menus —
// kept for the data version it was read under, so the board's requests and its page turns read the store once.
import { boardChoices } from '../core/projects/board.ts';
import { type ProjectRates, projectRates, type ThreeNots, threeNots } from '../core/projects/rates.ts';
import type { PeriodAt } from '../core/projects/rows.ts';
import type { Db } from '../store/db.ts';
import { listRows, projectsAt } from '../store/projectViews.ts';

type Read = Awaited<ReturnType<typeof projectsAt>>;

/** One read of a subtree at a period and what the routes compute from it, each computed once when first asked. */
export interface ReadModel extends Read {
  rows(): ReturnType<typeof listRows>;
  rates(): ProjectRates;
  nots(): ThreeNots;
  choices(): ReturnType<typeof boardChoices>;
}

function modelOf(read: Read, at: PeriodAt): ReadModel {
  let rows: ReturnType<typeof listRows> | undefined;
  let rates: ProjectRates | undefined;
  let nots: ThreeNots | undefined;
  let choices: ReturnType<typeof boardChoices> | undefined;
  return {
    ...read,
    rows: () => (rows ??= listRows(read.items)),
    rates: () => (rates ??= projectRates(read.items, at)),
    nots: () => (nots ??= threeNots(read.items, read.reports, at)),
    choices: () => (choices ??= boardChoices(read.items.map((i) => i.row))),
  };
}

/** How many (region, period) models are kept at most: the last asked stay. */
const KEPT = 8;

/**
 * The read model of (region, period), kept while the data version stays the same: a write bumps the version
 * and the next request reads anew. `version` is given only where it is exact — the embedded store, whose one
 * process makes every write (see cache.ts); without it every request reads the store (PostgreSQL, where
 * other processes write too). Requests asking while a read runs join it.
 */
export function projectReadModels(db: Db, version: (() => number) | undefined) {
  const kept = new Map<string, Promise<ReadModel>>();
  let keptVersion = -1;
  return (regionCode: string, at: PeriodAt): Promise<ReadModel> => {
    const read = () => projectsAt(db, regionCode, at).then((r) => modelOf(r, at));
    if (!version) return read();
    const v = version();
    if (v !== keptVersion) {
      kept.clear();
      keptVersion = v;
    }
    const key = `${regionCode}|${at.year}|${at.month}`;
    const same = kept.get(key);
    if (same) {
      kept.delete(key); // Re-inserted: the Map's first key is the least recently used.
      kept.set(key, same);
      return same;
    }
    const model = read();
    kept.set(key, model);
    // A failed read is not kept. One that ran while a write bumped the version goes with the next request's
    // clearing: it is kept under the old version only.
    model.catch(() => {
      if (kept.get(key) === model) kept.delete(key);
    });
    for (const oldest of kept.keys()) {
      if (kept.size <= KEPT) break;
      kept.delete(oldest);
    }
    return model;
  };
}

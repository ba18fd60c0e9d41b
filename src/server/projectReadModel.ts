// The computed read model of a region's projects at a period — rows, lights, rates, 三未 and the board's menus —
// kept for the data version it was read under, so the board's requests and its page turns read the store once;
// after a write, only the projects changed since are read again. Read ahead at start and after writes (warmUp),
// the model a user opens first is ready before anyone asks.
import { boardChoices } from '../core/projects/board.ts';
import {
  type ProjectAt,
  type ProjectRates,
  projectRates,
  type ThreeNots,
  threeNots,
} from '../core/projects/rates.ts';
import type { PeriodAt } from '../core/projects/rows.ts';
import type { Db } from '../store/db.ts';
import { lastProjectChange, latestReportMonth, projectChangesSince } from '../store/projectReads.ts';
import { listRows, projectsAt } from '../store/projectViews.ts';
import { topRegions } from '../store/regions.ts';
import { latestPeriod } from '../store/series.ts';
import { periodOf } from './schemas.ts';

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

/** More changed projects than this and the subtree is read whole again: patching pays for a few. */
const PATCH_AT_MOST = 500;

/** A model and the number of the last change it saw (`projectChangesSince`). */
interface Seen {
  model: ReadModel;
  seq: number;
}

/** The whole subtree read; `seq` read before it, so a change made while it reads is seen next time. */
async function readWhole(db: Db, regionCode: string, at: PeriodAt, seq?: number): Promise<Seen> {
  const since = seq ?? (await lastProjectChange(db));
  return { model: modelOf(await projectsAt(db, regionCode, at), at), seq: since };
}

/**
 * `old` with the projects of `codes` read again (`fresh`): a changed project takes its place in the code order,
 * one gone from the subtree (deleted, moved) leaves; undefined when one is new to the subtree, whose place in
 * the store's code order (its collation) is the store's to say — read whole then.
 */
function patched(old: Read, fresh: Read, codes: readonly string[]): Read | undefined {
  const changed = new Set(codes);
  const freshBy = new Map(fresh.items.map((i) => [i.project.code, i]));
  const items: ProjectAt[] = [];
  for (const item of old.items) {
    const code = item.project.code;
    if (!changed.has(code)) items.push(item);
    else {
      const now = freshBy.get(code);
      if (now) items.push(now);
      freshBy.delete(code);
    }
  }
  if (freshBy.size > 0) return undefined;
  const reports = new Map(old.reports);
  for (const code of changed) {
    const now = fresh.reports.get(code);
    if (now) reports.set(code, now);
    else reports.delete(code);
  }
  return { items, reports };
}

/** `seen` brought up to date: the same model when nothing it reads changed, patched when a few projects did. */
async function refreshed(db: Db, regionCode: string, at: PeriodAt, seen: Seen): Promise<Seen> {
  const changes = await projectChangesSince(db, seen.seq);
  if (changes.everything || changes.codes.length > PATCH_AT_MOST)
    return readWhole(db, regionCode, at, changes.next);
  if (changes.codes.length === 0) return { model: seen.model, seq: changes.next };
  const read = patched(seen.model, await projectsAt(db, regionCode, at, changes.codes), changes.codes);
  return read ? { model: modelOf(read, at), seq: changes.next } : readWhole(db, regionCode, at, changes.next);
}

/** How long writes must pause before the model asked last is read again in the background (after warmUp). */
const QUIET_MS = 1000;

/** The read models of a process: ask one as a function; `warmUp` and `changed` read ahead. */
export type ReadModels = ((regionCode: string, at: PeriodAt) => Promise<ReadModel>) & {
  /**
   * Reads the board a user opens first — the top region at its latest period, as the web app opens it — and,
   * from then on, the model asked last again once writes pause (see `changed`), so a request after a start, an
   * import or a changed region finds it read. Never rejects: a failed read is logged and read again when asked.
   */
  warmUp(): Promise<void>;
  /** Says the data changed (every write, see cache.ts): after warmUp, the model asked last is read ahead. */
  changed(): void;
};

/** Where the web app opens the board: the top region (its first), at its latest period; null in an empty store. */
async function firstBoard(db: Db): Promise<{ regionCode: string; at: PeriodAt } | null> {
  const [top] = await topRegions(db);
  if (!top) return null;
  // Without the cockpit's figures the user picks a month: most likely the newest reported.
  const period = await latestPeriod(db, top.code);
  const at = period ? periodOf(period) : await latestReportMonth(db);
  return at ? { regionCode: top.code, at } : null;
}

const logged = (e: unknown) => console.error(`项目看板预读失败：${(e as Error).message ?? e}`);

/** What opening the board computes from a model besides its page: computed ahead with it. */
const opened = (m: ReadModel) => {
  m.rates();
  m.nots();
  m.choices();
};

/**
 * The read model of (region, period), kept while the data version stays the same. A write bumps the version;
 * the next request asks the store which projects changed since the model was read (project_change, kept by
 * triggers on the register, the reports, the regions and the settings, whoever wrote) and reads only those
 * again. `version` is given only where it is exact — the embedded store, whose one process makes every write
 * (see cache.ts); without it every request reads the store (PostgreSQL, where other processes write too) and
 * nothing is read ahead. Requests asking while a read runs join it.
 */
export function projectReadModels(db: Db, version: (() => number) | undefined): ReadModels {
  const kept = new Map<string, { seen: Promise<Seen>; version: number; regionCode: string; at: PeriodAt }>();
  const read = (regionCode: string, at: PeriodAt): Promise<ReadModel> => {
    if (!version) return projectsAt(db, regionCode, at).then((r) => modelOf(r, at));
    const v = version();
    const key = `${regionCode}|${at.year}|${at.month}`;
    const old = kept.get(key);
    kept.delete(key); // Re-inserted: the Map's first key is the least recently used.
    if (old?.version === v) {
      kept.set(key, old);
      return old.seen.then((s) => s.model);
    }
    const seen = old
      ? old.seen.then(
          (s) => refreshed(db, regionCode, at, s),
          () => readWhole(db, regionCode, at),
        )
      : readWhole(db, regionCode, at);
    const entry = { seen, version: v, regionCode, at };
    kept.set(key, entry);
    // A failed read is not kept.
    seen.catch(() => {
      if (kept.get(key) === entry) kept.delete(key);
    });
    for (const oldest of kept.keys()) {
      if (kept.size <= KEPT) break;
      kept.delete(oldest);
    }
    return seen.then((s) => s.model);
  };

  let ahead = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    if (!ahead) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const last = [...kept.values()].at(-1);
      if (last) read(last.regionCode, last.at).then(opened, logged);
    }, QUIET_MS);
    // A pending read-ahead never keeps the process alive.
    timer.unref?.();
  };
  const warmUp = async () => {
    if (!version) return;
    ahead = true;
    try {
      const first = await firstBoard(db);
      if (first) opened(await read(first.regionCode, first.at));
    } catch (e) {
      logged(e);
    }
  };
  return Object.assign(read, { warmUp, changed });
}

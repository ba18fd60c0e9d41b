// The project board's table, one page at a time: the rows a board's filters keep, sorted by a column, and the
// page asked for. The server pages so the browser never takes the whole register (10,000 rows, 5 MB of JSON).
import type { Light } from './types.ts';

/** What the board's table filters and sorts on: a row of the list with its open and overdue problems. */
export interface BoardRow {
  code: string;
  name: string;
  region: string;
  level: string | null;
  type: string | null;
  annualPlan: number;
  done: number;
  rate: number | null;
  lag: number | null;
  light: Light;
}

export type ProblemCount = { open: number; overdue: number };

export const BOARD_SORTS = [
  'light',
  'code',
  'region',
  'annualPlan',
  'done',
  'rate',
  'lag',
  'problems',
] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

export interface BoardQuery {
  light?: Light;
  level?: string;
  type?: string;
  /** 所属地区 by its name, as the table shows it. */
  area?: string;
  /** Part of the name or the code. */
  search?: string;
  /** Only projects with a problem past its due day. */
  overdue?: boolean;
  /** Only the projects of this 包联领导. */
  leader?: string;
  sort?: BoardSort;
  descending?: boolean;
  offset: number;
  limit: number;
}

export const LIGHT_RANK: Record<Light, number> = { red: 0, yellow: 1, green: 2 };
const NONE: ProblemCount = { open: 0, overdue: 0 };

/** Compares two rows by a column as the board's headers do (a missing rate sorts below 0, a missing lag as 0). */
function comparer(sort: BoardSort, problems: (code: string) => ProblemCount) {
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const by: Record<BoardSort, (a: BoardRow, b: BoardRow) => number> = {
    light: (a, b) => LIGHT_RANK[a.light] - LIGHT_RANK[b.light],
    code: (a, b) => text(a.code, b.code),
    region: (a, b) => a.region.localeCompare(b.region, 'zh-CN'),
    annualPlan: (a, b) => a.annualPlan - b.annualPlan,
    done: (a, b) => a.done - b.done,
    rate: (a, b) => (a.rate ?? -1) - (b.rate ?? -1),
    lag: (a, b) => (a.lag ?? 0) - (b.lag ?? 0),
    problems: (a, b) => {
      const x = problems(a.code);
      const y = problems(b.code);
      return x.overdue - y.overdue || x.open - y.open;
    },
  };
  return by[sort];
}

/**
 * The page of items a board asks for: filtered, sorted (ties keep the given code order, either way), cut at
 * offset/limit; `total` counts every item the filters keep. Without a sort, red first (the board's default).
 * An item is anything with a row and a 包联领导 (`rowOf`, `leaderOf` find them): the server pages the projects
 * it read and makes the list's full rows of the page's 20 only.
 * @example boardPage(items, { light: 'red', sort: 'lag', offset: 0, limit: 20 }, counts, (i) => i.row, (i) => i.project.leader)
 */
export function boardPage<I>(
  items: readonly I[],
  q: BoardQuery,
  problems: ReadonlyMap<string, ProblemCount>,
  rowOf: (item: I) => BoardRow,
  leaderOf: (item: I) => string | null,
): { total: number; items: I[] } {
  const of = (code: string) => problems.get(code) ?? NONE;
  const kept = items.filter((item) => {
    const r = rowOf(item);
    return (
      (!q.light || r.light === q.light) &&
      (!q.level || r.level === q.level) &&
      (!q.type || r.type === q.type) &&
      (!q.area || r.region === q.area) &&
      (!q.overdue || of(r.code).overdue > 0) &&
      (q.leader === undefined || leaderOf(item)?.trim() === q.leader) &&
      (!q.search || r.name.includes(q.search) || r.code.includes(q.search))
    );
  });
  const compare = comparer(q.sort ?? 'light', of);
  const sign = q.descending ? -1 : 1;
  // Array.prototype.sort is stable: equal rows stay in code order, as in the browser's table before.
  const sorted = kept.sort((a, b) => sign * compare(rowOf(a), rowOf(b)));
  return { total: kept.length, items: sorted.slice(q.offset, q.offset + q.limit) };
}

type Chosen = Pick<BoardRow, 'level' | 'type' | 'region'>;

/** The values the board's filter menus offer: each level, type and region name present, sorted. */
export function boardChoices(rows: readonly Chosen[]): {
  level: string[];
  type: string[];
  region: string[];
} {
  const of = (pick: (r: Chosen) => string | null) =>
    [...new Set(rows.map(pick).filter((v): v is string => !!v))].sort();
  return { level: of((r) => r.level), type: of((r) => r.type), region: of((r) => r.region) };
}

// The shape of the role × endpoint × region table: per operation of the OpenAPI document, how to build a
// request aimed at each target region, and who may do it. The rows are in access-reads.ts and access-writes.ts.
import type { Answer, Call } from './access-probe.ts';
import {
  CODES,
  inScope,
  ROLE_USERS,
  type RoleKey,
  type TargetKey,
  type World,
  XIHU,
} from './access-world.ts';

export interface Ctx {
  w: World;
  role: RoleKey;
  /** The region aimed at; null for an operation that names no region. */
  target: TargetKey | null;
}

export interface Variant {
  name: string;
  /** `region`: built once per target region; `none`: once, aimed at no region. */
  aim: 'region' | 'none';
  /** The roles that try it (default: all six). */
  roles?: RoleKey[];
  /** The request; may first make the object it is aimed at (a fresh account, document, submission …). */
  build(c: Ctx): Call | Promise<Call>;
  /** Whether the role may do it to the target: the documented rule. */
  allowed(c: Ctx): boolean;
  /** Statuses that mean it was done (default 200). */
  ok?: (c: Ctx) => number[];
  /** Statuses that mean it was refused (default 403 or 404). */
  refused?: (c: Ctx) => number[];
  /** A further check of a refusal's answer; returns what is wrong, or null. */
  checkRefusal?: (a: Answer) => string | null;
  /** A further check of a success's answer; returns what is wrong, or null. */
  checkDone?: (a: Answer, c: Ctx) => string | null | Promise<string | null>;
  /** Tables a refused request may still write, with the reason at the variant. */
  mayWrite?: string[];
  /** A read documented to write when done (the backup records who took it): not fingerprinted then. */
  writesWhenDone?: boolean;
  /** League tables: other regions' published figures may show, as league.peerFigures allows. */
  peers?: boolean;
  /** Documented to show values under review (the review list, the series with include=submitted, the audit log). */
  pending?: boolean;
  /** Turns the first answer into the final one (an import job: its outcome). */
  settle?: (a: Answer, c: Ctx) => Promise<Answer>;
  /** Undoes what a successful control changed that later cases rely on (a password). */
  after?: (a: Answer, c: Ctx) => Promise<void>;
}

/** Operation ('GET /api/series', as in the OpenAPI document) → its variants. */
export type AccessTable = Record<string, Variant[]>;

export const roleOf = (c: Ctx) => ROLE_USERS[c.role].role;
export const cityWide = (c: Ctx) => ROLE_USERS[c.role].regionCode === null;
export const code = (c: Ctx) => CODES[c.target ?? 'own'];
export const scoped = (c: Ctx) => inScope(c.role, c.target);

/** The task force: analysts and administrators. */
export const taskForce = (c: Ctx) => roleOf(c) === 'analyst' || roleOf(c) === 'admin';
export const admins = (c: Ctx) => roleOf(c) === 'admin';
/** Those who enter figures: everyone but a leader. */
export const writers = (c: Ctx) => roleOf(c) !== 'leader';
export const always = () => true;
export const never = () => false;

/** A query string from the parameters given. */
export function qs(params: Record<string, string | number | undefined>): string {
  const kept = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined);
  return new URLSearchParams(kept.map(([k, v]) => [k, String(v)])).toString();
}

/** A GET any signed-in user may make, aimed at no region. */
export const everyone = (path: string, extra: Partial<Variant> = {}): Variant => ({
  name: 'as anyone',
  aim: 'none',
  build: () => ({ method: 'GET', path }),
  allowed: always,
  ...extra,
});

/** A GET aimed at a region, allowed within the role's scope (or by `allowed`). */
export const regionRead = (
  name: string,
  path: (c: Ctx) => string,
  extra: Partial<Variant> = {},
): Variant => ({
  name,
  aim: 'region',
  build: (c) => ({ method: 'GET', path: path(c) }),
  allowed: scoped,
  ...extra,
});

/** A write aimed at the target region, allowed to `who` within the role's scope. */
export const regionWrite = (
  name: string,
  who: (c: Ctx) => boolean,
  build: Variant['build'],
  extra: Partial<Variant> = {},
): Variant => ({ name, aim: 'region', build, allowed: (c) => who(c) && scoped(c), ...extra });

export const created = () => [201];

/** Who may review a value of the target: an analyst or admin of a level strictly above it (city-wide: all). */
export const reviewsAbove = (c: Ctx) => taskForce(c) && (cityWide(c) || c.target === 'ownTown');

/** A long-template CSV with one row for the target region. */
export const figureFile = (c: Ctx, period: string) =>
  `指标,地区,期间,数值\n固定资产投资,${code(c)},${period},${c.w.next()}\n`;

/** A region the role owns for sure, for bodies that need one besides the target. */
export const OWN = XIHU;

// Who is asking and what they may touch: a session token (cookie or Bearer header) → a user with a role and a region scope.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { TiaoduError } from '../core/errors.ts';
import type { Db } from '../store/db.ts';
import { getRegion, maySeePeerFigures, sessionAccount } from '../store/index.ts';

export type Role = 'admin' | 'analyst' | 'reporter' | 'leader';

export interface User {
  name: string;
  role: Role;
  /** The region the user may see and write, with everything below it; null = everywhere. */
  regionCode: string | null;
}

/** The seam the account system plugs into: turn a session token into a user, or null when it is not valid. */
export interface Users {
  /** A session from the sign-in page carries a CSRF token that cookie-borne writes must echo. */
  byToken(token: string): Promise<(User & { csrf?: string }) | null>;
}

/** Accounts with passwords: a session token (from POST /api/session) → its account. */
export function accountAuth(db: Db): Users {
  return { byToken: (token) => sessionAccount(db, token) };
}

/** Tries each lookup in turn (signed-in sessions first, then fixed tokens). */
export function anyAuth(...lookups: Users[]): Users {
  return {
    async byToken(token) {
      for (const l of lookups) {
        const user = await l.byToken(token);
        if (user) return user;
      }
      return null;
    },
  };
}

export const CSRF_HEADER = 'x-csrf-token';

/**
 * Fixed tokens handed out at start, until accounts with passwords arrive.
 * @example createTokenAuth({ s3cret: { name: 'admin', role: 'admin', regionCode: null } })
 */
export function createTokenAuth(tokens: Record<string, User>): Users {
  const known = new Map(Object.entries(tokens));
  return { byToken: async (token) => known.get(token) ?? null };
}

export const SESSION_COOKIE = 'tiaodu_session';

export type AuthEnv = { Variables: { user: User } };

/**
 * Every data endpoint needs a signed-in user: 401 otherwise. Without a user lookup nobody is signed in.
 * A write that rides on the session cookie must carry the session's CSRF token (a Bearer header cannot be
 * sent by another site, so it needs none).
 */
export function requireUser(users: Users | undefined): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    const token = bearer ?? cookie;
    const found = token && users ? await users.byToken(token) : null;
    if (!found) throw new TiaoduError('auth.required', '请先登录');
    const { csrf, ...user } = found;
    const write = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
    if (!bearer && write && csrf !== undefined && c.req.header(CSRF_HEADER) !== csrf) {
      throw new TiaoduError('forbidden.csrf', '请求缺少有效的防伪令牌（CSRF），请刷新页面后重试');
    }
    c.set('user', user);
    await next();
  };
}

/** Throws `forbidden` unless the user has one of the roles. */
export function requireRole(user: User, roles: Role[]): void {
  if (!roles.includes(user.role)) throw new TiaoduError('forbidden', '当前角色无权进行此操作');
}

/**
 * Whether `regionCode` is `scope` or lies below it (walked up the parent chain). A null scope is everywhere;
 * a null region (city-wide, no region) lies within no scope but everywhere.
 */
export async function inScope(db: Db, scope: string | null, regionCode: string | null): Promise<boolean> {
  if (scope === null) return true;
  const seen = new Set<string>();
  for (let code: string | null = regionCode; code && !seen.has(code); ) {
    if (code === scope) return true;
    seen.add(code);
    code = (await getRegion(db, code))?.parentCode ?? null;
  }
  return false;
}

/** A user with a region scope may touch only that region and what lies below it. */
export async function assertInScope(db: Db, user: User, regionCode: string): Promise<void> {
  if (!(await inScope(db, user.regionCode, regionCode)))
    throw new TiaoduError('forbidden', '无权访问本账号辖区以外的地区');
}

/** Only a city-wide account (no region scope) may change what every region shares: the catalogue, built-ins. */
export function requireCityWide(user: User, what: string): void {
  if (user.regionCode !== null) throw new TiaoduError('forbidden', `按辖区限定的账号不能${what}`);
}

/**
 * The order of roles by what each may do, for "nobody grants more than he holds": a reporter writes its own
 * region's figures; a leader reads everything in its scope but writes nothing; an analyst reads and also
 * writes targets, figures, peer groups and the catalogue; an administrator also manages accounts. A leader
 * ranks above a reporter because reading a whole scope reveals more than writing one region's figures.
 */
export const ROLE_RANK: Record<Role, number> = { reporter: 1, leader: 2, analyst: 3, admin: 4 };

/**
 * Whether the user sees other regions' figures (league rows of peers, the parent's growth): an account without
 * a region scope always, others as the setting league.peerFigures says for their role.
 */
export async function seesPeerFigures(db: Db, user: User): Promise<boolean> {
  return user.regionCode === null || (await maySeePeerFigures(db, user.role));
}

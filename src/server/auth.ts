// Who is asking and what they may touch: a session token (cookie or Bearer header) → a user with a role and a region scope.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { TiaoduError } from '../core/errors.ts';
import type { Db } from '../store/db.ts';
import { getRegion } from '../store/index.ts';

export type Role = 'admin' | 'analyst' | 'reporter' | 'leader';

export interface User {
  name: string;
  role: Role;
  /** The region the user may see and write, with everything below it; null = everywhere. */
  regionCode: string | null;
}

/** The seam the account system plugs into: turn a session token into a user, or null when it is not valid. */
export interface Users {
  byToken(token: string): Promise<User | null>;
}

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

function tokenOf(authorization: string | undefined, cookie: string | undefined): string | undefined {
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? cookie;
}

/** Every data endpoint needs a signed-in user: 401 otherwise. Without a user lookup nobody is signed in. */
export function requireUser(users: Users | undefined): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = tokenOf(c.req.header('authorization'), getCookie(c, SESSION_COOKIE));
    const user = token && users ? await users.byToken(token) : null;
    if (!user) throw new TiaoduError('auth.required', '请先登录');
    c.set('user', user);
    await next();
  };
}

/** Throws `forbidden` unless the user has one of the roles. */
export function requireRole(user: User, roles: Role[]): void {
  if (!roles.includes(user.role)) throw new TiaoduError('forbidden', '当前角色无权进行此操作');
}

/** A user with a region scope may touch only that region and what lies below it (walked up the parent chain). */
export async function assertInScope(db: Db, user: User, regionCode: string): Promise<void> {
  if (user.regionCode === null) return;
  const seen = new Set<string>();
  for (let code: string | null = regionCode; code && !seen.has(code); ) {
    if (code === user.regionCode) return;
    seen.add(code);
    code = (await getRegion(db, code))?.parentCode ?? null;
  }
  throw new TiaoduError('forbidden', '无权访问本账号辖区以外的地区');
}

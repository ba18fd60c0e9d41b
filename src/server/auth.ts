// Who is asking: a session token (cookie or Bearer header) → a user with a role and a region scope.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { TiaoduError } from '../core/errors.ts';

export type Role = 'admin' | 'analyst' | 'reporter' | 'leader';

export interface User {
  name: string;
  role: Role;
  /** The region the user may see and write, with everything below it; null = everywhere. */
  regionCode: string | null;
}

export interface Sessions {
  lookup(token: string): Promise<User | null>;
}

/** Tokens handed out at start (the account system with passwords comes with the web app). */
export function tokenSessions(tokens: Record<string, User>): Sessions {
  return { lookup: async (token) => tokens[token] ?? null };
}

export const SESSION_COOKIE = 'tiaodu_session';

export type AuthEnv = { Variables: { user: User } };

/** Every data endpoint needs a signed-in user; 401 otherwise. */
export function requireUser(sessions: Sessions): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : getCookie(c, SESSION_COOKIE);
    const user = token ? await sessions.lookup(token) : null;
    if (!user) throw new TiaoduError('auth.required', '请先登录');
    c.set('user', user);
    await next();
  };
}

/** Writes are for analysts and administrators, or a reporter inside its own region (checked by the caller). */
export function requireRole(user: User, roles: Role[]): void {
  if (!roles.includes(user.role)) throw new TiaoduError('forbidden', '当前角色无权进行此操作');
}

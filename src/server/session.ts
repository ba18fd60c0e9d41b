// Signing in and out, and changing one's password: the routes around the session cookie.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { TiaoduError } from '../core/errors.ts';
import type { Db } from '../store/db.ts';
import { changePassword, SIGN_IN_LOCK, sessionAccount, signIn, signOut } from '../store/index.ts';
import { type AuthEnv, CSRF_HEADER, SESSION_COOKIE } from './auth.ts';
import { validate } from './schemas.ts';
import { clientAddress, cookieSecure, type SecuritySettings } from './security.ts';
import { FailureThrottle } from './throttle.ts';

// Lengths are bounded before argon2 sees them: hashing a megabyte costs the server, not the attacker.
const signInBody = z.object({ name: z.string().min(1).max(200), password: z.string().min(1).max(1024) });
const passwordBody = z.object({
  oldPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1, '请输入新密码').max(1024),
});

/** Failed sign-ins one client address may make within the lock's window, whatever names it tries. */
export const ADDRESS_FAILURES = 20;

/** `auth.locked` carries how long to wait: 429 with Retry-After, so clients and proxies know to back off. */
function tooMany(message: string, seconds: number) {
  return {
    status: 429 as const,
    body: { error: { code: 'auth.locked', message } },
    headers: { 'retry-after': String(Math.max(1, Math.ceil(seconds))) },
  };
}

/**
 * POST /api/session signs in (public), GET answers who the cookie belongs to with its CSRF token (a new
 * tab needs it to write), DELETE signs out — with the CSRF token, so another site cannot sign a user out.
 */
export function sessionRoutes(db: Db, security: SecuritySettings): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const throttle = new FailureThrottle({
    max: ADDRESS_FAILURES,
    windowMs: SIGN_IN_LOCK.minutes * 60_000,
    maxKeys: 10_000,
  });
  app.post('/session', async (c) => {
    const address = clientAddress(c, security);
    const wait = throttle.retryAfter(address, Date.now());
    if (wait > 0) {
      const r = tooMany(`此地址登录失败次数过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试`, wait / 1000);
      return c.json(r.body, r.status, r.headers);
    }
    const b = validate(signInBody, await c.req.json().catch(() => null));
    try {
      const { account, token, csrf } = await signIn(db, b.name, b.password, { address });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: cookieSecure(c, security),
        path: '/',
        maxAge: 7 * 24 * 3600,
      });
      return c.json({ user: account, csrf });
    } catch (e) {
      if (!(e instanceof TiaoduError) || !e.code.startsWith('auth.')) throw e;
      throttle.fail(address, Date.now());
      if (e.code !== 'auth.locked') throw e;
      const { retryAfter } = (e.details ?? {}) as { retryAfter?: number };
      const r = tooMany(e.message, retryAfter ?? SIGN_IN_LOCK.minutes * 60);
      return c.json(r.body, r.status, r.headers);
    }
  });
  app.get('/session', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const found = token ? await sessionAccount(db, token) : null;
    if (!found) throw new TiaoduError('auth.required', '请先登录');
    const { csrf, ...user } = found;
    return c.json({ user, csrf });
  });
  app.delete('/session', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await sessionAccount(db, token) : null;
    if (token && session) {
      if (c.req.header(CSRF_HEADER) !== session.csrf)
        throw new TiaoduError('forbidden.csrf', '请求缺少有效的防伪令牌（CSRF），请刷新页面后重试');
      await signOut(db, token);
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: cookieSecure(c, security) });
    return c.json({ ok: true });
  });
  return app;
}

/** POST /api/password, for a signed-in user: checks the old password, ends the account's other sessions. */
export function passwordRoutes(db: Db): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/password', async (c) => {
    const b = validate(passwordBody, await c.req.json().catch(() => null));
    await changePassword(
      db,
      c.get('user').name,
      b.oldPassword,
      b.newPassword,
      getCookie(c, SESSION_COOKIE) ?? null,
    );
    return c.json({ ok: true });
  });
  return app;
}

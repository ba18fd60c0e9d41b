// Signing in and out, and changing one's password: the routes around the session cookie.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { session as contract } from '../contract/index.ts';
import { TiaoduError } from '../core/errors.ts';
import type { Db } from '../store/db.ts';
import { changePassword, SIGN_IN_LOCK, sessionAccount, signIn, signOut } from '../store/index.ts';
import { type AuthEnv, CSRF_HEADER, SESSION_COOKIE } from './auth.ts';
import { englishMessage } from './errors-en.ts';
import { implementer } from './implement.ts';
import { currentLang } from './language.ts';
import { validate } from './schemas.ts';
import { clientAddress, cookieSecure, type SecuritySettings } from './security.ts';
import { FailureThrottle } from './throttle.ts';

/** Failed sign-ins one client address may make within the lock's window, whatever names it tries. */
export const ADDRESS_FAILURES = 20;

/**
 * `auth.locked` carries how long to wait: 429 with Retry-After, so clients and proxies know to back off.
 * Answered here, not by the app's error mapping (which has no headers), so worded in the request's language here.
 */
function tooMany(message: string, seconds: number) {
  const said = currentLang() === 'en' ? englishMessage('auth.locked', message) : message;
  return {
    status: 429 as const,
    body: { error: { code: 'auth.locked', message: said } },
    headers: { 'retry-after': String(Math.max(1, Math.ceil(seconds))) },
  };
}

/**
 * POST /api/session signs in (public), GET answers who the cookie belongs to with its CSRF token (a new
 * tab needs it to write), DELETE signs out — with the CSRF token, so another site cannot sign a user out.
 */
export function sessionRoutes(db: Db, security: SecuritySettings): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const implement = implementer(db);
  const throttle = new FailureThrottle({
    max: ADDRESS_FAILURES,
    windowMs: SIGN_IN_LOCK.minutes * 60_000,
    maxKeys: 10_000,
  });
  // The address throttle answers before the body is read: implemented by hand, with the contract's schema.
  app.post('/session', async (c) => {
    const address = clientAddress(c, security);
    const wait = throttle.retryAfter(address, Date.now());
    if (wait > 0) {
      const r = tooMany(`此地址登录失败次数过多，请 ${Math.ceil(wait / 60_000)} 分钟后再试`, wait / 1000);
      return c.json(r.body, r.status, r.headers);
    }
    const b = validate(contract.signIn.request.body, await c.req.json().catch(() => null));
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
  implement(app, contract.session, async ({ c }) => {
    const token = getCookie(c, SESSION_COOKIE);
    const found = token ? await sessionAccount(db, token) : null;
    if (!found) throw new TiaoduError('auth.required', '请先登录');
    const { csrf, ...user } = found;
    return { user, csrf };
  });
  implement(app, contract.signOut, async ({ c }) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await sessionAccount(db, token) : null;
    if (token && session) {
      if (c.req.header(CSRF_HEADER) !== session.csrf)
        throw new TiaoduError('forbidden.csrf', '请求缺少有效的防伪令牌（CSRF），请刷新页面后重试');
      await signOut(db, token);
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: cookieSecure(c, security) });
    return { ok: true };
  });
  return app;
}

/** POST /api/password, for a signed-in user: checks the old password, ends the account's other sessions. */
export function passwordRoutes(db: Db): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  implementer(db)(app, contract.changePassword, async ({ user, body: b, c }) => {
    await changePassword(db, user.name, b.oldPassword, b.newPassword, getCookie(c, SESSION_COOKIE) ?? null);
    return { ok: true };
  });
  return app;
}

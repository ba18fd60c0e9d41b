// Signing in and out, and changing one's password: the routes around the session cookie.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Db } from '../store/db.ts';
import { changePassword, signIn, signOut } from '../store/index.ts';
import { type AuthEnv, SESSION_COOKIE } from './auth.ts';
import { validate } from './schemas.ts';

const signInBody = z.object({ name: z.string().min(1), password: z.string().min(1) });
const passwordBody = z.object({
  oldPassword: z.string().min(1),
  newPassword: z.string().min(8, '新密码至少 8 位'),
});

/** POST /api/session signs in (public); DELETE signs out. */
export function sessionRoutes(db: Db): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.post('/session', async (c) => {
    const b = validate(signInBody, await c.req.json().catch(() => null));
    const { account, token, csrf } = await signIn(db, b.name, b.password);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: 7 * 24 * 3600,
    });
    return c.json({ user: account, csrf });
  });
  app.delete('/session', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await signOut(db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
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

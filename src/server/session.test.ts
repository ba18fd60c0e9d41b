import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { divisionsUnder, saveUser, upsertRegions } from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { accountAuth } from './auth.ts';

describe(`signing in with a password on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, divisionsUnder('3301', 'county'));
    await saveUser(db, {
      name: '西湖填报员',
      role: 'reporter',
      regionCode: '330106',
      password: 'xihu-2025!',
    });
    app = createApp(db, { auth: accountAuth(db) });
  });
  afterAll(() => drop());

  const signIn = async (password: string) =>
    app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '西湖填报员', password }),
    });
  const cookieOf = (r: Response) => (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  it('keeps only an argon2 hash of the password', async () => {
    const [row] = await db.query<{ password_hash: string }>('SELECT password_hash FROM app_user');
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(row?.password_hash).not.toContain('xihu-2025!');
  });

  it('refuses a wrong password with the same message as an unknown name', async () => {
    const r = await signIn('wrong-password');
    expect(r.status).toBe(401);
    expect((await r.json()).error.message).toBe('用户名或密码不正确');
  });

  it('signs in with an HTTP-only cookie, and a cookie write needs the CSRF token', async () => {
    const r = await signIn('xihu-2025!');
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(r.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    const { user, csrf } = await r.json();
    expect(user).toEqual({ name: '西湖填报员', role: 'reporter', regionCode: '330106' });
    const cookie = cookieOf(r);
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(200);
    const entry = (headers: Record<string, string>) =>
      app.request('/api/observations', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ indicator: 'fai', region: '西湖区', period: '2025-06', value: 12.5 }),
      });
    const forged = await entry({});
    expect(forged.status).toBe(403);
    expect((await forged.json()).error.code).toBe('forbidden.csrf');
    const [none] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation');
    expect(none?.n).toBe(0);
    expect((await entry({ 'x-csrf-token': csrf })).status).toBe(200);
  });

  it('signs out: the cookie no longer works', async () => {
    const cookie = cookieOf(await signIn('xihu-2025!'));
    expect((await app.request('/api/session', { method: 'DELETE', headers: { cookie } })).status).toBe(200);
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(401);
  });

  it('changes the password after checking the old one', async () => {
    const r = await signIn('xihu-2025!');
    const cookie = cookieOf(r);
    const { csrf } = await r.json();
    const change = (oldPassword: string, newPassword: string) =>
      app.request('/api/password', {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ oldPassword, newPassword }),
      });
    expect((await change('not-it', 'new-password-1')).status).toBe(401);
    expect((await change('xihu-2025!', 'short')).status).toBe(400);
    expect((await change('xihu-2025!', 'new-password-1')).status).toBe(200);
    expect((await signIn('xihu-2025!')).status).toBe(401);
    expect((await signIn('new-password-1')).status).toBe(200);
  });
});

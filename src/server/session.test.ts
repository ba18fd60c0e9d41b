import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../store/db.ts';
import { divisionsUnder, listAudit, SIGN_IN_LOCK, saveUser, signIn, upsertRegions } from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { accountAuth, anyAuth, createTokenAuth } from './auth.ts';
import { ADDRESS_FAILURES } from './session.ts';

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
    await saveUser(db, { name: 'victim', role: 'analyst', regionCode: null, password: 'Correct-horse-9' });
    await saveUser(db, { name: 'rotate', role: 'leader', regionCode: null, password: 'Turn-me-2025' });
    app = createApp(db, {
      auth: anyAuth(
        accountAuth(db),
        createTokenAuth({ admin: { name: 'root', role: 'admin', regionCode: null } }),
      ),
      security: { cookieSecure: 'auto', trustProxy: true },
    });
  });
  afterAll(() => drop());

  // Each test signs in from its own address, so the per-address throttle of one does not spill into another.
  const signInAs = async (name: string, password: string, address = '192.0.2.1') =>
    app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ name, password }),
    });
  const signInXihu = (password: string) => signInAs('西湖填报员', password);
  const cookieOf = (r: Response) => (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const errorOf = async (r: Response) => (await r.json()).error as { code: string; message: string };

  it('keeps only an argon2 hash of the password', async () => {
    const [row] = await db.query<{ password_hash: string }>(
      "SELECT password_hash FROM app_user WHERE name = '西湖填报员'",
    );
    expect(row?.password_hash).toMatch(/^\$argon2id\$/);
    expect(row?.password_hash).not.toContain('xihu-2025!');
  });

  it('refuses a wrong password with the same message as an unknown name', async () => {
    const wrong = await signInAs('西湖填报员', 'wrong-password', '192.0.2.2');
    const unknown = await signInAs('无此用户', 'wrong-password', '192.0.2.2');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await errorOf(wrong)).message).toBe('用户名或密码不正确');
    expect((await errorOf(unknown)).message).toBe('用户名或密码不正确');
    await signInXihu('xihu-2025!'); // a success clears the count again
  });

  it('runs one argon2 verification for an unknown name, against a hash as costly as a real one', async () => {
    const verify = vi.spyOn(argon2, 'verify');
    try {
      await signInAs('nobody-here', 'some-password', '192.0.2.3');
      await signInAs('rotate', 'some-password', '192.0.2.3');
      expect(verify).toHaveBeenCalledTimes(2);
      const [dummy] = verify.mock.calls[0] ?? [];
      const [real] = verify.mock.calls[1] ?? [];
      const params = (hash: string | undefined) => hash?.split('$').slice(1, 4).join('$');
      expect(params(dummy)).toBe(params(real));
      expect(params(real)).toMatch(/^argon2id\$v=19\$m=\d+,p=\d+,t=\d+$/);
      // Both failures were counted the same way, so a lock cannot tell them apart either.
      const rows = await db.query<{ name: string; failures: number }>(
        "SELECT name, failures FROM sign_in_failure WHERE name IN ('nobody-here', 'rotate') ORDER BY name",
      );
      expect(rows).toEqual([
        { name: 'nobody-here', failures: 1 },
        { name: 'rotate', failures: 1 },
      ]);
    } finally {
      verify.mockRestore();
    }
  });

  it('locks a name after 5 failures in a row for 15 minutes, the right password included, for known and unknown names alike', async () => {
    const attempt = async (name: string) => {
      const seen: string[] = [];
      for (let i = 0; i < SIGN_IN_LOCK.failures; i++) {
        const r = await signInAs(name, `guess-${i}-aaaa`, '192.0.2.4');
        seen.push(`${r.status} ${(await errorOf(r)).message}`);
      }
      return seen;
    };
    const known = await attempt('victim');
    const unknown = await attempt('ghost');
    expect(known).toEqual(unknown);
    expect(known.slice(0, 2)).toEqual(['401 用户名或密码不正确', '401 用户名或密码不正确']);
    expect(known[3]).toBe('401 用户名或密码不正确；再失败 1 次，该账号将锁定 15 分钟');
    expect(known[4]).toBe('429 用户名或密码不正确；已连续失败 5 次，该账号锁定 15 分钟');
    const locked = await signInAs('victim', 'Correct-horse-9', '192.0.2.5');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((await errorOf(locked)).message).toMatch(/已暂时锁定，请 15 分钟后再试/);
    const failed = await listAudit(db, { user: 'victim', action: 'sign_in_failed' });
    expect(failed[0]?.new).toMatchObject({ reason: 'locked', address: '192.0.2.5' });
    expect(failed.filter((e) => (e.new as { reason: string }).reason === 'password')).toHaveLength(5);
    // After the lock has run out the right password works again.
    const later = new Date(Date.now() + (SIGN_IN_LOCK.minutes + 1) * 60_000);
    const { account } = await signIn(db, 'victim', 'Correct-horse-9', { now: later });
    expect(account.name).toBe('victim');
  });

  it('throttles one address trying many names, while other addresses still sign in', async () => {
    for (let i = 0; i < ADDRESS_FAILURES; i++)
      expect((await signInAs(`spray-${i}`, 'Password-123', '203.0.113.9')).status).toBe(401);
    const blocked = await signInAs('rotate', 'Turn-me-2025', '203.0.113.9');
    expect(blocked.status).toBe(429);
    expect((await errorOf(blocked)).message).toMatch(/此地址登录失败次数过多/);
    const english = await app.request('/api/session', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': '203.0.113.9',
        cookie: 'tiaodu-lang=en',
      },
      body: JSON.stringify({ name: 'rotate', password: 'Turn-me-2025' }),
    });
    expect(english.status).toBe(429);
    expect((await errorOf(english)).message).toBe(
      'Too many failed sign-ins from this address; try again in 15 minutes',
    );
    // Behind the proxy only the entry it added counts: a forged first entry does not escape the throttle.
    expect((await signInAs('rotate', 'Turn-me-2025', '1.2.3.4, 203.0.113.9')).status).toBe(429);
    expect((await signInAs('rotate', 'Turn-me-2025', '203.0.113.10')).status).toBe(200);
  });

  it('signs in with an HTTP-only cookie, and a cookie write needs the CSRF token', async () => {
    const r = await signInXihu('xihu-2025!');
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(r.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    const { user, csrf } = await r.json();
    expect(user).toEqual({ name: '西湖填报员', role: 'reporter', regionCode: '330106' });
    const cookie = cookieOf(r);
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(200);
    // A new tab has the cookie but not the token: it asks for it.
    expect(await (await app.request('/api/session', { headers: { cookie } })).json()).toEqual({ user, csrf });
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

  it('signs out only with the CSRF token: a forged sign-out leaves the session alive', async () => {
    const r = await signInXihu('xihu-2025!');
    const cookie = cookieOf(r);
    const { csrf } = await r.json();
    const out = (headers: Record<string, string>) =>
      app.request('/api/session', { method: 'DELETE', headers: { cookie, ...headers } });
    expect((await out({})).status).toBe(403);
    expect((await out({ 'x-csrf-token': 'guessed' })).status).toBe(403);
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(200);
    expect((await out({ 'x-csrf-token': csrf })).status).toBe(200);
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(401);
    const [event] = await listAudit(db, { action: 'sign_out' });
    expect(event).toMatchObject({ user: '西湖填报员', region: '330106' });
  });

  it('changes the password after checking the old one, ending the other sessions but not this one', async () => {
    const other = cookieOf(await signInXihu('xihu-2025!'));
    const r = await signInXihu('xihu-2025!');
    const cookie = cookieOf(r);
    const { csrf } = await r.json();
    const change = (oldPassword: string, newPassword: string) =>
      app.request('/api/password', {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ oldPassword, newPassword }),
      });
    expect((await change('not-it', 'new-password-1')).status).toBe(401);
    const weak = await change('xihu-2025!', '5201314520');
    expect(weak.status).toBe(400);
    expect((await errorOf(weak)).message).toBe('密码不符合要求：不能全是数字；是常见密码，容易被猜中');
    expect((await change('xihu-2025!', 'new-password-1')).status).toBe(200);
    expect((await app.request('/api/me', { headers: { cookie: other } })).status).toBe(401);
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(200);
    expect((await signInXihu('xihu-2025!')).status).toBe(401);
    expect((await signInXihu('new-password-1')).status).toBe(200);
    const [event] = await listAudit(db, { action: 'password.change' });
    expect(event).toMatchObject({ user: '西湖填报员', object: '西湖填报员' });
  });

  it('ends every session of an account whose password an administrator resets', async () => {
    const first = cookieOf(await signInAs('rotate', 'Turn-me-2025', '192.0.2.7'));
    const second = cookieOf(await signInAs('rotate', 'Turn-me-2025', '192.0.2.7'));
    const reset = await app.request('/api/users/rotate/password', {
      method: 'POST',
      headers: { authorization: 'Bearer admin', 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'Given-by-admin-1' }),
    });
    expect(reset.status).toBe(200);
    for (const cookie of [first, second])
      expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(401);
    expect((await signInAs('rotate', 'Given-by-admin-1', '192.0.2.7')).status).toBe(200);
  });

  it('records sign-ins and failed sign-ins with the name tried and the address', async () => {
    const events = await listAudit(db, { user: 'ghost' });
    expect(events).toHaveLength(SIGN_IN_LOCK.failures);
    expect(events[0]).toMatchObject({
      action: 'sign_in_failed',
      object: 'ghost',
      region: null,
      new: { reason: 'password', address: '192.0.2.4' },
    });
    const [ok] = await listAudit(db, { user: 'rotate', action: 'sign_in' });
    expect(ok).toMatchObject({ region: null, new: { address: '192.0.2.7' } });
  });
});

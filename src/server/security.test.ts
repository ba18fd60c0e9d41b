import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { saveUser } from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { accountAuth } from './auth.ts';
import { type SecuritySettings, securityFromEnv } from './security.ts';

describe(`security headers and the Secure cookie on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await saveUser(db, { name: 'leader', role: 'leader', regionCode: null, password: 'Lingdao-2025!' });
  });
  afterAll(() => drop());

  const appWith = (security: SecuritySettings) => createApp(db, { auth: accountAuth(db), security });

  it('sends the same protective headers on a page, a success, a refusal and an unknown route', async () => {
    const app = appWith({ cookieSecure: 'auto', trustProxy: false });
    for (const path of ['/api/health', '/api/me', '/api/nothing-here']) {
      const r = await app.request(path);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
      expect(r.headers.get('referrer-policy'), path).toBe('same-origin');
    }
  });

  const cookieFlags = async (
    security: SecuritySettings,
    url: string,
    headers: Record<string, string> = {},
  ) => {
    const r = await appWith(security).request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name: 'leader', password: 'Lingdao-2025!' }),
    });
    expect(r.status).toBe(200);
    return /;\s*Secure/i.test(r.headers.get('set-cookie') ?? '');
  };

  it('marks the cookie Secure over HTTPS, and behind a trusted proxy that says the client used HTTPS', async () => {
    const auto = { cookieSecure: 'auto', trustProxy: false } as const;
    expect(await cookieFlags(auto, 'http://tiaodu.local/api/session')).toBe(false);
    expect(await cookieFlags(auto, 'https://tiaodu.local/api/session')).toBe(true);
    const forwarded = { 'x-forwarded-proto': 'https' };
    // Without trust a client could claim HTTPS itself; the header is ignored.
    expect(await cookieFlags(auto, 'http://tiaodu.local/api/session', forwarded)).toBe(false);
    expect(
      await cookieFlags({ ...auto, trustProxy: true }, 'http://tiaodu.local/api/session', forwarded),
    ).toBe(true);
    expect(await cookieFlags({ ...auto, cookieSecure: 'always' }, 'http://tiaodu.local/api/session')).toBe(
      true,
    );
    expect(await cookieFlags({ ...auto, cookieSecure: 'never' }, 'https://tiaodu.local/api/session')).toBe(
      false,
    );
  });

  it('reads TIAODU_COOKIE_SECURE and TIAODU_TRUST_PROXY once, refusing a value it does not know', () => {
    expect(securityFromEnv({})).toEqual({ cookieSecure: 'auto', trustProxy: false });
    expect(securityFromEnv({ TIAODU_COOKIE_SECURE: 'always', TIAODU_TRUST_PROXY: '1' })).toEqual({
      cookieSecure: 'always',
      trustProxy: true,
    });
    expect(() => securityFromEnv({ TIAODU_COOKIE_SECURE: 'yes' })).toThrow(
      /TIAODU_COOKIE_SECURE 应为 auto、always 或 never/,
    );
    expect(() => securityFromEnv({ TIAODU_TRUST_PROXY: 'maybe' })).toThrow(/TIAODU_TRUST_PROXY/);
  });
});

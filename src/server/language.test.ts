// Error answers in the user's language: Chinese unless the web app's cookie or Accept-Language asks for English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { driverName } from '../store/testing.ts';
import { createApp } from './app.ts';
import { acceptedLang } from './language.ts';
import { as, auth, workedCity } from './testing.ts';

describe(`error messages in the user's language on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const error = async (path: string, headers: Record<string, string> = {}) => {
    const r = await app.request(path, as('analyst', { headers }));
    const body = (await r.json()) as { error: { code: string; message: string } };
    return { status: r.status, ...body.error };
  };
  const badLeague = '/api/league?indicator=&period=2025-13';
  const unknownRegion = `/api/overview?region=${encodeURIComponent('不存在区')}&period=2025-06`;

  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    app = createApp(db, { auth, today: new Date('2025-07-20') });
  });
  afterAll(() => drop());

  it('words a bad query in Chinese by default, zod messages included', async () => {
    const e = await error(badLeague);
    expect(e).toMatchObject({ status: 400, code: 'validation' });
    expect(e.message).toBe('参数错误 — indicator：数值过小：期望 string >=1 字符；period：应为 YYYY-MM');
  });

  it('words the same bad query in English when the web app set its language cookie to English', async () => {
    const e = await error(badLeague, { cookie: 'tiaodu-lang=en' });
    expect(e).toMatchObject({ status: 400, code: 'validation' });
    expect(e.message).toBe(
      'Invalid parameters — indicator: Too small: expected string to have >=1 characters; period: expected YYYY-MM',
    );
  });

  it('answers in English to a client that prefers English, and in Chinese when the cookie says Chinese', async () => {
    expect((await error(badLeague, { 'accept-language': 'en-GB,en;q=0.9' })).message).toMatch(
      /^Invalid parameters/,
    );
    const zh = await error(badLeague, { 'accept-language': 'en-US,en;q=0.9', cookie: 'tiaodu-lang=zh' });
    expect(zh.message).toMatch(/^参数错误/);
  });

  it('gives an unknown region in either language, keeping its name as typed', async () => {
    const zh = await error(unknownRegion);
    const en = await error(unknownRegion, { cookie: 'tiaodu-lang=en' });
    expect(zh).toMatchObject({
      status: 404,
      message: '未知地区「不存在区」：已载入的地区中没有这个名称或代码',
    });
    expect(en).toMatchObject({
      status: 404,
      message: 'Unknown region "不存在区": no loaded region has this name or code',
    });
  });

  it('says a missing endpoint and a missing sign-in in English too', async () => {
    expect((await error('/api/nothing', { cookie: 'tiaodu-lang=en' })).message).toBe(
      'No such endpoint: /api/nothing',
    );
    const r = await app.request('/api/regions', { headers: { cookie: 'tiaodu-lang=en' } });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { message: string } }).error.message).toBe('Please sign in');
  });
});

describe('the language an Accept-Language header asks for', () => {
  it('is the first of Chinese and English by weight, and Chinese when it names neither', () => {
    expect(acceptedLang('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(acceptedLang('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(acceptedLang('fr-FR,en;q=0.5,zh;q=0.7')).toBe('zh');
    expect(acceptedLang('fr-FR,en;q=0.5')).toBe('en');
    expect(acceptedLang('de,fr')).toBe('zh');
    expect(acceptedLang(undefined)).toBe('zh');
  });
});

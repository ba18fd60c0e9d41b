// Error answers in the user's language: Chinese unless the web app's cookie or Accept-Language asks for English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportIssue } from '../core/imports.ts';
import type { Db } from '../store/db.ts';
import { driverName } from '../store/testing.ts';
import { createApp } from './app.ts';
import { acceptedLang } from './language.ts';
import { as, auth, workedCity } from './testing.ts';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const LONG = '指标,地区,期间,数值,同比(%),口径,是否预计,来源';

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

  // Two files: one the intake refuses cell by cell, one whose names do not resolve against the database.
  const badCells = [LONG, '地区生产总值,西湖区,2025-06,abc,5,,否,', '地区生产总值,,2025-06,1,5,,也许,'];
  const badNames = [
    LONG,
    '地区生产总值,不存在区,2025-06,1,5,,否,',
    '没有的指标,西湖区,2025-06,1,5,,否,',
    '地区生产总值,朝阳区,2025-06,1,5,,否,',
  ];
  // The same value twice, once by the region's name and once by its code: found once the names resolve.
  const twice = [LONG, '地区生产总值,西湖区,2025-06,1,5,,否,', '地区生产总值,330106,2025-06,2,5,,否,'];
  const upload = async (lines: string[], query = '', lang = 'en') => {
    const headers = { 'x-filename': encodeURIComponent('六月报表.csv'), cookie: `tiaodu-lang=${lang}` };
    const init = { ...as('analyst', { method: 'POST', headers }), body: `${lines.join('\n')}\n` };
    return app.request(`/api/import?dryRun=1${query}`, init);
  };
  type Refusal = { code: string; message: string; issues: ImportIssue[] };
  /**
   * The Chinese left in a refusal once its data are taken out: file name, cell values, the loaded city, and the
   * words a file itself must hold (是, 否), which the English quotes.
   */
  const chineseLeft = (e: Refusal) =>
    [e.message, ...e.issues.flatMap((i) => [i.expected, i.message])]
      .map((t) =>
        ['六月报表.csv', '杭州市', ...e.issues.map((i) => i.value)]
          .reduce((s, v) => s.replaceAll(v, ''), t)
          .replace(/"[^"]*"/g, ''),
      )
      .filter((t) => CJK.test(t));

  it('words a refused import in English, every issue and the message, keeping names and values', async () => {
    for (const lines of [badCells, badNames, twice]) {
      const r = await upload(lines);
      expect(r.status).toBe(422);
      const e = ((await r.json()) as { error: Refusal }).error;
      expect(e.issues.length).toBeGreaterThanOrEqual(1);
      expect(chineseLeft(e)).toEqual([]);
    }
    const e = ((await (await upload(badCells)).json()) as { error: Refusal }).error;
    expect(e.message).toBe(
      'Import failed, nothing was written: file 六月报表.csv, row 2, column D "abc": Expected a number',
    );
    expect(e.issues.map((i) => [i.row, i.column, i.value, i.expected])).toEqual([
      [2, 'D', 'abc', 'Expected a number'],
      [3, 'B', '', 'The region must not be empty'],
      [3, 'G', '也许', 'The forecast column must be "是" (yes), "否" (no) or blank'],
    ]);
    const names = ((await (await upload(badNames)).json()) as { error: Refusal }).error;
    expect(names.issues.map((i) => [i.value, i.expected])).toEqual([
      [
        '不存在区',
        'No loaded region and no national division has this name or code: check the spelling, or write the region code',
      ],
      ['没有的指标', 'The indicator catalogue has no such name, alias or code'],
      [
        '朝阳区',
        'This region is not among the regions loaded here (loaded are 杭州市 and the regions under them): delete the row or name a loaded region',
      ],
    ]);
    const dup = ((await (await upload(twice)).json()) as { error: Refusal }).error;
    expect(dup.issues.map((i) => [i.row, i.column, i.expected])).toEqual([
      [3, 'D', 'Same as row 2 column D: one value per region, indicator and period'],
    ]);
  });

  it('leaves the same refusal in Chinese by default', async () => {
    const e = ((await (await upload(badCells, '', 'zh')).json()) as { error: Refusal }).error;
    expect(e.message).toBe('导入失败，未写入任何数据：文件 六月报表.csv 第2行 第D列「abc」：应为数字');
    expect(e.issues[1]?.expected).toBe('地区不能为空');
  });

  it('words a failed import job in the language of the request that started it', async () => {
    const started = await upload(badNames, '&async=1');
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    type Job = { state: string; error: { message: string } | null; issues: ImportIssue[] };
    // Polled without the cookie: the job keeps the language it was started in.
    const poll = async () => (await (await app.request(`/api/imports/${id}`, as('analyst'))).json()) as Job;
    let job = await poll();
    for (let i = 0; i < 100 && job.state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await poll();
    }
    expect(job.error?.message).toMatch(
      /^Import failed, nothing was written: file 六月报表\.csv, row 2, column B "不存在区": No loaded region/,
    );
    expect(chineseLeft({ code: 'import', message: job.error?.message ?? '', issues: job.issues })).toEqual(
      [],
    );
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

// Implausible entry over the API: a value that looks like a slip is kept back (409) until confirmed with a
// reason, which is then stored with it and shown in the audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import { listSubmissions } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { as, BINJIANG, workedCity, XIHU } from './testing.ts';

const auth = createTokenAuth({
  analyst: { name: '分析员', role: 'analyst', regionCode: null },
  admin: { name: '管理员', role: 'admin', regionCode: null },
  xihu: { name: '西湖区填报员', role: 'reporter', regionCode: XIHU },
});

describe(`implausible entry over the API on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const send = async (token: string, json: object) => {
    const r = await app.request('/api/observations', as(token, { json }));
    return { status: r.status, body: await r.json() };
  };
  const published = async (region: string, month: number) =>
    db.query<{ value: number }>(
      `SELECT value FROM observation WHERE region_code = $1 AND indicator_code = 'fai' AND year = 2025 AND month = $2`,
      [region, month],
    );

  beforeAll(async () => {
    // The worked city has 固定资产投资 1–6月: 西湖区 110 (2024: 100), 滨江区 120 (2024: 100).
    ({ db, drop } = await workedCity());
    app = createApp(db, { auth, today: new Date('2025-08-15T00:00:00Z') });
  });
  afterAll(() => drop());

  it('refuses a cumulative lower than last month’s without a reason (409, both figures named), and saves nothing', async () => {
    const refused = await send('analyst', {
      indicator: 'fai',
      region: '西湖区',
      period: '2025-07',
      value: 95,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('observation.implausible');
    expect(refused.body.error.message).toContain('本期累计 95.00亿元 低于 2025-06 的累计 110.00亿元');
    expect(refused.body.error.problems).toMatchObject([{ kind: 'cumulative_drop', value: 95, before: 110 }]);
    // Confirming without saying why is not enough.
    const blank = {
      indicator: 'fai',
      region: '西湖区',
      period: '2025-07',
      value: 95,
      confirm: true,
      reason: ' ',
    };
    expect((await send('analyst', blank)).status).toBe(409);
    expect(await published(XIHU, 7)).toEqual([]);
  });

  it('saves it confirmed with a reason, and the admin reads the reason and the problem in the audit', async () => {
    const reason = '剔除一个统计口径外的项目，已与统计局核对';
    const saved = await send('analyst', {
      indicator: 'fai',
      region: '西湖区',
      period: '2025-07',
      value: 95,
      confirm: true,
      reason,
    });
    expect(saved).toMatchObject({ status: 200, body: { result: 'created' } });
    expect(await published(XIHU, 7)).toEqual([{ value: 95 }]);
    const audit = await (await app.request('/api/audit?action=observation.save', as('admin'))).json();
    const event = audit.find((e: { object: string }) => e.object === 'fai 2025-07');
    expect(event.new).toMatchObject({
      value: 95,
      reason,
      implausible: ['本期累计 95.00亿元 低于 2025-06 的累计 110.00亿元：累计值不应减少'],
    });
  });

  it('asks about a value twelve times last year’s, but not about a figure sent again unchanged', async () => {
    const tenfold = await send('analyst', {
      indicator: 'fai',
      region: '滨江区',
      period: '2025-06',
      value: 1200,
    });
    expect(tenfold.status).toBe(409);
    expect(tenfold.body.error.problems).toMatchObject([{ kind: 'magnitude', ratio: 12 }]);
    expect(tenfold.body.error.message).toContain('是上年同期 100.00亿元 的 12.0 倍');
    expect(await published(BINJIANG, 6)).toEqual([{ value: 120 }]);
    // 120 is what is stored: a form that sends every line again is not asked about it.
    const again = await send('analyst', {
      indicator: 'fai',
      region: '滨江区',
      period: '2025-06',
      value: 120,
    });
    expect(again).toMatchObject({ status: 200, body: { result: 'ignored' } });
  });

  it('asks a reporter too, and keeps the confirmed reason on the submission the reviewer reads', async () => {
    // 社零 1–7月 growth entered as 40% after 1–6月 20% (600 against 500): 20 points, more than 5.
    const entry = { indicator: 'retail_sales', region: '西湖区', period: '2025-07', value: 650, yoy: 40 };
    const refused = await send('xihu', entry);
    expect(refused.status).toBe(409);
    expect(refused.body.error.problems).toMatchObject([{ kind: 'swing', from: 20, to: 40, change: 20 }]);
    expect(refused.body.error.message).toContain(
      '增速 40.0% 较上期 20.0% 变动 +20.0个百分点，超过 5 个百分点',
    );
    const reason = '新开工重大项目集中入库';
    const sent = await send('xihu', { ...entry, confirm: true, reason });
    expect(sent).toMatchObject({ status: 200, body: { result: 'submitted' } });
    const [submission] = await listSubmissions(db, { under: XIHU, status: 'open' });
    expect(submission).toMatchObject({ value: 650, yoy: 40, reason });
  });
});

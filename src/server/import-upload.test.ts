// Uploads through the HTTP app: a large valid file split inside characters imports, a damaged one is a 422, and the app answers after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longTemplateCsv } from '../intake/templates.ts';
import { cleanBoundaries, straddlingCsv } from '../intake/testing.ts';
import type { Db } from '../store/db.ts';
import { divisionsUnder } from '../store/index.ts';
import { driverName } from '../store/testing.ts';
import type { createApp } from './app.ts';
import { as, testApp, workedCity } from './testing.ts';

const HEADER = `${
  longTemplateCsv()
    .replace(/^\ufeff/, '')
    .split('\r\n')[0]
}\r\n`;
const COUNTIES = divisionsUnder('3301', 'county').filter((r) => r.code.length === 6);

describe(`uploading statistics files to the app on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const upload = async (name: string, body: Uint8Array) => {
    const init = as('analyst', { method: 'POST', headers: { 'x-filename': encodeURIComponent(name) } });
    const r = await app.request('/api/import', { ...init, body: new Uint8Array(body) });
    return { status: r.status, json: (await r.json()) as Record<string, unknown> };
  };
  beforeAll(async () => {
    ({ db, drop } = await workedCity());
    app = testApp(db);
  });
  afterAll(() => drop());

  it('imports a 400 KB template CSV whose characters straddle every 64 KB read with 200', async () => {
    const line = (i: number) =>
      `社会消费品零售总额,${COUNTIES[i % COUNTIES.length]?.name},${1990 + Math.floor(i / COUNTIES.length / 12)}-${(Math.floor(i / COUNTIES.length) % 12) + 1},${i}.5,3.5,,否,区商务局\r\n`;
    const count = COUNTIES.length * 12 * 30;
    const bytes = straddlingCsv(`\ufeff${HEADER}`, line, count, 'utf-8');
    expect(cleanBoundaries(bytes, 'utf-8')).toEqual([]);
    expect(bytes.length).toBeGreaterThan(5 * 64 * 1024);
    const r = await upload('社零.csv', bytes);
    expect(r).toMatchObject({ status: 200, json: { file: '社零.csv', format: 'long-csv', rows: count } });
    const [n] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM observation WHERE indicator_code = 'retail_sales' AND year < 2020",
    );
    expect(n?.n).toBe(count);
  });

  it('answers a damaged XLSX and a file cut inside a character with 422 and their issues, and still answers after', async () => {
    const xlsx = await upload('坏.xlsx', Buffer.from('PK\u0003\u0004 damaged zip'));
    expect(xlsx).toMatchObject({
      status: 422,
      json: { error: { code: 'import', issues: [{ file: '坏.xlsx', code: 'format' }] } },
    });
    expect(String((xlsx.json.error as { message: string }).message)).toMatch(
      /文件不是有效的 XLSX（可能已损坏或不完整）/,
    );
    const cut = Buffer.from(`${HEADER}社会消费品零售总额,西湖区,2025-06,1,1,,否,西湖区`, 'utf-8').subarray(
      0,
      -1,
    );
    expect(await upload('cut.csv', cut)).toMatchObject({
      status: 422,
      json: { error: { issues: [{ file: 'cut.csv', code: 'truncated', row: 2 }] } },
    });
    const quote = Buffer.from(`${HEADER}社会消费品零售总额,"西湖区,2025-06,1,1,,否,\r\n`);
    expect(await upload('quote.csv', quote)).toMatchObject({
      status: 422,
      json: { error: { issues: [{ row: 2, column: 'B', code: 'csv' }] } },
    });
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
  });
});

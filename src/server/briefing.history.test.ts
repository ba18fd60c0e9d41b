// The GDP block's comparisons beyond the parent: the two-year average when the base year was abnormal, the
// province's growth when the province is loaded, and 同口径 when the published growth was computed on a
// restated base. Figures made up, results computed by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untracedNumbers } from '../core/briefing/numbers.ts';
import type { Briefing } from '../core/briefing/types.ts';
import type { Observation } from '../core/types.ts';
import type { Db } from '../store/db.ts';
import { loadObservations, upsertRegions } from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { as } from './testing.ts';

const auth = createTokenAuth({
  analyst: { name: '市分析员', role: 'analyst', regionCode: null },
  xihu: { name: '西湖区填报员', role: 'reporter', regionCode: '330106' },
});

const obs = (
  regionCode: string,
  indicatorCode: string,
  year: number,
  value: number | null,
  yoy: number | null,
) =>
  ({
    regionCode,
    indicatorCode,
    year,
    month: 6,
    value,
    yoy,
    scope: '',
    forecast: false,
    source: null,
    status: 'published',
  }) satisfies Observation;

describe(`the GDP block's two-year average, province and 同口径 on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const brief = async (region: string, token = 'analyst') =>
    (await (
      await app.request(`/api/briefing?region=${region}&period=2025-06`, as(token))
    ).json()) as Briefing;
  const paragraph = (b: Briefing, key: string) => b.sections.find((s) => s.key === key)?.paragraphs[0];

  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await upsertRegions(db, [
      { code: '33', name: '浙江省', parentCode: null, level: 1, kind: 'division' },
      { code: '3301', name: '杭州市', parentCode: '33', level: 2, kind: 'division' },
      { code: '330106', name: '西湖区', parentCode: '3301', level: 3, kind: 'division' },
      { code: '330105', name: '拱墅区', parentCode: '3301', level: 3, kind: 'division' },
      { code: '330108', name: '滨江区', parentCode: '3301', level: 3, kind: 'division' },
    ]);
    await loadObservations(db, [
      // 2024 fell 2.0%, 2025 rose 12.8%: an abnormal base (the sign flipped).
      obs('330106', 'gdp', 2024, 850, -2),
      obs('330106', 'gdp', 2025, 960, 12.8),
      obs('3301', 'gdp', 2025, 9800, 4.9),
      obs('33', 'gdp', 2025, 41000, 5.5),
      // 拱墅: 5.0% last year, 5.6% now — an ordinary base, no two-year average.
      obs('330105', 'gdp', 2024, 700, 5),
      obs('330105', 'gdp', 2025, 740, 5.6),
      // FAI of 西湖区: 100 → 110 is +10.0%, but 8.0% is published: the base was restated (同口径).
      obs('330106', 'fai', 2024, 100, null),
      obs('330106', 'fai', 2025, 110, 8),
    ]);
    app = createApp(db, { auth, today: new Date('2026-01-15T00:00:00Z') });
  });
  afterAll(() => drop());

  it('states the two-year average after an abnormal base year, and the province beside the city', async () => {
    const b = await brief('330106');
    // √(1.128 × 0.980) = 1.0514 → 5.1%; 12.8 − 4.9 = 7.9; 12.8 − 5.5 = 7.3; the period before is last
    // year's H1: 12.8 − (−2.0) = 14.8; ranked among the two districts with figures, 2nd then (−2.0 < 5.0).
    expect(paragraph(b, 'gdp')).toBe(
      '上半年，全区地区生产总值960.00亿元，同比增长12.8%，两年平均增长5.1%，' +
        '高于全市（4.9%）7.9个百分点、高于全省（5.5%）7.3个百分点，增速比上年上半年提高14.8个百分点，' +
        '居全市2个区、县（市）第1位，位次比上年上半年前移1位。',
    );
    for (const s of b.sections) expect(untracedNumbers(s), s.key).toEqual([]);
  });

  it('leaves the province (another region’s figure) out for a user who may not see peers’ figures', async () => {
    const gdp = paragraph(await brief('330106', 'xihu'), 'gdp');
    expect(gdp).toMatch(/两年平均增长5.1%/);
    expect(gdp).not.toMatch(/全省|全市（/);
  });

  it('says no two-year average after an ordinary base year', async () => {
    expect(paragraph(await brief('330105'), 'gdp')).toMatch(
      /^上半年，全区地区生产总值740.00亿元，同比增长5.6%，高于全市/,
    );
  });

  it('says 按同口径计算 where the published growth was computed on a restated base', async () => {
    expect(paragraph(await brief('330106'), 'investment')).toMatch(
      /^1—6月，全区固定资产投资110.00亿元，按同口径计算，同比增长8.0%/,
    );
  });
});

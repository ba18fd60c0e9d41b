// The demo city must look like a real one to a leader who knows it: every check here recomputes from the stored rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSwings } from '../core/swing.ts';
import type { Indicator } from '../core/types.ts';
import type { Db } from '../store/db.ts';
import { listIndicators, SWING_PP } from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { loadDemo } from './index.ts';
import { DEMO_CITY, SWING } from './profile.ts';

interface Row {
  region: string;
  indicator: string;
  year: number;
  month: number;
  value: number;
  yoy: number | null;
  forecast: boolean;
}

describe(`the demo city on ${driverName} is believable`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let rows: Row[];
  let districts: string[];
  let indicators: Map<string, Indicator>;
  const at = new Map<string, Row>();
  const key = (region: string, indicator: string, year: number, month: number) =>
    `${region}|${indicator}|${year}|${month}`;
  const value = (region: string, indicator: string, year: number, month: number) =>
    at.get(key(region, indicator, year, month))?.value ?? Number.NaN;

  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await loadDemo(db);
    rows = (
      await db.query<Row>(
        `SELECT region_code AS region, indicator_code AS indicator, year, month, value, yoy, forecast
         FROM observation WHERE scope = '' ORDER BY region_code, indicator_code, year, month`,
      )
    ).map((r) => ({
      ...r,
      year: Number(r.year),
      month: Number(r.month),
      value: Number(r.value),
      yoy: r.yoy === null ? null : Number(r.yoy),
    }));
    for (const r of rows) at.set(key(r.region, r.indicator, r.year, r.month), r);
    districts = (
      await db.query<{ code: string }>('SELECT code FROM region WHERE parent_code = $1 AND kind = $2', [
        DEMO_CITY,
        'division',
      ])
    ).map((r) => r.code);
    indicators = new Map((await listIndicators(db)).map((i) => [i.code, i]));
  });
  afterAll(() => drop());

  it('has a city GDP of about 2.1 万亿元 in 2024, which its districts add up to', () => {
    const city = value(DEMO_CITY, 'gdp', 2024, 12);
    expect(city).toBeGreaterThan(20000);
    expect(city).toBeLessThan(22500);
    expect(value(DEMO_CITY, 'gdp', 2025, 12)).toBeGreaterThan(city);
    const sum = districts.reduce((s, d) => s + value(d, 'gdp', 2024, 12), 0);
    expect(sum / city).toBeGreaterThan(0.95);
    expect(sum / city).toBeLessThan(1.05);
    // Every district is a real-sized one: no district is bigger than a fifth of the city or smaller than 1 %.
    for (const d of districts) {
      expect(value(d, 'gdp', 2024, 12) / city).toBeGreaterThan(0.01);
      expect(value(d, 'gdp', 2024, 12) / city).toBeLessThan(0.2);
    }
  });

  it('adds the districts up to the city for every summed indicator', () => {
    for (const ind of indicators.values()) {
      if (ind.aggregation !== 'sum' || !at.has(key(DEMO_CITY, ind.code, 2025, 6))) continue;
      const sum = districts.reduce((s, d) => s + value(d, ind.code, 2025, 6), 0);
      expect(sum / value(DEMO_CITY, ind.code, 2025, 6), ind.code).toBeGreaterThan(0.95);
      expect(sum / value(DEMO_CITY, ind.code, 2025, 6), ind.code).toBeLessThan(1.05);
    }
  });

  it('keeps the big figures in the proportions of a real city', () => {
    const share = (indicator: string, of: string, region = DEMO_CITY) =>
      value(region, indicator, 2024, 12) / value(region, of, 2024, 12);
    expect(share('industrial_va', 'gdp')).toBeGreaterThan(0.15);
    expect(share('industrial_va', 'gdp')).toBeLessThan(0.4);
    expect(share('retail_sales', 'gdp')).toBeGreaterThan(0.25);
    expect(share('retail_sales', 'gdp')).toBeLessThan(0.5);
    expect(share('fai', 'gdp')).toBeGreaterThan(0.25);
    expect(share('fai', 'gdp')).toBeLessThan(0.6);
    expect(share('budget_revenue', 'gdp')).toBeGreaterThan(0.08);
    expect(share('budget_revenue', 'gdp')).toBeLessThan(0.16);
    expect(share('tax_revenue', 'budget_revenue')).toBeGreaterThan(0.75);
    expect(share('tax_revenue', 'budget_revenue')).toBeLessThan(0.95);
    expect(share('real_estate_investment', 'fai')).toBeGreaterThan(0.2);
    expect(share('real_estate_investment', 'fai')).toBeLessThan(0.6);
    expect(share('exports', 'trade_total')).toBeGreaterThan(0.5);
    expect(share('exports', 'trade_total')).toBeLessThan(0.85);
    for (const d of districts) {
      // 规上工业增加值 is well below GDP even in the most industrial district; revenue a tenth or so of it.
      expect(share('industrial_va', 'gdp', d), d).toBeLessThan(0.6);
      expect(share('budget_revenue', 'gdp', d), d).toBeGreaterThan(0.05);
      expect(share('budget_revenue', 'gdp', d), d).toBeLessThan(0.2);
    }
  });

  it('grows mostly between −5 and 15 %, the city’s GDP by 4 to 7 %', () => {
    const growth = rows.filter((r) => r.yoy !== null && r.region.length <= 6).map((r) => r.yoy as number);
    expect(growth.length).toBeGreaterThan(5000);
    const inside = growth.filter((g) => g >= -5 && g <= 15).length;
    expect(inside / growth.length).toBeGreaterThan(0.85);
    expect(Math.min(...growth)).toBeGreaterThan(-20);
    expect(Math.max(...growth)).toBeLessThan(25);
    for (const year of [2024, 2025]) {
      const gdp = at.get(key(DEMO_CITY, 'gdp', year, 12))?.yoy ?? 0;
      expect(gdp).toBeGreaterThan(4);
      expect(gdp).toBeLessThan(7);
    }
  });

  it('sets GDP targets like real work reports, and a few districts fall behind theirs', async () => {
    const targets = await db.query<{ region: string; value: number }>(
      `SELECT region_code AS region, value FROM target
       WHERE indicator_code = 'gdp' AND year = 2025 AND strength = 'expected'`,
    );
    expect(targets).toHaveLength(districts.length + 1);
    for (const t of targets) {
      expect(Number(t.value)).toBeGreaterThanOrEqual(5);
      expect(Number(t.value)).toBeLessThanOrEqual(6.5);
    }
    // The latest actual (a forecast is never an actual): ≈ targets are met within half a point.
    const latest = (region: string) =>
      [12, 9, 6, 3].map((m) => at.get(key(region, 'gdp', 2025, m))).find((r) => r && !r.forecast);
    const behind = targets.filter(
      (t) => t.region !== DEMO_CITY && (latest(t.region)?.yoy ?? 0) < Number(t.value) - 0.5,
    );
    expect(behind.length).toBeGreaterThanOrEqual(2);
    expect(behind.length).toBeLessThanOrEqual(5);
  });

  it('has exactly one swing (大起大落) by the core rule, in the place the demo means it', () => {
    const swings: string[] = [];
    let series: Row[] = [];
    const flush = () => {
      const ind = indicators.get(series[0]?.indicator ?? '');
      const points = series.map((r) => {
        const last = at.get(key(r.region, r.indicator, r.year - 1, r.month));
        const derived = last && !ind?.comparable ? (r.value / last.value - 1) * 100 : null;
        return { period: `${r.year}-${String(r.month).padStart(2, '0')}`, growth: r.yoy ?? derived };
      });
      for (const s of findSwings(points, SWING_PP))
        swings.push(`${series[0]?.region} ${ind?.code} ${s.period}`);
      series = [];
    };
    for (const r of rows) {
      if (series.length && (series[0]?.region !== r.region || series[0]?.indicator !== r.indicator)) flush();
      series.push(r);
    }
    flush();
    expect(swings).toEqual([
      `${SWING.region} ${SWING.indicator} ${SWING.year}-${String(SWING.month).padStart(2, '0')}`,
    ]);
  });

  it('marks a few figures of the latest quarter as forecasts (预计), each with actuals before it', () => {
    const forecasts = rows.filter((r) => r.forecast);
    expect(forecasts.length).toBeGreaterThanOrEqual(2);
    expect(forecasts.length).toBeLessThanOrEqual(10);
    for (const f of forecasts) {
      expect(`${f.year}-${f.month}`).toBe('2025-12');
      expect(at.get(key(f.region, f.indicator, 2025, 9))?.forecast).toBe(false);
    }
  });

  it('lets year-to-date flows only rise within a year, GDP come only at quarter ends, and no 1月 under 1–2月', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const r of rows) {
      const ind = indicators.get(r.indicator);
      const where = `${r.region} ${r.indicator} ${r.year}-${r.month}`;
      if (!ind) throw new Error(`unknown indicator ${r.indicator}`);
      if (ind.frequency === 'quarter' && r.month % 3 !== 0) wrong.push(`${where}: not a quarter end`);
      if (ind.janFebCombined && r.month === 1) wrong.push(`${where}: 1月 alone`);
      const before = at.get(
        key(r.region, r.indicator, r.year, r.month - (ind.frequency === 'quarter' ? 3 : 1)),
      );
      if (ind.measure === 'flow' && before) {
        if (r.value <= before.value) wrong.push(`${where}: ${r.value} after ${before.value}`);
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(30000);
  });

  it('keeps the surveyed unemployment rate, where lower is better, between 4 and 6 %', () => {
    expect(indicators.get('unemployment_rate')?.direction).toBe('down');
    const rates = rows.filter((r) => r.indicator === 'unemployment_rate');
    expect(rates.length).toBe((districts.length + 1) * 36);
    for (const r of rates) {
      expect(r.value).toBeGreaterThanOrEqual(4);
      expect(r.value).toBeLessThanOrEqual(6);
    }
  });

  it('gives the city a per-capita income between its poorest and richest district’s', () => {
    const income = (r: string) => value(r, 'disposable_income', 2024, 12);
    const all = districts.map(income);
    expect(income(DEMO_CITY)).toBeGreaterThan(Math.min(...all));
    expect(income(DEMO_CITY)).toBeLessThan(Math.max(...all));
    expect(income(DEMO_CITY)).toBeGreaterThan(65000);
    expect(income(DEMO_CITY)).toBeLessThan(90000);
  });

  it('books part of each district’s figures in its towns, never more than the district', async () => {
    const towns = await db.query<{ district: string; sum: number }>(
      `SELECT r.parent_code AS district, sum(o.value) AS sum FROM observation o JOIN region r ON r.code = o.region_code
       WHERE r.level = 4 AND o.indicator_code = 'budget_revenue' AND o.year = 2024 AND o.month = 12
       GROUP BY r.parent_code`,
    );
    expect(towns).toHaveLength(districts.length);
    for (const t of towns) {
      const share = Number(t.sum) / value(t.district, 'budget_revenue', 2024, 12);
      expect(share, t.district).toBeGreaterThan(0.4);
      expect(share, t.district).toBeLessThan(1);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.ts';
import {
  divisionsUnder,
  league,
  listSubmissions,
  progress,
  requireIndicator,
  series,
} from '../store/index.ts';
import { leadRatesAt, projectList, projectRatesAt, threeNotsAt } from '../store/projectViews.ts';
import { listTaskRows } from '../store/taskList.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { unitIdsOfUser } from '../store/units.ts';
import { DEMO_CITY, GAP, generateDemo, SWING } from './generate.ts';
import { loadDemo } from './index.ts';
import { demoLeads, demoProjects } from './projects.ts';

const regions = divisionsUnder(DEMO_CITY, 'town');

describe('the demo generator', () => {
  const a = generateDemo(regions);

  it('is deterministic', () => {
    expect(generateDemo(regions)).toEqual(a);
  });

  it('makes year-to-date flows grow month by month and leaves January blank under 1–2月', () => {
    const xihu = a.observations.filter(
      (o) => o.regionCode === '330106' && o.indicatorCode === 'fai' && o.year === 2025,
    );
    expect(xihu.map((o) => o.month)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (let i = 1; i < xihu.length; i++) expect(xihu[i]?.value).toBeGreaterThan(xihu[i - 1]?.value ?? 0);
  });

  it('makes the city the sum of its districts', () => {
    const at = (region: string) =>
      a.observations.find(
        (o) =>
          o.regionCode === region && o.indicatorCode === 'retail_sales' && o.year === 2025 && o.month === 6,
      )?.value ?? 0;
    const districts = regions.filter((r) => r.parentCode === DEMO_CITY).map((r) => at(r.code));
    expect(at(DEMO_CITY)).toBeCloseTo(
      districts.reduce((s, v) => s + v, 0),
      0,
    );
  });

  it('has one published growth more than 0.3 pp from the derived one', () => {
    const find = (year: number) =>
      a.observations.find(
        (o) =>
          o.regionCode === GAP.region &&
          o.indicatorCode === GAP.indicator &&
          o.year === year &&
          o.month === GAP.month,
      );
    const now = find(GAP.year);
    const before = find(GAP.year - 1);
    const derived = ((now?.value ?? 0) / (before?.value ?? 1) - 1) * 100;
    expect(Math.abs((now?.yoy ?? 0) - derived)).toBeGreaterThan(0.3);
  });
});

const TODAY = '2026-03-16';

describe(`loading the demo on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await loadDemo(db, TODAY);
  });
  afterAll(() => drop());

  it('dates its supervision tasks from the day it is loaded, so every light shows on the 督办 page', async () => {
    const rows = await listTaskRows(db, { today: TODAY });
    const light = (start: string) => {
      const row = rows.find((r) => r.title.startsWith(start));
      return row && { light: row.light, status: row.status, escalated: row.escalated };
    };
    // Due in 3 days (blue at ≤ 3); 12 days overdue (red, and 约谈 after more than 7 red days); 2 days overdue.
    expect(light('做好四季度')).toMatchObject({ light: 'blue', escalated: false });
    expect(light('稳住外贸')).toMatchObject({ light: 'red', escalated: true });
    expect(light('抓紧研究')).toMatchObject({ light: 'red', escalated: false });
    // 40 of 80 days gone (50%), 10% reported: more than 20 points behind. 20 of 45 days (44%), the only report
    // sent back so 0%. 10 of 15 days (67%), 40% reported.
    expect(light('梳理规上')).toMatchObject({ light: 'yellow' });
    expect(light('对接在谈')).toMatchObject({ light: 'yellow' });
    expect(light('西湖区重点项目')).toMatchObject({ light: 'yellow' });
    expect(light('完成年度预算')).toMatchObject({ light: null, status: 'done' });
    expect(rows).toHaveLength(8);
    // 西湖区's reporter answers for its 区发改局: its to-do list has that one task.
    const mine = await listTaskRows(db, { today: TODAY, unitIds: await unitIdsOfUser(db, 'xihu') });
    expect(mine.map((r) => r.title)).toEqual(['西湖区重点项目月报核实，问题清单逐项销号']);
  });

  it('gives every district progress rows against its 2025 targets', async () => {
    const report = await progress(db, '330106', 2025, 6);
    expect(report.rows.length).toBeGreaterThanOrEqual(8);
    const trade = report.rows.find((r) => r.indicatorCode === 'trade_total');
    expect(trade?.timeProgress).toBe(45);
  });

  it('ranks the districts 1..n in a league table of a peer group', async () => {
    const indicator = await requireIndicator(db, '固定资产投资');
    const rows = await league(db, { indicator, year: 2025, month: 6, by: 'yoy', group: '区县市' });
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    // The two laggards (淳安县, 建德市) are at the bottom with falling investment.
    expect(
      rows
        .slice(-2)
        .map((r) => r.code)
        .sort(),
    ).toEqual(['330127', '330182']);
    expect(rows.at(-1)?.yoy).toBeLessThan(0);
  });

  it('shows the published-vs-derived gap flagged in the series', async () => {
    const indicator = await requireIndicator(db, GAP.indicator);
    const s = await series(db, indicator, GAP.region, { from: '2025-06', to: '2025-06' });
    expect(s[0]?.yoyGapFlagged).toBe(true);
  });

  it('flags the swing where the series the cockpit reads shows it, and nowhere else in that series', async () => {
    const indicator = await requireIndicator(db, SWING.indicator);
    const s = await series(db, indicator, SWING.region);
    expect(s.filter((p) => p.swing).map((p) => p.period)).toEqual([
      `${SWING.year}-${String(SWING.month).padStart(2, '0')}`,
    ]);
  });

  it('rebuilds the period index after the bulk load', async () => {
    const [r] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = 'observation_period'",
    );
    expect(r?.n).toBe(1);
  });

  it('has values of 西湖区 and one of its towns waiting for review, and one returned with its reason, none published', async () => {
    const rows = await listSubmissions(db, { under: '330106' });
    expect(rows.map((s) => [s.regionCode, s.indicatorCode, s.period, s.status]).sort()).toEqual([
      ['330106', 'fai', '2025-12', 'submitted'],
      ['330106', 'retail_sales', '2025-12', 'returned'],
      ['330106002', 'budget_revenue', '2025-12', 'submitted'],
    ]);
    expect(rows.find((s) => s.status === 'returned')?.returnReason).toContain('请核实后重报');
    for (const s of rows) expect(s.value).not.toBe(s.published?.value);
    const fai = rows.find((s) => s.indicatorCode === 'fai');
    const [published] = await db.query<{ value: number }>(
      "SELECT value FROM observation WHERE region_code = '330106' AND indicator_code = 'fai' AND year = 2025 AND month = 12",
    );
    expect(published?.value).toBe(fai?.published?.value);
  });

  it('gives the 重点项目 board red, yellow and green projects, a 三未 list and a project at a town of 西湖区', async () => {
    const at = { year: 2025, month: 12 };
    const rows = await projectList(db, '3301', at);
    expect(new Set(rows.map((r) => r.light))).toEqual(new Set(['red', 'yellow', 'green']));
    expect(rows.find((r) => r.regionCode.startsWith('330106') && r.regionCode.length === 9)).toBeDefined();
    expect((await threeNotsAt(db, '3301', at)).notStarted.length).toBeGreaterThan(0);
    // The city's figures are the register's, added up here from the generator's own rows.
    const { register, reports } = demoProjects();
    const plan = register.reduce((s, p) => s + p.annualPlan, 0);
    const done = register.reduce(
      (s, p) => s + (reports.find((r) => r.projectCode === p.code && r.month === 12)?.done ?? 0),
      0,
    );
    const rates = await projectRatesAt(db, '3301', at);
    expect([rates.projects, rates.annualPlan, rates.done]).toEqual([register.length, plan, done]);
    expect(rates.investmentRate).toBeCloseTo((done / plan) * 100, 2);
  });

  it('has the leads signed in 2025 counted by the lead rates', async () => {
    const signed = demoLeads().filter((l) => l.signed?.startsWith('2025-'));
    const rates = await leadRatesAt(db, '3301', { year: 2025, month: 12 });
    expect(rates.signed).toBe(signed.length);
    expect(rates.started).toBe(signed.filter((l) => l.started).length);
  });

  it('refuses to load twice', async () => {
    await expect(loadDemo(db)).rejects.toMatchObject({ code: 'demo.not_empty' });
  });
});

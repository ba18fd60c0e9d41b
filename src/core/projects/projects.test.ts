// The project rules of DESIGN.md "Key projects", each exactly at its threshold; expected values worked by hand.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  leadRates,
  monthsUntil,
  projectRates,
  projectRow,
  projectRules,
  projectScore,
  readProjectDate,
  threeNots,
  tourScores,
  validTourScore,
} from './index.ts';
import { lead, monthReport } from './testing.ts';
import type { Project, ProjectReport } from './types.ts';

const JUNE = { year: 2025, month: 6 };

const project = (over: Partial<Project> = {}): Project => ({
  code: 'P1',
  name: '示例项目',
  regionCode: '330106',
  region: '西湖区',
  unit: '西湖区发改局',
  leader: '张三',
  level: '区重点',
  type: '产业',
  nature: '新建',
  totalInvestment: 50000,
  annualPlan: 1000,
  plannedStart: '2025-01-31',
  actualStart: '2025-01-15',
  plannedFinish: '2026-12-31',
  actualFinish: null,
  libraryDate: '2025-02-28',
  ...over,
});
const report = (month: number, done: number, code = 'P1', year = 2025): ProjectReport =>
  monthReport(code, year, month, done);

describe('reading the register dates', () => {
  it('reads a month as its last day and refuses impossible dates', () => {
    expect(readProjectDate('2025-03')).toBe('2025-03-31');
    expect(readProjectDate('2024-02')).toBe('2024-02-29');
    expect(readProjectDate('2025-3-5')).toBe('2025-03-05');
    expect(readProjectDate('2025/06/30')).toBe('2025-06-30');
    expect(readProjectDate('2025年6月')).toBe('2025-06-30');
    expect(readProjectDate('')).toBeNull();
    expect(readProjectDate('2025-02-30')).toBeUndefined();
    expect(readProjectDate('2025-13')).toBeUndefined();
    expect(readProjectDate('明年')).toBeUndefined();
  });

  it('adds months to a month end as the target month end, and counts whole months up to the end', () => {
    expect(addMonths('2025-03-31', 3)).toBe('2025-06-30');
    expect(addMonths('2025-02-28', 1)).toBe('2025-03-31');
    expect(addMonths('2025-01-30', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 2)).toBe('2026-01-15');
    expect(monthsUntil('2025-03-31', '2025-06-30')).toBe(3);
    expect(monthsUntil('2025-04-01', '2025-06-30')).toBe(2);
    expect(monthsUntil('2025-06-30', '2025-06-30')).toBe(0);
    expect(monthsUntil('2025-07-01', '2025-06-30')).toBeNull();
  });
});

describe('a project row', () => {
  it('takes done from the latest report of the year at or before the period and computes rate and lag', () => {
    // June: timeProgress 6/12 = 50; done 375 of 1000 = 37.5 %; lag 12.5.
    const reps = [report(4, 200), report(5, 375), report(7, 900), report(12, 999, 'P1', 2024)];
    const row = projectRow(project(), reps, JUNE);
    expect(row).toMatchObject({ done: 375, rate: 37.5, timeProgress: 50, lag: 12.5, light: 'yellow' });
    expect(row.reasons).toEqual(['投资完成率低于时序进度 12.5 个百分点']);
  });

  it('counts a project without a month row as done 0, so its lag is the time progress', () => {
    const row = projectRow(project(), [report(12, 999, 'P1', 2024)], JUNE);
    expect(row).toMatchObject({ done: 0, rate: 0, lag: 50, light: 'red' });
  });

  it('is green at lag exactly 10, yellow just above, yellow at exactly 30 and red just above', () => {
    // June, plan 1000: rate 40 → lag 10; 39.9 → 10.1; 20 → 30; 19.9 → 30.1.
    const at = (done: number) => projectRow(project(), [report(6, done)], JUNE).light;
    expect(at(400)).toBe('green');
    expect(at(399)).toBe('yellow');
    expect(at(200)).toBe('yellow');
    expect(at(199)).toBe('red');
  });

  it('compares without float noise: 3600 of 12000 at June is exactly 20 points behind, not more', () => {
    // 3600 / 12000 × 100 = 30 (0.3 × 100 is 30.000000000000004 in floats); lag 50 − 30 = 20.
    const row = projectRow(project({ annualPlan: 12000 }), [report(6, 3600)], JUNE);
    expect(row.lag).toBe(20);
    const edge = projectRow(project({ annualPlan: 12000 }), [report(6, 4800)], JUNE);
    expect(edge.lag).toBe(10);
    expect(edge.light).toBe('green');
  });

  it('is red when planned to start 3 months before the period end and not started, yellow at 1–2 months', () => {
    const late = (plannedStart: string) =>
      projectRow(project({ plannedStart, actualStart: null, libraryDate: null, annualPlan: 0 }), [], JUNE);
    expect(late('2025-03-31')).toMatchObject({ light: 'red', startLateMonths: 3 });
    expect(late('2025-03-31').reasons).toEqual(['计划 2025-03-31 开工，逾期 3 个月未开工']);
    expect(late('2025-04-30')).toMatchObject({ light: 'yellow', startLateMonths: 2 });
    expect(late('2025-05-31')).toMatchObject({ light: 'yellow', startLateMonths: 1 });
    // 06-01 + 1 month = 07-01, after 06-30: less than a month late.
    expect(late('2025-06-01')).toMatchObject({ light: 'green', startLateMonths: null });
    expect(late('2025-04-01').light).toBe('yellow');
  });

  it('counts a start after the period end as not started', () => {
    const row = projectRow(
      project({ plannedStart: '2025-03-31', actualStart: '2025-07-02', annualPlan: 0 }),
      [],
      JUNE,
    );
    expect(row.started).toBe(false);
    expect(row.light).toBe('red');
  });

  it('is red when started 2 months before the end with no 入库日期 by then, yellow at 1 month, green below', () => {
    const started = (actualStart: string, libraryDate: string | null = null) =>
      projectRow(project({ actualStart, libraryDate, annualPlan: 0 }), [], JUNE);
    expect(started('2025-04-30').light).toBe('red');
    expect(started('2025-04-30').reasons).toEqual(['2025-04-30 开工已 2 个月，尚未入库']);
    expect(started('2025-05-01').light).toBe('yellow');
    expect(started('2025-05-31').light).toBe('yellow');
    expect(started('2025-06-01').light).toBe('green');
    // A 入库日期 after the period end is "none on or before E".
    expect(started('2025-04-30', '2025-07-01')).toMatchObject({ light: 'red', inLibrary: false });
    expect(started('2025-04-30', '2025-06-30')).toMatchObject({ light: 'green', inLibrary: true });
  });

  it('is green when finished by the period, whatever else', () => {
    const row = projectRow(project({ actualFinish: '2025-06-30', libraryDate: null }), [], JUNE);
    expect(row).toMatchObject({ finished: true, light: 'green', reasons: [] });
    const after = projectRow(project({ actualFinish: '2025-07-01' }), [], JUNE);
    expect(after).toMatchObject({ finished: false, light: 'red' });
  });

  it('lists every cause and takes the worst light', () => {
    const row = projectRow(project({ actualStart: '2025-05-10', libraryDate: null }), [report(6, 350)], JUNE);
    // lag 50 − 35 = 15 (yellow), started 05-10 → 1 month without 入库 (yellow).
    expect(row.light).toBe('yellow');
    expect(row.reasons).toEqual(['投资完成率低于时序进度 15 个百分点', '2025-05-10 开工已 1 个月，尚未入库']);
  });

  it('takes every threshold from the settings', () => {
    const rules = projectRules({ lagYellow: 20, lagRed: 40 });
    expect(projectRow(project(), [report(6, 350)], JUNE, rules).light).toBe('green');
    expect(projectRow(project(), [report(6, 50)], JUNE, rules).light).toBe('red');
  });
});

describe('the project rates', () => {
  const at = (p: Project, reps: ProjectReport[] = []) => ({ project: p, row: projectRow(p, reps, JUNE) });

  it('computes each rate as the contract defines it', () => {
    const items = [
      // New, planned 2025-03, started 03-15, 入库 04: on time; done 600 of 1000.
      at(
        project({
          code: 'A',
          plannedStart: '2025-03-31',
          actualStart: '2025-03-15',
          libraryDate: '2025-04-30',
        }),
        [report(6, 600, 'A')],
      ),
      // New, planned 2026 but started early (counts in newStarted, not in newPlannedByNow), not 入库.
      at(project({ code: 'B', plannedStart: '2026-03-31', actualStart: '2025-06-10', libraryDate: null })),
      // New, planned 2024-11 (earlier year), not started.
      at(project({ code: 'C', plannedStart: '2024-11-30', actualStart: null, libraryDate: null })),
      // Continuing, started 2024, finished 2025-05 (planned 2025-04): in the library.
      at(
        project({
          code: 'D',
          nature: '续建',
          plannedStart: '2024-05-31',
          actualStart: '2024-05-10',
          plannedFinish: '2025-04-30',
          actualFinish: '2025-05-20',
          libraryDate: '2024-06-30',
          annualPlan: 2000,
        }),
        [report(5, 2000, 'D')],
      ),
    ];
    const r = projectRates(items, JUNE);
    // plan 1000 × 3 + 2000 = 5000; done 600 + 0 + 0 + 2000 = 2600 → 52 %.
    expect(r).toMatchObject({
      projects: 4,
      annualPlan: 5000,
      done: 2600,
      investmentRate: 52,
      timeProgress: 50,
    });
    // started A, B, D = 3 of 4 = 75 %; new planned by now A, C = 2; new started A, B = 2 → 100 %.
    expect(r).toMatchObject({
      started: 3,
      startRate: 75,
      newPlannedByNow: 2,
      newStarted: 2,
      newStartRate: 100,
    });
    // to finish by June: D; finished D → 100 %. In library among started: A, D of 3 → 66.67 %.
    expect(r).toMatchObject({
      toFinish: 1,
      finished: 1,
      finishRate: 100,
      inLibrary: 2,
      inLibraryRate: 66.67,
    });
    // A: lag 50 − 60 < 0 → green; B: started 06-10, 0 months → lag 50 → red; C: 7 months late → red; D finished → green.
    expect(r).toMatchObject({ red: 2, yellow: 0, green: 2 });
  });

  it('gives null rates with nothing to divide by', () => {
    const r = projectRates([], JUNE);
    expect(r).toMatchObject({ projects: 0, startRate: null, investmentRate: null, finishRate: null });
  });

  it('lists the 三未: planned not started, started but stalled, due not finished', () => {
    const reps = new Map([
      ['S', [report(5, 300, 'S'), report(6, 300, 'S')]],
      ['G', [report(5, 300, 'G'), report(6, 400, 'G')]],
    ]);
    const mk = (p: Project) => ({ project: p, row: projectRow(p, reps.get(p.code) ?? [], JUNE) });
    const lists = threeNots(
      [
        mk(project({ code: 'N', plannedStart: '2025-06-30', actualStart: null })),
        mk(project({ code: 'S' })),
        mk(project({ code: 'G' })),
        mk(project({ code: 'F', plannedFinish: '2025-06-30', actualFinish: null })),
        mk(project({ code: 'J', actualStart: '2025-06-05' })),
      ],
      reps,
      JUNE,
    );
    expect(lists.notStarted.map((r) => r.code)).toEqual(['N']);
    // F and J have no report: 0 ≤ 0 — F started in January and has not moved; J started this month, not yet due.
    expect(lists.stalled.map((r) => r.code)).toEqual(['S', 'F']);
    expect(lists.notFinished.map((r) => r.code)).toEqual(['F']);
  });
});

describe('the lead rates', () => {
  it('counts only leads signed in the year up to the period end, and stages by their dates', () => {
    const r = leadRates(
      [
        lead({
          contract: 30000,
          signed: '2025-02-10',
          registered: '2025-03-01',
          started: '2025-05-20',
          fundsArrived: 8000,
        }),
        lead({
          contract: 10000,
          signed: '2025-06-30',
          registered: '2025-07-01',
          producing: '2025-06-30',
          fundsArrived: 1000,
        }),
        lead({ contract: 99999, signed: '2025-07-01', registered: '2025-07-02' }),
        lead({ contract: 50000, signed: '2024-12-31', registered: '2025-01-05', fundsArrived: 40000 }),
        lead({ contract: 7000, signed: null }),
      ],
      JUNE,
    );
    // Signed: the first two. Contract 40000; registered 1, started 1, producing 1 → 50 %; funds 9000 / 40000 = 22.5 %.
    expect(r).toEqual({
      signed: 2,
      contract: 40000,
      registered: 1,
      started: 1,
      producing: 1,
      fundsArrived: 9000,
      registerRate: 50,
      startRate: 50,
      productionRate: 50,
      fundsRate: 22.5,
    });
  });
});

describe('the tour scores', () => {
  it('takes the mean below five judges and drops one highest and one lowest from five', () => {
    expect(projectScore([88, 91])).toBe(89.5);
    expect(projectScore([90, 80, 70, 60])).toBe(75);
    // Five: drop 100 and 60 → (70 + 80 + 90) / 3 = 80.
    expect(projectScore([90, 80, 70, 60, 100])).toBe(80);
    // Six with ties: drop one 100 and one 50 → (100 + 80 + 70 + 50) / 4 = 75.
    expect(projectScore([100, 100, 80, 70, 50, 50])).toBe(75);
  });

  it('scores a region as the mean of its projects and ranks with ties shared (3, 3, 5)', () => {
    const regions: Record<string, { code: string; name: string }> = {
      A1: { code: 'A', name: '甲区' },
      B1: { code: 'B', name: '乙区' },
      C1: { code: 'C', name: '丙区' },
      C2: { code: 'C', name: '丙区' },
      D1: { code: 'D', name: '丁区' },
      E1: { code: 'E', name: '戊区' },
    };
    const s = (projectCode: string, judge: string, score: number) => ({ projectCode, judge, score });
    const rows = tourScores(
      [
        s('A1', '甲', 95),
        s('B1', '甲', 90),
        s('C1', '甲', 80),
        s('C2', '甲', 90),
        s('D1', '甲', 85),
        s('E1', '甲', 70),
      ],
      (code) => regions[code] as { code: string; name: string },
    );
    // A 95, B 90, C (80 + 90) / 2 = 85, D 85, E 70.
    expect(rows.map((r) => [r.code, r.score, r.rank, r.projects])).toEqual([
      ['A', 95, 1, 1],
      ['B', 90, 2, 1],
      ['C', 85, 3, 2],
      ['D', 85, 3, 1],
      ['E', 70, 5, 1],
    ]);
    expect(rows[2]?.region).toBe('丙区');
  });

  it('allows scores from 0 to 100 and nothing outside', () => {
    expect([0, 100, 59.5].every((x) => validTourScore(x))).toBe(true);
    expect([-0.5, 100.5, Number.NaN].some((x) => validTourScore(x))).toBe(false);
  });
});

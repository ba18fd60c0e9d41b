import { describe, expect, it } from 'vitest';
import {
  defaultComparator,
  makeTarget,
  parseTrajectory,
  primaryTarget,
  trajectoryProblem,
} from './targets.ts';
import type { Strength, Target } from './types.ts';

const target = (strength: Strength, value: number): Target => ({
  indicatorCode: 'gdp',
  regionCode: '330106',
  year: 2025,
  kind: 'growth',
  value,
  cmp: '≈',
  strength,
  trajectory: null,
  source: null,
  quote: null,
});

describe('the comparator a target kind implies', () => {
  it('is 以内 for a ceiling, 左右 for growth, 以上 for an amount or a floor', () => {
    expect(defaultComparator('ceiling')).toBe('<=');
    expect(defaultComparator('growth')).toBe('≈');
    expect(defaultComparator('amount')).toBe('>=');
    expect(defaultComparator('floor')).toBe('>=');
  });
});

describe('a target as it is stored', () => {
  it('takes the kind’s comparator, 预期 strength and no trajectory unless told', () => {
    const codes = { indicatorCode: 'unemployment_rate', regionCode: '330106' };
    expect(makeTarget(codes, { year: 2025, kind: 'ceiling', value: 5.5 })).toEqual({
      ...codes,
      year: 2025,
      kind: 'ceiling',
      value: 5.5,
      cmp: '<=',
      strength: 'expected',
      trajectory: null,
      source: null,
      quote: null,
    });
    const given = makeTarget(codes, {
      year: 2025,
      kind: 'growth',
      value: 6,
      cmp: '>=',
      strength: 'strive',
      source: 'cli',
    });
    expect(given).toMatchObject({ cmp: '>=', strength: 'strive', source: 'cli' });
  });
});

describe('the primary target of an indicator, region and year', () => {
  it('is the expected one, with the 力争 value beside it as the stretch', () => {
    const expected = target('expected', 5.5);
    expect(primaryTarget([target('strive', 6), expected])).toEqual({ target: expected, stretch: 6 });
  });

  it('is the 确保 one when there is no expected one, and a lone 力争 target has no stretch', () => {
    const must = target('must', 5);
    expect(primaryTarget([target('strive', 6), must])).toEqual({ target: must, stretch: 6 });
    const strive = target('strive', 6);
    expect(primaryTarget([strive])).toEqual({ target: strive, stretch: null });
    expect(primaryTarget([])).toBeNull();
  });
});

describe('a trajectory (逐季逐月分解)', () => {
  const t = (...checkpoints: [number, number][]) => ({
    granularity: 'month' as const,
    checkpoints: checkpoints.map(([month, percent]) => ({ month, percent })),
  });

  it('is fine with cumulative percents that never fall, in any order they are written', () => {
    expect(trajectoryProblem(t([3, 20], [6, 45], [9, 72], [12, 100]))).toBeNull();
    expect(trajectoryProblem(t([6, 45], [3, 20]))).toBeNull();
    expect(trajectoryProblem(t([3, 20], [6, 20]))).toBeNull();
  });

  it('says which month is wrong: out of 1–12, over 100 %, falling, or given twice', () => {
    expect(trajectoryProblem(t([13, 50]))).toBe('月份应为 1—12，收到「13」');
    expect(trajectoryProblem(t([2.5, 10]))).toBe('月份应为 1—12，收到「2.5」');
    expect(trajectoryProblem(t([12, 120]))).toBe('12月的累计进度应在 0—100% 之间，收到 120%');
    expect(trajectoryProblem(t([3, 30], [6, 20]))).toBe('6月的累计进度（20%）不能低于之前的 30%');
    expect(trajectoryProblem(t([6, 30], [6, 40]))).toBe('6月出现了两次');
  });

  it('reads month:percent pairs, full-width punctuation and % signs included, quarterly when every month ends a quarter', () => {
    expect(parseTrajectory('3:20,6:45,9:72,12:100')).toEqual({
      ok: true,
      trajectory: {
        granularity: 'quarter',
        checkpoints: [
          { month: 3, percent: 20 },
          { month: 6, percent: 45 },
          { month: 9, percent: 72 },
          { month: 12, percent: 100 },
        ],
      },
    });
    expect(parseTrajectory('2：10%，5：40%')).toEqual({
      ok: true,
      trajectory: {
        granularity: 'month',
        checkpoints: [
          { month: 2, percent: 10 },
          { month: 5, percent: 40 },
        ],
      },
    });
    expect(parseTrajectory('  ')).toEqual({ ok: true, trajectory: null });
  });

  it('refuses text that is not month:percent pairs, with the reason', () => {
    expect(parseTrajectory('一季度20%')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('月份'),
    });
    expect(parseTrajectory('3:20:5')).toEqual({ ok: false, problem: '3月的累计进度应为数字' });
    expect(parseTrajectory('3:')).toEqual({ ok: false, problem: '3月的累计进度应为数字' });
  });
});

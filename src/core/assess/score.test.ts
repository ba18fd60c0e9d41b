import { describe, expect, it } from 'vitest';
import { readScheme } from './scheme.ts';
import { assess, type RegionScore } from './score.ts';
import { data, group, INDICATORS, stat } from './testing.ts';

const scheme = (items: object[], extra: object = {}) =>
  readScheme({ name: '考核', parent: '天门市', items, ...extra }, INDICATORS);
const item = (rule: object, extra: object = {}) => ({
  name: '增速',
  indicator: 'gdp',
  measure: 'yoy',
  weight: 10,
  rule,
  ...extra,
});
/** Region code → [points, explain] of the first item. */
const first = (rows: RegionScore[]) =>
  Object.fromEntries(rows.map((r) => [r.code, [r.items[0]?.points, r.items[0]?.explain]]));
const points = (rows: RegionScore[]) => Object.fromEntries(rows.map((r) => [r.code, r.items[0]?.points]));

describe('the rank rule', () => {
  it('gives w × (1 − step × (rank − 1)), ties sharing the better rank (1, 2, 2, 4)', () => {
    const rows = assess(
      scheme([item({ kind: 'rank', step: 0.05 })]),
      data([group('一类', ['a', 'b', 'c', 'd'])], { 增速: stat({ a: 8, b: 7.5, c: 7.5, d: 6 }) }),
    );
    expect(first(rows)).toEqual({
      a: [10, '增速8%，组内第1名，10×(1−0.05×0)=10.00分'],
      b: [9.5, '增速7.5%，组内第2名，10×(1−0.05×1)=9.50分'],
      c: [9.5, '增速7.5%，组内第2名，10×(1−0.05×1)=9.50分'],
      d: [8.5, '增速6%，组内第4名，10×(1−0.05×3)=8.50分'],
    });
    expect(rows.map((r) => r.items[0]?.rank)).toEqual([1, 2, 2, 4]);
  });

  it('never goes below zero however far down the rank', () => {
    const rows = assess(
      scheme([item({ kind: 'rank', step: 0.5 })]),
      data([group('一类', ['a', 'b', 'c', 'd'])], { 增速: stat({ a: 4, b: 3, c: 2, d: 1 }) }),
    );
    // 1 − 0.5×2 = 0, 1 − 0.5×3 = −0.5 → 0.
    expect(points(rows)).toEqual({ a: 10, b: 5, c: 0, d: 0 });
    expect(rows[3]?.items[0]?.explain).toBe('增速1%，组内第4名，10×max(0, 1−0.5×3)=0.00分');
  });

  it('ranks a lower-is-better indicator from the lowest up', () => {
    const rows = assess(
      scheme([item({ kind: 'rank', step: 0.1 }, { indicator: 'energy' })]),
      data([group('一类', ['a', 'b', 'c'])], { 增速: stat({ a: -3, b: -1, c: 2 }, 'down') }),
    );
    expect(points(rows)).toEqual({ a: 10, b: 9, c: 8 });
  });

  it('scores a region without data 0 with a note, and ranks the others without it', () => {
    const rows = assess(
      scheme([item({ kind: 'rank', step: 0.05 })]),
      data([group('一类', ['a', 'b', 'c'])], { 增速: stat({ a: 8, b: null, c: 6 }) }),
    );
    expect(first(rows).c).toEqual([9.5, '增速6%，组内第2名，10×(1−0.05×1)=9.50分']);
    expect(first(rows).b).toEqual([0, '无数据，记0分，不参加本项排位']);
    expect(rows.find((r) => r.code === 'b')?.items[0]?.input).toBeNull();
  });
});

describe('the deviation rule', () => {
  const dev = { kind: 'deviation', base: 0.8, perPoint: 0.05, min: 0, max: 1.2 };
  it('gives w × clamp(base + perPoint × (x − target)), clamped at both ends', () => {
    const rows = assess(
      scheme([item(dev)]),
      data([group('一类', ['a', 'b', 'c', 'd'])], {
        增速: stat({ a: 6.8, b: 20, c: -15, d: 5 }, 'up', { a: 6, b: 6, c: 6 }),
      }),
    );
    // a: 0.8 + 0.05×0.8 = 0.84; b: 0.8 + 0.05×14 = 1.5 → 1.2; c: 0.8 − 0.05×21 = −0.25 → 0; d: no target.
    expect(first(rows)).toEqual({
      a: [8.4, '增速6.8%，目标6%，10×(0.8+0.05×(6.8−6))=8.40分'],
      b: [12, '增速20%，目标6%，10×(0.8+0.05×(20−6))，封顶=12.00分'],
      c: [0, '增速-15%，目标6%，10×(0.8+0.05×(-15−6))，保底=0.00分'],
      d: [0, '增速5%，未设增速目标，记0分'],
    });
    expect(rows.find((r) => r.code === 'a')?.items[0]?.target).toBe(6);
  });
});

describe('the completion rule', () => {
  it('gives w × completion, capped at max and never below 0', () => {
    const rows = assess(
      scheme([item({ kind: 'completion', max: 1.2 }, { measure: 'completion' })]),
      data([group('一类', ['a', 'b', 'c'])], { 增速: stat({ a: 0.563, b: 1.5, c: -0.1 }) }),
    );
    expect(first(rows)).toEqual({
      a: [5.63, '完成率56.3%，10×0.563=5.63分'],
      b: [12, '完成率150%，10×1.2（封顶）=12.00分'],
      c: [0, '完成率-10%，10×0（不足0按0）=0.00分'],
    });
  });
});

describe('the efficacy coefficient rule (功效系数法)', () => {
  it('gives w × (base + (1 − base) × (x − lo)/(hi − lo)) over the group', () => {
    const rows = assess(
      scheme([item({ kind: 'efficacy', base: 0.6 })]),
      data([group('一类', ['a', 'b', 'c', 'd'])], { 增速: stat({ a: 5, b: 7, c: 9, d: null }) }),
    );
    // lo 5, hi 9 (d has no data and takes no part): 6, 6 + 4 × 2/4 = 8, 10.
    expect(points(rows)).toEqual({ c: 10, b: 8, a: 6, d: 0 });
    expect(first(rows).b?.[1]).toBe('增速7%，组内最低5、最高9，10×(0.6+0.4×(7−5)/(9−5))=8.00分');
  });

  it('reverses for lower-is-better', () => {
    const rows = assess(
      scheme([item({ kind: 'efficacy', base: 0.6 }, { indicator: 'energy' })]),
      data([group('一类', ['a', 'b', 'c'])], { 增速: stat({ a: -3, b: -1, c: 2 }, 'down') }),
    );
    // range 5: a (lowest) 10; b 6 + 4 × 3/5 = 8.4; c 6.
    expect(points(rows)).toEqual({ a: 10, b: 8.4, c: 6 });
  });

  it('gives every region the full weight when the highest equals the lowest', () => {
    const rows = assess(
      scheme([item({ kind: 'efficacy', base: 0.6 })]),
      data([group('一类', ['a', 'b'])], { 增速: stat({ a: 7, b: 7 }) }),
    );
    expect(points(rows)).toEqual({ a: 10, b: 10 });
  });
});

describe('the bands rule', () => {
  it('takes the first band in the listed order whose min the value reaches, a value at min inside', () => {
    const bands = {
      kind: 'bands',
      bands: [
        { min: 8, share: 1 },
        { min: 5, share: 0.6 },
      ],
    };
    const rows = assess(
      scheme([item(bands)]),
      data([group('一类', ['a', 'b', 'c', 'd'])], { 增速: stat({ a: 8, b: 7.99, c: 5, d: 4.9 }) }),
    );
    expect(points(rows)).toEqual({ a: 10, b: 6, c: 6, d: 0 });
    expect(first(rows).d?.[1]).toBe('增速4.9%，未达任何一档，记0.00分');
  });

  it('does not sort the bands: a low band listed first catches a high value', () => {
    const bands = {
      kind: 'bands',
      bands: [
        { min: 5, share: 0.6 },
        { min: 8, share: 1 },
      ],
    };
    const rows = assess(
      scheme([item(bands)]),
      data([group('一类', ['a', 'b'])], { 增速: stat({ a: 9, b: 1 }) }),
    );
    expect(points(rows)).toEqual({ a: 6, b: 0 });
  });
});

describe('input items, bonus, penalty and veto', () => {
  const tour = { name: '拉练', input: true, weight: 20, rule: { kind: 'scaled', of: 100 } };
  const manual = { name: '专项', input: true, rule: { kind: 'manual' } };
  const veto = { name: '安全生产', input: true, rule: { kind: 'veto' } };

  it('scales an input by its full mark, takes a manual input as points and scores a missing one 0 with a note', () => {
    const rows = assess(
      scheme([tour, manual]),
      data([group('一类', ['a', 'b'])], {}, { 拉练: { a: 88 }, 专项: { a: 3.5, b: 1 } }),
    );
    const a = rows.find((r) => r.code === 'a');
    const b = rows.find((r) => r.code === 'b');
    expect(a?.items[0]).toMatchObject({
      input: 88,
      points: 17.6,
      explain: '录入88（满分100），20×88÷100=17.60分',
    });
    expect(a?.items[1]).toMatchObject({ input: 3.5, points: 3.5 });
    expect(b?.items[0]).toMatchObject({ input: null, points: 0, explain: '未录入分值，记0分' });
    expect([a?.total, b?.total]).toEqual([21.1, 1]);
  });

  it('adds several bonus rows before the cap and subtracts penalties given as positive numbers', () => {
    const rows = assess(
      scheme([tour], { bonus: { max: 5 }, penalty: { max: 2 } }),
      data([group('一类', ['a', 'b'])], {}, { 拉练: { a: 80, b: 80 } }, { a: 6, b: 1.5 }, { a: 1, b: 3 }),
    );
    // a: 16 + min(6, 5) − 1 = 20; b: 16 + 1.5 − min(3, 2) = 15.5.
    expect(rows.map((r) => [r.code, r.total, r.bonus, r.penalty, r.rank])).toEqual([
      ['a', 20, 5, 1, 1],
      ['b', 15.5, 1.5, 2, 2],
    ]);
  });

  it('scores a vetoed region 0 and ranks it last, the others ranking among themselves', () => {
    const rows = assess(
      scheme([tour, veto]),
      data(
        [group('一类', ['a', 'b', 'c', 'd', 'e'])],
        {},
        { 拉练: { a: 95, b: 90, c: 85, d: 80, e: 75 }, 安全生产: { a: 'veto', c: 'veto', b: 0 } },
      ),
    );
    expect(rows.map((r) => [r.code, r.total, r.rank, r.vetoed])).toEqual([
      ['b', 18, 1, false],
      ['d', 16, 2, false],
      ['e', 15, 3, false],
      ['a', 0, 5, true],
      ['c', 0, 5, true],
    ]);
    const a = rows.find((r) => r.code === 'a');
    // The veto acts on the total only: the item points stay as scored.
    expect(a?.items[0]?.points).toBe(19);
    expect(a?.items[1]).toMatchObject({ input: '否决', points: 0 });
  });

  it('ranks on the total rounded to two decimals, equal totals sharing the better rank', () => {
    const rows = assess(
      scheme([{ ...tour, weight: 10, rule: { kind: 'scaled', of: 1000 } }]),
      data([group('一类', ['a', 'b', 'c'])], {}, { 拉练: { a: 950.4, b: 949.6, c: 900 } }),
    );
    // 9.504 and 9.496 both round to 9.50.
    expect(rows.map((r) => [r.code, r.total, r.rank])).toEqual([
      ['a', 9.5, 1],
      ['b', 9.5, 1],
      ['c', 9, 3],
    ]);
  });

  it('ranks each group apart', () => {
    const rows = assess(
      scheme([tour]),
      data(
        [group('一类', ['a', 'b']), group('二类', ['c', 'd'])],
        {},
        { 拉练: { a: 50, b: 60, c: 10, d: 5 } },
      ),
    );
    expect(rows.map((r) => [r.group, r.code, r.rank])).toEqual([
      ['一类', 'b', 1],
      ['一类', 'a', 2],
      ['二类', 'c', 1],
      ['二类', 'd', 2],
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mostCommonLevel, rankChange, rankItems, standings } from './rank.ts';
import { findSwings } from './swing.ts';

describe('ranking', () => {
  it('shares ranks on ties and skips the next (1, 2, 2, 4)', () => {
    const r = rankItems(
      [
        { key: 'a', value: 9 },
        { key: 'b', value: 7 },
        { key: 'c', value: 7 },
        { key: 'd', value: 3 },
      ],
      'up',
    );
    expect([...['a', 'b', 'c', 'd'].map((k) => r.get(k))]).toEqual([1, 2, 2, 4]);
  });

  it('ranks the lowest first for a lower-is-better indicator', () => {
    const r = rankItems(
      [
        { key: '能耗高', value: 0.6 },
        { key: '能耗低', value: 0.3 },
      ],
      'down',
    );
    expect(r.get('能耗低')).toBe(1);
    expect(r.get('能耗高')).toBe(2);
  });

  it('leaves regions without a figure unranked', () => {
    const r = rankItems(
      [
        { key: 'a', value: null },
        { key: 'b', value: 1 },
      ],
      'up',
    );
    expect(r.has('a')).toBe(false);
    expect(r.get('b')).toBe(1);
  });

  it('reports moving up as positive and down as negative', () => {
    expect(rankChange(3, 5)).toBe(2);
    expect(rankChange(5, 3)).toBe(-2);
    expect(rankChange(3, undefined)).toBeNull();
  });

  it('keeps ranks within 1..n, ties at their best place, and better values never ranked lower', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom('up' as const, 'down' as const),
        (values, dir) => {
          const items = values.map((value, key) => ({ key, value }));
          const ranks = rankItems(items, dir);
          expect(ranks.size).toBe(values.length);
          for (const a of items) {
            const ra = ranks.get(a.key) as number;
            expect(ra).toBeGreaterThanOrEqual(1);
            expect(ra).toBeLessThanOrEqual(values.length);
            const better = items.filter((b) => (dir === 'up' ? b.value > a.value : b.value < a.value)).length;
            expect(ra).toBe(better + 1);
          }
        },
      ),
    );
  });
});

describe('swings (大起大落)', () => {
  it('finds a month whose growth moves more than the threshold', () => {
    const s = findSwings(
      [
        { period: '2025-04', growth: 6.1 },
        { period: '2025-05', growth: 15.2 },
        { period: '2025-06', growth: 14 },
      ],
      5,
    );
    expect(s).toEqual([{ period: '2025-05', from: 6.1, to: 15.2, change: expect.closeTo(9.1, 10) }]);
  });
});

describe('standings among peers', () => {
  it('gives each peer its rank, how many were ranked, and the change since last period', () => {
    // Growth now: a 5, b 7, c 7 → b and c share 1st, a is 3rd. Before: a 9, b 3 (c new) → a 1st, b 2nd.
    const s = standings(
      [
        { key: 'a', value: 5 },
        { key: 'b', value: 7 },
        { key: 'c', value: 7 },
      ],
      [
        { key: 'a', value: 9 },
        { key: 'b', value: 3 },
      ],
      'up',
    );
    expect(s.get('a')).toEqual({ rank: 3, rankOf: 3, rankBefore: 1, rankChange: -2 });
    expect(s.get('b')).toEqual({ rank: 1, rankOf: 3, rankBefore: 2, rankChange: 1 });
    expect(s.get('c')).toEqual({ rank: 1, rankOf: 3, rankBefore: null, rankChange: null });
  });

  it('ranks the lowest first for a lower-is-better indicator such as unemployment', () => {
    const s = standings(
      [
        { key: '上城区', value: 4.3 },
        { key: '西湖区', value: 5 },
        { key: '桐庐县', value: 5.2 },
      ],
      [],
      'down',
    );
    expect([...s].map(([k, v]) => [k, v.rank])).toEqual([
      ['上城区', 1],
      ['西湖区', 2],
      ['桐庐县', 3],
    ]);
  });

  it('ranks the districts of a city, not a park one level further down', () => {
    expect(mostCommonLevel([3, 3, 4, 3])).toBe(3);
    expect(mostCommonLevel([])).toBeUndefined();
  });
});

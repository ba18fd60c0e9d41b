// Red and black lists (红榜、黑榜): read from the scheme, drawn from each group's ranks.
import { describe, expect, it } from 'vitest';
import { readLists } from './scheme.ts';
import { honourLists } from './score.ts';

const row = (code: string, group: string, rank: number, vetoed = false) => ({ code, group, rank, vetoed });

describe('red and black lists', () => {
  it('reads top and bottom counts, either alone, and none when the scheme names none', () => {
    expect(readLists({ red: { top: 3 }, black: { bottom: 2 } })).toEqual({
      red: { top: 3 },
      black: { bottom: 2 },
    });
    expect(readLists({ red: { top: 1 } })).toEqual({ red: { top: 1 }, black: null });
    expect(readLists(undefined)).toBeNull();
  });

  it('refuses a count that is not a positive whole number, saying which list', () => {
    expect(() => readLists({ red: { top: 0 } })).toThrow('红榜（lists.red）的参数 top 不能小于 1，收到 0');
    expect(() => readLists({ black: { bottom: 1.5 } })).toThrow('lists.black.bottom 应为正整数，收到 1.5');
    expect(() => readLists([3])).toThrow('lists 应为 {"red":{"top":3},"black":{"bottom":2}}');
  });

  it('takes the top and bottom places of each group, ties at the edge included, a vetoed region never red', () => {
    // Group 一类: a 1, b 2, c 2 (tie), d 4. Group 二类: e 1, f vetoed (rank 3 = last), g 2.
    const rows = [
      row('a', '一类', 1),
      row('b', '一类', 2),
      row('c', '一类', 2),
      row('d', '一类', 4),
      row('e', '二类', 1),
      row('g', '二类', 2),
      row('f', '二类', 3, true),
    ];
    // Red top 2: ranks ≤ 2 → a, b, c in 一类; e, g in 二类. Black bottom 1: rank > size − 1 → d (4 > 3), f (3 > 2).
    expect(honourLists({ red: { top: 2 }, black: { bottom: 1 } }, rows)).toEqual({
      red: ['a', 'b', 'c', 'e', 'g'],
      black: ['d', 'f'],
    });
    // Black bottom 3: in 一类 (4) rank > 1 → b, c, d; in 二类 (3) every place is among the last three.
    expect(honourLists({ red: null, black: { bottom: 3 } }, rows).black).toEqual([
      'b',
      'c',
      'd',
      'e',
      'g',
      'f',
    ]);
    // The red list never takes a vetoed region, even in a group of vetoed regions only.
    expect(honourLists({ red: { top: 3 }, black: null }, [row('x', '三类', 2, true)]).red).toEqual([]);
    expect(honourLists(null, rows)).toEqual({ red: [], black: [] });
  });
});

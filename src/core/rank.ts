// Ranking (排位) within a peer group: standard competition ranks (1, 2, 2, 4), direction-aware.
import type { Direction } from './types.ts';

/**
 * Ranks items by value; higher is better for 'up', lower for 'down'. Ties share the better rank,
 * the next rank skips (1, 2, 2, 4). Items without a value get no rank.
 * @example rankItems([{ key: 'a', value: 9 }, { key: 'b', value: 7 }, { key: 'c', value: 9 }], 'up') // a→1, c→1, b→3
 */
export function rankItems<K>(
  items: { key: K; value: number | null }[],
  direction: Direction,
): Map<K, number> {
  const valued = items.filter(
    (i): i is { key: K; value: number } => i.value !== null && Number.isFinite(i.value),
  );
  const sign = direction === 'up' ? -1 : 1;
  const sorted = [...valued].sort((a, b) => sign * (a.value - b.value));
  const ranks = new Map<K, number>();
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    ranks.set(item.key, prev && prev.value === item.value ? (ranks.get(prev.key) as number) : i + 1);
  });
  return ranks;
}

/** 进位 (+) or 退位 (−) since the last period: before 5, now 3 → +2. */
export function rankChange(now: number | undefined, before: number | undefined): number | null {
  return now === undefined || before === undefined ? null : before - now;
}

/** Where one region stands among its peers: rank now and last period, how many were ranked, the change. */
export interface Standing {
  rank: number | null;
  /** How many regions were ranked this period. */
  rankOf: number;
  rankBefore: number | null;
  /** Positive = moved up (进位), negative = moved down (退位). */
  rankChange: number | null;
}

/**
 * Every peer's standing by a metric (value or growth), direction-aware, with the change since the
 * previous period's ranking of the same peers' metric.
 * @example standings([{ key: 'a', value: 5 }, { key: 'b', value: 7 }], [{ key: 'a', value: 9 }, { key: 'b', value: 3 }], 'up')
 * // a → { rank: 2, rankOf: 2, rankBefore: 1, rankChange: -1 }, b → { rank: 1, rankOf: 2, rankBefore: 2, rankChange: 1 }
 */
export function standings<K>(
  now: { key: K; value: number | null }[],
  before: { key: K; value: number | null }[],
  direction: Direction,
): Map<K, Standing> {
  const ranks = rankItems(now, direction);
  const ranksBefore = rankItems(before, direction);
  const out = new Map<K, Standing>();
  for (const { key } of now) {
    out.set(key, {
      rank: ranks.get(key) ?? null,
      rankOf: ranks.size,
      rankBefore: ranksBefore.get(key) ?? null,
      rankChange: rankChange(ranks.get(key), ranksBefore.get(key)),
    });
  }
  return out;
}

/**
 * The level most of a peer set's regions sit at: a league of "the children of" a city ranks its districts,
 * not the odd park one level further down. Ties go to the level seen first.
 * @example mostCommonLevel([3, 3, 4]) // 3
 */
export function mostCommonLevel(levels: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const l of levels) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best: number | undefined;
  for (const [l, c] of counts) if (best === undefined || c > (counts.get(best) ?? 0)) best = l;
  return best;
}

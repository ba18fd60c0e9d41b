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

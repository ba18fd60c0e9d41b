// Swings (大起大落): a period whose growth moves more than a set number of points from the previous one.

/** The default threshold (pp): growth moving more than this from one period to the next is a swing. */
export const SWING_PP = 5;

/**
 * Whether growth moving from `from` to `to` (both %) is a swing: strictly more than `thresholdPp` points.
 * A missing growth on either side is no swing.
 * @example isSwing(6.1, 15.2) // true (9.1 points)
 */
export function isSwing(
  from: number | null | undefined,
  to: number | null | undefined,
  thresholdPp = SWING_PP,
): boolean {
  if (from === null || from === undefined || to === null || to === undefined) return false;
  return Math.abs(to - from) > thresholdPp;
}

export function findSwings(
  points: { period: string; growth: number | null }[],
  thresholdPp: number,
): { period: string; from: number; to: number; change: number }[] {
  const out: { period: string; from: number; to: number; change: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b || a.growth === null || b.growth === null) continue;
    if (isSwing(a.growth, b.growth, thresholdPp))
      out.push({ period: b.period, from: a.growth, to: b.growth, change: b.growth - a.growth });
  }
  return out;
}

/**
 * Sets each point's `swing` flag from its growth against the point before it (points in period order).
 * @example markSwings([{ period: '2025-04', yoy: 6 }, { period: '2025-05', yoy: 15 }]) // the second gets swing: true
 */
export function markSwings<P extends { period: string; yoy: number | null; swing?: boolean }>(
  points: P[],
  thresholdPp = SWING_PP,
): P[] {
  const swings = new Set(
    findSwings(
      points.map((p) => ({ period: p.period, growth: p.yoy })),
      thresholdPp,
    ).map((s) => s.period),
  );
  for (const p of points) p.swing = swings.has(p.period);
  return points;
}

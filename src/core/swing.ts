// Swings (大起大落): a period whose growth moves more than a set number of points from the previous one.

export function findSwings(
  points: { period: string; growth: number | null }[],
  thresholdPp: number,
): { period: string; from: number; to: number; change: number }[] {
  const out: { period: string; from: number; to: number; change: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b || a.growth === null || b.growth === null) continue;
    const change = b.growth - a.growth;
    if (Math.abs(change) > thresholdPp) out.push({ period: b.period, from: a.growth, to: b.growth, change });
  }
  return out;
}

import { describe, expect, it } from 'vitest';
import { isSwing, markSwings, SWING_PP } from './swing.ts';

describe('a swing (大起大落)', () => {
  it('is growth moving strictly more than the threshold, up or down', () => {
    expect(SWING_PP).toBe(5);
    expect(isSwing(6.1, 15.2)).toBe(true);
    expect(isSwing(15.2, 6.1)).toBe(true);
    expect(isSwing(6, 11)).toBe(false);
    expect(isSwing(6, 11.01)).toBe(true);
    expect(isSwing(6, 9, 2)).toBe(true);
  });

  it('needs growth on both sides', () => {
    expect(isSwing(null, 15)).toBe(false);
    expect(isSwing(15, undefined)).toBe(false);
  });

  it('marks the point whose growth jumped from the one before, and clears the others', () => {
    const points = markSwings([
      { period: '2025-03', yoy: 6, swing: true },
      { period: '2025-04', yoy: 12.5 },
      { period: '2025-05', yoy: 12 },
      { period: '2025-06', yoy: null },
    ]);
    expect(points.map((p) => p.swing)).toEqual([false, true, false, false]);
  });
});

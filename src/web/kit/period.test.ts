import { describe, expect, it } from 'vitest';
import { isPeriod, previousPeriod } from './period.ts';

describe('a period typed into a period box', () => {
  it('is taken only as a whole YYYY-MM with a real month', () => {
    expect(isPeriod('2025-06')).toBe(true);
    expect(isPeriod('2025-12')).toBe(true);
    expect(isPeriod('2025-6')).toBe(false);
    expect(isPeriod('2025-0')).toBe(false);
    expect(isPeriod('2025-13')).toBe(false);
    expect(isPeriod('2025-00')).toBe(false);
    expect(isPeriod('25-06')).toBe(false);
    expect(isPeriod(' 2025-06')).toBe(false);
    expect(isPeriod('')).toBe(false);
  });

  it('steps back one month, into December of the year before from January', () => {
    expect(previousPeriod('2025-06')).toBe('2025-05');
    expect(previousPeriod('2025-10')).toBe('2025-09');
    expect(previousPeriod('2025-01')).toBe('2024-12');
  });
});

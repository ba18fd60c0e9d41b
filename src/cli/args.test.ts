import { describe, expect, it } from 'vitest';
import { parse, todayFlag } from './args.ts';

describe('today for rules that depend on the day', () => {
  const clock = new Date('2026-03-09T23:30:00Z');
  it('takes --today before TIAODU_TODAY before the clock', () => {
    const { values } = parse(['--today', '2025-06-10'], {});
    expect(todayFlag(values, { TIAODU_TODAY: '2025-01-01' }, clock)).toBe('2025-06-10');
    expect(todayFlag({}, { TIAODU_TODAY: '2025-01-01' }, clock)).toBe('2025-01-01');
    expect(todayFlag({}, {}, clock)).toBe('2026-03-09');
  });
  it('refuses a day that does not exist, naming where it came from', () => {
    expect(() => todayFlag({ today: '2025-02-30' }, {}, clock)).toThrow(/--today.*2025-02-30/);
    expect(() => todayFlag({}, { TIAODU_TODAY: '6/10' }, clock)).toThrow(/TIAODU_TODAY.*6\/10/);
  });
});

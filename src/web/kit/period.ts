// Periods as the pages type and step them: YYYY-MM, checked before any request is made with one.

/** A whole period as typed into a period box: four-digit year, dash, two-digit month. */
export const isPeriod = (text: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/**
 * The month before, across the turn of the year.
 * @example previousPeriod('2025-01') // '2024-12'
 */
export function previousPeriod(p: string): string {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

// Number presentation shared by the pages: the core's formats (core/format.ts), and the period pages open on.
import { fixed } from '../contract/format.ts';

export * from '../contract/format.ts';

/** A plain number with a fixed count of decimals (two unless told), '—' when missing. */
export const fmt = (v: number | null | undefined, digits = 2): string => fixed(v, digits);

/**
 * An input of an explanation (怎么算的): whole numbers (ranks, counts) as they are, others with two decimals,
 * text as it is, a missing one as —.
 */
export const inputText = (v: number | string | null | undefined): string =>
  typeof v === 'number' ? fmt(v, Number.isInteger(v) ? 0 : 2) : String(v ?? '—');

/** The last complete month before `today`, as YYYY-MM (statistics for a month arrive the next month). */
export function defaultPeriod(today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

// The check that a briefing states nothing it cannot trace: every number in a paragraph is one of the
// section's figures (same value after rounding to the printed digits).
import type { BriefingFigure, BriefingSection } from './types.ts';

/** Periods (2025年, 1—6月, 6月) and counts in words are not figures; everything else with digits is. */
const PERIODS = /\d{4}年|\d{1,2}—\d{1,2}月|\d{1,2}月/g;

export interface PrintedNumber {
  text: string;
  value: number;
  digits: number;
  /** Printed as N倍 (a growth of N×100%). */
  times: boolean;
}

/** A printed number and where it sits in the text (for the web page's links to each figure's explanation). */
export interface NumberSpan {
  start: number;
  end: number;
  number: PrintedNumber;
}

// A period at a place wins over a number there: 1—6月 is a period, 第4位 a number.
const TOKENS = new RegExp(`(${PERIODS.source})|-?\\d[\\d,]*(?:\\.(\\d+))?(倍)?`, 'g');

export function numberSpans(text: string): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (const m of text.matchAll(TOKENS)) {
    if (m[1] !== undefined) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      number: {
        text: m[0],
        value: Number(m[0].replace(/[,倍]/g, '')),
        digits: m[2]?.length ?? 0,
        times: m[3] !== undefined,
      },
    });
  }
  return out;
}

export function numbersIn(text: string): PrintedNumber[] {
  return numberSpans(text).map((s) => s.number);
}

export const NUMERIC_FIELDS = [
  'value',
  'yoy',
  'yoyPoints',
  'parentYoy',
  'parentGap',
  'previousYoy',
  'change',
  'rank',
  'rankOf',
  'rankChange',
  'target',
  'completion',
  'timeProgress',
  'gap',
  'twoYearAverage',
  'provinceYoy',
  'provinceGap',
] as const satisfies readonly (keyof BriefingFigure)[];

/** Whether a printed number is one of the figures (its size: signs are words, 下降3.0% is yoy −3.0). */
export function isFigure(n: PrintedNumber, figures: BriefingFigure[]): boolean {
  const same = (v: unknown) => {
    if (typeof v !== 'number') return false;
    const x = Math.abs(n.times ? v / 100 : v);
    return Math.abs(Number(x.toFixed(n.digits)) - Math.abs(n.value)) < 1e-9;
  };
  return figures.some((f) => NUMERIC_FIELDS.some((k) => same(f[k])));
}

/** The numbers of a section's paragraphs that are none of its figures (empty when all trace). */
export function untracedNumbers(section: BriefingSection): string[] {
  return section.paragraphs.flatMap((p) =>
    numbersIn(p)
      .filter((n) => !isFigure(n, section.figures))
      .map((n) => `${n.text}（${p.slice(0, 24)}…）`),
  );
}

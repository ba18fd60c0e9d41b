// Rounding for the figures of projects and leads: printed with 2 decimals, compared without float noise.

/** 2 decimals, as every rate and score is given. */
export const round2 = (x: number): number => Math.round(x * 100) / 100 + 0;

/** Drops the float noise of a quotient (0.3 × 100 = 30.000000000000004) before a threshold is compared. */
export const clean = (x: number): number => Math.round(x * 1e9) / 1e9;

/** a ÷ b × 100 with 2 decimals; null when b is 0. */
export const percent = (a: number, b: number): number | null => (b === 0 ? null : round2((a / b) * 100));

/** 12.5 → '12.5', 12 → '12', 12.345 → '12.35': a figure in a sentence. */
export const say = (x: number): string => String(round2(x));

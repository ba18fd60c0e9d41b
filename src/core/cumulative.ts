// Year-to-date (1–N月累计) ↔ single-month values (当月), with the 1–2月 convention.

/**
 * Month values from ytd values (index 0 = January). Month N = ytd[N] − ytd[N−1].
 * With `janFebCombined`, January is null and February holds the 1–2月 total.
 * @example monthValuesFromYtd([null, 20, 32], true) // [null, 20, 12]
 */
export function monthValuesFromYtd(ytd: (number | null)[], janFebCombined: boolean): (number | null)[] {
  return ytd.map((v, i) => {
    if (v === null || v === undefined) return null;
    if (i === 0) return janFebCombined ? null : v;
    if (i === 1 && janFebCombined) return v;
    const prev = ytd[i - 1];
    return prev === null || prev === undefined ? null : v - prev;
  });
}

/**
 * Ytd values from month values; the inverse of monthValuesFromYtd. A missing month breaks the chain.
 * @example ytdFromMonthValues([null, 20, 12], true) // [null, 20, 32]
 */
export function ytdFromMonthValues(months: (number | null)[], janFebCombined: boolean): (number | null)[] {
  const out: (number | null)[] = [];
  for (const [i, v] of months.entries()) {
    const prev = out[i - 1];
    if ((i === 0 && janFebCombined) || v === null || v === undefined) out.push(null);
    else if (i === 0 || (i === 1 && janFebCombined)) out.push(v);
    else out.push(prev === null || prev === undefined ? null : prev + v);
  }
  return out;
}

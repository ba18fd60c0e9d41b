// When something is due, as documents write it: 二季度, 上半年, 年底前, 6月底前, 5月上旬, 9月30日前, 本月内,
// 2月9日晚19:00时前 (下班前 after a day is the day: 7月17日).

const DUE =
  /(?:(?:20\d{2})年)?(?:[一二三四1-4]季度末?|上半年|下半年|(?:今年)?年底前|(?:今年)?年末前|年内|(?:今年)?年底|本月内|月底前|本周内|(?:本|下)周[一二三四五六日天](?:前|之前)|\d{1,2}月(?:底|末|上旬|中旬|下旬)?(?:前|之前|以前)?(?:\d{1,2}日(?:(?:上午|下午|中午|晚上?|早上?)?(?:\d{1,2}[:：]\d{2}|\d{1,2}[时点])?时?(?:前|之前))?)?)/g;

/**
 * The first due date in a text, or null. "1-5月" is a period reported on, not a deadline.
 * @example findDue('力争二季度开工') // '二季度'
 */
export function findDue(text: string): string | null {
  for (const d of text.matchAll(DUE)) {
    const before = text[(d.index ?? 0) - 1] ?? '';
    const after = text[(d.index ?? 0) + d[0].length] ?? '';
    // "1-5月", "12月份的数据": a period, not a deadline; a bare "5月" must be followed by a deadline word.
    if (/[-—–~至0-9]/.test(before) || after === '份') continue;
    // "9月，由省级…组织自查；10月，由…牵头…": a month heading its clause is when the work is done.
    const heads = /(?:^|[；;。])\s*$/.test(text.slice(0, d.index ?? 0)) && /[，,]/.test(after);
    if (/^\d{1,2}月$/.test(d[0]) && !/[前底内]/.test(after) && !heads) continue;
    return d[0];
  }
  return null;
}

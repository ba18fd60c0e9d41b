// Number and status presentation shared by the pages: two decimals, 亿元 as given, statuses in Chinese.

export const fmt = (v: number | null | undefined, digits = 2): string =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '—'
    : v.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const statusText: Record<string, string> = {
  ahead: '超前',
  on_track: '正常',
  behind: '滞后',
  off_track: '严重滞后',
};
export const statusColor: Record<string, string> = {
  ahead: '#1b7f3b',
  on_track: '#52a447',
  behind: '#e3a008',
  off_track: '#c62828',
};

/** The last complete month before `today`, as YYYY-MM (statistics for a month arrive the next month). */
export function defaultPeriod(today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

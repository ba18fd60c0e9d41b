// Plain-text tables for the terminal; numbers with two decimals, missing values as '—'.

type Cell = string | number | null | undefined;

const show = (c: Cell) => (c === null || c === undefined ? '—' : typeof c === 'number' ? fmt(c) : c);
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
// CJK characters take two columns in a terminal.
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);

export function printTable(header: string[], rows: Cell[][]): void {
  const cells = [header, ...rows.map((r) => r.map(show))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  for (const r of cells) {
    console.log(r.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c))).join('  '));
  }
}

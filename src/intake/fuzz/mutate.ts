// Deterministic corruptions of seed files: a seeded PRNG picks what to break, and every mutation says what it did.
import ExcelJS from 'exceljs';
import { prng } from '../../core/random.ts';
import { encode } from '../testing.ts';
import type { Draft } from './seeds.ts';

export type Rng = () => number;

export { prng };

export const int = (rng: Rng, n: number): number => Math.floor(rng() * n);
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)] as T;

const TEXTS = ['十二', 'x1', '1.2.3', '12%', '--5', '１２．５x', 'N/A', '#REF!'];
const HUGE = ['1e400', '1e309', '-1e309', 'Infinity', '-Infinity', 'NaN', '1e15', '-9e18', '1e300'];
const PERIODS = [
  '2025-13',
  '2025-00',
  '1899-06',
  '9999-06',
  '2025年13月',
  '1899年',
  '2025年0月',
  '2101Q1',
  '2025-6-31',
];
const NUMBER = /-?\d+(\.\d+)?/g;
const PERIOD = /\d{4}(-\d{1,2}|年(1-)?\d{1,2}月|年|Q\d)/g;

/** A mutation of the draft: text or cells. Returns what it did, or null when it does not apply. */
type DraftMutation = (rng: Rng, d: Draft) => { draft: Draft; did: string } | null;

const text = (d: Draft, t: string): Draft => (d.kind === 'csv' ? { ...d, text: t } : d);

function replaceMatch(rng: Rng, s: string, re: RegExp, by: string): { text: string; was: string } | null {
  const matches = [...s.matchAll(re)];
  if (matches.length === 0) return null;
  const m = pick(rng, matches);
  const at = m.index ?? 0;
  return { text: s.slice(0, at) + by + s.slice(at + m[0].length), was: m[0] };
}

const lines = (s: string) => s.split(/(?<=\n)/);

const CSV: Record<string, DraftMutation> = {
  'quote+': (rng, d) => {
    if (d.kind !== 'csv') return null;
    const at = int(rng, d.text.length + 1);
    return { draft: text(d, `${d.text.slice(0, at)}"${d.text.slice(at)}`), did: `at ${at}` };
  },
  'quote-': (rng, d) => {
    if (d.kind !== 'csv' || !d.text.includes('"')) return null;
    const r = replaceMatch(rng, d.text, /"/g, '');
    return r && { draft: text(d, r.text), did: 'one quote removed' };
  },
  'comma+': (rng, d) => {
    if (d.kind !== 'csv') return null;
    const at = int(rng, d.text.length + 1);
    return { draft: text(d, `${d.text.slice(0, at)},${d.text.slice(at)}`), did: `at ${at}` };
  },
  'comma-': (rng, d) => {
    if (d.kind !== 'csv') return null;
    const r = replaceMatch(rng, d.text, /,/g, '');
    return r && { draft: text(d, r.text), did: 'one comma removed' };
  },
  'cell+': (rng, d) => {
    if (d.kind !== 'csv') return null;
    const ls = lines(d.text);
    const i = 1 + int(rng, Math.max(1, ls.length - 1));
    const extra = `,${int(rng, 1000) / 4}`;
    ls[i] = (ls[i] ?? '').replace(/(\r?\n)?$/, (nl) => extra + nl);
    return { draft: text(d, ls.join('')), did: `line ${i + 1} gets ${extra}` };
  },
  'cell-': (rng, d) => {
    if (d.kind !== 'csv') return null;
    const ls = lines(d.text);
    const i = 1 + int(rng, Math.max(1, ls.length - 1));
    ls[i] = (ls[i] ?? '').replace(/,[^,\r\n]*(\r?\n)?$/, (_, nl) => nl ?? '');
    return { draft: text(d, ls.join('')), did: `line ${i + 1} loses its last cell` };
  },
  'text-in-number': (rng, d) => {
    if (d.kind !== 'csv') return null;
    const by = pick(rng, TEXTS);
    const r = replaceMatch(rng, d.text, NUMBER, by);
    return r && { draft: text(d, r.text), did: `${r.was} → ${by}` };
  },
  'huge-number': (rng, d) => {
    if (d.kind !== 'csv') return null;
    const by = pick(rng, HUGE);
    const r = replaceMatch(rng, d.text, NUMBER, by);
    return r && { draft: text(d, r.text), did: `${r.was} → ${by}` };
  },
  'bad-period': (rng, d) => {
    if (d.kind !== 'csv') return null;
    const by = pick(rng, PERIODS);
    const r = replaceMatch(rng, d.text, PERIOD, by);
    return r && { draft: text(d, r.text), did: `${r.was} → ${by}` };
  },
  'no-final-newline': (_, d) =>
    d.kind === 'csv' ? { draft: text(d, d.text.replace(/[\r\n]+$/, '')), did: '' } : null,
  'no-footer': (_, d) =>
    d.kind === 'csv' && /^(数据来源|注)/m.test(d.text)
      ? { draft: text(d, d.text.replace(/^(数据来源|注).*(\r?\n)?/gm, '')), did: '' }
      : null,
  'line-dup': (rng, d) => {
    if (d.kind !== 'csv') return null;
    const ls = lines(d.text);
    const i = int(rng, ls.length);
    ls.splice(
      i,
      0,
      (ls[i] ?? '').replace(/(\r?\n)?$/, (nl) => nl || '\n'),
    );
    return { draft: text(d, ls.join('')), did: `line ${i + 1}` };
  },
  'line-drop': (rng, d) => {
    if (d.kind !== 'csv') return null;
    const ls = lines(d.text);
    const i = int(rng, ls.length);
    ls.splice(i, 1);
    return { draft: text(d, ls.join('')), did: `line ${i + 1}` };
  },
  'cut-in-line': (rng, d) => {
    if (d.kind !== 'csv') return null;
    const at = int(rng, d.text.length);
    return { draft: text(d, d.text.slice(0, at)), did: `after char ${at}` };
  },
  blank: (rng, d) => {
    if (d.kind !== 'csv') return null;
    const t = pick(rng, ['', '\ufeff', '\r\n\r\n', ' ', lines(d.text)[0] ?? '']);
    return { draft: text(d, t), did: JSON.stringify(t.slice(0, 20)) };
  },
};

/** Cells of an XLSX draft: a copy, so mutations never touch the seed. */
const cellsOf = (d: Draft): ExcelJS.CellValue[][] | null =>
  d.kind === 'xlsx' ? d.rows.map((r) => [...r]) : null;
const dataCell = (rng: Rng, rows: ExcelJS.CellValue[][]) => {
  const r = rows.length > 1 ? 1 + int(rng, rows.length - 1) : 0;
  const row = rows[r] ?? [];
  return { r, c: int(rng, Math.max(1, row.length)) };
};
const ref = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;

const XLSX: Record<string, DraftMutation> = {
  'formula-no-value': (rng, d) => {
    const rows = cellsOf(d);
    if (!rows) return null;
    const { r, c } = dataCell(rng, rows);
    (rows[r] as ExcelJS.CellValue[])[c] = { formula: 'SUM(A1:A2)' } as ExcelJS.CellFormulaValue;
    return { draft: { kind: 'xlsx', rows }, did: ref(r, c) };
  },
  'formula-with-value': (rng, d) => {
    const rows = cellsOf(d);
    if (!rows) return null;
    const { r, c } = dataCell(rng, rows);
    const was = rows[r]?.[c];
    if (typeof was !== 'number' && typeof was !== 'string') return null;
    (rows[r] as ExcelJS.CellValue[])[c] = { formula: 'A1', result: was } as ExcelJS.CellFormulaValue;
    return { draft: { kind: 'xlsx', rows }, did: `${ref(r, c)} = ${was}` };
  },
  'cell-value': (rng, d) => {
    const rows = cellsOf(d);
    if (!rows) return null;
    const { r, c } = dataCell(rng, rows);
    const by = pick<ExcelJS.CellValue>(rng, [
      ...TEXTS,
      ...HUGE,
      ...PERIODS,
      1e300,
      -1e20,
      new Date(Date.UTC(2025, 5, 1)),
      true,
      '',
    ]);
    (rows[r] as ExcelJS.CellValue[])[c] = by;
    return { draft: { kind: 'xlsx', rows }, did: `${ref(r, c)} → ${String(by)}` };
  },
  'cell+': (rng, d) => {
    const rows = cellsOf(d);
    if (!rows) return null;
    const { r } = dataCell(rng, rows);
    (rows[r] as ExcelJS.CellValue[]).push(int(rng, 1000));
    return { draft: { kind: 'xlsx', rows }, did: `row ${r + 1}` };
  },
  'cell-': (rng, d) => {
    const rows = cellsOf(d);
    if (!rows) return null;
    const { r, c } = dataCell(rng, rows);
    (rows[r] as ExcelJS.CellValue[]).splice(c, 1);
    return { draft: { kind: 'xlsx', rows }, did: ref(r, c) };
  },
  'row-dup': (rng, d) => {
    const rows = cellsOf(d);
    if (!rows) return null;
    const { r } = dataCell(rng, rows);
    rows.splice(r, 0, [...(rows[r] ?? [])]);
    return { draft: { kind: 'xlsx', rows }, did: `row ${r + 1}` };
  },
  'row-drop': (rng, d) => {
    const rows = cellsOf(d);
    if (!rows) return null;
    const r = int(rng, rows.length);
    rows.splice(r, 1);
    return { draft: { kind: 'xlsx', rows }, did: `row ${r + 1}` };
  },
  'only-header': (_, d) =>
    d.kind === 'xlsx' ? { draft: { kind: 'xlsx', rows: d.rows.slice(0, 1) }, did: '' } : null,
  'empty-sheet': (_, d) => (d.kind === 'xlsx' ? { draft: { kind: 'xlsx', rows: [] }, did: '' } : null),
};

export const DRAFT_MUTATIONS: Record<string, DraftMutation> = {
  ...CSV,
  ...Object.fromEntries(Object.entries(XLSX).map(([k, m]) => [`xlsx:${k}`, m])),
};

/**
 * The bytes of a draft as a user would save it. An XLSX also holds the time it was written (document
 * properties, zip entries), so the caller fixes the clock for bytes that are the same on every run.
 */
export async function render(d: Draft, rng: Rng): Promise<Uint8Array> {
  if (d.kind === 'csv') return encode(d.text, d.encoding);
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2025, 6, 1));
  wb.modified = wb.created;
  const sheet = wb.addWorksheet(pick(rng, ['数据', 'Sheet1']));
  for (const r of d.rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type ByteMutation = (rng: Rng, b: Uint8Array, d: Draft) => { bytes: Uint8Array; did: string } | null;

const splice = (b: Uint8Array, at: number, remove: number, insert: ArrayLike<number> = []) =>
  Uint8Array.from([...b.subarray(0, at), ...Array.from(insert), ...b.subarray(at + remove)]);

export const BYTE_MUTATIONS: Record<string, ByteMutation> = {
  truncate: (rng, b) => {
    const at = int(rng, b.length);
    return { bytes: b.slice(0, at), did: `to ${at} of ${b.length} bytes` };
  },
  flip: (rng, b) => {
    const out = b.slice();
    const n = 1 + int(rng, 4);
    const at: string[] = [];
    for (let i = 0; i < n && out.length > 0; i++) {
      const p = int(rng, out.length);
      const v = int(rng, 256);
      out[p] = v;
      at.push(`${p}=0x${v.toString(16)}`);
    }
    return { bytes: out, did: at.join(' ') };
  },
  'insert-bytes': (rng, b) => {
    const at = int(rng, b.length + 1);
    const ins = pick(rng, [[0x00], [0xff], [0xe4, 0xb8], [0x0d], [0x0a], [0x22], [0x2c], [0x81, 0x30]]);
    return { bytes: splice(b, at, 0, ins), did: `${ins.map((x) => x.toString(16)).join(' ')} at ${at}` };
  },
  'delete-range': (rng, b) => {
    const at = int(rng, b.length);
    const n = 1 + int(rng, 64);
    return { bytes: splice(b, at, n), did: `${n} bytes at ${at}` };
  },
  'zero-range': (rng, b) => {
    const out = b.slice();
    const at = int(rng, b.length);
    const n = 1 + int(rng, 256);
    out.fill(0, at, at + n);
    return { bytes: out, did: `${n} bytes at ${at}` };
  },
  'empty-file': () => ({ bytes: new Uint8Array(0), did: '' }),
  utf16: (_rng, _bytes, d) =>
    d.kind === 'csv'
      ? { bytes: Uint8Array.from([0xff, 0xfe, ...Buffer.from(d.text, 'utf16le')]), did: 'UTF-16LE' }
      : null,
  latin1: (_rng, _bytes, d) =>
    d.kind === 'csv' ? { bytes: Uint8Array.from(Buffer.from(d.text, 'latin1')), did: '' } : null,
  'mixed-encoding': (rng, _, d) => {
    if (d.kind !== 'csv') return null;
    const ls = lines(d.text);
    const i = int(rng, ls.length);
    const other = d.encoding === 'utf-8' ? 'gbk' : 'utf-8';
    const parts = ls.map((l, j) => encode(l, j === i ? other : d.encoding));
    return { bytes: Uint8Array.from(parts.flatMap((p) => Array.from(p))), did: `line ${i + 1} in ${other}` };
  },
};

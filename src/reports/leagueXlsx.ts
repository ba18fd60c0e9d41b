// The league table as the XLSX analysts mail around: a title row, a header, ranks with ↑/↓ changes, the unit's digits.
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../core/cells.ts';
import { amountDigits, formatRankChange } from '../core/format.ts';

/** What the file prints of a league table row (the store's LeagueRow has these and more). */
export interface LeagueXlsxRow {
  rank: number | null;
  region: string;
  value: number | null;
  yoy: number | null;
  rankChange: number | null;
  /** How many regions were ranked (the whole peer set, also when only some rows are shown). */
  rankOf: number;
}

export async function leagueXlsx(input: {
  indicator: string;
  unit: string;
  /** Lower-is-better indicators (失业率, 能耗) rank lowest first; the title says so. */
  direction?: 'up' | 'down';
  period: string;
  by: 'value' | 'yoy';
  rows: LeagueXlsxRow[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('排位');
  const [year, month] = input.period.split('-').map(Number);
  const order = input.direction === 'down' ? '，越低越好' : '';
  const title = `${year}年1—${month}月${input.indicator}各地区排位（按${input.by === 'yoy' ? '增速' : '总量'}${order}）`;
  sheet.mergeCells('A1:E1');
  sheet.getCell('A1').value = neutraliseFormula(title);
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  const header = sheet.addRow([
    '排位',
    '地区',
    neutraliseFormula(`${input.indicator}（${input.unit}）`),
    '同比增长（%）',
    '位次变化',
  ]);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2E6E6' } };
    c.border = { bottom: { style: 'thin' } };
  });
  for (const r of input.rows) {
    // Region names can be custom text: one written like a formula must stay text (numbers stay numbers).
    sheet.addRow([r.rank, neutraliseFormula(r.region), r.value, r.yoy, formatRankChange(r.rankChange)]);
  }
  // The unit's digits, as the cockpit prints them (亿元 two decimals, 元 and counts none, rates one).
  const largest = Math.max(0, ...input.rows.map((r) => Math.abs(r.value ?? 0)));
  const digits = amountDigits(largest, input.unit);
  sheet.getColumn(3).numFmt = digits === 0 ? '0' : `0.${'0'.repeat(digits)}`;
  sheet.getColumn(4).numFmt = '0.0';
  sheet.columns.forEach((c, i) => {
    c.width = [8, 18, 20, 16, 10][i] ?? 12;
  });
  sheet.addRow([]);
  // A user who may not see other regions' figures gets his own rows only; say what the ranks are among.
  const of = input.rows[0]?.rankOf ?? 0;
  if (input.rows.length < of) sheet.addRow([`仅列出本辖区；名次为在全部 ${of} 个地区中的位次`]);
  sheet.addRow([neutraliseFormula(`数据来源：调度平台，${input.period}`)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

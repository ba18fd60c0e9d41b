// The briefing's attached tables as XLSX: 主要经济指标完成情况表 and the sub-regions' league, one sheet each,
// with a title, a header row repeated on every printed page, A4 landscape fitted to the page width.
import ExcelJS from 'exceljs';
import type { Briefing, BriefingTable } from '../../core/briefing/types.ts';
import { neutraliseFormula } from '../../core/cells.ts';

const text = (v: string | number | null) => (typeof v === 'string' ? neutraliseFormula(v) : v);

function addSheet(wb: ExcelJS.Workbook, t: BriefingTable, subtitle: string) {
  const sheet = wb.addWorksheet(t.title.slice(0, 31), {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '3:3',
      margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  const last = String.fromCharCode(64 + t.header.length);
  sheet.mergeCells(`A1:${last}1`);
  sheet.getCell('A1').value = neutraliseFormula(t.title);
  sheet.getCell('A1').font = { bold: true, size: 16, name: '宋体' };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  sheet.mergeCells(`A2:${last}2`);
  sheet.getCell('A2').value = neutraliseFormula(subtitle);
  sheet.getCell('A2').alignment = { horizontal: 'center' };
  const thin = { style: 'thin' as const };
  const border = { top: thin, bottom: thin, left: thin, right: thin };
  const header = sheet.addRow(t.header.map(text));
  header.font = { bold: true };
  header.eachCell((c) => {
    c.border = border;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  for (const [k, r] of t.rows.entries()) {
    const row = sheet.addRow(r.map(text));
    row.eachCell({ includeEmpty: true }, (c, n) => {
      c.border = border;
      const d = t.digits[n - 1];
      if (typeof c.value === 'number') {
        const digits =
          d ??
          t.rowDigits?.[k] ??
          (Number.isInteger(c.value) ? 0 : (String(c.value).split('.')[1]?.length ?? 0));
        c.numFmt = digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
      }
    });
  }
  sheet.columns.forEach((c, i) => {
    c.width = i === 0 ? 24 : 12;
  });
}

/** The XLSX bytes of a briefing's tables. */
export async function briefingXlsx(b: Briefing): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tiaodu 调度';
  for (const t of b.tables)
    addSheet(
      wb,
      t,
      `${b.region.name}　${b.title.replace(b.region.name, '').replace('经济运行情况分析', '')}`,
    );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

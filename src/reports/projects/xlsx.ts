// The project progress notice as XLSX: the text on a first sheet, each table on its own sheet with a title and
// a header row repeated on every printed page, A4 landscape fitted to the width.
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../core/cells.ts';
import type { NoticeTable, ProjectNotice } from '../../core/projects/notice.ts';

const text = (v: string | number | null) => (typeof v === 'string' ? neutraliseFormula(v) : v);
const thin = { style: 'thin' as const };
const border = { top: thin, bottom: thin, left: thin, right: thin };

function addSheet(wb: ExcelJS.Workbook, t: NoticeTable, subtitle: string): void {
  const sheet = wb.addWorksheet(t.title.replace(/[（）()]/g, '').slice(0, 31), {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
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
  const header = sheet.addRow(t.header.map(text));
  header.font = { bold: true };
  header.eachCell((c) => {
    c.border = border;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  for (const r of t.rows) {
    const row = sheet.addRow(r.map(text));
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = border;
      if (typeof c.value === 'number' && !Number.isInteger(c.value)) c.numFmt = '#,##0.00';
    });
  }
  sheet.columns.forEach((c, i) => {
    c.width = i === t.header.length - 1 && t.header[i] === '原因' ? 60 : i === 1 ? 24 : 13;
  });
}

/** The XLSX bytes of a notice. */
export async function projectNoticeXlsx(n: ProjectNotice, subtitle: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tiaodu 调度';
  const cover = wb.addWorksheet('通报');
  cover.getCell('A1').value = neutraliseFormula(n.title);
  cover.getCell('A1').font = { bold: true, size: 16, name: '宋体' };
  for (const p of n.paragraphs) cover.addRow([neutraliseFormula(p)]).alignment = { wrapText: true };
  cover.getColumn(1).width = 120;
  for (const t of n.tables) addSheet(wb, t, subtitle);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// The tour notice (拉练通报) as XLSX: the text on a first sheet, the regions' ranking and the projects' scores
// each on its own sheet with a header row repeated on every printed page.
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../core/cells.ts';
import { type TourNotice, tourNoticeTables } from '../../core/projects/tourNotice.ts';

const text = (v: string | number | null) => (typeof v === 'string' ? neutraliseFormula(v) : v);
const thin = { style: 'thin' as const };
const border = { top: thin, bottom: thin, left: thin, right: thin };

/** The XLSX bytes of a tour notice. */
export async function tourNoticeXlsx(n: TourNotice): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tiaodu 调度';
  const cover = wb.addWorksheet('通报');
  cover.getCell('A1').value = neutraliseFormula(n.title);
  cover.getCell('A1').font = { bold: true, size: 16, name: '宋体' };
  for (const p of n.paragraphs) cover.addRow([neutraliseFormula(p)]).alignment = { wrapText: true };
  cover.getColumn(1).width = 120;
  for (const t of tourNoticeTables(n)) {
    const sheet = wb.addWorksheet(t.title, {
      pageSetup: {
        paperSize: 9,
        orientation: 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
      },
    });
    const header = sheet.addRow(t.header);
    header.font = { bold: true };
    header.eachCell((c) => {
      c.border = border;
      c.alignment = { horizontal: 'center', vertical: 'middle' };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    });
    for (const r of t.rows)
      sheet.addRow(r.map(text)).eachCell((c) => {
        c.border = border;
        if (typeof c.value === 'number' && !Number.isInteger(c.value)) c.numFmt = '0.00';
      });
    sheet.columns.forEach((c, i) => {
      c.width = t.header[i] === '项目名称' ? 28 : 12;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

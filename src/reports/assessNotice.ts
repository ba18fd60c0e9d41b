// The ranking notice (考核结果通报) of an assessment, by group: rank, total, each item's points, bonus and penalty,
// the move since the last published run. Word in the briefing's official look, and Excel for the office's own sums.
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { RegionScore } from '../core/assess/score.ts';
import { chineseCount } from '../core/briefing/phrases.ts';
import { neutraliseFormula } from '../core/cells.ts';
import { formatRankChange } from '../core/format.ts';
import { borders, FONTS, font, INDENT } from './docxKit.ts';

export interface AssessNotice {
  scheme: string;
  parent: string;
  period: string;
  items: string[];
  groups: string[];
  rows: RegionScore[];
  /** 红榜 and 黑榜 by region name, when the scheme defines them. */
  lists?: { red: string[]; black: string[] };
}

/** The lines naming the red and black lists and the vetoes' reasons, when there are any. */
const listLines = (n: AssessNotice): string[] => [
  ...(n.lists?.red.length ? [`红榜：${n.lists.red.join('、')}。`] : []),
  ...(n.lists?.black.length ? [`黑榜：${n.lists.black.join('、')}。`] : []),
  // Why each vetoed region scored 0, where the run kept it (runs published before vetoReason have none).
  ...n.rows.filter((r) => r.vetoed && r.vetoReason).map((r) => `一票否决：${r.region}（${r.vetoReason}）。`),
];

const title = (n: AssessNotice) => `关于${n.scheme}结果的通报`;
const lead = (n: AssessNotice) => {
  const [year, month] = n.period.split('-').map(Number);
  return `根据《${n.scheme}》，现将${n.parent}${year}年1—${month}月考核结果通报如下。一票否决的地区总分记0分，列本组末位。`;
};
const header = (n: AssessNotice) => ['名次', '地区', '总分', ...n.items, '加分', '减分', '位次变化'];
const cells = (r: RegionScore): (string | number)[] => [
  r.rank,
  r.region,
  r.vetoed ? '0（否决）' : r.total.toFixed(2),
  ...r.items.map((i) => (i.input === '否决' ? '否决' : i.points.toFixed(2))),
  r.bonus ? r.bonus.toFixed(2) : '',
  r.penalty ? r.penalty.toFixed(2) : '',
  formatRankChange(r.rankChange),
];

/** Landscape A4 less 2 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 16838 - 2 * 1134;

const text = (t: string, size: number, eastAsia = FONTS.body, bold = false) =>
  new TextRun({ text: t, size, bold, font: font(eastAsia) });

function groupTable(n: AssessNotice, rows: RegionScore[]): Table {
  const cell = (t: string, head: boolean, i: number) =>
    new TableCell({
      borders,
      width: { size: widths[i] ?? rest, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [text(t, 18, head ? FONTS.heading1 : FONTS.body, head)],
        }),
      ],
    });
  // Landscape A4: names wide, rank narrow, the points columns share the rest, so no figure wraps.
  const n0 = header(n).length;
  const rest = Math.floor((TEXT_WIDTH - 700 - 1500) / (n0 - 2));
  const widths = [700, 1500, ...Array.from({ length: n0 - 2 }, () => rest)];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: header(n).map((h, i) => cell(h, true, i)) }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: cells(r).map((c, i) => cell(String(c), false, i)) }),
      ),
    ],
  });
}

export async function assessNoticeDocx(n: AssessNotice): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [text(title(n), 44, FONTS.title)],
    }),
    new Paragraph({ indent: INDENT, spacing: { after: 200 }, children: [text(lead(n), 32)] }),
  ];
  n.groups.forEach((g, i) => {
    const rows = n.rows.filter((r) => r.group === g);
    children.push(
      new Paragraph({
        indent: INDENT,
        spacing: { before: 200, after: 120 },
        children: [text(`${chineseCount(i + 1)}、${g}（${rows.length}个）`, 32, FONTS.heading1)],
      }),
      groupTable(n, rows),
    );
  });
  for (const line of listLines(n))
    children.push(new Paragraph({ indent: INDENT, spacing: { before: 200 }, children: [text(line, 32)] }));
  const doc = new Document({
    styles: { default: { document: { run: { font: font(FONTS.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function assessNoticeXlsx(n: AssessNotice): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('考核结果');
  const width = header(n).length;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell('A1').value = neutraliseFormula(title(n));
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  sheet.addRow([neutraliseFormula(lead(n))]);
  for (const g of n.groups) {
    sheet.addRow([]);
    sheet.addRow([neutraliseFormula(g)]).font = { bold: true };
    const head = sheet.addRow(header(n).map(neutraliseFormula));
    head.font = { bold: true };
    head.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2E6E6' } };
      c.border = { bottom: { style: 'thin' } };
    });
    // Numbers stay numbers, so the office can add them up; a veto is said in words.
    for (const r of n.rows.filter((x) => x.group === g))
      sheet.addRow([
        r.rank,
        neutraliseFormula(r.region),
        r.vetoed ? '0（一票否决）' : r.total,
        ...r.items.map((i) => (i.input === '否决' ? '否决' : Math.round(i.points * 100) / 100)),
        r.bonus || null,
        r.penalty || null,
        formatRankChange(r.rankChange),
      ]);
  }
  sheet.columns.forEach((c, i) => {
    c.width = i === 1 ? 14 : 10;
    c.numFmt = i >= 2 ? '0.00' : '';
  });
  sheet.addRow([]);
  for (const line of listLines(n)) sheet.addRow([neutraliseFormula(line)]);
  sheet.addRow([neutraliseFormula(`数据来源：调度平台，${n.period}`)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

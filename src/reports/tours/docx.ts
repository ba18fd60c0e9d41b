// The tour notice (拉练通报) as a Word document in the official look of the other notices (fonts with their
// East-Asian setting, A4 margins): the text, the regions' ranking, each project's score.

import {
  AlignmentType,
  BorderStyle,
  Document,
  type IRunOptions,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { chineseCount } from '../../core/briefing/phrases.ts';
import { type TourNotice, tourNoticeTables } from '../../core/projects/tourNotice.ts';
import { FONTS } from '../briefing/docx.ts';

const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia });
const run = (text: string, o: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: font(FONTS.body), ...o });
/** A4 with the margins of official documents, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 1588 - 1474;
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(v: string | number | null, header: boolean): TableCell {
  return new TableCell({
    borders,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 40, right: 40 },
    children: [
      new Paragraph({
        alignment: typeof v === 'number' ? AlignmentType.RIGHT : AlignmentType.CENTER,
        children: [
          run(v === null ? '—' : String(v), {
            size: 21,
            bold: header,
            font: font(header ? FONTS.heading1 : FONTS.body),
          }),
        ],
      }),
    ],
  });
}

function table(header: string[], rows: (string | number | null)[][]): Table {
  const width = Math.floor(TEXT_WIDTH / header.length);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: header.map(() => width),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h) => cell(h, true)) }),
      ...(rows.length > 0 ? rows : [header.map((_, i) => (i === 0 ? '无' : ''))]).map(
        (r) => new TableRow({ cantSplit: true, children: r.map((v) => cell(v, false)) }),
      ),
    ],
  });
}

/** The DOCX bytes of a tour notice. */
export async function tourNoticeDocx(n: TourNotice): Promise<Buffer> {
  const tables = tourNoticeTables(n).flatMap((t, i) => [
    new Paragraph({
      spacing: { before: 240, after: 120 },
      keepNext: true,
      children: [run(`${chineseCount(i + 1)}、${t.title}`, { font: font(FONTS.heading1) })],
    }),
    table(t.header, t.rows),
  ]);
  const doc = new Document({
    title: n.title,
    creator: 'Tiaodu 调度',
    styles: { default: { document: { run: { font: font(FONTS.body), size: 32 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 480, line: 700, lineRule: LineRuleType.EXACT },
            children: [run(n.title, { size: 44, font: font(FONTS.title) })],
          }),
          ...n.paragraphs.map(
            (p) =>
              new Paragraph({
                alignment: AlignmentType.JUSTIFIED,
                indent: { firstLine: 640 },
                spacing: { line: 560, lineRule: LineRuleType.EXACT },
                children: [run(p)],
              }),
          ),
          ...tables,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// The project progress notice as a Word document in the briefing's official look (fonts, A4 margins, page
// numbers), its tables after the text, the header row repeated on each page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { NoticeTable, ProjectNotice } from '../../core/projects/notice.ts';
import { FONTS } from '../briefing/docx.ts';

const font = (eastAsia: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia });
const run = (text: string, o: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: font(FONTS.body), ...o });
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
/** A4 with the margins of official documents, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 1588 - 1474;

const show = (v: string | number | null) => (v === null ? '—' : typeof v === 'number' ? String(v) : v);

function tableOf(t: NoticeTable): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (v: string | number | null, header: boolean) =>
    new TableCell({
      borders,
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 40, right: 40 },
      children: [
        new Paragraph({
          alignment: typeof v === 'number' ? AlignmentType.RIGHT : AlignmentType.CENTER,
          children: [
            run(show(v), { size: 18, bold: header, font: font(header ? FONTS.heading1 : FONTS.body) }),
          ],
        }),
      ],
    });
  const width = Math.floor(TEXT_WIDTH / t.header.length);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: t.header.map(() => width),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((h) => cell(h, true)) }),
      ...(t.rows.length > 0
        ? t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v) => cell(v, false)) }))
        : [new TableRow({ children: t.header.map((_, i) => cell(i === 0 ? '无' : '', false)) })]),
    ],
  });
}

/** The DOCX bytes of a notice. */
export async function projectNoticeDocx(n: ProjectNotice): Promise<Buffer> {
  const body = n.paragraphs.map(
    (p) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 640 },
        spacing: LINE,
        children: [run(p)],
      }),
  );
  const tables = n.tables.flatMap((t, i) => [
    new Paragraph({
      spacing: { before: 240, after: 120 },
      // The heading stays with its table, never alone at a page's foot.
      keepNext: true,
      children: [
        run(`${['一', '二', '三', '四', '五', '六'][i] ?? i + 1}、${t.title}`, {
          font: font(FONTS.heading1),
        }),
      ],
    }),
    tableOf(t),
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
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run('— ', { size: 28 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 28, font: font(FONTS.body) }),
                  run(' —', { size: 28 }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 480, line: 700, lineRule: LineRuleType.EXACT },
            children: [run(n.title, { size: 44, font: font(FONTS.title) })],
          }),
          ...body,
          ...tables,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

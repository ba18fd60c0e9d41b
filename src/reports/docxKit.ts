// The pieces every Word document shares (the briefing, 项目推进通报, 督办通报, 招商引资月报): the official look —
// 仿宋 body with the East Asian font set on every run, 黑体 headings, 小标宋 title, A4 with the margins of
// official documents, page numbers as «— 1 —», bordered tables whose header row repeats on each page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type IRunOptions,
  type ISectionPropertiesOptions,
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
import { chineseCount } from '../core/briefing/phrases.ts';
import type { NoticeTable } from '../core/projects/notice.ts';

/** The fonts of official documents (GB/T 9704); Latin text in Times New Roman. */
export const FONTS = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  latin: 'Times New Roman',
};

export const font = (eastAsia: string) => ({
  ascii: FONTS.latin,
  hAnsi: FONTS.latin,
  cs: FONTS.latin,
  eastAsia,
});
export const run = (text: string, o: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: font(FONTS.body), ...o });
/** 三号 16 pt body text. */
export const BODY_SIZE = 32;
/** Fixed 28 pt lines, as official documents are set. */
export const LINE = { line: 560, lineRule: LineRuleType.EXACT };
/** A first line indented two characters. */
export const INDENT = { firstLine: 640 };
/**
 * A4 with the margins of official documents (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in
 * twentieths of a point.
 */
export const A4: ISectionPropertiesOptions = {
  page: {
    size: { width: 11906, height: 16838 },
    margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
  },
};
/** The text width of A4 between those margins. */
export const TEXT_WIDTH = 11906 - 1588 - 1474;
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const borders = { top: border, bottom: border, left: border, right: border };

/** «— 1 —» centred at the foot of each page. */
export const pageNumberFooter = () =>
  new Footer({
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
  });

/** The document's title in 小标宋, centred. */
export const titleParagraph = (title: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 480, line: 700, lineRule: LineRuleType.EXACT },
    children: [run(title, { size: 44, font: font(FONTS.title) })],
  });

/** A body paragraph: justified, indented two characters. */
export const bodyParagraph = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: INDENT,
    spacing: LINE,
    children: [run(text)],
  });

/**
 * A bordered, vertically centred cell of one paragraph: a header cell bold in 黑体, a body cell in 仿宋; 10.5 pt
 * with 3 pt side margins unless `size` and `margin` say otherwise.
 * @example tableCell('项目名称', { header: true, align: AlignmentType.CENTER })
 */
export const tableCell = (
  text: string,
  o: {
    header: boolean;
    align: (typeof AlignmentType)[keyof typeof AlignmentType];
    size?: number;
    margin?: number;
  },
) =>
  new TableCell({
    borders,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: o.margin ?? 60, right: o.margin ?? 60 },
    children: [
      new Paragraph({
        alignment: o.align,
        children: [
          run(text, {
            size: o.size ?? 21,
            bold: o.header,
            font: font(o.header ? FONTS.heading1 : FONTS.body),
          }),
        ],
      }),
    ],
  });

const show = (v: string | number | null) => (v === null ? '—' : typeof v === 'number' ? String(v) : v);
/** Names and reasons get twice the width of a figure, a date enough for «2025-06-30» on one line. */
const weight = (header: string) => (/名称|原因|责任单位/.test(header) ? 2 : /日期/.test(header) ? 1.5 : 1);

/** A bordered table of a notice: numbers to the right, text centred, 9 pt; an empty table says 无. */
export function noticeTable(t: NoticeTable): Table {
  const cell = (v: string | number | null, header: boolean) =>
    tableCell(show(v), {
      header,
      align: typeof v === 'number' ? AlignmentType.RIGHT : AlignmentType.CENTER,
      size: 18,
      margin: 40,
    });
  const weights = t.header.map(weight);
  const total = weights.reduce((s, w) => s + w, 0);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: weights.map((w) => Math.floor((TEXT_WIDTH * w) / total)),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((h) => cell(h, true)) }),
      ...(t.rows.length > 0
        ? t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v) => cell(v, false)) }))
        : [new TableRow({ children: t.header.map((_, i) => cell(i === 0 ? '无' : '', false)) })]),
    ],
  });
}

/** A notice of words and tables: the title, the paragraphs, then each table under a numbered 黑体 heading. */
export async function tableNoticeDocx(n: {
  title: string;
  paragraphs: string[];
  tables: NoticeTable[];
}): Promise<Buffer> {
  const tables = n.tables.flatMap((t, i) => [
    new Paragraph({
      spacing: { before: 240, after: 120 },
      // The heading stays with its table, never alone at a page's foot.
      keepNext: true,
      children: [
        run(`${chineseCount(i + 1)}、${t.title}`, {
          font: font(FONTS.heading1),
        }),
      ],
    }),
    noticeTable(t),
  ]);
  const doc = new Document({
    title: n.title,
    creator: 'Tiaodu 调度',
    styles: { default: { document: { run: { font: font(FONTS.body), size: BODY_SIZE } } } },
    sections: [
      {
        properties: A4,
        footers: { default: pageNumberFooter() },
        children: [titleParagraph(n.title), ...n.paragraphs.map(bodyParagraph), ...tables],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

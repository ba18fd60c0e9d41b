// The briefing as a Word document in the official look of docxKit (A4, 小标宋 title, 仿宋 body with the East
// Asian font set on every run, page numbers in the footer), with its own 黑体/楷体 heading styles, charts and
// appended tables whose header row repeats on each page.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableRow,
  WidthType,
} from 'docx';
import { cellText, outline } from '../../core/briefing/outline.ts';
import type { Briefing, BriefingTable } from '../../core/briefing/types.ts';
import {
  A4,
  BODY_SIZE,
  FONTS,
  font,
  INDENT,
  LINE,
  pageNumberFooter,
  run,
  TEXT_WIDTH,
  tableCell,
  titleParagraph,
} from '../docxKit.ts';
import { chartPng, chartSvg, type RenderedChart } from './charts.ts';

/** The first column (names) wide, the rest shared; the main table's nine columns as its contents need. */
function columnWidths(n: number): number[] {
  if (n === 9) return [1650, 950, 1150, 700, 700, 800, 1100, 750, 1044];
  const first = 1800;
  const rest = Math.floor((TEXT_WIDTH - first) / (n - 1));
  return [first, ...Array.from({ length: n - 1 }, () => rest)];
}

function tableOf(t: BriefingTable): Table {
  const cell = (text: string, header: boolean, align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    tableCell(text, { header, align });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.header.map((h) => cell(h, true, AlignmentType.CENTER)),
  });
  const rows = t.rows.map(
    (r, k) =>
      new TableRow({
        cantSplit: true,
        children: r.map((v, i) =>
          cell(
            cellText(v, t.digits[i] ?? null, t.rowDigits?.[k]),
            false,
            typeof v === 'number' ? AlignmentType.RIGHT : i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER,
          ),
        ),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columnWidths(t.header.length),
    rows: [header, ...rows],
  });
}

interface Picture {
  drawn: RenderedChart;
  png: Buffer;
}

/** Every chart drawn, rasterised side by side. */
async function pictures(b: Briefing): Promise<Map<string, Picture>> {
  const drawn = (b.charts ?? []).map(chartSvg);
  const pngs = await Promise.all(drawn.map(chartPng));
  return new Map(drawn.map((d, i) => [d.chart.key, { drawn: d, png: pngs[i] as Buffer }]));
}

/** The chart as a PNG picture the width of the text (LibreOffice and older Word read PNG, not SVG). */
function chartParagraphs(pictures: Map<string, Picture>, key: string, caption: string): Paragraph[] {
  const picture = pictures.get(key);
  if (!picture) return [];
  const { drawn, png } = picture;
  const chart = drawn.chart;
  // The text is 8844 twips ≈ 590 px wide at 96 dpi; the picture keeps the chart's proportions.
  const width = 580;
  const height = Math.round((drawn.height / drawn.width) * width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120 },
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width, height },
          altText: { name: chart.title, title: chart.title, description: caption },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(caption, { size: 24, font: font(FONTS.heading1) })],
    }),
  ];
}

/** The DOCX bytes of a briefing. */
export async function briefingDocx(b: Briefing): Promise<Buffer> {
  const drawn = await pictures(b);
  const body = outline(b).flatMap((block) => {
    if (block.kind === 'chart') return chartParagraphs(drawn, block.key, block.caption);
    if (block.kind === 'heading1')
      return new Paragraph({
        heading: HeadingLevel.HEADING_1,
        indent: INDENT,
        children: [run(block.text, { font: font(FONTS.heading1) })],
      });
    if (block.kind === 'heading2')
      return new Paragraph({
        heading: HeadingLevel.HEADING_2,
        indent: INDENT,
        children: [run(block.text, { font: font(FONTS.heading2) })],
      });
    const lead = block.lead ? [run(block.lead, { bold: true })] : [];
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: INDENT,
      spacing: LINE,
      children: [...lead, run(block.text)],
    });
  });
  const tables = b.tables.flatMap((t, i) => [
    new Paragraph({
      spacing: LINE,
      children: [...(i === 0 ? [new PageBreak()] : []), run(`附表${i + 1}`, { font: font(FONTS.heading1) })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 240 },
      children: [run(t.title, { size: 36, font: font(FONTS.title) })],
    }),
    tableOf(t),
  ]);
  const heading = (id: string, name: string, eastAsia: string) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(eastAsia), size: BODY_SIZE, color: '000000', bold: false },
    paragraph: { spacing: LINE, indent: INDENT },
  });
  const doc = new Document({
    title: b.title,
    creator: 'Tiaodu 调度',
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: BODY_SIZE } } },
      paragraphStyles: [
        heading('Heading1', 'Heading 1', FONTS.heading1),
        heading('Heading2', 'Heading 2', FONTS.heading2),
      ],
    },
    sections: [
      {
        properties: A4,
        footers: { default: pageNumberFooter() },
        children: [titleParagraph(b.title), ...body, ...tables],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

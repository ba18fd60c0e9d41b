// The supervision notice (督办通报) as a Word document in the official look of the briefing: 小标宋 title, 黑体
// headings, 仿宋 body with the East Asian font on every run, tables whose header row repeats on each page.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableRow, WidthType } from 'docx';
import type { NoticeTask, TaskNotice } from '../../core/tasks/notice.ts';
import { A4, FONTS, font, INDENT, LINE, run, tableCell, titleParagraph } from '../docxKit.ts';
import { noticeSummary, TASK_HEADER, taskCells, UNIT_HEADER, unitCells } from './text.ts';

/** Column widths (twentieths of a point) filling the A4 text width of 8844: titles and reasons wide. */
const WIDTHS: Record<number, number[]> = {
  6: [2344, 1300, 1300, 1300, 1300, 1300],
  8: [500, 1900, 1100, 1100, 1100, 600, 1100, 1444],
};

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, head: boolean) =>
    tableCell(text, { header: head, align: head ? AlignmentType.CENTER : AlignmentType.LEFT });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: WIDTHS[header.length],
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, false)) })),
    ],
  });
}

const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_1,
    spacing: LINE,
    indent: INDENT,
    children: [run(text, { size: 32, font: font(FONTS.heading1) })],
  });
const body = (text: string) =>
  new Paragraph({ spacing: LINE, indent: INDENT, children: [run(text, { size: 32 })] });

function list(title: string, tasks: NoticeTask[], none: string): (Paragraph | Table)[] {
  return [heading(title), tasks.length ? table(TASK_HEADER, tasks.map(taskCells)) : body(none)];
}

export async function noticeDocx(n: TaskNotice): Promise<Buffer> {
  const doc = new Document({
    title: n.title,
    creator: 'Tiaodu 调度',
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: 32 } } },
      // Headings in black 黑体, not Word's blue.
      paragraphStyles: [
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: font(FONTS.heading1), size: 32, color: '000000', bold: false },
        },
      ],
    },
    sections: [
      {
        properties: A4,
        children: [
          titleParagraph(n.title),
          body(noticeSummary(n)),
          heading('一、各单位办理情况'),
          n.byUnit.length ? table(UNIT_HEADER, n.byUnit.map(unitCells)) : body('暂无交办事项。'),
          ...list('二、红灯事项（超期未办结）', n.red, '无红灯事项。'),
          ...list('三、黄灯事项（进度滞后或久未报送）', n.yellow, '无黄灯事项。'),
          ...list('四、约谈名单（红灯超过规定天数）', n.escalated, '无约谈事项。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// The supervision notice (督办通报) as a workbook: one sheet by unit, then the red, yellow and 约谈 lists.
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../core/cells.ts';
import type { NoticeTask, TaskNotice } from '../../core/tasks/notice.ts';
import { noticeSummary, TASK_HEADER, taskCells, UNIT_HEADER } from './text.ts';

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  header: string[],
  rows: (string | number)[][],
) {
  const s = wb.addWorksheet(name);
  s.addRow([neutraliseFormula(title)]).font = { bold: true, size: 14 };
  const h = s.addRow(header);
  h.font = { bold: true };
  h.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2E6E6' } };
    c.border = { bottom: { style: 'thin' } };
  });
  // Names and titles are typed by people: one written like a formula stays text.
  for (const r of rows) s.addRow(r.map((c) => (typeof c === 'string' ? neutraliseFormula(c) : c)));
  s.columns.forEach((c, i) => {
    c.width = i === 1 ? 40 : 14;
  });
}

const taskRow = (t: NoticeTask) => {
  const cells: (string | number)[] = taskCells(t);
  cells[0] = t.id;
  cells[5] = t.percent;
  return cells;
};

export async function noticeXlsx(n: TaskNotice): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheet(
    wb,
    '各单位',
    `${n.title}：${noticeSummary(n)}`,
    UNIT_HEADER,
    n.byUnit.map((l) => [l.unit, l.assigned, l.doneOnTime, l.doneLate, l.overdue, l.inHand]),
  );
  sheet(wb, '红灯', '红灯事项（超期未办结）', TASK_HEADER, n.red.map(taskRow));
  sheet(wb, '黄灯', '黄灯事项（进度滞后或久未报送）', TASK_HEADER, n.yellow.map(taskRow));
  sheet(wb, '约谈', '约谈名单（红灯超过规定天数）', TASK_HEADER, n.escalated.map(taskRow));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

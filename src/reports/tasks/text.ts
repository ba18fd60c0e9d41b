// The notice's words and table cells, shared by the DOCX and the XLSX so both say the same.
import type { NoticeTask, NoticeUnitLine, TaskNotice } from '../../core/tasks/notice.ts';

export const UNIT_HEADER = ['牵头单位', '交办', '按期办结', '逾期办结', '超期未办结', '正在办理'];
export const TASK_HEADER = ['编号', '事项', '牵头单位', '配合单位', '截止日期', '进度%', '最近报送', '情况'];

export const unitCells = (l: NoticeUnitLine): string[] => [
  l.unit,
  ...[l.assigned, l.doneOnTime, l.doneLate, l.overdue, l.inHand].map(String),
];

export const taskCells = (t: NoticeTask): string[] => [
  String(t.id),
  t.title,
  t.lead.join('、'),
  t.support.join('、'),
  t.due ?? '—',
  String(t.percent),
  t.lastReport ?? '未报送',
  t.reasons.join('；'),
];

export function noticeSummary(n: TaskNotice): string {
  const [y, m, d] = n.today.split('-').map(Number);
  const done = n.byUnit.reduce((s, l) => s + l.doneOnTime + l.doneLate, 0);
  return `截至${y}年${m}月${d}日，共有督办事项 ${n.total} 项，已办结 ${done} 项；亮红灯 ${n.red.length} 项、黄灯 ${n.yellow.length} 项，红灯超过规定天数、列入约谈 ${n.escalated.length} 项。`;
}

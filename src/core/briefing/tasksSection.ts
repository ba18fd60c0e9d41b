// The briefing's 督查督办 section: the supervision notice's figures (core/tasks buildNotice) of the region's tasks on
// one day — the period's last day, or today while the period is the current month; each number filed as tasks.*.
import { lastDayOfMonth } from '../tasks/days.ts';
import { buildNotice, type NoticeTask, onTime } from '../tasks/notice.ts';
import { figureBook } from './figures.ts';
import { numbersIn } from './numbers.ts';
import { selfName } from './phrases.ts';
import type { BriefingSection } from './types.ts';

export interface TasksSectionInput {
  region: { code: string; name: string };
  period: string;
  /** The day the lights are read on (YYYY-MM-DD). */
  asOf: string;
  /** The task list's rows of the region on that day (`tiaodu task list --today asOf`). */
  rows: NoticeTask[];
}

/** 截至6月底 for the period's last day, 截至目前 while the month runs (a day's number would be no figure). */
function asOfWords(period: string, asOf: string): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7));
  return asOf >= lastDayOfMonth(y, m) ? `截至${m}月底` : '截至目前';
}

/** A task of the 约谈 list: its title when it prints no number of its own, else its lead units. */
function named(t: NoticeTask): string {
  const units = t.lead.join('、');
  return numbersIn(t.title).length === 0 ? `${units}牵头的“${t.title}”` : `${units}牵头的事项`;
}

/**
 * The section, or null without tasks: assigned, done (on time), overdue, in hand; red and yellow lights; the 约谈
 * list (red beyond the escalation days) with each task's red days.
 * @example tasksSection({ region, period: '2025-06', asOf: '2025-06-30', rows })?.paragraphs[0]
 * // '截至6月底，全区督办事项共5项，已办结2项（按期办结1项），逾期未办结1项，正在推进2项。'
 */
export function tasksSection(input: TasksSectionInput): BriefingSection | null {
  const { region, period, asOf, rows } = input;
  if (rows.length === 0) return null;
  const notice = buildNotice(rows, asOf);
  const { figures, put } = figureBook(region, period, `督办事项落实情况（tiaodu task list --today ${asOf}）`);
  const n = (indicator: string, name: string, value: number) =>
    String(put(indicator, name, value, '项').value);
  const done = rows.filter((t) => t.status === 'done');
  const overdue = rows.filter((t) => t.status === 'overdue').length;
  const self = selfName(region.name);
  const head = [
    `${asOfWords(period, asOf)}，${self}督办事项共${n('tasks.assigned', '督办事项', notice.total)}项`,
  ];
  head.push(
    done.length > 0
      ? `已办结${n('tasks.done', '已办结', done.length)}项（按期办结${n('tasks.doneOnTime', '按期办结', done.filter(onTime).length)}项）`
      : '尚无办结事项',
  );
  if (overdue > 0) head.push(`逾期未办结${n('tasks.overdue', '逾期未办结', overdue)}项`);
  const inHand = rows.length - done.length - overdue;
  if (inHand > 0) head.push(`正在推进${n('tasks.inHand', '正在推进', inHand)}项`);
  const paragraphs = [`${head.join('，')}。`];
  const red = notice.red.length;
  const yellow = notice.yellow.length;
  if (red + yellow > 0) {
    const lights = [
      red > 0 ? `亮红灯${n('tasks.red', '红灯事项', red)}项` : null,
      yellow > 0 ? `亮黄灯${n('tasks.yellow', '黄灯事项', yellow)}项` : null,
    ].filter((x) => x !== null);
    paragraphs.push(`按督办亮灯规则，${lights.join('、')}，相关责任单位要加快推进。`);
  }
  if (notice.escalated.length > 0) {
    const list = notice.escalated.map((t) => {
      const days = put('tasks.redDays', t.title, t.redDays, '天').value;
      return `${named(t)}（红灯${days}天）`;
    });
    paragraphs.push(
      `列入约谈名单的${n('tasks.escalated', '约谈事项', notice.escalated.length)}项：${list.join('；')}。`,
    );
  }
  return { key: 'tasks', title: '督查督办', part: null, paragraphs, figures };
}

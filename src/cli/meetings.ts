// `tiaodu meeting add`: a meeting (会议) and its decisions (会议纪要) as tasks. The decisions are a CSV
// `事项,牵头单位,配合单位,截止日期` (units joined by 、; an empty 截止日期 = the meeting-minutes limit, 20 days).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { TiaoduError } from '../core/errors.ts';
import { parseCsvText } from '../intake/csv.ts';
import { decodeText } from '../intake/decode.ts';
import { addMeeting, type MeetingInput } from '../store/index.ts';
import { parse, required } from './args.ts';
import type { Command } from './commands.ts';
import { withStoreOrServer } from './remote.ts';

const HEADER = ['事项', '牵头单位', '配合单位', '截止日期'];
const units = (v: string | undefined) =>
  (v ?? '')
    .split(/[、,，;；]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The decisions of a CSV, each error naming the file, line and column. */
export function readDecisions(text: string, file: string): MeetingInput['decisions'] {
  const [header, ...rows] = parseCsvText(text.replace(/^\uFEFF/, ''), file);
  const cols = HEADER.map((h) => (header ?? []).findIndex((c) => c.trim() === h));
  if (cols[0] === -1 || cols[1] === -1)
    throw new TiaoduError(
      'usage',
      `${file} 第 1 行：表头应为「${HEADER.join(',')}」（配合单位、截止日期可省）`,
    );
  return rows
    .map((r, i) => ({ r, line: i + 2 }))
    .filter(({ r }) => r.some((c) => c.trim() !== ''))
    .map(({ r, line }) => {
      const cell = (k: number) =>
        cols[k] === undefined || cols[k] === -1 ? '' : (r[cols[k] as number] ?? '').trim();
      if (!cell(0)) throw new TiaoduError('usage', `${file} 第 ${line} 行「事项」列：不能为空`);
      if (!cell(1)) throw new TiaoduError('usage', `${file} 第 ${line} 行「牵头单位」列：不能为空`);
      const due = cell(3);
      if (due && !/^\d{4}-\d{2}-\d{2}$/.test(due))
        throw new TiaoduError(
          'usage',
          `${file} 第 ${line} 行「截止日期」列：应为 YYYY-MM-DD，收到「${due}」`,
        );
      return { title: cell(0), lead: units(cell(1)), support: units(cell(2)), due: due || null };
    });
}

const add: Command = async (argv) => {
  const { values } = parse(argv, {
    region: { type: 'string' },
    date: { type: 'string' },
    kind: { type: 'string' },
    title: { type: 'string' },
    leader: { type: 'string' },
    attendees: { type: 'string' },
    decisions: { type: 'string' },
  });
  let decisions: MeetingInput['decisions'] = [];
  if (values.decisions) {
    let buf: Uint8Array;
    try {
      buf = new Uint8Array(await readFile(values.decisions));
    } catch (e) {
      throw new TiaoduError('usage', `读不到会议决定事项文件 ${values.decisions}：${(e as Error).message}`);
    }
    const file = basename(values.decisions);
    decisions = readDecisions(decodeText(buf, file), file);
  }
  const input = {
    region: required(values, 'region'),
    date: required(values, 'date'),
    kind: values.kind ?? '会议',
    title: required(values, 'title'),
    leader: values.leader ?? null,
    attendees: units(values.attendees),
    decisions,
  };
  // While `serve` holds the data directory the meeting goes through it, answered with the same task numbers.
  const out = await withStoreOrServer(
    values,
    'meeting',
    (db) => addMeeting(db, input, 'cli'),
    async (api) => {
      const made = await api.json<{ id: number; tasks: { id: number }[] }>(
        'POST',
        '/api/supervision/meetings',
        {
          json: input,
        },
      );
      return { id: made.id, tasks: made.tasks.map((t) => t.id) };
    },
  );
  if (values.json) console.log(JSON.stringify(out));
  else
    console.log(
      `已记录会议 ${out.id}「${values.title}」，决定事项转为督办任务 ${out.tasks.length} 项：${out.tasks.join('、')}`,
    );
  return 0;
};

export const meeting: Command = async (argv) => {
  const [sub, ...rest] = argv;
  if (sub !== 'add')
    throw new TiaoduError(
      'usage',
      '用法: tiaodu meeting add --region 地区 --date YYYY-MM-DD --title 会议名称 [--decisions 文件.csv]',
    );
  return add(rest);
};

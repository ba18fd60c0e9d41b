// `tiaodu intake normalize|extract FILE`: a document's clean text, and the targets, figures and tasks it states.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { TiaoduError } from '../core/errors.ts';
import { decodeDocument } from '../intake/decode.ts';
import { extract } from '../intake/text/extract.ts';
import { normalize } from '../intake/text/normalize.ts';
import { numberFlag, parse } from './args.ts';
import type { Command } from './commands.ts';

async function readDocument(positionals: string[]): Promise<string> {
  const [file] = positionals;
  if (!file) throw new TiaoduError('usage', '请给出文件，如 tiaodu intake normalize 讲话.txt');
  const buf = await readFile(file).catch(() => {
    throw new TiaoduError('usage', `读不到文件「${file}」`);
  });
  return decodeDocument(buf, basename(file));
}

const normalizeCmd: Command = async (argv) => {
  const { positionals } = parse(argv, {});
  const n = normalize(await readDocument(positionals));
  process.stdout.write(`${n.text}\n`);
  if (n.unreadable.length > 0)
    console.error(`注意：${n.unreadable.length} 处乱码无法识别，已标为〔无法识别〕`);
  return 0;
};

const extractCmd: Command = async (argv) => {
  const { values, positionals } = parse(argv, { year: { type: 'string' } });
  const { text } = normalize(await readDocument(positionals));
  const result = extract(text, { year: numberFlag(values, 'year') });
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else printSummary(result);
  return 0;
};

const STRENGTH: Record<string, string> = { expected: '预期', must: '确保', strive: '力争' };
const RECURRENCE: Record<string, string> = { weekly: '每周', monthly: '每月', quarterly: '每季度' };
const amount = (x: { value: number; valueHi?: number | null; unit: string }) =>
  `${x.value}${x.valueHi == null ? '' : `–${x.valueHi}`}${x.unit}`;

/** What a reader wants at a glance: the targets, the figures and the tasks, one line each. */
function printSummary(r: ReturnType<typeof extract>): void {
  console.log(`目标 ${r.targets.length} 个${r.year ? `（${r.year}年）` : ''}：`);
  for (const t of r.targets) {
    const extra = [t.strength && STRENGTH[t.strength], t.due && `时限 ${t.due}`].filter(Boolean).join('，');
    console.log(
      `  ${t.indicator} ${t.cmp === '=' ? '' : `${t.cmp} `}${amount(t)}${extra ? `（${extra}）` : ''}`,
    );
  }
  console.log(`数据 ${r.figures.length} 条：`);
  for (const f of r.figures)
    console.log(`  ${f.period ?? ''}${f.period ? ' ' : ''}${f.subject} ${amount(f)}`);
  console.log(`督办任务 ${r.tasks.length} 项：`);
  for (const t of r.tasks) {
    const when = [t.due && `时限 ${t.due}`, t.recurrence && RECURRENCE[t.recurrence]]
      .filter(Boolean)
      .join('，');
    const support = t.support.length ? `；配合 ${t.support.join('、')}` : '';
    console.log(`  牵头 ${t.lead.join('、')}${support}：${t.action}${when ? `（${when}）` : ''}`);
  }
}

export const intake: Command = async (argv) => {
  const [sub, ...rest] = argv;
  if (sub === 'normalize') return normalizeCmd(rest);
  if (sub === 'extract') return extractCmd(rest);
  throw new TiaoduError('usage', 'intake 的子命令应为 normalize 或 extract');
};

// `tiaodu intake normalize|extract FILE`: a document's clean text, and the targets, figures and tasks it states.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { TiaoduError } from '../core/errors.ts';
import { decodeDocument } from '../intake/decode.ts';
import { extract } from '../intake/text/extract.ts';
import { normalize } from '../intake/text/normalize.ts';
import { type Flags, numberFlag, parse } from './args.ts';
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
  else printSummary(result, values);
  return 0;
};

function printSummary(r: ReturnType<typeof extract>, _values: Flags): void {
  console.log(`目标 ${r.targets.length} 个：`);
  for (const t of r.targets)
    console.log(
      `  ${t.indicator} ${t.cmp} ${t.value}${t.valueHi === null ? '' : `–${t.valueHi}`}${t.unit}${t.strength ? `（${t.strength}）` : ''}`,
    );
}

export const intake: Command = async (argv) => {
  const [sub, ...rest] = argv;
  if (sub === 'normalize') return normalizeCmd(rest);
  if (sub === 'extract') return extractCmd(rest);
  throw new TiaoduError('usage', 'intake 的子命令应为 normalize 或 extract');
};

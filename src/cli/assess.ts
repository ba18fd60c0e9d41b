// `tiaodu assess run|publish`: a scheme scored on the store's figures and the entered inputs, as JSON, a Chinese
// table or the ranking notice (.docx/.xlsx); publish also keeps the run, freezes the scheme version and the inputs.
import { writeFile } from 'node:fs/promises';
import { type AssessmentRun, publishAssessment, readSchemeFile, runAssessment } from '../app/assess.ts';
import { TiaoduError } from '../core/errors.ts';
import { formatRankChange } from '../core/format.ts';
import { assessNoticeDocx, assessNoticeXlsx } from '../reports/assessNotice.ts';
import { openStore } from '../store/index.ts';
import { type Flags, parse, periodFlag, required } from './args.ts';
import type { Command } from './commands.ts';
import { printTable } from './print.ts';

function printRun(run: AssessmentRun, explain: boolean): void {
  console.log(`${run.scheme.name}（${run.parent.name}，${run.period}）`);
  for (const g of run.groups) {
    const rows = run.rows.filter((r) => r.group === g.name);
    console.log(`\n${g.name}（${rows.length}个）`);
    printTable(
      ['名次', '地区', '总分', ...run.scheme.items.map((i) => i.name), '加分', '减分', '位次变化', '备注'],
      rows.map((r) => [
        r.rank,
        r.region,
        r.total.toFixed(2),
        ...r.items.map((i) => (i.input === '否决' ? '否决' : i.points.toFixed(2))),
        r.bonus,
        r.penalty,
        formatRankChange(r.rankChange),
        r.vetoed ? '一票否决' : '',
      ]),
    );
    if (explain)
      for (const r of rows) for (const i of r.items) console.log(`  ${r.region}·${i.name}：${i.explain}`);
  }
  if (run.before) console.log(`\n位次变化与 ${run.before} 已发布的结果相比`);
}

async function writeNotice(run: AssessmentRun, out: string): Promise<void> {
  const notice = {
    scheme: run.scheme.name,
    parent: run.parent.name,
    period: run.period,
    items: run.scheme.items.map((i) => i.name),
    groups: run.groups.map((g) => g.name),
    rows: run.rows,
  };
  if (out.endsWith('.docx')) await writeFile(out, await assessNoticeDocx(notice));
  else if (out.endsWith('.xlsx')) await writeFile(out, await assessNoticeXlsx(notice));
  else throw new TiaoduError('usage', `--out 应为 .docx 或 .xlsx 文件，收到「${out}」`);
}

async function schemeAndPeriod(values: Flags) {
  const scheme = await readSchemeFile(required(values, 'scheme'));
  if (!values.period) return { scheme, period: undefined };
  const { year, month } = periodFlag(values.period, 'period');
  return { scheme, period: `${year}-${String(month).padStart(2, '0')}` };
}

export const assessCommand: Command = async (argv) => {
  const [sub, ...rest] = argv;
  if (sub !== 'run' && sub !== 'publish')
    throw new TiaoduError(
      'usage',
      `assess 的子命令应为 run 或 publish，收到「${sub ?? ''}」（加 --help 查看用法）`,
    );
  const { values } = parse(rest, {
    scheme: { type: 'string' },
    inputs: { type: 'string' },
    period: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.out && !/\.(docx|xlsx)$/.test(values.out))
    throw new TiaoduError('usage', `--out 应为 .docx 或 .xlsx 文件，收到「${values.out}」`);
  const { scheme, period } = await schemeAndPeriod(values);
  const db = await openStore({ dataDir: values.data });
  try {
    const options = { scheme, inputs: values.inputs, period };
    const published = sub === 'publish' ? await publishAssessment(db, { ...options, user: 'cli' }) : null;
    const run = published?.run ?? (await runAssessment(db, options));
    if (values.out) await writeNotice(run, values.out);
    if (values.json) console.log(JSON.stringify(run.rows));
    else {
      printRun(run, values.explain === 'true');
      if (published)
        console.log(
          `\n已发布：${run.scheme.name} 第${published.published.schemeVersion}版，${run.period}（方案此版已冻结）`,
        );
      if (values.out) console.log(`已写出通报 ${values.out}`);
    }
    return 0;
  } finally {
    await db.close();
  }
};

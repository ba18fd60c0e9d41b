// `tiaodu assess run`: a scheme scored on the store's figures and the entered inputs, as JSON or a Chinese table.
import { readSchemeFile, runAssessment } from '../app/assess.ts';
import { TiaoduError } from '../core/errors.ts';
import { openStore } from '../store/index.ts';
import { parse, periodFlag, required } from './args.ts';
import type { Command } from './commands.ts';
import { printTable } from './print.ts';

export const assessCommand: Command = async (argv) => {
  const [sub, ...rest] = argv;
  if (sub !== 'run')
    throw new TiaoduError('usage', `assess 的子命令应为 run，收到「${sub ?? ''}」（加 --help 查看用法）`);
  const { values } = parse(rest, {
    scheme: { type: 'string' },
    inputs: { type: 'string' },
    period: { type: 'string' },
  });
  const scheme = await readSchemeFile(required(values, 'scheme'));
  let period: string | undefined;
  if (values.period) {
    const { year, month } = periodFlag(values.period, 'period');
    period = `${year}-${String(month).padStart(2, '0')}`;
  }
  const db = await openStore({ dataDir: values.data });
  try {
    const run = await runAssessment(db, { scheme, inputs: values.inputs, period });
    if (values.json) {
      console.log(JSON.stringify(run.rows));
      return 0;
    }
    console.log(`${run.scheme.name}（${run.parent.name}，${run.period}）`);
    for (const g of run.groups) {
      const rows = run.rows.filter((r) => r.group === g.name);
      console.log(`\n${g.name}（${rows.length}个）`);
      printTable(
        ['名次', '地区', '总分', ...run.scheme.items.map((i) => i.name), '加分', '减分', '备注'],
        rows.map((r) => [
          r.rank,
          r.region,
          r.total.toFixed(2),
          ...r.items.map((i) => (i.input === '否决' ? '否决' : i.points.toFixed(2))),
          r.bonus,
          r.penalty,
          r.vetoed ? '一票否决' : '',
        ]),
      );
      if (values.explain)
        for (const r of rows) for (const i of r.items) console.log(`  ${r.region}·${i.name}：${i.explain}`);
    }
    return 0;
  } finally {
    await db.close();
  }
};

// `tiaodu report leads --region R --period YYYY-MM --out FILE.docx|.xlsx`: the monthly attraction report
// (招商引资月报), its figures those of `tiaodu lead rates` broken down by region, industry and unit.
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { TiaoduError } from '../core/errors.ts';
import type { LeadReport } from '../core/projects/leadReport.ts';
import { leadReportAt, requireRegion } from '../store/index.ts';
import { parse, periodFlag, required } from './args.ts';
import type { Command } from './commands.ts';
import { withStoreOrServer } from './remote.ts';

export const reportLeadsCmd: Command = async (argv) => {
  const { values } = parse(argv, {
    region: { type: 'string' },
    period: { type: 'string' },
    out: { type: 'string' },
  });
  const at = periodFlag(required(values, 'period'), 'period');
  const region = required(values, 'region');
  const file = required(values, 'out');
  const format = extname(file).slice(1).toLowerCase();
  if (format !== 'docx' && format !== 'xlsx')
    throw new TiaoduError('usage', `参数 --out 的文件应以 .docx 或 .xlsx 结尾，收到「${file}」`);
  // While `serve` holds the data directory the figures come from it; the file is written here either way.
  const { report, name } = await withStoreOrServer(
    values,
    'report leads',
    async (db) => {
      const r = await requireRegion(db, region);
      return { report: await leadReportAt(db, r, at), name: r.name };
    },
    async (api) => ({
      report: await api.json<LeadReport>('GET', '/api/leads/report', {
        query: { region, period: values.period, format: 'json' },
      }),
      name: (await api.region(region)).name,
    }),
  );
  // The document writers weigh a second to load: only when a report is written.
  const body =
    format === 'docx'
      ? await (await import('../reports/leads/docx.ts')).leadReportDocx(report)
      : await (await import('../reports/leads/xlsx.ts')).leadReportXlsx(report, `${name}　${values.period}`);
  await writeFile(file, body);
  const t = report.breakdown.totals;
  console.log(`已生成 ${file}：${report.title}（本年签约 ${t.signed} 个，签约金额 ${t.contract} 万元）`);
  return 0;
};

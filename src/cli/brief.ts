// `tiaodu brief`: the briefing of a region and period as JSON, or written to a DOCX, XLSX or HTML file
// (by the file's extension); on the store or through the running server.
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { TiaoduError } from '../core/errors.ts';
import { renderBriefing } from '../reports/briefing/index.ts';
import { type Briefing, briefing } from '../store/briefing.ts';
import { withVersion } from '../store/briefingVersions.ts';
import { requireRegion } from '../store/regions.ts';
import { parse, periodFlag, required, todayFlag } from './args.ts';
import { withStoreOrServer } from './remote.ts';

export async function briefCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    region: { type: 'string' },
    period: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string' },
  });
  const { year, month } = periodFlag(required(values, 'period'), 'period');
  const region = required(values, 'region');
  const format = values.out ? extname(values.out).slice(1).toLowerCase() : 'json';
  if (values.out && !['docx', 'xlsx', 'html'].includes(format))
    throw new TiaoduError('usage', `参数 --out 的文件应以 .docx、.xlsx 或 .html 结尾，收到「${values.out}」`);
  if (!values.out && !values.json)
    throw new TiaoduError('usage', '请给出 --out 文件（.docx/.xlsx/.html）或 --json');
  // The saved version's text (the latest by default, 0: the generated text), as the web app exports it.
  const raw = values.version ?? 'latest';
  if (raw !== 'latest' && !/^\d+$/.test(raw))
    throw new TiaoduError(
      'usage',
      `参数 --version 应为版本号、latest 或 0（系统生成的原文），收到「${raw}」`,
    );
  const version = raw === 'latest' ? 'latest' : Number(raw);
  // The supervision section reads the task lights on the period's last day, or today (--today) in its month.
  const today = todayFlag(values);
  const b = await withStoreOrServer<Briefing>(
    values,
    'brief',
    async (db) =>
      withVersion(
        db,
        await briefing(db, await requireRegion(db, region), year, month, { today }),
        version,
        true,
      ),
    (api) =>
      api.json<Briefing>('GET', '/api/briefing', {
        query: { region, period: required(values, 'period'), format: 'json', version: raw },
      }),
  );
  if (!values.out) {
    console.log(JSON.stringify(b));
    return 0;
  }
  const file = await renderBriefing(b, format as 'docx' | 'xlsx' | 'html');
  await writeFile(values.out, file.body);
  console.log(`已生成 ${values.out}：${b.title}`);
  return 0;
}

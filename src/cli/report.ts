// `tiaodu report tasks --out FILE`: the supervision notice (督办通报) of a day as DOCX or XLSX, or its JSON.
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { TiaoduError } from '../core/errors.ts';
import { buildNotice, type TaskNotice } from '../core/tasks/notice.ts';
import { listTaskRows, requireRegion } from '../store/index.ts';
import { parse, todayFlag } from './args.ts';
import type { Command } from './commands.ts';
import { withStoreOrServer } from './remote.ts';

const tasksReport: Command = async (argv) => {
  const { values } = parse(argv, { out: { type: 'string' }, region: { type: 'string' } });
  const today = todayFlag(values);
  const ext = values.out ? extname(values.out).toLowerCase() : '';
  if (!values.json && ext !== '.docx' && ext !== '.xlsx')
    throw new TiaoduError('usage', '请用 --out 给出 .docx 或 .xlsx 文件，或加 --json');
  // While `serve` holds the data directory the notice comes from it (its day: TIAODU_TODAY or its clock).
  const notice = await withStoreOrServer(
    values,
    'report',
    async (db): Promise<TaskNotice> => {
      const region = values.region ? await requireRegion(db, values.region) : null;
      return buildNotice(
        await listTaskRows(db, { today, regionCode: region?.code }),
        today,
        `${region?.name ?? ''}督办事项落实情况通报`,
      );
    },
    (api) =>
      api.json<TaskNotice>('GET', '/api/supervision/notice', {
        query: { region: values.region, format: 'json' },
      }),
  );
  if (values.json) {
    console.log(JSON.stringify(notice));
    return 0;
  }
  const { noticeDocx } = await import('../reports/tasks/docx.ts');
  const { noticeXlsx } = await import('../reports/tasks/xlsx.ts');
  const bytes = ext === '.docx' ? await noticeDocx(notice) : await noticeXlsx(notice);
  await writeFile(values.out as string, bytes);
  console.log(
    `已写出 ${values.out}：督办事项 ${notice.total} 项，红灯 ${notice.red.length}、黄灯 ${notice.yellow.length}、约谈 ${notice.escalated.length}`,
  );
  return 0;
};

export const report: Command = async (argv) => {
  const [kind, ...rest] = argv;
  if (kind === 'projects') return (await import('./projects.ts')).reportProjectsCmd(rest);
  if (kind === 'leads') return (await import('./leads.ts')).reportLeadsCmd(rest);
  if (kind === 'tour') return (await import('./tours.ts')).reportTourCmd(rest);
  if (kind !== 'tasks')
    throw new TiaoduError(
      'usage',
      '用法: tiaodu report projects|leads --region 地区 --period YYYY-MM --out 文件.docx|.xlsx，tiaodu report tour --tour 拉练名称 --out 文件.docx|.xlsx，或 tiaodu report tasks --out 文件.docx|文件.xlsx [--region 地区]',
    );
  return tasksReport(rest);
};

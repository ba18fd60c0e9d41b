// `tiaodu report tour --tour NAME --out FILE.docx|.xlsx`: the tour notice (拉练通报) of one inspection tour.
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { TiaoduError } from '../core/errors.ts';
import { openStore, requireTour, tourNoticeOf } from '../store/index.ts';
import { parse, required } from './args.ts';
import type { Command } from './commands.ts';

export const reportTourCmd: Command = async (argv) => {
  const { values } = parse(argv, { tour: { type: 'string' }, out: { type: 'string' } });
  const name = required(values, 'tour');
  const file = required(values, 'out');
  const format = extname(file).slice(1).toLowerCase();
  if (format !== 'docx' && format !== 'xlsx')
    throw new TiaoduError('usage', `参数 --out 的文件应以 .docx 或 .xlsx 结尾，收到「${file}」`);
  const db = await openStore({ dataDir: values.data, command: 'tiaodu' });
  const notice = await (async () => {
    try {
      return await tourNoticeOf(db, (await requireTour(db, name)).id);
    } finally {
      await db.close();
    }
  })();
  // The document writers weigh a second to load: only when a notice is written.
  const body =
    format === 'docx'
      ? await (await import('../reports/tours/docx.ts')).tourNoticeDocx(notice)
      : await (await import('../reports/tours/xlsx.ts')).tourNoticeXlsx(notice);
  await writeFile(file, body);
  console.log(
    `已生成 ${file}：${notice.title}（${notice.regions.length} 个地区，${notice.projects.length} 个项目）`,
  );
  return 0;
};

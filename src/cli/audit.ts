// `tiaodu audit`: who changed what and when — sign-ins, accounts, values, targets, imports — newest first.
import { auditActionName } from '../core/audit.ts';
import { TiaoduError } from '../core/errors.ts';
import { listAudit, openStore, startOfDay } from '../store/index.ts';
import { numberFlag, parse } from './args.ts';
import type { Command } from './commands.ts';
import { printTable } from './print.ts';

const usage =
  '用法: tiaodu audit [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--user 用户名] [--action 操作] [--limit N] [--json]';

/** A value of the log as one short line of text: numbers and strings as they are, anything else as JSON. */
const brief = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

const localTime = (iso: string) => {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
};

export const audit: Command = async (argv) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const { values } = parse(argv, {
    since: { type: 'string' },
    until: { type: 'string' },
    user: { type: 'string' },
    action: { type: 'string' },
    limit: { type: 'string' },
  });
  const day = (flag: 'since' | 'until', plus: number) => {
    const v = values[flag];
    if (v === undefined) return undefined;
    try {
      return startOfDay(v, plus);
    } catch {
      throw new TiaoduError('usage', `参数 --${flag} 应为 YYYY-MM-DD，收到「${v}」`);
    }
  };
  const limit = numberFlag(values, 'limit');
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new TiaoduError('usage', `参数 --limit 应为正整数，收到「${values.limit}」`);
  const query = {
    since: day('since', 0),
    until: day('until', 1),
    user: values.user,
    action: values.action,
    limit,
  };
  const db = await openStore({ dataDir: values.data });
  try {
    const events = await listAudit(db, query);
    if (values.json) {
      console.log(JSON.stringify(events));
      return 0;
    }
    if (events.length === 0) {
      console.log('没有符合条件的审计记录');
      return 0;
    }
    printTable(
      ['时间', '用户', '操作', '地区', '对象', '旧值', '新值', '文件'],
      events.map((e) => [
        localTime(e.at),
        e.user,
        auditActionName(e.action),
        e.region,
        e.object,
        brief(e.old),
        brief(e.new),
        e.file,
      ]),
    );
    return 0;
  } finally {
    await db.close();
  }
};

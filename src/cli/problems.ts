// `tiaodu project problems --region R [--overdue] [--json]`: the open problems of a region's key projects, the
// longest overdue first, each with its days late (on --today / TIAODU_TODAY, else the clock's day).
// `tiaodu project leader --user U --name 姓名`: the 包联领导 name a leader account goes by.
import { openProblems, type ProblemOnDay } from '../core/projects/problems.ts';
import { openStore, projectProblems, requireRegion, setLeaderName } from '../store/index.ts';
import { parse, required, todayFlag } from './args.ts';
import type { Command } from './commands.ts';
import { printTable } from './print.ts';
import { withStoreOrServer } from './remote.ts';

export const projectProblemsCmd: Command = async (argv) => {
  const { values } = parse(argv, { region: { type: 'string' }, overdue: { type: 'boolean' } });
  const region = required(values, 'region');
  const only = values.overdue ? 'overdue' : 'open';
  const { name, today, problems } = await withStoreOrServer(
    values,
    'project problems',
    async (db) => {
      const r = await requireRegion(db, region);
      const today = todayFlag(values);
      const all = await projectProblems(db, r.code);
      return { name: r.name, today, problems: openProblems(all, today, only === 'overdue') };
    },
    async (api) => {
      const r = await api.region(region);
      const answer = await api.json<{ today: string; problems: ProblemOnDay[] }>(
        'GET',
        '/api/projects/problems',
        { query: { region, only } },
      );
      return { name: r.name, ...answer };
    },
  );
  if (values.json) {
    process.stdout.write(`${JSON.stringify(problems)}\n`);
    return 0;
  }
  const overdue = problems.filter((p) => p.overdue).length;
  console.log(`${name} 重点项目未解决问题 ${problems.length} 个，其中逾期 ${overdue} 个（截至 ${today}）`);
  printTable(
    ['编号', '项目编号', '项目名称', '所属地区', '问题描述', '协调单位', '完成时限', '逾期天数'],
    problems.map((p) => [
      p.id,
      p.projectCode,
      p.projectName,
      p.region,
      p.description,
      p.coordinator,
      p.due,
      p.overdue ? p.daysOverdue : null,
    ]),
  );
  return 0;
};

export const projectLeaderCmd: Command = async (argv) => {
  const { values } = parse(argv, { user: { type: 'string' }, name: { type: 'string' } });
  const user = required(values, 'user');
  const name = values.name?.trim() || null;
  const db = await openStore({ dataDir: values.data, command: 'tiaodu' });
  try {
    await setLeaderName(db, 'cli', user, name);
  } finally {
    await db.close();
  }
  console.log(
    name
      ? `用户 ${user} 按包联领导「${name}」匹配项目`
      : `用户 ${user} 按用户名匹配包联领导（已清除包联领导姓名）`,
  );
  return 0;
};

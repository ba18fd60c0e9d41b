// `tiaodu project list|rates`, `tiaodu lead rates`, `tiaodu tour score FILE`: the project half of the loop.
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { scoreTourFile } from '../app/imports.ts';
import { TiaoduError } from '../core/errors.ts';
import type { LeadRates } from '../core/projects/leads.ts';
import type { ProjectRates } from '../core/projects/rates.ts';
import type { Light } from '../core/projects/types.ts';
import { leadRatesAt, projectList, projectNoticeAt, projectRatesAt, requireRegion } from '../store/index.ts';
import { parse, periodFlag, required, todayFlag } from './args.ts';
import type { Command } from './commands.ts';
import { printTable } from './print.ts';
import { projectLeaderCmd, projectProblemsCmd } from './problems.ts';
import { withStore, withStoreOrServer } from './remote.ts';

const LIGHT: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };

/** `--region R --period YYYY-MM`, the region resolved. */
function regionPeriod(argv: string[]) {
  const { values } = parse(argv, { region: { type: 'string' }, period: { type: 'string' } });
  const at = periodFlag(required(values, 'period'), 'period');
  return { values, at, region: required(values, 'region') };
}

const out = (json: unknown) => process.stdout.write(`${JSON.stringify(json)}\n`);

const projectListCmd: Command = async (argv) => {
  const { values, at, region } = regionPeriod(argv);
  const query = { region, period: values.period };
  const { r, rows } = await withStoreOrServer(
    values,
    'project list',
    async (db) => {
      const r = await requireRegion(db, region);
      return { r, rows: await projectList(db, r.code, at) };
    },
    async (api) => ({
      r: await api.region(region),
      rows: await api.json<Awaited<ReturnType<typeof projectList>>>('GET', '/api/projects', { query }),
    }),
  );
  if (values.json) out(rows);
  else {
    console.log(`${r.name} 重点项目 ${values.period}（${rows.length} 个）`);
    printTable(
      [
        '项目编号',
        '项目名称',
        '地区',
        '级别',
        '性质',
        '年度计划(万元)',
        '本年完成',
        '完成率%',
        '时序%',
        '滞后(百分点)',
        '亮灯',
        '原因',
      ],
      rows.map((p) => [
        p.code,
        p.name,
        p.region,
        p.level,
        p.nature,
        p.annualPlan,
        p.done,
        p.rate,
        p.timeProgress,
        p.lag,
        LIGHT[p.light],
        p.reasons.join('；'),
      ]),
    );
  }
  return 0;
};

const projectRatesCmd: Command = async (argv) => {
  const { values, at, region } = regionPeriod(argv);
  const query = { region, period: values.period };
  const { r, rates } = await withStoreOrServer(
    values,
    'project rates',
    async (db) => {
      const r = await requireRegion(db, region);
      return { r, rates: await projectRatesAt(db, r.code, at) };
    },
    async (api) => ({
      r: await api.region(region),
      rates: await api.json<ProjectRates>('GET', '/api/projects/rates', { query }),
    }),
  );
  if (values.json) out(rates);
  else {
    console.log(
      `${r.name} 重点项目 ${values.period}：共 ${rates.projects} 个，年度计划投资 ${rates.annualPlan} 万元`,
    );
    printTable(
      ['项目', '数量/金额', '比率%'],
      [
        ['本年累计完成投资(万元)', rates.done, rates.investmentRate],
        ['时序进度', null, rates.timeProgress],
        ['已开工（开工率）', rates.started, rates.startRate],
        [
          '新建计划开工 / 已开工（新开工率）',
          `${rates.newPlannedByNow} / ${rates.newStarted}`,
          rates.newStartRate,
        ],
        ['计划竣工 / 已竣工（竣工率）', `${rates.toFinish} / ${rates.finished}`, rates.finishRate],
        ['已开工且入库（入库率）', rates.inLibrary, rates.inLibraryRate],
        ['红灯 / 黄灯 / 绿灯', `${rates.red} / ${rates.yellow} / ${rates.green}`, null],
      ],
    );
  }
  return 0;
};

const leadRatesCmd: Command = async (argv) => {
  const { values, at, region } = regionPeriod(argv);
  const query = { region, period: values.period };
  const { r, rates } = await withStoreOrServer(
    values,
    'lead rates',
    async (db) => {
      const r = await requireRegion(db, region);
      return { r, rates: await leadRatesAt(db, r.code, at) };
    },
    async (api) => ({
      r: await api.region(region),
      rates: await api.json<LeadRates>('GET', '/api/leads/rates', { query }),
    }),
  );
  if (values.json) out(rates);
  else {
    console.log(
      `${r.name} 招商引资 ${values.period}：本年签约 ${rates.signed} 个，签约金额 ${rates.contract} 万元`,
    );
    printTable(
      ['阶段', '数量/金额', '比率%'],
      [
        ['已注册（履约率）', rates.registered, rates.registerRate],
        ['已开工（开工率）', rates.started, rates.startRate],
        ['已投产（投产率）', rates.producing, rates.productionRate],
        ['累计到位资金(万元)（资金到位率）', rates.fundsArrived, rates.fundsRate],
      ],
    );
  }
  return 0;
};

const tourScoreCmd: Command = async (argv) => {
  const { values, positionals } = parse(argv, {});
  const [file] = positionals;
  if (!file) throw new TiaoduError('usage', '请给出拉练评分表，如 tiaodu tour score 拉练评分.csv');
  const rows = await withStore(values, (db) => scoreTourFile(db, file));
  if (values.json) out(rows);
  else {
    console.log('项目拉练评分（项目得分为评委平均分，5 位及以上评委去掉一个最高分和一个最低分）');
    printTable(
      ['名次', '地区', '项目数', '得分'],
      rows.map((r) => [r.rank, r.region, r.projects, r.score]),
    );
  }
  return 0;
};

export const reportProjectsCmd: Command = async (argv) => {
  const { values } = parse(argv, {
    region: { type: 'string' },
    period: { type: 'string' },
    out: { type: 'string' },
  });
  const at = periodFlag(required(values, 'period'), 'period');
  const file = required(values, 'out');
  const format = extname(file).slice(1).toLowerCase();
  if (format !== 'docx' && format !== 'xlsx')
    throw new TiaoduError('usage', `参数 --out 的文件应以 .docx 或 .xlsx 结尾，收到「${file}」`);
  const { notice, name } = await withStore(values, async (db) => {
    const r = await requireRegion(db, required(values, 'region'));
    // The notice lists the problems overdue on --today (or the period's last day, when earlier).
    return { notice: await projectNoticeAt(db, r, at, todayFlag(values)), name: r.name };
  });
  // The document writers weigh a second to load: only when a notice is written.
  const body =
    format === 'docx'
      ? await (await import('../reports/projects/docx.ts')).projectNoticeDocx(notice)
      : await (await import('../reports/projects/xlsx.ts')).projectNoticeXlsx(
          notice,
          `${name}　${values.period}`,
        );
  await writeFile(file, body);
  console.log(`已生成 ${file}：${notice.title}`);
  return 0;
};

const sub =
  (name: string, subs: Record<string, Command>): Command =>
  async (argv) => {
    const [s, ...rest] = argv;
    const command = s ? subs[s] : undefined;
    if (!command) throw new TiaoduError('usage', `${name} 的子命令应为 ${Object.keys(subs).join(' 或 ')}`);
    return command(rest);
  };

export const projectCommands: Record<string, Command> = {
  project: sub('project', {
    list: projectListCmd,
    rates: projectRatesCmd,
    problems: projectProblemsCmd,
    leader: projectLeaderCmd,
  }),
  lead: sub('lead', { rates: leadRatesCmd }),
  tour: sub('tour', { score: tourScoreCmd }),
};

// The monitoring commands — init, series, league, target, progress — which outside checks call many times in a
// row: this module loads only the store modules they use, so a call starts in well under a second (no Excel,
// Word, zod or server code).
import { basename } from 'node:path';
import { TiaoduError } from '../core/errors.ts';
import { formatRankChange, STATUS_TEXT } from '../core/format.ts';
import { defaultComparator, makeTarget, parseTrajectory } from '../core/targets.ts';
import type { Comparator, ProgressStatus, Strength, Target, TargetKind } from '../core/types.ts';
import { requireIndicator } from '../store/indicators.ts';
import { type LeagueRow, league } from '../store/league.ts';
import { type ProgressReport, progress } from '../store/progress.ts';
import { type Depth, depthLevels, divisionsUnder, requireRegion, upsertRegions } from '../store/regions.ts';
import { type SeriesPoint, series } from '../store/series.ts';
import { setTarget } from '../store/targets.ts';
import { numberFlag, parse, periodFlag, regionPeriodFlags, required } from './args.ts';
import type { Command } from './commands.ts';
import { printTable } from './print.ts';
import { readLocal, withStore, withStoreOrServer } from './remote.ts';

export const init: Command = async (argv) => {
  const { values } = parse(argv, { region: { type: 'string' }, depth: { type: 'string' } });
  const depth = (values.depth ?? 'town') as Depth;
  if (!(depth in depthLevels)) throw new TiaoduError('usage', `--depth 应为 province、city、county 或 town`);
  const regions = divisionsUnder(required(values, 'region'), depth);
  await withStore(values, (db) => upsertRegions(db, regions));
  console.log(`已载入 ${regions.length} 个地区（${regions[0]?.name ?? ''}，至${depthName[depth]}级）`);
  return 0;
};
const depthName: Record<Depth, string> = { province: '省', city: '市', county: '县', town: '乡镇街道' };

export const seriesCmd: Command = async (argv) => {
  const { values } = parse(argv, {
    indicator: { type: 'string' },
    region: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  });
  const query = {
    indicator: required(values, 'indicator'),
    region: required(values, 'region'),
    from: values.from,
    to: values.to,
    explain: values.explain ? '1' : undefined,
  };
  const { indicator, region, points } = await withStoreOrServer(
    values,
    'series',
    async (db) => {
      const indicator = await requireIndicator(db, query.indicator);
      const region = await requireRegion(db, query.region);
      if (values.from) periodFlag(values.from, 'from');
      if (values.to) periodFlag(values.to, 'to');
      const points = await series(db, indicator, region.code, { from: values.from, to: values.to });
      return { indicator, region, points };
    },
    async (api) => {
      if (values.from) periodFlag(values.from, 'from');
      if (values.to) periodFlag(values.to, 'to');
      const points = await api.json<SeriesPoint[]>('GET', '/api/series', { query });
      if (values.json) return { indicator: null, region: null, points };
      return {
        indicator: await api.indicator(query.indicator),
        region: await api.region(query.region),
        points,
      };
    },
  );
  const out = values.explain ? points : points.map(({ explain: _, ...p }) => p);
  if (values.json || !indicator || !region) console.log(JSON.stringify(out));
  else {
    console.log(`${region.name} · ${indicator.name}（${indicator.unit}）`);
    printTable(
      ['期间', '数值', '同比%', '公布同比', '推算同比', '差异'],
      points.map((p) => [
        p.period,
        p.value,
        p.yoy,
        p.yoyPublished,
        p.yoyDerived,
        p.yoyGapFlagged ? '⚠>0.1' : '',
      ]),
    );
  }
  return 0;
};

export const leagueCmd: Command = async (argv) => {
  const { values } = parse(argv, {
    indicator: { type: 'string' },
    period: { type: 'string' },
    by: { type: 'string' },
    level: { type: 'string' },
    group: { type: 'string' },
    parent: { type: 'string' },
  });
  const by = (values.by ?? 'value') as 'value' | 'yoy';
  if (by !== 'value' && by !== 'yoy') throw new TiaoduError('usage', '--by 应为 value 或 yoy');
  const { year, month } = periodFlag(required(values, 'period'), 'period');
  const query = {
    indicator: required(values, 'indicator'),
    period: required(values, 'period'),
    by,
    level: values.level,
    group: values.group,
    parent: values.parent,
    explain: values.explain ? '1' : undefined,
  };
  const { indicator, rows } = await withStoreOrServer(
    values,
    'league',
    async (db) => {
      const indicator = await requireIndicator(db, query.indicator);
      const parent = values.parent ? await requireRegion(db, values.parent) : undefined;
      const rows = await league(db, {
        indicator,
        year,
        month,
        by,
        level: numberFlag(values, 'level'),
        group: values.group,
        parentCode: parent?.code,
      });
      return { indicator, rows };
    },
    async (api) => {
      numberFlag(values, 'level');
      const rows = await api.json<LeagueRow[]>('GET', '/api/league', { query });
      return { indicator: values.json ? null : await api.indicator(query.indicator), rows };
    },
  );
  const out = values.explain ? rows : rows.map(({ explain: _, ...r }) => r);
  if (values.json || !indicator) console.log(JSON.stringify(out));
  else {
    if (values.explain) for (const r of rows) console.log(`${r.region}：${r.explain.formula}`);
    console.log(`${indicator.name} ${values.period} 排位（按${by === 'yoy' ? '增速' : '数值'}）`);
    printTable(
      ['排位', '地区', `数值(${indicator.unit})`, '同比%', '位次变化'],
      rows.map((r) => [r.rank, r.region, r.value, r.yoy, formatRankChange(r.rankChange)]),
    );
  }
  return 0;
};

const cmpAliases: Record<string, Comparator> = {
  '≈': '≈',
  '~': '≈',
  '>=': '>=',
  '≥': '>=',
  '<=': '<=',
  '≤': '<=',
};

export const targetCmd: Command = async (argv) => {
  const [sub, ...rest] = argv;
  if (sub === 'import') return targetImport(rest);
  if (sub !== 'set') {
    throw new TiaoduError(
      'usage',
      '用法: tiaodu target set --indicator … --region … --year … | target import 文件',
    );
  }
  const { values } = parse(rest, {
    indicator: { type: 'string' },
    region: { type: 'string' },
    year: { type: 'string' },
    growth: { type: 'string' },
    amount: { type: 'string' },
    ceiling: { type: 'string' },
    floor: { type: 'string' },
    cmp: { type: 'string' },
    strength: { type: 'string' },
    trajectory: { type: 'string' },
    source: { type: 'string' },
  });
  const kinds = (['growth', 'amount', 'ceiling', 'floor'] as TargetKind[]).filter(
    (k) => values[k] !== undefined,
  );
  const kind = kinds[0];
  if (!kind || kinds.length > 1)
    throw new TiaoduError('usage', '请在 --growth、--amount、--ceiling、--floor 中给出一个');
  const strength = (values.strength ?? 'expected') as Strength;
  if (!['expected', 'must', 'strive'].includes(strength)) {
    throw new TiaoduError('usage', '--strength 应为 expected（预期）、must（确保）或 strive（力争）');
  }
  const cmp = values.cmp ? cmpAliases[values.cmp] : defaultComparator(kind);
  if (!cmp) throw new TiaoduError('usage', '--cmp 应为 ≈、>= 或 <=');
  const year = numberFlag(values, 'year');
  if (!year || !Number.isInteger(year)) throw new TiaoduError('usage', '缺少或错误的 --year');
  const value = numberFlag(values, kind) as number;
  const parsed = parseTrajectory(values.trajectory ?? '');
  if (!parsed.ok)
    throw new TiaoduError(
      'usage',
      `--trajectory 应写成「月:累计百分比,…」如 3:20,6:45,9:70,12:100，收到「${values.trajectory}」：${parsed.problem}`,
    );
  const trajectory = parsed.trajectory;
  const source = values.source ?? 'cli';
  const body = { indicator: required(values, 'indicator'), region: required(values, 'region') };
  const { indicator, region } = await withStoreOrServer(
    values,
    'target set',
    async (db) => {
      const indicator = await requireIndicator(db, body.indicator);
      const region = await requireRegion(db, body.region);
      const codes = { indicatorCode: indicator.code, regionCode: region.code };
      const target = makeTarget(codes, { year, kind, value, cmp, strength, trajectory, source });
      await setTarget(db, target, 'cli');
      return { indicator, region };
    },
    async (api) => {
      const t = await api.json<Target>('PUT', '/api/targets', {
        json: { ...body, year, kind, value, cmp, strength, trajectory, source },
      });
      return { indicator: await api.indicator(t.indicatorCode), region: await api.region(t.regionCode) };
    },
  );
  console.log(
    `已设定 ${region.name} ${year}年 ${indicator.name} 目标：${kind} ${cmp} ${value}（${strength}）`,
  );
  return 0;
};

const targetImport: Command = async (argv) => {
  const { values, positionals } = parse(argv, {});
  if (positionals.length === 0)
    throw new TiaoduError('usage', '请给出目标文件（模板：tiaodu template targets-csv --out 目标.csv）');
  const say = (file: string, n: number) => console.log(`已导入 ${file}：设定 ${n} 个目标`);
  return withStoreOrServer(
    values,
    'target import',
    async (db) => {
      // The file readers (Excel among them) load only for this subcommand.
      const { importTargets } = await import('../app/imports.ts');
      for (const file of positionals) say(file, await importTargets(db, file, 'cli'));
      return 0;
    },
    async (api) => {
      for (const file of positionals) {
        const { targets } = await api.json<{ targets: number }>('POST', '/api/targets/import', {
          body: await readLocal(file),
          headers: { 'x-filename': encodeURIComponent(basename(file)) },
        });
        say(file, targets);
      }
      return 0;
    },
  );
};

export const progressCmd: Command = async (argv) => {
  const { values, year, month, query } = regionPeriodFlags(argv);
  const { region, report } = await withStoreOrServer(
    values,
    'progress',
    async (db) => {
      const region = await requireRegion(db, query.region);
      return { region, report: await progress(db, region.code, year, month) };
    },
    async (api) => {
      const report = await api.json<ProgressReport>('GET', '/api/progress', { query });
      return { region: values.json ? null : await api.region(query.region), report };
    },
  );
  const rows = values.explain ? report.rows : report.rows.map(({ explain: _, ...r }) => r);
  if (values.json || !region) console.log(JSON.stringify(rows));
  else {
    console.log(`${region.name} ${values.period} 目标进度${report.doubleHalf ? '（双过半）' : ''}`);
    printTable(
      ['指标', '目标', '实际', '时序进度%', '完成率%', '差距(百分点)', '状态'],
      report.rows.map((r) => [
        r.indicator,
        r.target,
        r.actual,
        r.timeProgress,
        r.completion,
        r.gap,
        statusName(r.status),
      ]),
    );
  }
  return 0;
};
const statusName = (s: ProgressStatus | null) => (s === null ? '无数据' : STATUS_TEXT[s]);

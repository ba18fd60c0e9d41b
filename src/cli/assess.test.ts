// `tiaodu assess run` on the demo: a Tianmen-style town scheme (two classes of 西湖区's towns, growth ranks, revenue
// completion, projects, attraction and tour scores entered, bonus and penalty, a veto), checked against a table
// worked out here from the league's own figures.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tiaodu } from './testing.ts';

const dir = tempDir('assess');
const data = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLASS_1 = ['转塘街道', '留下街道', '翠苑街道', '北山街道', '文新街道', '古荡街道'];
const CLASS_2 = ['灵隐街道', '西溪街道', '三墩镇', '双浦镇', '蒋村街道', '西湖街道'];
const scheme = {
  name: '2025年上半年镇街经济考核',
  parent: '西湖区',
  period: '2025-05',
  total: 100,
  groups: { 一类: CLASS_1, 二类: CLASS_2 },
  items: [
    {
      name: '固定资产投资增速',
      indicator: 'fai',
      measure: 'yoy',
      weight: 20,
      rule: { kind: 'rank', step: 0.05 },
    },
    {
      name: '规上工业增加值增速',
      indicator: '规上工业增加值',
      weight: 15,
      rule: { kind: 'rank', step: 0.05 },
    },
    {
      name: '一般公共预算收入完成率',
      indicator: 'budget_revenue',
      measure: 'completion',
      weight: 15,
      rule: { kind: 'completion', max: 1.2 },
    },
    { name: '项目建设', input: true, weight: 20, rule: { kind: 'scaled', of: 100 } },
    { name: '招商引资', input: true, weight: 15, rule: { kind: 'scaled', of: 100 } },
    { name: '项目拉练', input: true, weight: 15, rule: { kind: 'scaled', of: 100 } },
    { name: '安全生产', input: true, rule: { kind: 'veto' } },
  ],
  bonus: { max: 3 },
  penalty: { max: 3 },
};
/** 项目建设, 招商引资, 项目拉练 scores per town (missing: no row). */
const ENTERED: Record<string, [number, number | null, number | null]> = {
  转塘街道: [90, 70, 88],
  留下街道: [80, 90, null],
  翠苑街道: [85, null, null],
  北山街道: [70, null, null],
  文新街道: [75, null, null],
  古荡街道: [60, null, null],
  灵隐街道: [88, null, null],
  西溪街道: [77, null, null],
  三墩镇: [95, 85, 92],
  双浦镇: [66, null, 79],
  蒋村街道: [72, null, null],
  西湖街道: [81, null, null],
};
const ITEMS = ['项目建设', '招商引资', '项目拉练'];
const inputsCsv = [
  '\uFEFF地区,项目,分值,说明',
  ...Object.entries(ENTERED).flatMap(([town, scores]) =>
    scores.flatMap((s, i) => (s === null ? [] : [`${town},${ITEMS[i]},${s},`])),
  ),
  '北山街道,安全生产,否决,发生较大安全事故',
  '三墩镇,安全生产,0,',
  '留下街道,加分,2,省级表彰',
  '留下街道,加分,2,改革试点',
  '古荡街道,减分,1.5,信息迟报',
  '',
].join('\n');
/** Revenue targets as a multiple of the town's year-to-date revenue: completion = 1 ÷ factor; 蒋村街道 has none. */
const FACTOR: Record<string, number> = {
  转塘街道: 2,
  留下街道: 1.6,
  翠苑街道: 2.5,
  北山街道: 4,
  文新街道: 0.5,
  古荡街道: 1.25,
  灵隐街道: 2,
  西溪街道: 5,
  三墩镇: 0.8,
  双浦镇: 3.2,
  西湖街道: 2.5,
};

interface LeagueRow {
  region: string;
  code: string;
  value: number;
  yoy: number;
}
interface Scored {
  region: string;
  code: string;
  group: string;
  total: number;
  rank: number;
  vetoed: boolean;
  items: {
    name: string;
    input: number | string | null;
    target: number | null;
    points: number;
    explain: string;
  }[];
}
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const league = async (indicator: string, period: string) => {
  const r = await tiaodu(data, [
    'league',
    '--indicator',
    indicator,
    '--period',
    period,
    '--by',
    'yoy',
    '--parent',
    '西湖区',
    '--json',
  ]);
  return new Map((JSON.parse(r.stdout) as LeagueRow[]).map((row) => [row.region, row]));
};
/** Competition rank (1, 2, 2, 4) of each town's yoy within its class, higher first — worked out here, not by the program. */
const rankIn = (towns: string[], yoy: Map<string, LeagueRow>) =>
  new Map(
    towns.map((t) => [t, 1 + towns.filter((o) => (yoy.get(o)?.yoy ?? 0) > (yoy.get(t)?.yoy ?? 0)).length]),
  );

let schemePath = '';
let inputsPath = '';
let fai: Map<string, LeagueRow>;
let industry: Map<string, LeagueRow>;
let revenue: Map<string, LeagueRow>;

beforeAll(async () => {
  expect((await tiaodu(data, ['demo'])).code).toBe(0);
  [fai, industry, revenue] = await Promise.all([
    league('fai', '2025-06'),
    league('industrial_va', '2025-06'),
    league('budget_revenue', '2025-06'),
  ]);
  const targets = Object.entries(FACTOR).map(
    ([town, f]) =>
      `budget_revenue,${revenue.get(town)?.code},2025,总量,${((revenue.get(town)?.value ?? 0) * f).toFixed(4)},>=,预期,,`,
  );
  const t = await tiaodu(data, [
    'target',
    'import',
    file('目标.csv', `指标,地区,年度,类型,目标值,比较,力度,分解,来源\n${targets.join('\n')}\n`),
  ]);
  expect(t.code, t.stderr).toBe(0);
  schemePath = file('scheme.json', JSON.stringify(scheme));
  inputsPath = file('inputs.csv', inputsCsv);
}, 240_000);

describe('tiaodu assess run on the demo', () => {
  it('reproduces the hand-worked table: growth ranks, capped completion, scaled inputs, bonus cap, penalty and veto', async () => {
    const r = await tiaodu(data, [
      'assess',
      'run',
      '--scheme',
      schemePath,
      '--inputs',
      inputsPath,
      '--period',
      '2025-06',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Scored[];
    const expected = [...CLASS_1, ...CLASS_2].map((town) => {
      const klass = CLASS_1.includes(town) ? CLASS_1 : CLASS_2;
      const faiPoints = 20 * (1 - 0.05 * ((rankIn(klass, fai).get(town) ?? 0) - 1));
      const indPoints = 15 * (1 - 0.05 * ((rankIn(klass, industry).get(town) ?? 0) - 1));
      const f = FACTOR[town];
      // progress rounds completion to 2 decimals of a percent; 1 ÷ factor is exact at these factors.
      const completion = f === undefined ? 0 : Math.min(1 / f, 1.2);
      const [proj, attr, tour] = ENTERED[town] ?? [0, 0, 0];
      const entered = (20 * proj) / 100 + (15 * (attr ?? 0)) / 100 + (15 * (tour ?? 0)) / 100;
      const bonus = town === '留下街道' ? 3 : 0; // 2 + 2 = 4, capped at 3
      const penalty = town === '古荡街道' ? 1.5 : 0;
      const vetoed = town === '北山街道';
      const total = vetoed
        ? 0
        : Math.round((faiPoints + indPoints + 15 * completion + entered + bonus - penalty) * 100) / 100;
      return {
        town,
        group: klass === CLASS_1 ? '一类' : '二类',
        total,
        vetoed,
        points: [faiPoints, indPoints, 15 * completion],
      };
    });
    for (const e of expected) {
      const row = rows.find((x) => x.region === e.town);
      expect(row, e.town).toBeDefined();
      expect(row?.group).toBe(e.group);
      expect(row?.vetoed).toBe(e.vetoed);
      expect(row?.total, `${e.town} total`).toBeCloseTo(e.total, 6);
      for (const [i, it] of (row?.items ?? []).slice(0, 3).entries())
        expect(it.points, `${e.town} ${it.name}`).toBeCloseTo(e.points[i] ?? -1, 6);
    }
    // Ranks within each class by total, the vetoed town last (6th of 6), the others 1–5.
    for (const klass of [CLASS_1, CLASS_2]) {
      const mine = expected.filter((e) => klass.includes(e.town) && !e.vetoed);
      for (const e of mine) {
        const rank = 1 + mine.filter((o) => o.total > e.total).length;
        expect(rows.find((x) => x.region === e.town)?.rank, e.town).toBe(rank);
      }
    }
    expect(rows.find((x) => x.region === '北山街道')).toMatchObject({ total: 0, rank: 6, vetoed: true });

    // Spot checks worked by hand from the demo's June league (转塘 fai +5.0% tops class 1; 三墩镇 tour 92 of 100).
    const zt = rows.find((x) => x.region === '转塘街道');
    expect(zt?.items[0]).toMatchObject({
      input: 5,
      points: 20,
      explain: '增速5%，组内第1名，20×(1−0.05×0)=20.00分',
    });
    expect(zt?.items[2]).toMatchObject({ input: 0.5, explain: '完成率50%，15×0.5=7.50分' });
    const sd = rows.find((x) => x.region === '三墩镇');
    expect(sd?.items[5]).toMatchObject({
      input: 92,
      points: 13.8,
      explain: '录入92（满分100），15×92÷100=13.80分',
    });
    expect(sd?.items[2]).toMatchObject({
      input: 1.25,
      points: 18,
      explain: '完成率125%，15×1.2（封顶）=18.00分',
    });
    expect(rows.find((x) => x.region === '蒋村街道')?.items[2]).toMatchObject({ input: null, points: 0 });
    expect(rows.find((x) => x.region === '翠苑街道')?.items[4]).toMatchObject({
      input: null,
      points: 0,
      explain: '未录入分值，记0分',
    });
    // Output order: class 1 then class 2, each by rank.
    expect(rows.map((x) => x.group)).toEqual([...Array(6).fill('一类'), ...Array(6).fill('二类')]);
  }, 300_000);

  it('takes the period from the scheme unless --period overrides it', async () => {
    const r = await tiaodu(data, ['assess', 'run', '--scheme', schemePath, '--inputs', inputsPath, '--json']);
    const may = await league('fai', '2025-05');
    const rows = JSON.parse(r.stdout) as Scored[];
    for (const town of CLASS_1)
      expect(rows.find((x) => x.region === town)?.items[0]?.input).toBe(may.get(town)?.yoy);
  }, 300_000);

  it('prints a Chinese table by group without --json', async () => {
    const r = await tiaodu(data, [
      'assess',
      'run',
      '--scheme',
      schemePath,
      '--inputs',
      inputsPath,
      '--period',
      '2025-06',
    ]);
    expect(r.stdout).toContain('2025年上半年镇街经济考核（西湖区，2025-06）');
    expect(r.stdout).toMatch(/一类（6个）\n名次\s+地区\s+总分\s+固定资产投资增速/);
    expect(r.stdout).toMatch(/6\s+北山街道\s+0\.00 .*一票否决/);
  }, 300_000);

  it('refuses inputs it cannot place, naming the file, row and column, and input items with no rows', async () => {
    const bad = file(
      'bad.csv',
      '地区,项目,分值\n转塘街道,项目建设,90\n拱墅区,项目建设,80\n转塘街道,固定资产投资增速,5\n',
    );
    const r1 = await tiaodu(data, ['assess', 'run', '--scheme', schemePath, '--inputs', bad, '--json']);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain(
      '文件 bad.csv 第3行 第A列「拱墅区」：地区不在方案的分组中（分组：一类、二类）',
    );
    const none = file('none.csv', '地区,项目,分值\n转塘街道,项目建设,90\n');
    const r2 = await tiaodu(data, ['assess', 'run', '--scheme', schemePath, '--inputs', none, '--json']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('录入文件 none.csv 中没有录入项「招商引资」「项目拉练」的任何一行');
    const r3 = await tiaodu(data, ['assess', 'run', '--scheme', schemePath, '--json']);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toContain('请用 --inputs 给出录入文件');
    expect(r3.stdout).toBe('');
  }, 300_000);

  it('publishes a period once, writes the notice, and later runs show the movement since', async () => {
    const out = join(dir, '通报.xlsx');
    const args = ['assess', 'publish', '--scheme', schemePath, '--inputs', inputsPath, '--period', '2025-05'];
    const p = await tiaodu(data, [...args, '--out', out]);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toContain('已发布：2025年上半年镇街经济考核 第1版，2025-05（方案此版已冻结）');
    expect(existsSync(out)).toBe(true);
    const again = await tiaodu(data, args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('「2025年上半年镇街经济考核」2025-05 的考核结果已发布，不能再次发布');
    // May's ranks as published (a May run now has nothing earlier to move from).
    const may = JSON.parse(
      (await tiaodu(data, ['assess', 'run', ...args.slice(2), '--json'])).stdout,
    ) as Scored[];
    const june = JSON.parse(
      (
        await tiaodu(data, [
          'assess',
          'run',
          '--scheme',
          schemePath,
          '--inputs',
          inputsPath,
          '--period',
          '2025-06',
          '--json',
        ])
      ).stdout,
    ) as (Scored & { rankBefore: number | null; rankChange: number | null })[];
    for (const r of june) {
      const then = may.find((m) => m.code === r.code)?.rank ?? null;
      expect([r.region, r.rankBefore, r.rankChange]).toEqual([
        r.region,
        then,
        then === null ? null : then - r.rank,
      ]);
    }
  }, 300_000);
});

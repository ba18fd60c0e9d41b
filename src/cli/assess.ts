// `tiaodu assess run|publish`: a scheme scored on the store's figures and the entered inputs, as JSON, a Chinese
// table or the ranking notice (.docx/.xlsx); publish also keeps the run, freezes the scheme version and the inputs.
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type AssessmentRun, publishAssessment, readSchemeFile, runAssessment } from '../app/assess.ts';
import { readLists } from '../core/assess/scheme.ts';
import { honourLists, type RegionScore } from '../core/assess/score.ts';
import { TiaoduError } from '../core/errors.ts';
import { formatRankChange } from '../core/format.ts';
import { readAssessInputs } from '../intake/assessInputs.ts';
import { assessNoticeDocx, assessNoticeXlsx } from '../reports/assessNotice.ts';
import { type Flags, parse, periodFlag, required } from './args.ts';
import type { Command } from './commands.ts';
import { printTable } from './print.ts';
import { type ServerClient, withStoreOrServer } from './remote.ts';

/** What the table and the notice show: the same whether the store was read here or through the server. */
interface RunView {
  scheme: string;
  parent: string;
  period: string;
  items: string[];
  groups: string[];
  rows: RegionScore[];
  /** The period rankChange is counted from, when known. */
  before: string | null;
  lists: { red: string[]; black: string[] };
  version: number | null;
}

const viewOf = (run: AssessmentRun, version: number | null): RunView => ({
  scheme: run.scheme.name,
  parent: run.parent.name,
  period: run.period,
  items: run.scheme.items.map((i) => i.name),
  groups: run.groups.map((g) => g.name),
  rows: run.rows,
  before: run.before,
  lists: honourLists(run.scheme.lists, run.rows),
  version,
});

const names = (run: RunView, codes: string[]) =>
  codes.map((c) => run.rows.find((r) => r.code === c)?.region ?? c);

function printRun(run: RunView, explain: boolean): void {
  console.log(`${run.scheme}（${run.parent}，${run.period}）`);
  for (const g of run.groups) {
    const rows = run.rows.filter((r) => r.group === g);
    console.log(`\n${g}（${rows.length}个）`);
    printTable(
      ['名次', '地区', '总分', ...run.items, '加分', '减分', '位次变化', '备注'],
      rows.map((r) => [
        r.rank,
        r.region,
        r.total.toFixed(2),
        ...r.items.map((i) => (i.input === '否决' ? '否决' : i.points.toFixed(2))),
        r.bonus,
        r.penalty,
        formatRankChange(r.rankChange),
        [
          r.vetoed ? '一票否决' : '',
          run.lists.red.includes(r.code) ? '红榜' : '',
          run.lists.black.includes(r.code) ? '黑榜' : '',
        ]
          .filter(Boolean)
          .join('、'),
      ]),
    );
    if (explain)
      for (const r of rows) for (const i of r.items) console.log(`  ${r.region}·${i.name}：${i.explain}`);
  }
  if (run.lists.red.length) console.log(`\n红榜：${names(run, run.lists.red).join('、')}`);
  if (run.lists.black.length) console.log(`黑榜：${names(run, run.lists.black).join('、')}`);
  if (run.before) console.log(`\n位次变化与 ${run.before} 已发布的结果相比`);
}

async function writeNotice(run: RunView, out: string): Promise<void> {
  const notice = {
    scheme: run.scheme,
    parent: run.parent,
    period: run.period,
    items: run.items,
    groups: run.groups,
    rows: run.rows,
    lists: { red: names(run, run.lists.red), black: names(run, run.lists.black) },
  };
  if (out.endsWith('.docx')) await writeFile(out, await assessNoticeDocx(notice));
  else if (out.endsWith('.xlsx')) await writeFile(out, await assessNoticeXlsx(notice));
  else throw new TiaoduError('usage', `--out 应为 .docx 或 .xlsx 文件，收到「${out}」`);
}

async function schemeAndPeriod(values: Flags) {
  const scheme = await readSchemeFile(required(values, 'scheme'));
  if (!values.period) return { scheme, period: undefined };
  const { year, month } = periodFlag(values.period, 'period');
  return { scheme, period: `${year}-${String(month).padStart(2, '0')}` };
}

/** The inputs file as the API's rows, in file order (so the server's row numbers are the file's lines). */
async function inputRows(path: string | undefined) {
  if (path === undefined) return [];
  return readAssessInputs(await readFile(path), basename(path)).map((r) => ({
    region: r.region,
    item: r.item,
    value: r.value === 'veto' ? ('否决' as const) : r.value,
    note: r.note,
  }));
}

/** The same run through a `tiaodu serve` that holds the data directory: its API scores and publishes. */
async function viaServer(
  api: ServerClient,
  publish: boolean,
  options: { scheme: unknown; inputs?: string; period?: string },
): Promise<RunView> {
  const body = {
    scheme: options.scheme,
    period: options.period,
    inputs: await inputRows(options.inputs),
    file: options.inputs === undefined ? undefined : basename(options.inputs),
  };
  const raw = (options.scheme ?? {}) as Record<string, unknown>;
  const parent = String(raw.parent ?? '');
  const lists = readLists(raw.lists);
  if (publish) {
    const p = await api.json<{ schemeVersion: number; period: string; rows: RegionScore[] }>(
      'POST',
      '/api/assess/publish',
      { json: body },
    );
    return view(raw, parent, p.period, p.rows, lists, p.schemeVersion);
  }
  const rows = await api.json<RegionScore[]>('POST', '/api/assess/run', { json: body });
  return view(raw, parent, options.period ?? String(raw.period ?? ''), rows, lists, null);
}

function view(
  raw: Record<string, unknown>,
  parent: string,
  period: string,
  rows: RegionScore[],
  lists: ReturnType<typeof readLists>,
  version: number | null,
): RunView {
  const items = Array.isArray(raw.items)
    ? raw.items.map((i) => String((i as { name?: unknown }).name ?? ''))
    : [];
  return {
    scheme: String(raw.name ?? ''),
    parent,
    period,
    items,
    groups: [...new Set(rows.map((r) => r.group))],
    rows,
    before: null,
    lists: honourLists(lists, rows),
    version,
  };
}

export const assessCommand: Command = async (argv) => {
  const [sub, ...rest] = argv;
  if (sub !== 'run' && sub !== 'publish')
    throw new TiaoduError(
      'usage',
      `assess 的子命令应为 run 或 publish，收到「${sub ?? ''}」（加 --help 查看用法）`,
    );
  const { values } = parse(rest, {
    scheme: { type: 'string' },
    inputs: { type: 'string' },
    period: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.out && !/\.(docx|xlsx)$/.test(values.out))
    throw new TiaoduError('usage', `--out 应为 .docx 或 .xlsx 文件，收到「${values.out}」`);
  const { scheme, period } = await schemeAndPeriod(values);
  const options = { scheme, inputs: values.inputs, period };
  const publish = sub === 'publish';
  const run = await withStoreOrServer(
    values,
    `assess ${sub}`,
    async (db) => {
      if (publish) {
        const done = await publishAssessment(db, { ...options, user: 'cli' });
        return viewOf(done.run, done.published.schemeVersion);
      }
      return viewOf(await runAssessment(db, options), null);
    },
    (api) => viaServer(api, publish, options),
  );
  if (values.out) await writeNotice(run, values.out);
  if (values.json) console.log(JSON.stringify(run.rows));
  else {
    printRun(run, values.explain === 'true');
    if (publish) console.log(`\n已发布：${run.scheme} 第${run.version}版，${run.period}（方案此版已冻结）`);
    if (values.out) console.log(`已写出通报 ${values.out}`);
  }
  return 0;
};

// Importing the project layouts from real files into a real store: the figures worked by hand, each bad input
// refused with its line and column and nothing written, re-imports kept as history.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../core/imports.ts';
import {
  PROJECT_TEMPLATE_NAMES,
  projectTemplateCsv,
  projectTemplateXlsx,
} from '../intake/projectTemplates.ts';
import { projectNoticeDocx } from '../reports/projects/docx.ts';
import { projectNoticeXlsx } from '../reports/projects/xlsx.ts';
import type { Db } from '../store/db.ts';
import {
  divisionsUnder,
  leadRatesAt,
  listUnits,
  projectHistory,
  projectList,
  projectNoticeAt,
  projectRatesAt,
  requireRegion,
  setSettings,
  upsertRegions,
} from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { importProjectFile, scoreTourFile } from './imports.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-projects-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const REGISTER_HEADER =
  '项目编号,项目名称,所属地区,责任单位,包联领导,级别,类型,建设性质,总投资(万元),年度计划投资(万元),计划开工,实际开工,计划竣工,实际竣工,入库日期';
const XH1 =
  'XH-001,示例产业园,西湖区,西湖区发改局,张三,区重点,产业,新建,50000,12000,2025-03,2025-03-15,2026-12,,2025-04';
const XH2 =
  'XH-002,示例道路,西湖区,西湖区建设局,李四,市重点,基础设施,续建,80000,20000,2024-05,2024-05-10,2025-10,,2024-06';
const register = (name: string, ...rows: string[]) =>
  write(name, `${[REGISTER_HEADER, ...rows].join('\n')}\n`);
const REPORT_HEADER = '项目编号,月份,本年累计完成投资(万元),形象进度,存在问题,需协调事项';
const reports = (name: string, ...rows: string[]) => write(name, `${[REPORT_HEADER, ...rows].join('\n')}\n`);
const JUNE = { year: 2025, month: 6 };
const XIHU = '330106';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await freshStore());
  await upsertRegions(db, divisionsUnder('330100', 'county'));
});
afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await db.exec(
    'DELETE FROM project; DELETE FROM project_report; DELETE FROM project_history; DELETE FROM investment_lead; DELETE FROM tour_score; DELETE FROM unit',
  );
});

const count = async (table: string) =>
  Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n);

/** The issues of a refused import, as 'line column code'. */
async function refusal(path: string): Promise<string[]> {
  try {
    await importProjectFile(db, path, { user: 'tester' });
  } catch (e) {
    if (e instanceof ImportError) return e.issues.map((i) => `${i.row} ${i.column} ${i.code}`);
    throw e;
  }
  throw new Error('the import was not refused');
}

describe(`the project layouts imported into the store (${driverName})`, () => {
  it('imports the register and monthly reports and gives the list and rates worked by hand', async () => {
    const s = await importProjectFile(db, register('项目库.csv', XH1, XH2), { user: 'tester' });
    expect(s).toMatchObject({ format: '项目库', rows: 2, created: 2, updated: 0 });
    expect(s?.newUnits).toEqual([
      { region: '西湖区', name: '西湖区发改局' },
      { region: '西湖区', name: '西湖区建设局' },
    ]);
    expect((await listUnits(db, XIHU)).map((u) => u.name)).toEqual(['西湖区发改局', '西湖区建设局']);
    await importProjectFile(
      db,
      reports('项目月报.csv', 'XH-001,2025-06,5000,主体施工,,', 'XH-002,2025-06,9000,路面施工,征迁,协调征迁'),
    );
    const list = await projectList(db, '3301', JUNE);
    // XH-001: 5000 / 12000 = 41.67 %, lag 50 − 41.67 = 8.33 → green; XH-002: 9000 / 20000 = 45 %, lag 5 → green.
    expect(
      list.map((r) => [r.code, r.region, r.unit, r.done, r.rate, r.timeProgress, r.lag, r.light]),
    ).toEqual([
      ['XH-001', '西湖区', '西湖区发改局', 5000, 41.67, 50, 8.33, 'green'],
      ['XH-002', '西湖区', '西湖区建设局', 9000, 45, 50, 5, 'green'],
    ]);
    expect(list[0]).toMatchObject({
      nature: '新建',
      started: true,
      finished: false,
      inLibrary: true,
      reasons: [],
    });
    // Plan 32000, done 14000 → 43.75 %; both started; one new planned by June and started; nothing due to finish.
    expect(await projectRatesAt(db, XIHU, JUNE)).toMatchObject({
      projects: 2,
      annualPlan: 32000,
      done: 14000,
      investmentRate: 43.75,
      started: 2,
      startRate: 100,
      newPlannedByNow: 1,
      newStarted: 1,
      newStartRate: 100,
      toFinish: 0,
      finishRate: null,
      inLibrary: 2,
      inLibraryRate: 100,
      green: 2,
    });
    // At March XH-001 has started (03-15) but is not 入库 until 04-30, and there is no report: lag 25 → yellow.
    const march = await projectList(db, XIHU, { year: 2025, month: 3 });
    expect(march[0]).toMatchObject({ done: 0, lag: 25, light: 'yellow', inLibrary: false });
    expect(march[0]?.reasons).toEqual(['投资完成率低于时序进度 25 个百分点']);
  });

  it('updates by 项目编号 on re-import and keeps the change with who and which file', async () => {
    await importProjectFile(db, register('项目库.csv', XH1, XH2), { user: 'tester' });
    const s = await importProjectFile(
      db,
      register('项目库-调整.csv', XH1.replace(',12000,', ',15000,'), XH2),
      {
        user: 'analyst',
      },
    );
    expect(s).toMatchObject({ created: 0, updated: 1, ignored: 1, newUnits: [] });
    const history = await projectHistory(db, 'XH-001');
    expect(history.map((h) => [h.field, h.old, h.new, h.by, h.file])).toEqual([
      ['annualPlan', 12000, 15000, 'analyst', '项目库-调整.csv'],
    ]);
    expect(await count('project')).toBe(2);
  });

  it('reads XLSX with full-width parentheses and month dates as the month end', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('项目库');
    sheet.addRow(REGISTER_HEADER.replaceAll('(', '（').replaceAll(')', '）').split(','));
    sheet.addRow(XH1.split(','));
    const path = join(dir, '项目库.xlsx');
    await wb.xlsx.writeFile(path);
    expect(await importProjectFile(db, path)).toMatchObject({ format: '项目库', created: 1 });
    const [row] = await projectList(db, XIHU, JUNE);
    expect(row).toMatchObject({
      code: 'XH-001',
      plannedStart: '2025-03-31',
      libraryDate: '2025-04-30',
      annualPlan: 12000,
    });
  });

  it('imports leads and gives the lead rates worked by hand', async () => {
    const path = write(
      '招商项目.csv',
      '项目编号,项目名称,所属地区,责任单位,产业类别,签约金额(万元),签约日期,注册日期,开工日期,投产日期,累计到位资金(万元)\n' +
        'ZS-001,示例智能制造,西湖区,西湖区商务局,制造业,30000,2025-02-10,2025-03-01,2025-05-20,,8000\n' +
        'ZS-002,去年签约,西湖区,西湖区商务局,制造业,50000,2024-12,2025-01,,,1000\n',
    );
    expect(await importProjectFile(db, path)).toMatchObject({ format: '招商项目', created: 2 });
    // Only ZS-001 is signed in 2025: registered and started, not producing; funds 8000 / 30000 = 26.67 %.
    expect(await leadRatesAt(db, '3301', JUNE)).toEqual({
      signed: 1,
      contract: 30000,
      registered: 1,
      started: 1,
      producing: 0,
      fundsArrived: 8000,
      registerRate: 100,
      startRate: 100,
      productionRate: 0,
      fundsRate: 26.67,
    });
  });

  it('scores a tour sheet by region from the register', async () => {
    await importProjectFile(
      db,
      register(
        '项目库.csv',
        XH1,
        XH2,
        XH2.replace('XH-002', 'SC-001').replace('西湖区,西湖区建设局', '上城区,上城区建设局'),
      ),
    );
    const sheet = write(
      '拉练评分.csv',
      '项目编号,评委,分数\nXH-001,评委甲,88\nXH-001,评委乙,91\nXH-002,评委甲,79\nSC-001,评委甲,90\n',
    );
    // 西湖区: XH-001 (88 + 91) / 2 = 89.5, XH-002 79 → 84.25; 上城区: 90.
    expect(
      (await scoreTourFile(db, sheet)).map((r) => [r.region, r.code, r.projects, r.score, r.rank]),
    ).toEqual([
      ['上城区', '330102', 1, 90, 1],
      ['西湖区', XIHU, 2, 84.25, 2],
    ]);
  });

  it('writes the progress notice with totals, levels, types, regions and units ranked, the red list and the late reporters, as DOCX and XLSX', async () => {
    const sc = XH2.replace('XH-002', 'SC-001').replace('西湖区,西湖区建设局', '上城区,上城区建设局');
    await importProjectFile(db, register('项目库.csv', XH1, XH2, sc));
    await importProjectFile(db, reports('项目月报.csv', 'XH-001,2025-06,5000,,,', 'XH-002,2025-06,9000,,,'));
    const notice = await projectNoticeAt(db, await requireRegion(db, '杭州市'), JUNE);
    // Plan 12000 + 20000 + 20000 = 52000, done 14000 → 26.92 %, 50 − 26.92 = 23.08 points behind.
    expect(notice.title).toBe('杭州市2025年1—6月重点项目推进情况通报');
    expect(notice.paragraphs[0]).toBe(
      '截至2025年6月底，杭州市共有重点项目 3 个，年度计划投资 52000 万元。1—6月累计完成投资 14000 万元，完成年度计划的 26.92%，低于时序进度 23.08 个百分点。',
    );
    const table = (title: string) => notice.tables.find((t) => t.title.startsWith(title));
    expect(notice.tables.map((t) => t.title)).toEqual([
      '总体推进情况',
      '分类型推进情况',
      '各地区推进情况（按投资完成率排名）',
      '各责任单位推进情况（按投资完成率排名）',
      '红灯项目',
      '黄灯项目',
      '“三未”项目',
      '6月未报送月报的项目（按责任单位）',
    ]);
    const [levels, regions, red, yellow, threeNots] = ['总体', '各地区', '红灯', '黄灯', '“三未”'].map(table);
    expect(levels?.rows).toEqual([
      ['合计', 3, 52000, 14000, 26.92, 100, null, 100],
      ['市重点', 2, 40000, 9000, 22.5, 100, null, 100],
      ['区重点', 1, 12000, 5000, 41.67, 100, null, 100],
    ]);
    // 西湖区 14000 / 32000 = 43.75 % ranks first; 上城区 0 % second, with its red project.
    expect(regions?.rows.map((r) => r.slice(0, 2).concat(r.slice(5, 6), r.slice(-2)))).toEqual([
      [1, '西湖区', 43.75, 0, 0],
      [2, '上城区', 0, 1, 0],
    ]);
    expect(red?.rows).toEqual([
      ['SC-001', '示例道路', '上城区', '上城区建设局', 0, '投资完成率低于时序进度 50 个百分点'],
    ]);
    expect(yellow?.rows).toEqual([]);
    // SC-001 started in 2024 and has reported nothing this year: started but not moving.
    expect(threeNots?.rows).toEqual([['开工未推进', 'SC-001', '示例道路', '上城区', '上城区建设局']]);
    // 产业: XH-001 alone, 5000 / 12000 = 41.67 %; 基础设施: XH-002 and SC-001, 9000 / 40000 = 22.5 %.
    expect(table('分类型')?.rows.map((r) => r.slice(0, 5))).toEqual([
      ['产业', 1, 12000, 5000, 41.67],
      ['基础设施', 2, 40000, 9000, 22.5],
    ]);
    // Units: 西湖区建设局 9000 / 20000 = 45 %, 西湖区发改局 41.67 %, 上城区建设局 0 %.
    expect(table('各责任单位')?.rows.map((r) => [r[0], r[1], r[5]])).toEqual([
      [1, '西湖区建设局', 45],
      [2, '西湖区发改局', 41.67],
      [3, '上城区建设局', 0],
    ]);
    // Both 西湖区 projects reported June; SC-001, started, did not.
    expect(table('6月未报送')?.rows).toEqual([['上城区建设局', 1, '示例道路']]);

    const zip = await JSZip.loadAsync(await projectNoticeDocx(notice));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const texts = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    expect(texts[0]).toBe(notice.title);
    expect(texts).toContain('五、红灯项目');
    expect(texts).toContain('八、6月未报送月报的项目（按责任单位）');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await projectNoticeXlsx(notice, '杭州市 2025-06')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('各地区推进情况按投资完成率排名');
    expect(sheet?.getRow(4).values).toEqual(
      [undefined, 1, '西湖区', 2, 32000, 14000, 43.75, 100, null, 100, 0, 0].map((v) => v ?? undefined),
    );
  });

  it('takes the light thresholds from the deployment setting projects.rules', async () => {
    await importProjectFile(db, register('项目库.csv', XH1, XH2));
    await importProjectFile(db, reports('项目月报.csv', 'XH-001,2025-06,5000,,,', 'XH-002,2025-06,9000,,,'));
    // Lags 8.33 and 5: yellow from 4 points, red from 8.
    await setSettings(db, { 'projects.rules': { lagYellow: 4, lagRed: 8 } }, 'admin');
    try {
      const lights = (await projectList(db, XIHU, JUNE)).map((r) => [r.code, r.light]);
      expect(lights).toEqual([
        ['XH-001', 'red'],
        ['XH-002', 'yellow'],
      ]);
    } finally {
      await setSettings(db, { 'projects.rules': {} }, 'admin');
    }
    expect((await projectList(db, XIHU, JUNE)).map((r) => r.light)).toEqual(['green', 'green']);
  });

  it('imports its own templates, CSV and XLSX, as they are downloaded', async () => {
    for (const ext of ['csv', 'xlsx'] as const) {
      for (const [name, layout] of Object.entries(PROJECT_TEMPLATE_NAMES)) {
        const path = join(dir, `${name}.${ext}`);
        writeFileSync(path, ext === 'csv' ? projectTemplateCsv(layout) : await projectTemplateXlsx(layout));
        expect(await importProjectFile(db, path), `${name}.${ext}`).toMatchObject({ format: layout });
      }
    }
    // The example project: planned 2025-03 (03-31), started 03-15, 入库 2025-04 (04-30), 5000 of 12000 in June.
    expect((await projectList(db, XIHU, JUNE))[0]).toMatchObject({
      code: 'XH-001',
      plannedStart: '2025-03-31',
      libraryDate: '2025-04-30',
      done: 5000,
      rate: 41.67,
    });
  });

  it('leaves a statistics file to the statistics import', async () => {
    const path = write('长表.csv', '指标,地区,期间,数值\n地区生产总值,西湖区,2025-06,100\n');
    expect(await importProjectFile(db, path)).toBeNull();
  });
});

describe(`bad project files are refused whole, nothing written (${driverName})`, () => {
  it('refuses a monthly report naming a project not in the register', async () => {
    await importProjectFile(db, register('项目库.csv', XH1));
    expect(await refusal(reports('月报.csv', 'XH-001,2025-06,100,,,', 'XX-999,2025-06,100,,,'))).toEqual([
      '3 A(项目编号) project.unknown',
    ]);
    expect(await count('project_report')).toBe(0);
  });

  it('refuses a negative amount, an impossible date and text in a number cell, each at its cell', async () => {
    const bad = register(
      '项目库.csv',
      XH1.replace(',12000,', ',-5,'),
      XH2.replace('2024-05-10', '2025-02-30').replace(',80000,', ',八万,'),
    );
    expect(await refusal(bad)).toEqual([
      '2 J(年度计划投资(万元)) negative',
      '3 I(总投资(万元)) number',
      '3 L(实际开工) date',
    ]);
    expect(await count('project')).toBe(0);
    expect(await count('unit')).toBe(0);
  });

  it('refuses a 项目编号 twice in one file, naming the first line', async () => {
    const path = register('项目库.csv', XH1, XH2, XH1);
    expect(await refusal(path)).toEqual(['4 A(项目编号) duplicate']);
    expect(await count('project')).toBe(0);
  });

  it('refuses the same project and month twice in a monthly report', async () => {
    await importProjectFile(db, register('项目库.csv', XH1));
    expect(await refusal(reports('月报.csv', 'XH-001,2025-06,100,,,', 'XH-001,2025-06,200,,,'))).toEqual([
      '3 A(项目编号) duplicate',
    ]);
    expect(await count('project_report')).toBe(0);
  });

  it('refuses an unknown region and adds none of the file’s units', async () => {
    const path = register('项目库.csv', XH1, XH2.replace('西湖区,西湖区建设局', '火星区,火星区建设局'));
    expect(await refusal(path)).toEqual(['3 C(所属地区) region']);
    expect(await count('project')).toBe(0);
    expect(await count('unit')).toBe(0);
  });

  it('refuses a tour score outside 0–100 and a register without a column', async () => {
    await importProjectFile(db, register('项目库.csv', XH1));
    expect(
      await refusal(write('拉练评分.csv', '项目编号,评委,分数\nXH-001,评委甲,101\nXH-001,评委乙,-1\n')),
    ).toEqual(['2 C(分数) score', '3 C(分数) score']);
    expect(await count('tour_score')).toBe(0);
    const short = write(
      '项目库-少列.csv',
      `${REGISTER_HEADER.replace(',入库日期', '')}\n${XH2.replace(/,2024-06$/, '')}\n`,
    );
    expect(await refusal(short)).toEqual(['1  format']);
    expect(await count('project')).toBe(1);
  });

  it('rolls back a dry run but reports what it would do', async () => {
    const s = await importProjectFile(db, register('项目库.csv', XH1, XH2), { dryRun: true });
    expect(s).toMatchObject({ created: 2, dryRun: true });
    expect(await count('project')).toBe(0);
  });
});

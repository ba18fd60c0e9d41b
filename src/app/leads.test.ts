// Investment leads from real files into a real store: the 关联项目编号 link, promotion to a key project, and the
// monthly attraction report written as DOCX and XLSX and read back, its numbers worked by hand.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../core/imports.ts';
import type { Region } from '../core/types.ts';
import { leadReportDocx } from '../reports/leads/docx.ts';
import { leadReportXlsx } from '../reports/leads/xlsx.ts';
import type { Db } from '../store/db.ts';
import {
  divisionsUnder,
  leadListAt,
  leadOfProject,
  leadRatesAt,
  leadReportAt,
  listAudit,
  projectList,
  promoteLead,
  requireRegion,
  upsertRegions,
} from '../store/index.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { importProjectFile } from './imports.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiaodu-leads-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const JUNE = { year: 2025, month: 6 };
const XIHU = '330106';
const BINJIANG = '330108';
const LEAD_HEADER =
  '项目编号,项目名称,所属地区,责任单位,产业类别,签约金额(万元),签约日期,注册日期,开工日期,投产日期,累计到位资金(万元)';
const LEADS = [
  'ZS-1,智能装备,西湖区,西湖区商务局,制造业,30000,2025-02-10,2025-03-01,2025-05-20,,8000',
  'ZS-2,数据中心,西湖区,西湖区商务局,数字经济,10000,2025-04-01,,,,2000',
  'ZS-3,芯片设计,滨江区,滨江区商务局,数字经济,50000,2025-03-10,2025-04-01,2025-06-15,2025-06-30,25000',
  'ZS-4,去年签约,上城区,上城区商务局,制造业,9000,2024-12-20,2025-01-10,,,9000',
];

let db: Db;
let drop: () => Promise<void>;
let city: Region;
beforeAll(async () => {
  ({ db, drop } = await freshStore());
  await upsertRegions(db, divisionsUnder('330100', 'county'));
  city = await requireRegion(db, '杭州市');
  await importProjectFile(
    db,
    write(
      '项目库.csv',
      '项目编号,项目名称,所属地区,责任单位,包联领导,级别,类型,建设性质,总投资(万元),年度计划投资(万元),计划开工,实际开工,计划竣工,实际竣工,入库日期\n' +
        'XH-001,智能装备产业园,西湖区,西湖区发改局,张三,区重点,产业,新建,50000,12000,2025-03,2025-03-15,2026-12,,2025-04\n' +
        'BJ-001,滨江园区,滨江区,滨江区发改局,李四,区重点,产业,新建,20000,5000,2025-03,,,,\n',
    ),
  );
});
afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`the link of a lead to its key project on ${driverName}`, () => {
  it('stores the 关联项目编号 of the import, and a re-import without the column keeps it', async () => {
    const linked = LEADS.map((l, i) => `${l},${i === 0 ? 'XH-001' : ''}`);
    const s = await importProjectFile(
      db,
      write('招商项目.csv', [`${LEAD_HEADER},关联项目编号`, ...linked].join('\n')),
    );
    expect(s).toMatchObject({ format: '招商项目', created: 4 });
    const links = async () =>
      Object.fromEntries((await leadListAt(db, city.code, JUNE)).map((l) => [l.code, l.projectCode]));
    expect(await links()).toEqual({ 'ZS-1': 'XH-001', 'ZS-2': null, 'ZS-3': null, 'ZS-4': null });
    await importProjectFile(db, write('招商项目6月.csv', [LEAD_HEADER, ...LEADS].join('\n')));
    expect((await links())['ZS-1']).toBe('XH-001');
  });

  it('refuses a 关联项目编号 the register lacks, naming its row and column, and writes nothing', async () => {
    const before = await leadListAt(db, city.code, JUNE);
    const bad = [
      `${LEAD_HEADER},关联项目编号`,
      `${LEADS[0]},`,
      `${LEADS[1]?.replace('10000', '99999')},NOPE-9`,
    ];
    const e = await importProjectFile(db, write('招商项目错.csv', bad.join('\n'))).catch((x) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).issues).toMatchObject([
      { file: '招商项目错.csv', row: 3, column: 'L(关联项目编号)', value: 'NOPE-9', code: 'project.unknown' },
    ]);
    expect(await leadListAt(db, city.code, JUNE)).toEqual(before);
  });
});

describe(`promoting a lead to a key project on ${driverName}`, () => {
  it('makes the project from the lead, keeps the link both ways and audits it', async () => {
    const r = await promoteLead(db, { regionCode: XIHU, code: 'ZS-2', user: '分析员' });
    expect(r).toEqual({ lead: 'ZS-2', project: 'ZS-2', created: true });
    const row = (await projectList(db, XIHU, JUNE)).find((p) => p.code === 'ZS-2');
    // The lead's name, region and unit; its contract amount as 总投资; no annual plan yet.
    expect(row).toMatchObject({
      name: '数据中心',
      region: '西湖区',
      unit: '西湖区商务局',
      totalInvestment: 10000,
      annualPlan: 0,
      nature: '新建',
    });
    expect(await leadOfProject(db, 'ZS-2')).toEqual({
      code: 'ZS-2',
      name: '数据中心',
      contract: 10000,
      signed: '2025-04-01',
    });
    const audit = await listAudit(db, { user: '分析员' });
    expect(audit.find((a) => a.action === 'lead.promote')).toMatchObject({
      region: XIHU,
      object: 'ZS-2',
      new: { lead: 'ZS-2', project: 'ZS-2', created: true },
    });
  });

  it('links a lead to a project of the register that is given, creating nothing', async () => {
    const r = await promoteLead(db, {
      regionCode: BINJIANG,
      code: 'ZS-3',
      project: 'BJ-001',
      user: '分析员',
    });
    expect(r).toEqual({ lead: 'ZS-3', project: 'BJ-001', created: false });
    expect((await projectList(db, BINJIANG, JUNE)).map((p) => p.code)).toEqual(['BJ-001']);
    expect((await leadListAt(db, BINJIANG, JUNE))[0]?.projectCode).toBe('BJ-001');
  });

  it('refuses a lead or a project outside the region named, and a lead linked elsewhere already', async () => {
    await expect(promoteLead(db, { regionCode: BINJIANG, code: 'ZS-1', user: 'x' })).rejects.toMatchObject({
      code: 'lead.unknown',
    });
    await expect(
      promoteLead(db, { regionCode: XIHU, code: 'ZS-1', project: 'BJ-001', user: 'x' }),
    ).rejects.toMatchObject({ code: 'lead.conflict' });
    await importProjectFile(
      db,
      write('招商项目新.csv', [LEAD_HEADER, 'ZS-5,新签,西湖区,,,100,2025-05-01,,,,0'].join('\n')),
    );
    await expect(
      promoteLead(db, { regionCode: XIHU, code: 'ZS-5', project: 'BJ-001', user: 'x' }),
    ).rejects.toMatchObject({ code: 'project.unknown' });
    expect((await leadListAt(db, XIHU, JUNE)).find((l) => l.code === 'ZS-5')?.projectCode).toBeNull();
  });
});

describe(`the monthly attraction report on ${driverName}`, () => {
  beforeAll(async () => {
    // Back to the four leads of the file: ZS-5 signed in May would change the sums worked below.
    await db.query("DELETE FROM investment_lead WHERE code = 'ZS-5'");
  });

  it('has the totals of lead rates and ranks the districts by amount signed', async () => {
    const r = await leadReportAt(db, city, JUNE);
    // Signed in 2025: ZS-1, ZS-2, ZS-3 (ZS-4 in 2024). 90000 contracted; registered ZS-1, ZS-3 → 66.67 %;
    // started ZS-1, ZS-3 → 66.67 %; producing ZS-3 → 33.33 %; funds 8000 + 2000 + 25000 = 35000 → 38.89 %.
    expect(r.breakdown.totals).toEqual(await leadRatesAt(db, city.code, JUNE));
    expect(r.breakdown.totals).toMatchObject({
      signed: 3,
      contract: 90000,
      fundsArrived: 35000,
      fundsRate: 38.89,
    });
    expect(r.paragraphs[0]).toBe(
      '2025年1—6月，杭州市新签约招商项目 3 个，签约金额 90000 万元。其中已注册 2 个，履约率 66.67%；已开工 2 个，开工率 66.67%；已投产 1 个，投产率 33.33%；累计到位资金 35000 万元，资金到位率 38.89%。',
    );
    // 滨江 50000 first; 西湖 30000 + 10000 second (one of two registered and started, funds 10000 / 40000).
    expect(
      r.breakdown.byArea
        .slice(0, 2)
        .map((a) => [a.rank, a.name, a.signed, a.contract, a.startRate, a.fundsRate]),
    ).toEqual([
      [1, '滨江区', 1, 50000, 100, 50],
      [2, '西湖区', 2, 40000, 50, 25],
    ]);
    // Every other district signed nothing: all share third place.
    expect(new Set(r.breakdown.byArea.slice(2).map((a) => a.rank))).toEqual(new Set([3]));
    // 数字经济 ZS-2 + ZS-3: 60000, funds 27000 → 45 %; 制造业 ZS-1: 30000, 8000 → 26.67 %.
    expect(r.breakdown.byIndustry.map((g) => [g.name, g.contract, g.fundsRate])).toEqual([
      ['数字经济', 60000, 45],
      ['制造业', 30000, 26.67],
    ]);
    expect(r.breakdown.byUnit.map((g) => [g.name, g.signed, g.contract])).toEqual([
      ['滨江区商务局', 1, 50000],
      ['西湖区商务局', 2, 40000],
    ]);
  });

  it('writes the report as a Word document in the official fonts and reads back its words and tables', async () => {
    const r = await leadReportAt(db, city, JUNE);
    const zip = await JSZip.loadAsync(await leadReportDocx(r));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const texts = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    expect(texts[0]).toBe('杭州市2025年6月招商引资月报');
    expect(texts).toContain(r.paragraphs[0]);
    expect(texts).toContain('二、各地区情况（按签约金额排名）');
    expect(texts).toContain('四、分责任单位情况');
    // The first ranked row, cell by cell: 名次, 地区, 签约数, 金额, 履约率, 开工率, 投产率, 到位资金, 到位率.
    const at = texts.indexOf('滨江区');
    expect(texts.slice(at - 1, at + 8)).toEqual([
      '1',
      '滨江区',
      '1',
      '50000',
      '100',
      '100',
      '100',
      '25000',
      '50',
    ]);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('writes the report as a workbook whose sheets hold the same numbers', async () => {
    const r = await leadReportAt(db, city, JUNE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await leadReportXlsx(r, '杭州市 2025-06')) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('月报')?.getCell('A1').value).toBe('杭州市2025年6月招商引资月报');
    const total = wb.getWorksheet('总体情况');
    expect(total?.getRow(4).values).toEqual([undefined, '合计', 3, 90000, 66.67, 66.67, 33.33, 35000, 38.89]);
    const areas = wb.getWorksheet('各地区情况按签约金额排名');
    expect(areas?.getRow(5).values).toEqual([undefined, 2, '西湖区', 2, 40000, 50, 50, 0, 10000, 25]);
    const units = wb.getWorksheet('分责任单位情况');
    expect(units?.getRow(4).values).toEqual([undefined, '滨江区商务局', 1, 50000, 100, 100, 100, 25000, 50]);
  });
});

// The briefing over the API on the demo city: every printed number is one of its section's figures, every
// figure equals series, league and progress; a district user gets only its own; the DOCX, XLSX and HTML open.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untracedNumbers } from '../core/briefing/numbers.ts';
import type { Briefing, BriefingFigure } from '../core/briefing/types.ts';
import { loadDemo } from '../demo/index.ts';
import type { Db } from '../store/db.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { createApp } from './app.ts';
import { createTokenAuth } from './auth.ts';
import { as } from './testing.ts';

const auth = createTokenAuth({
  analyst: { name: '市分析员', role: 'analyst', regionCode: null },
  xihu: { name: '西湖区填报员', role: 'reporter', regionCode: '330106' },
});

describe(`the briefing on the demo city on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  const get = (path: string, token = 'analyst') => app.request(path, as(token));
  const json = async (path: string, token = 'analyst') => (await (await get(path, token)).json()) as never;
  const brief = (region: string, period = '2025-06', format = 'json', token = 'analyst') =>
    get(`/api/briefing?region=${encodeURIComponent(region)}&period=${period}&format=${format}`, token);
  let xihu: Briefing;

  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    await loadDemo(db);
    app = createApp(db, { auth, today: new Date('2026-01-15T00:00:00Z') });
    xihu = (await (await brief('西湖区')).json()) as Briefing;
  });
  afterAll(() => drop());

  it('titles the June briefing of a district 2025年1—6月西湖区经济运行情况分析 and judges 双过半', () => {
    expect(xihu.title).toBe('2025年1—6月西湖区经济运行情况分析');
    expect(xihu.region).toEqual({ code: '330106', name: '西湖区' });
    expect(xihu.verdict).toMatch(/^1—6月，全区经济运行/);
    expect(xihu.verdict).toMatch(/双过半/);
    const keys = xihu.sections.map((s) => s.key);
    expect(keys[0]).toBe('overview');
    expect(keys.indexOf('gdp')).toBeLessThan(keys.indexOf('industry'));
    expect(keys.indexOf('industry')).toBeLessThan(keys.indexOf('investment'));
    expect(keys.indexOf('fiscal')).toBeLessThan(keys.indexOf('subregions'));
    expect(keys.slice(-2)).toEqual(['problems', 'next']);
  });

  it('prints no number in any paragraph that is not one of its section’s figures', async () => {
    for (const [region, period] of [
      ['西湖区', '2025-06'],
      ['杭州市', '2025-12'],
      ['330106010', '2025-06'],
    ]) {
      const b = (await (await brief(region as string, period)).json()) as Briefing;
      expect(b.sections.length, region).toBeGreaterThan(1);
      for (const s of b.sections) expect(untracedNumbers(s), `${region} ${s.key}`).toEqual([]);
    }
  });

  it('takes every figure of the region from series, progress and the league among its siblings', async () => {
    // Statistics only: the modules' figures (projects.count, tasks.…) come from their own reads, checked in
    // briefingModules.test.ts.
    const own = xihu.sections
      .flatMap((s) => s.figures)
      .filter((f) => f.region === '330106' && !f.indicator.includes('.'));
    expect(own.length).toBeGreaterThan(10);
    const progress = (await json('/api/progress?region=330106&period=2025-06')) as {
      rows: { indicatorCode: string; completion: number; timeProgress: number; status: string }[];
    };
    for (const f of uniq(own)) {
      const points = (await json(
        `/api/series?indicator=${f.indicator}&region=330106&from=${f.period}&to=${f.period}`,
      )) as {
        value: number;
        yoy: number;
      }[];
      expect([f.value, f.yoy], f.indicator).toEqual([points[0]?.value, points[0]?.yoy]);
      const league = (await json(
        `/api/league?indicator=${f.indicator}&period=${f.period}&by=yoy&parent=3301`,
      )) as {
        code: string;
        rank: number;
        rankOf: number;
        rankChange: number;
      }[];
      const mine = league.find((l) => l.code === '330106');
      expect([f.rank, f.rankOf, f.rankChange], f.indicator).toEqual([
        mine?.rank,
        mine?.rankOf,
        mine?.rankChange,
      ]);
      const p = progress.rows.find((r) => r.indicatorCode === f.indicator);
      if (p)
        expect([f.completion, f.timeProgress, f.status], f.indicator).toEqual([
          p.completion,
          p.timeProgress,
          p.status,
        ]);
      else expect(f.target, f.indicator).toBeNull();
    }
  });

  it('ranks the towns as the league of the district’s children by growth', async () => {
    const towns =
      xihu.sections.find((s) => s.key === 'subregions')?.figures.filter((f) => f.region !== '330106') ?? [];
    expect(towns.length).toBeGreaterThan(10);
    const fai = towns.filter((f) => f.indicator === 'fai');
    const league = (await json('/api/league?indicator=fai&period=2025-06&by=yoy&parent=330106')) as {
      code: string;
      yoy: number;
      rank: number;
    }[];
    for (const f of fai) {
      const l = league.find((x) => x.code === f.region);
      expect([f.yoy, f.rank], f.regionName).toEqual([l?.yoy, l?.rank]);
    }
  });

  it('gives a district user its own briefing and refuses a neighbour’s and the city’s', async () => {
    expect((await brief('西湖区', '2025-06', 'json', 'xihu')).status).toBe(200);
    expect((await brief('拱墅区', '2025-06', 'json', 'xihu')).status).toBe(403);
    expect((await brief('杭州市', '2025-06', 'docx', 'xihu')).status).toBe(403);
    expect((await brief('西湖区', '2025-13')).status).toBe(400);
    expect((await brief('西湖区', '2025-06', 'pdf')).status).toBe(400);
  });

  it('writes a DOCX with the title, headings in order, a table with a repeated header row and East Asian fonts', async () => {
    const r = await brief('西湖区', '2025-06', 'docx');
    expect(r.headers.get('content-type')).toMatch(/wordprocessingml/);
    const zip = await JSZip.loadAsync(await r.arrayBuffer());
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    expect(paragraphs[0]).toBe('2025年1—6月西湖区经济运行情况分析');
    const headings = paragraphs.filter((p) =>
      /^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(p),
    );
    expect(headings.slice(0, 4)).toEqual([
      '一、主要经济指标完成情况',
      '（一）地区生产总值',
      '（二）工业生产',
      '（三）固定资产投资',
    ]);
    // The demo has key projects and leads, so their section stands before the problems.
    expect(headings.slice(-4)).toEqual([
      '二、分镇街情况',
      '三、重点项目和招商引资',
      '四、存在问题',
      '五、下步工作建议',
    ]);
    expect(paragraphs.some((p) => /^1\.部分指标/.test(p))).toBe(true);
    const tables = xml.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThanOrEqual(2);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footer = Object.keys(zip.files).find((n) => /word\/footer\d*\.xml/.test(n)) ?? '';
    expect(await zip.file(footer)?.async('string')).toMatch(/PAGE/);
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('draws the charts into the DOCX as PNG pictures, each captioned 图N under it', async () => {
    const zip = await JSZip.loadAsync(await (await brief('西湖区', '2025-06', 'docx')).arrayBuffer());
    const media = Object.keys(zip.files).filter((n) => /^word\/media\/.+\.png$/.test(n));
    expect(media.length).toBeGreaterThanOrEqual(2);
    const png = (await zip.file(media[0] as string)?.async('uint8array')) ?? new Uint8Array();
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    // Twice 640 px wide: sharp at the text's width.
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(1280);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml.match(/<w:drawing>/g)?.length).toBe(media.length);
    expect(xml).toContain('图1　主要指标增速与年度目标（%）');
    expect(xml).toContain('分镇街规模以上工业增加值增速（%）');
  });

  it('writes an XLSX with the main table and the towns’ league, the figures as in the JSON', async () => {
    const r = await brief('西湖区', '2025-06', 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    const main = wb.getWorksheet('主要经济指标完成情况表');
    expect(main?.getRow(3).values).toEqual([
      undefined,
      '指标',
      '单位',
      '1—6月',
      '同比增长%',
      '全市增长%',
      '位次',
      '年度目标',
      '完成%',
      '时序进度%',
    ]);
    const gdp = xihu.sections.find((s) => s.key === 'gdp')?.figures[0] as BriefingFigure;
    const row = main?.getRow(4);
    expect([
      row?.getCell(1).value,
      row?.getCell(3).value,
      row?.getCell(4).value,
      row?.getCell(6).value,
    ]).toEqual(['地区生产总值', gdp.value, gdp.yoy, `${gdp.rank}/${gdp.rankOf}`]);
    expect(main?.pageSetup.printTitlesRow).toBe('3:3');
    const towns = wb.worksheets[1];
    expect(towns?.getCell('A3').value).toBe('地区');
    expect(towns?.rowCount).toBeGreaterThan(12);
  });

  it('serves a printable HTML page with the title and the tables', async () => {
    const html = await (await brief('西湖区', '2025-06', 'html')).text();
    expect(html).toContain('<h1>2025年1—6月西湖区经济运行情况分析</h1>');
    expect(html).toContain('@page { size: A4');
    // The indicators, the towns, and the modules' figures (key projects, supervision, assessment).
    expect(html.match(/<table>/g)?.length).toBe(3);
  });

  it('puts the charts into the HTML page as SVG with Chinese labels and a CJK font list', async () => {
    const html = await (await brief('西湖区', '2025-06', 'html')).text();
    const figures = html.match(/<figure class="chart"[\s\S]*?<\/figure>/g) ?? [];
    expect(figures.length).toBe(xihu.charts.length);
    expect(xihu.charts.map((c) => c.key)).toEqual(['growth', 'completion', 'trend', 'subregions']);
    const growth = figures[0] ?? '';
    expect(growth).toContain('<svg');
    expect(growth).toContain('地区生产总值');
    expect(growth).toContain('Noto Sans CJK SC');
    const towns = xihu.sections.find((s) => s.key === 'subregions')?.figures ?? [];
    const best = towns.find((f) => f.region !== '330106' && f.rank === 1);
    expect(figures[3]).toContain(best?.regionName);
    expect(figures[2]).toContain('累计增速走势');
  });

  it('draws the trend from the series the API gives, month by month of the year, each growth to one decimal', async () => {
    const trend = xihu.charts.find((c) => c.key === 'trend');
    const overview = xihu.sections.find((s) => s.key === 'overview')?.figures ?? [];
    const shown = overview.find((f) => trend?.title === `${f.name}累计增速走势`);
    expect(shown?.targetKind).toBe('growth');
    const points = (await json(
      `/api/series?indicator=${shown?.indicator}&region=330106&from=2025-01&to=2025-06`,
    )) as {
      period: string;
      yoy: number | null;
    }[];
    const withGrowth = points.filter((p) => p.yoy !== null);
    expect(trend?.series[0]?.values).toEqual(withGrowth.map((p) => Math.round((p.yoy as number) * 10) / 10));
    expect(trend?.categories.length).toBe(withGrowth.length);
    expect(trend?.line).toEqual({ name: '年度目标', value: shown?.target });
  });

  it('states a forecast entered after the published figures with 预计, and still traces every number', async () => {
    const post = await app.request(
      '/api/observations',
      as('analyst', {
        json: {
          indicator: 'cpi',
          region: '330106',
          period: '2025-06',
          value: 0.4,
          forecast: true,
          reason: '预计数',
        },
      }),
    );
    expect(post.status).toBe(200);
    const b = (await (await brief('西湖区')).json()) as Briefing;
    const prices = b.sections.find((s) => s.key === 'prices');
    expect(prices?.paragraphs[0]).toMatch(/^预计1—6月，全区居民消费价格涨幅0\.4%（预计数/);
    expect(
      b.sections
        .find((s) => s.key === 'problems')
        ?.paragraphs.some((p) => p.includes('居民消费价格涨幅1—6月为预计数')),
    ).toBe(true);
    for (const s of b.sections) expect(untracedNumbers(s), s.key).toEqual([]);
  });
});

function uniq(fs: BriefingFigure[]): BriefingFigure[] {
  return [...new Map(fs.map((f) => [f.indicator, f])).values()];
}

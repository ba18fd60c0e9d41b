import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { RegionScore } from '../core/assess/score.ts';
import { type AssessNotice, assessNoticeDocx, assessNoticeXlsx } from './assessNotice.ts';

const row = (
  region: string,
  group: string,
  rank: number,
  total: number,
  extra: Partial<RegionScore> = {},
) => ({
  region,
  code: region,
  group,
  total,
  rank,
  vetoed: false,
  bonus: 0,
  penalty: 0,
  rankBefore: null,
  rankChange: null,
  items: [
    { name: '增速', input: 6.8, target: null, points: 9.5, explain: '', rank: 2 },
    { name: '安全生产', input: null, target: null, points: 0, explain: '', rank: null },
  ],
  ...extra,
});
const notice: AssessNotice = {
  scheme: '2025年上半年镇域经济考核',
  parent: '天门市',
  period: '2025-06',
  items: ['增速', '安全生产'],
  groups: ['一类', '二类'],
  rows: [
    row('岳口镇', '一类', 1, 87.25, { bonus: 2, rankChange: 2 }),
    row('多祥镇', '一类', 2, 0, {
      vetoed: true,
      vetoReason: '安全生产：发生较大安全事故',
      items: [
        { name: '增速', input: 7, target: null, points: 10, explain: '', rank: 1 },
        { name: '安全生产', input: '否决', target: null, points: 0, explain: '', rank: null },
      ],
    }),
    row('黄潭镇', '二类', 1, 70.5, { penalty: 1.5, rankChange: -1 }),
    row('彭市镇', '二类', 2, 66, {}),
  ],
};

describe('the ranking notice', () => {
  it('writes a Word notice with the title, one table per group in order, and the veto said in words', async () => {
    const zip = await JSZip.loadAsync(await assessNoticeDocx(notice));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
      [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    expect(paragraphs[0]).toBe('关于2025年上半年镇域经济考核结果的通报');
    expect(paragraphs[1]).toContain('现将天门市2025年1—6月考核结果通报如下');
    const text = paragraphs.join('|');
    expect(text.indexOf('一、一类（2个）')).toBeLessThan(text.indexOf('二、二类（2个）'));
    expect(text).toContain('1|岳口镇|87.25|9.50|0.00|2.00||↑2');
    expect(text).toContain('2|多祥镇|0（否决）|10.00|否决|');
    expect(text).toContain('1|黄潭镇|70.50|9.50|0.00||1.50|↓1');
    expect(paragraphs).toContain('一票否决：多祥镇（安全生产：发生较大安全事故）。');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('writes an Excel notice whose points stay numbers the office can add up', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await assessNoticeXlsx(notice)) as unknown as ArrayBuffer);
    // Rows as arrays of cells from column A; the sheet's array is sparse (no row 0), so filled in first.
    const values = Array.from(wb.getWorksheet('考核结果')?.getSheetValues() ?? [], (r) =>
      Array.isArray(r) ? r.slice(1) : [],
    );
    expect(values[1]?.[0]).toBe('关于2025年上半年镇域经济考核结果的通报');
    const yuekou = values.find((r) => r[1] === '岳口镇');
    expect(yuekou?.slice(0, 5)).toEqual([1, '岳口镇', 87.25, 9.5, 0]);
    expect(values.find((r) => r[1] === '多祥镇')?.slice(2, 5)).toEqual(['0（一票否决）', 10, '否决']);
    expect(values.findIndex((r) => r[0] === '一类')).toBeLessThan(values.findIndex((r) => r[0] === '二类'));
    expect(values.some((r) => r[0] === '一票否决：多祥镇（安全生产：发生较大安全事故）。')).toBe(true);
  });
});

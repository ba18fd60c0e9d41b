// The supervision notice files: what a reader of the DOCX and of the XLSX finds in them.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildNotice, type NoticeTask } from '../../core/tasks/notice.ts';
import { noticeDocx } from './docx.ts';
import { noticeXlsx } from './xlsx.ts';

const task = (id: number, lead: string, o: Partial<NoticeTask>): NoticeTask => ({
  id,
  title: `任务${id}`,
  lead: [lead],
  support: [],
  due: '2025-06-30',
  percent: 10,
  status: 'in_progress',
  light: 'green',
  daysLeft: 0,
  lastReport: '2025-06-02',
  escalated: false,
  redDays: 0,
  reasons: [],
  closedOn: null,
  ...o,
});

const notice = buildNotice(
  [
    task(1, '经信局', {
      status: 'overdue',
      light: 'red',
      redDays: 9,
      escalated: true,
      reasons: ['已超期 9 天'],
    }),
    task(2, '统计局', { light: 'yellow', title: '=HYPERLINK("x")', reasons: ['38 天未报送进展'] }),
    task(3, '统计局', { status: 'done', light: null, closedOn: '2025-06-20', percent: 100 }),
  ],
  '2025-07-09',
  '西湖区督办事项落实情况通报',
);

describe('the supervision notice', () => {
  it('as DOCX states the counts, the unit table and the red, yellow and 约谈 lists', async () => {
    const zip = await JSZip.loadAsync(await noticeDocx(notice));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('西湖区督办事项落实情况通报');
    expect(text).toContain('截至2025年7月9日，共有督办事项 3 项，已办结 1 项；亮红灯 1 项、黄灯 1 项');
    expect(text).toContain('四、约谈名单');
    expect(text).toContain('已超期 9 天');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('as XLSX lists each unit with its counts and keeps a title typed like a formula as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await noticeXlsx(notice)) as unknown as ArrayBuffer);
    const units = wb.getWorksheet('各单位');
    expect(units?.getRow(2).values).toEqual([
      undefined,
      '牵头单位',
      '交办',
      '按期办结',
      '逾期办结',
      '超期未办结',
      '正在办理',
    ]);
    // 经信局: one overdue; 统计局: one done on time, one in hand. Most overdue first.
    expect(units?.getRow(3).values).toEqual([undefined, '经信局', 1, 0, 0, 1, 0]);
    expect(units?.getRow(4).values).toEqual([undefined, '统计局', 2, 1, 0, 0, 1]);
    const yellow = wb.getWorksheet('黄灯');
    expect(yellow?.getRow(3).getCell(1).value).toBe(2);
    expect(yellow?.getRow(3).getCell(2).value).toBe('\'=HYPERLINK("x")');
    expect(wb.getWorksheet('约谈')?.getRow(3).getCell(2).value).toBe('任务1');
  });
});

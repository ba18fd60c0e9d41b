// `tiaodu report tour`: a real `tiaodu` process writes the tour notice of a tour imported from its scoring
// sheet; the document is read back and every number checked against the hand-worked scores.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliWorkspace, ok, tiaodu } from './testing.ts';

const { data, files, write } = cliWorkspace('tours');

beforeAll(async () => {
  ok(await tiaodu(data, ['init', '--region', '330100', '--depth', 'county']));
  const register = write(
    '项目库.csv',
    '项目编号,项目名称,所属地区,责任单位,包联领导,级别,类型,建设性质,总投资(万元),年度计划投资(万元),计划开工,实际开工,计划竣工,实际竣工,入库日期\n' +
      'XH-001,示例产业园,西湖区,西湖区发改局,张三,区重点,产业,新建,50000,12000,2025-03,2025-03-15,2026-12,,2025-04\n' +
      'SC-001,示例医院,上城区,上城区卫健局,李四,市重点,社会民生,新建,9000,4000,2025-03,2025-04-01,2026-06,,\n',
  );
  // XH-001: 90 80 70 60 100 → 60 and 100 dropped → 80; SC-001: 88, 91 → 89.5. 上城区 first, 西湖区 second.
  const sheet = write(
    '三季度拉练.csv',
    '项目编号,评委,分数\nXH-001,甲,90\nXH-001,乙,80\nXH-001,丙,70\nXH-001,丁,60\nXH-001,戊,100\nSC-001,甲,88\nSC-001,乙,91\n',
  );
  ok(await tiaodu(data, ['import', register, sheet]));
}, 300_000);

describe('tiaodu report tour', () => {
  it('writes the DOCX notice with the regions ranked, their means, each project’s score and judges', async () => {
    const out = join(files, '拉练通报.docx');
    const r = ok(await tiaodu(data, ['report', 'tour', '--tour', '三季度拉练', '--out', out]));
    expect(r.stdout).toContain('三季度拉练评分通报（2 个地区，2 个项目）');
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const cells = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const text = cells.join('|');
    expect(text).toContain('5 位评委对 2 个项目现场点评打分');
    expect(text).toContain('上城区得分最高；全部项目平均得分 84.75 分');
    expect(text).toContain('名次|地区|项目数|平均得分|1|上城区|1|89.5|2|西湖区|1|80');
    expect(text).toContain(
      '1|XH-001|示例产业园|西湖区|西湖区发改局|5|80|2|SC-001|示例医院|上城区|上城区卫健局|2|89.5',
    );
  });

  it('writes the XLSX notice with the same numbers', async () => {
    const out = join(files, '拉练通报.xlsx');
    ok(await tiaodu(data, ['report', 'tour', '--tour', '三季度拉练', '--out', out]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // A sheet's rows from its header row on (above it: the notice's title and the tour's name).
    const values = (name: string) => {
      const all = (wb.getWorksheet(name)?.getSheetValues() ?? [])
        .filter(Boolean)
        .map((v) => (v as unknown[]).slice(1));
      return all.slice(all.findIndex((r) => r[0] === '名次' || r[1] === '项目编号'));
    };
    expect(values('各地区排名').slice(1)).toEqual([
      [1, '上城区', 1, 89.5],
      [2, '西湖区', 1, 80],
    ]);
  });

  it('refuses a tour it does not know, in Chinese, writing nothing', async () => {
    const out = join(files, '无.docx');
    const r = await tiaodu(data, ['report', 'tour', '--tour', '没有的拉练', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有名为「没有的拉练」的拉练');
    expect(() => readFileSync(out)).toThrow();
  });
});

// `tiaodu report leads` as a user runs it: a real process on a real data directory writes the monthly
// attraction report, its totals those of `tiaodu lead rates --json`, worked by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliWorkspace, ok, tiaodu } from './testing.ts';

const { data, files, write } = cliWorkspace('leads');

beforeAll(async () => {
  ok(await tiaodu(data, ['init', '--region', '330100', '--depth', 'county']));
  const leads = write(
    '招商项目.csv',
    '项目编号,项目名称,所属地区,责任单位,产业类别,签约金额(万元),签约日期,注册日期,开工日期,投产日期,累计到位资金(万元)\n' +
      'ZS-001,示例智能制造,西湖区,西湖区商务局,制造业,30000,2025-02-10,2025-03-01,2025-05-20,,8000\n' +
      'ZS-002,示例数据中心,滨江区,滨江区商务局,数字经济,20000,2025-05,,,,5000\n',
  );
  ok(await tiaodu(data, ['import', leads]));
}, 300_000);

describe('tiaodu report leads', () => {
  it('writes the monthly report as Word and Excel with the totals of lead rates', async () => {
    const rates = JSON.parse(
      ok(await tiaodu(data, ['lead', 'rates', '--region', '杭州市', '--period', '2025-06', '--json'])).stdout,
    );
    // Two signed, 50000; one registered and started (50 %); funds 13000 / 50000 = 26 %.
    expect(rates).toMatchObject({ signed: 2, contract: 50000, startRate: 50, fundsRate: 26 });
    const docx = join(files, '月报.docx');
    const r = ok(
      await tiaodu(data, ['report', 'leads', '--region', '杭州市', '--period', '2025-06', '--out', docx]),
    );
    expect(r.stdout).toContain('杭州市2025年6月招商引资月报（本年签约 2 个，签约金额 50000 万元）');
    const xml =
      (await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('杭州市新签约招商项目 2 个，签约金额 50000 万元');
    expect(xml).toContain('开工率 50%');
    const xlsx = join(files, '月报.xlsx');
    ok(await tiaodu(data, ['report', 'leads', '--region', '杭州市', '--period', '2025-06', '--out', xlsx]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    // 西湖 30000 ranks first, 滨江 20000 second.
    const areas = wb.getWorksheet('各地区情况按签约金额排名');
    expect(areas?.getRow(4).values).toEqual([undefined, 1, '西湖区', 1, 30000, 100, 100, 0, 8000, 26.67]);
    expect(areas?.getRow(5).values).toEqual([undefined, 2, '滨江区', 1, 20000, 0, 0, 0, 5000, 25]);
  }, 300_000);

  it('refuses an output that is neither .docx nor .xlsx', async () => {
    const r = await tiaodu(data, [
      'report',
      'leads',
      '--region',
      '杭州市',
      '--period',
      '2025-06',
      '--out',
      'x.pdf',
    ]);
    // A usage error: exit code 2, as every command's.
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('参数 --out 的文件应以 .docx 或 .xlsx 结尾');
  });
});

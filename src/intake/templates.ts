// Import templates users download: the long CSV and XLSX, with a sheet explaining each column.
import { csvFile, neutraliseFormula } from './cells.ts';
import { LONG_HEADER } from './long.ts';

const EXAMPLES = [
  ['规模以上工业增加值', '西湖区', '2025-06', '', '6.5', '', '否', '区统计局'],
  ['固定资产投资', '330106', '2025-06', '312.45', '4.2', '', '否', '区发改局'],
];

const EXPLAIN: [string, string][] = [
  ['指标', '指标名称、别名或代码，如「规模以上工业增加值」「规上工业」「industrial_va」'],
  ['地区', '地区名称或统计区划代码；重名的乡镇写成「县名/镇名」'],
  ['期间', '2025-06、2025年6月、2025年1-6月（表示截至6月的累计）、2025Q2 或 2025年'],
  ['数值', '累计值（流量指标）或期末值（存量指标），单位同指标库；可空（只报增速时）'],
  ['同比(%)', '公布的同比增速，百分数不带 % 号，如 6.5；可空'],
  ['口径', '发布口径，如「省口径」；一般留空'],
  ['是否预计', '预计数填「是」，实际数留空或填「否」'],
  ['来源', '数据来源，如「市统计局月报」'],
];

/** UTF-8 with BOM, so Excel opens it in Chinese. */
export function longTemplateCsv(): string {
  return csvFile([LONG_HEADER, ...EXAMPLES]);
}

export async function longTemplateXlsx(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // only when a workbook is written
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('数据');
  sheet.addRow(LONG_HEADER).font = { bold: true };
  for (const r of EXAMPLES) sheet.addRow(r.map(neutraliseFormula));
  sheet.columns.forEach((c) => {
    c.width = 16;
  });
  const help = wb.addWorksheet('说明');
  help.addRow(['列', '填写说明']).font = { bold: true };
  for (const r of EXPLAIN) help.addRow(r);
  help.getColumn(2).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

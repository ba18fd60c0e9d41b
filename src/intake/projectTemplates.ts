// Templates of the project layouts users download: the contract's headers and an example row, as CSV or XLSX.
import type { ProjectLayout } from '../core/projects/parsed.ts';
import { csvFile, neutraliseFormula } from './cells.ts';
import { LAYOUT_COLUMNS } from './projectLayouts.ts';

const EXAMPLES: Record<ProjectLayout, string[][]> = {
  项目库: [
    [
      'XH-001',
      '示例产业园',
      '西湖区',
      '西湖区发改局',
      '张三',
      '区重点',
      '产业',
      '新建',
      '50000',
      '12000',
      '2025-03',
      '2025-03-15',
      '2026-12',
      '',
      '2025-04',
    ],
  ],
  项目月报: [['XH-001', '2025-06', '5000', '主体施工', '', '']],
  招商项目: [
    [
      'ZS-001',
      '示例智能制造',
      '西湖区',
      '西湖区商务局',
      '制造业',
      '30000',
      '2025-02-10',
      '2025-03-01',
      '2025-05-20',
      '',
      '8000',
      '',
    ],
  ],
  拉练评分: [
    ['XH-001', '评委甲', '88'],
    ['XH-001', '评委乙', '91'],
  ],
  问题清单: [['XH-001', '用地指标未落实，影响二期开工', '区规划资源分局', '2025-07-31']],
};

const NOTES: Record<ProjectLayout, string> = {
  项目库:
    '项目编号为主键，再次导入即更新（保留修改记录）；日期写 YYYY-MM-DD 或 YYYY-MM（表示当月最后一天），未发生的留空；金额单位万元',
  项目月报: '每个项目每月一行；本年累计完成投资单位万元；项目编号须已在项目库中',
  招商项目:
    '项目编号为主键，每月再次导入即更新；日期写 YYYY-MM-DD 或 YYYY-MM，未到该阶段的留空；金额单位万元；关联项目编号（可选）填已转为重点项目的项目库编号',
  拉练评分: '每位评委对每个项目一行，分数 0–100；项目编号须已在项目库中',
  问题清单:
    '每个问题一行，追加到项目的问题清单；完成时限写 YYYY-MM-DD 或 YYYY-MM（表示当月最后一天）；项目编号须已在项目库中',
};

/** The layouts by the names `tiaodu template` takes. */
export const PROJECT_TEMPLATE_NAMES: Record<string, ProjectLayout> = {
  projects: '项目库',
  'project-reports': '项目月报',
  leads: '招商项目',
  tour: '拉练评分',
  problems: '问题清单',
};

const header = (layout: ProjectLayout) => LAYOUT_COLUMNS[layout].map((c) => c.header);

/** UTF-8 with BOM, so Excel opens it in Chinese. */
export function projectTemplateCsv(layout: ProjectLayout): string {
  return csvFile([header(layout), ...EXAMPLES[layout]]);
}

export async function projectTemplateXlsx(layout: ProjectLayout): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // only when a workbook is written
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(layout);
  sheet.addRow(header(layout)).font = { bold: true };
  // Every cell as text: a date typed as 2025-03 must stay a month, not become a day.
  for (const r of EXAMPLES[layout]) sheet.addRow(r.map(neutraliseFormula));
  sheet.columns.forEach((c) => {
    c.width = 18;
    c.numFmt = '@';
  });
  const help = wb.addWorksheet('说明');
  help.addRow(['填写说明']).font = { bold: true };
  help.addRow([NOTES[layout]]);
  help.getColumn(1).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

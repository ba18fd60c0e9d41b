// Valid seed files of every accepted format, for the fuzz test to corrupt. Names resolve in Hangzhou (3301).
import type ExcelJS from 'exceljs';

/** A file before it is written: CSV text in an encoding, or the cells of an XLSX sheet. */
export type Draft =
  | { kind: 'csv'; encoding: 'utf-8' | 'gbk'; text: string }
  | { kind: 'xlsx'; rows: ExcelJS.CellValue[][] };

export interface Seed {
  name: string;
  /** What imports it: the statistics importer or the target importer. */
  importer: 'statistics' | 'targets';
  extension: '.csv' | '.xlsx';
  draft: Draft;
}

const LONG_HEADER = ['指标', '地区', '期间', '数值', '同比(%)', '口径', '是否预计', '来源'];
const LONG_ROWS: string[][] = [
  ['固定资产投资', '西湖区', '2025-06', '312.45', '4.2', '', '否', '区发改局'],
  ['固定资产投资', '滨江区', '2025-06', '280.5', '6.1', '', '否', '区发改局'],
  ['社会消费品零售总额', '上城区', '2025年1-6月', '455.25', '3.3', '', '否', '区商务局'],
  ['规模以上工业增加值', '330108', '2025-06', '', '9.8', '', '否', '区统计局'],
  ['一般公共预算收入', '萧山区', '2025Q2', '111.25', '-2.5', '', '是', ''],
  ['固定资产投资', '余杭区', '2025-05', '1,234.5', '7', '', '', '"区发改局"'],
  ['社会消费品零售总额', '临平区', '2024年', '600', '', '省口径', '否', ''],
];
const csvLine = (cells: string[]) =>
  cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');

const WIDE_TITLE = '2025年1-6月各区县主要经济指标';
const WIDE_ROWS: string[][] = [
  ['地区', '规上工业增加值(亿元)', '', '', '固定资产投资(亿元)', ''],
  ['', '本月', '累计', '同比(%)', '累计', '同比(%)'],
  ['西湖区', '12.5', '70.25', '6.1', '312.5', '4.2'],
  ['滨江区', '30', '180.5', '9.8', '280', '-1.5'],
  ['上城区', '8.25', '40', '', '150.75', '2.2'],
  ['全市', '50.75', '290.75', '8.6', '743.25', '1.5'],
];

const NBS = [
  '数据库：分省月度数据,,,,,,',
  '地区：杭州市,,,,,,',
  '时间：最近6个月,,,,,,',
  '指标,2025年6月,2025年5月,2025年4月,2025年3月,2025年2月,2025年1月',
  '房地产投资累计值(亿元),1683.21,1403.5,1111.25,820.47,512.3,',
  '房地产投资累计增长(%),-6.2,-5.1,-4.4,-3.9,-2.5,',
  '数据来源：国家统计局,,,,,,',
].join('\n');

/** The annual NBS export by region, as the GBK files from data.stats.gov.cn come (CRLF, trailing line break). */
const NBS_REGIONS = [
  '数据库：分省年度数据',
  '指标：地区生产总值(亿元)',
  '时间：最近3年',
  '地区,2024年,2023年,2022年',
  '西湖区,2700.5,2580.25,2441',
  '滨江区,2400,2210.5,2080.75',
  '萧山区,2300.25,2187,2099.5',
  '注：按照国民经济核算制度修订。',
  '数据来源：国家统计局',
  '',
].join('\r\n');

const TARGETS = [
  '指标,地区,年度,类型,目标值,比较,力度,分解,来源',
  '地区生产总值,西湖区,2025,增速,5.5,≈,预期,,政府工作报告',
  '地区生产总值,西湖区,2025,增速,6,>=,力争,,',
  '一般公共预算收入,滨江区,2025,总量,260,>=,确保,"3:22,6:48,9:73,12:100",',
  '固定资产投资,上城区,2025,增速,8%,,,,',
  '',
].join('\r\n');

const number = (s: string): ExcelJS.CellValue => (s !== '' && Number.isFinite(Number(s)) ? Number(s) : s);

export const SEEDS: Seed[] = [
  {
    name: 'long-csv-utf8',
    importer: 'statistics',
    extension: '.csv',
    draft: {
      kind: 'csv',
      encoding: 'utf-8',
      text: `\ufeff${[LONG_HEADER, ...LONG_ROWS].map(csvLine).join('\r\n')}\r\n`,
    },
  },
  {
    name: 'long-csv-gbk',
    importer: 'statistics',
    extension: '.csv',
    draft: { kind: 'csv', encoding: 'gbk', text: `${[LONG_HEADER, ...LONG_ROWS].map(csvLine).join('\n')}\n` },
  },
  {
    name: 'long-xlsx',
    importer: 'statistics',
    extension: '.xlsx',
    draft: {
      kind: 'xlsx',
      rows: [
        LONG_HEADER,
        ...LONG_ROWS.map((r) => r.map((c, i) => (i === 3 || i === 4 ? number(c.replace(',', '')) : c))),
      ],
    },
  },
  {
    name: 'wide-csv',
    importer: 'statistics',
    extension: '.csv',
    draft: {
      kind: 'csv',
      encoding: 'utf-8',
      text: `${[[WIDE_TITLE], ...WIDE_ROWS, ['注：全市为各区合计']].map(csvLine).join('\n')}\n`,
    },
  },
  {
    name: 'wide-xlsx',
    importer: 'statistics',
    extension: '.xlsx',
    draft: {
      kind: 'xlsx',
      rows: [[WIDE_TITLE], ...WIDE_ROWS.map((r) => r.map((c, i) => (i === 0 ? c : number(c))))],
    },
  },
  {
    name: 'nbs-csv',
    importer: 'statistics',
    extension: '.csv',
    draft: { kind: 'csv', encoding: 'utf-8', text: `\ufeff${NBS}` },
  },
  {
    name: 'nbs-csv-gbk',
    importer: 'statistics',
    extension: '.csv',
    draft: { kind: 'csv', encoding: 'gbk', text: NBS_REGIONS },
  },
  {
    name: 'targets-csv',
    importer: 'targets',
    extension: '.csv',
    draft: { kind: 'csv', encoding: 'utf-8', text: `\ufeff${TARGETS}` },
  },
];

// The assessment inputs file (考核录入): `地区, 项目, 分值` per row, 分值 a number or 否决; 加分/减分 rows may repeat.
import { csvFile } from './cells.ts';
import { parseCsvText } from './csv.ts';
import { decodeText } from './decode.ts';
import { columnLetter, fileError, ImportError, type ImportIssue, parseNumber } from './types.ts';

export const ASSESS_INPUT_HEADER = ['地区', '项目', '分值'];

export interface AssessInputRow {
  region: string;
  item: string;
  value: number | 'veto';
  /** The reason (说明) column, when the file has one. */
  note: string | null;
  row: number;
  /** Column letters of 地区, 项目 and 分值, for errors found later against the scheme and the regions. */
  columns: { region: string; item: string; value: string };
}

const VETO = /^(否决|一票否决)$/;

/** Rows of an inputs CSV (UTF-8 with or without BOM, or GBK), all-or-nothing: every bad cell is named. */
export function readAssessInputs(buf: Uint8Array, file: string): AssessInputRow[] {
  if (buf.length === 0) throw fileError(file, 'empty', '文件是空的');
  const text = decodeText(buf, file);
  if (text.trim() === '') throw fileError(file, 'empty', '文件是空的');
  const rows = parseCsvText(text, file);
  const header = (rows[0] ?? []).map((c) => c.replace(/^\uFEFF/, '').trim());
  const col = (name: string) => header.indexOf(name);
  const missing = ASSESS_INPUT_HEADER.filter((h) => col(h) < 0);
  if (missing.length > 0)
    throw new ImportError([
      {
        file,
        row: 1,
        column: 'A',
        value: header.join(','),
        expected: `表头缺少「${missing.join('」「')}」列（应为：${ASSESS_INPUT_HEADER.join(',')}，可加一列「说明」）`,
        code: 'header',
        message: '表头不全',
      },
    ]);
  const columns = {
    region: columnLetter(col('地区')),
    item: columnLetter(col('项目')),
    value: columnLetter(col('分值')),
  };
  const issues: ImportIssue[] = [];
  const out: AssessInputRow[] = [];
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const get = (name: string) => (col(name) < 0 ? '' : (cells[col(name)] ?? '').trim());
    const bad = (name: string, expected: string) =>
      issues.push({
        file,
        row,
        column: columnLetter(col(name)),
        value: get(name),
        expected,
        code: 'assess',
        message: expected,
      });
    const region = get('地区');
    const item = get('项目');
    const raw = get('分值');
    if (!region) bad('地区', '地区不能为空');
    if (!item) bad('项目', '项目不能为空');
    const number = parseNumber(raw);
    let value: number | 'veto' | null = null;
    if (VETO.test(raw)) {
      if (item === '加分' || item === '减分') bad('分值', `${item}的分值应为数字，不能为「否决」`);
      else value = 'veto';
    } else if (typeof number === 'number') {
      if ((item === '加分' || item === '减分') && number < 0)
        bad('分值', `${item}的分值应为正数（减分也写正数，如 1.5）`);
      else value = number;
    } else bad('分值', raw === '' ? '分值不能为空：应为数字或「否决」' : '分值应为数字或「否决」');
    if (region && item && value !== null)
      out.push({ region, item, value, note: get('说明') || null, row, columns });
  });
  if (issues.length > 0) throw new ImportError(issues.slice(0, 100));
  return out;
}

/** The inputs template (`tiaodu template assess-inputs-csv`): the header and one row of each kind. */
export function assessInputsTemplateCsv(): string {
  return csvFile([
    [...ASSESS_INPUT_HEADER, '说明'],
    ['岳口镇', '项目拉练', '86.5', '拉练评分（满分100）'],
    ['多祥镇', '安全生产', '否决', '发生较大安全生产事故'],
    ['岳口镇', '加分', '2', '获省级表彰'],
    ['多祥镇', '减分', '1', '信息报送迟报'],
  ]);
}

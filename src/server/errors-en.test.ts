// The English of a refused import, from the issues the real intake writes for real bad files: every sentence is
// known (none falls back to the code's plain English) and leaves no Chinese but names, values and quoted words.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trajectoryProblem } from '../core/targets.ts';
import { parseCsvText } from '../intake/csv.ts';
import { ImportError, type ImportIssue, parseFile } from '../intake/index.ts';
import { parseTargetRows } from '../intake/targets.ts';
import { englishImportMessage, englishIssue, englishMessage, englishSentence } from './errors-en.ts';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const LONG = '指标,地区,期间,数值,同比(%),口径,是否预计,来源';
const NBS = ['数据库：分省月度数据,,,', '地区：浙江省,,,', '时间：最近36个月,,,'];
const WIDE_TITLE = '2025年1-6月各区县主要经济指标,,,';

/** Bad files as users send them, by name: each is refused with one or more issues. */
const FILES: Record<string, string | Uint8Array> = {
  '缺列.csv': `${LONG.replace(',数值', '')}\n地区生产总值,西湖区,2025-06,5,,否,\n`,
  '坏格.csv': [
    LONG,
    '地区生产总值,西湖区,2025-06,312,5,5,,否,,',
    ',,2025-06,1,5,,否,',
    '地区生产总值,西湖区,2025-13,abc,五,,也许,',
    '地区生产总值,西湖区,2025-06,,,,否,',
    '地区生产总值,西湖区,2025-05,1e20,5,,否,',
    '地区生产总值,滨江区,2025-06,1,5,,否,',
    '地区生产总值,滨江区,2025-06,2,5,,否,',
    '',
  ].join('\n'),
  '截断.csv': `${LONG}\n地区生产总值,西湖区,2025-06,1,5,,否,`,
  '引号.csv': `${LONG}\n地区生产总值,西湖区,2025-06,"1"2,5,,否,\n`,
  '未闭合.csv': `${LONG}\n地区生产总值,"西湖区,2025-06,1,5,,否,\n`,
  '只有表头.csv': `${LONG}\n`,
  '空.csv': '',
  '旧版.xls': 'x',
  '不认识.csv': 'a,b,c\n1,2,3\n',
  '坏.xlsx': new Uint8Array(Buffer.from('PK\u0003\u0004 damaged zip')),
  'utf16.csv': new Uint8Array([0xff, 0xfe, 0x41, 0x00]),
  '空字符.csv': `${LONG}\n地区生产总值,西湖区\u0000,2025-06,1,5,,否,\n`,
  '国家局期间.csv': [
    ...NBS,
    '指标,2019年13月,2019年2月',
    '工业(亿元),1,2',
    '工业(亿元),3,x',
    '数据来源：国家统计局',
  ].join('\n'),
  '国家局多格.csv': [...NBS, '指标,2019年3月,2019年2月', '工业(亿元),1,2,3', '数据来源：国家统计局'].join(
    '\n',
  ),
  '国家局少格.csv': [...NBS, '指标,2019年3月,2019年2月', '工业(亿元),1', '数据来源：国家统计局'].join('\n'),
  '国家局截断.csv': [...NBS, '指标,2019年3月,2019年2月', '工业(亿元),1,2'].join('\n'),
  '国家局无数据.csv': [...NBS, '指标,2019年3月,2019年2月', '数据来源：国家统计局'].join('\n'),
  '国家局无表头.csv': [...NBS, '工业(亿元),1,2'].join('\n'),
  '国家局无地区.csv': [NBS[0], '指标,2019年3月', '工业(亿元),1', '数据来源：国家统计局'].join('\n'),
  '宽表无期间.csv': ['各区县主要经济指标,,', '地区,工业(亿元),', ',累计,同比(%)', '西湖区,1,2', ''].join(
    '\n',
  ),
  '宽表坏期间.csv': ['期间：2025-13,,', '地区,工业(亿元),', ',累计,同比(%)', '西湖区,1,2', ''].join('\n'),
  '宽表坏格.csv': [
    WIDE_TITLE,
    '地区,工业(亿元),,',
    ',累计,同比(%),',
    '西湖区,1,2,,9',
    '滨江区,1',
    '拱墅区,x,2,',
    '西湖区,1,2,',
    '',
  ].join('\n'),
  '宽表两列.csv': [WIDE_TITLE, '地区,工业(亿元),工业(亿元),', '西湖区,1,2,', ''].join('\n'),
};

const TARGET_HEADER = '指标,地区,年度,类型,目标值,比较,力度,分解,来源';
const TARGET_ROWS = [
  '地区生产总值,西湖区,二五,大约,,大于,一定,3:30:1,',
  ',,2025,增速,x,≈,预期,3:30,6:20,',
  '地区生产总值,西湖区,2025,增速,5,≈,预期,13:50,',
  '地区生产总值,西湖区,2025,增速,5,≈,预期,6:120,',
  '地区生产总值,西湖区,2025,增速,5,≈,预期,"6:30,6:40",',
  '地区生产总值,西湖区,2025,增速,5,≈,预期,"3:30,6:20",',
  '地区生产总值,西湖区,2025,增速,5,≈,预期,,',
  '地区生产总值,西湖区,2025,增速,5.5,≈,预期,,',
  '地区生产总值,西湖区,2025,增速,5,≈,预期,,,,',
];

/** The issues of a refused file. */
async function refusal(dir: string, name: string, body: string | Uint8Array): Promise<ImportIssue[]> {
  const path = join(dir, name);
  await writeFile(path, body);
  try {
    const { rows } = await parseFile(path);
    for await (const _ of rows);
  } catch (e) {
    if (e instanceof ImportError) return e.issues;
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

function targetRefusal(): ImportIssue[] {
  try {
    parseTargetRows(parseCsvText([TARGET_HEADER, ...TARGET_ROWS].join('\n'), '目标.csv'), '目标.csv');
  } catch (e) {
    if (e instanceof ImportError) return e.issues;
    throw e;
  }
  throw new Error('targets accepted');
}

/** The Chinese left in an English text once the issue's own names and the quoted words are taken out. */
const chineseLeft = (text: string, i: ImportIssue) =>
  [i.value, i.column, i.file]
    .filter(Boolean)
    .reduce((t, name) => t.replaceAll(name, ''), text)
    .replace(/"[^"]*"/g, '')
    .match(new RegExp(CJK.source, 'g'));

describe('import issues in English', () => {
  let dir: string;
  const issues: ImportIssue[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tiaodu-en-'));
    for (const [name, body] of Object.entries(FILES)) issues.push(...(await refusal(dir, name, body)));
    issues.push(...targetRefusal());
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('knows every sentence the intake wrote for forty bad cells and files, and leaves no Chinese but names', () => {
    const sentences = new Set(issues.flatMap((i) => [i.expected, i.message]));
    expect(sentences.size).toBeGreaterThan(45);
    expect([...sentences].filter((s) => englishSentence(s) === null)).toEqual([]);
    const left = issues.map(englishIssue).flatMap((i) => {
      const found = [i.expected, i.message].flatMap((t) => chineseLeft(t, i) ?? []);
      return found.length > 0 ? [`${i.file} ${i.row}${i.column}: ${i.expected}`] : [];
    });
    expect(left).toEqual([]);
  });

  it('keeps file, row, column and value and words the place as the Chinese does', () => {
    const cell = issues.find((i) => i.file === '坏格.csv' && i.value === 'abc') as ImportIssue;
    expect(englishIssue(cell)).toEqual({
      ...cell,
      expected: 'Expected a number',
      message: 'Expected a number',
    });
    expect(englishImportMessage([cell])).toBe(
      `Import failed, nothing was written: file 坏格.csv, row ${cell.row}, column D "abc": Expected a number`,
    );
    const duplicate = issues.find((i) => i.file === '坏格.csv' && i.code === 'duplicate');
    expect(duplicate && englishIssue(duplicate).expected).toBe(
      'Same as row 7: one row per indicator, region and period',
    );
  });

  it('words a trajectory problem inside a target row as the trajectory editor would', () => {
    const target = issues.find((i) => i.file === '目标.csv' && i.value === '3:30,6:20');
    expect(target && englishIssue(target).expected).toBe(
      'The breakdown must be written "month:cumulative percent", e.g. 3:20,6:45,9:72,12:100 (The cumulative progress by month 6 (20%) cannot be lower than the 30% before it)',
    );
    const twice = trajectoryProblem({
      granularity: 'month',
      checkpoints: [
        { month: 6, percent: 30 },
        { month: 6, percent: 40 },
      ],
    });
    expect(englishSentence(twice ?? '')).toBe('Month 6 appears twice');
  });

  it('says the sign-in locks with their minutes in English', () => {
    expect(englishMessage('auth.locked', '此地址登录失败次数过多，请 15 分钟后再试')).toBe(
      'Too many failed sign-ins from this address; try again in 15 minutes',
    );
    expect(englishMessage('auth.locked', '用户名或密码不正确；已连续失败 5 次，该账号锁定 15 分钟')).toBe(
      'Wrong user name or password; after 5 failures in a row the account is locked for 15 minutes',
    );
  });
});

describe('API messages in English', () => {
  it('asks about an implausible value in English, naming the indicator', () => {
    const zh =
      '地区生产总值的数值可能有误：1. 本期累计 90.00亿元 低于 2025-05 的累计 100.00亿元：累计值不应减少。请核对；如确认无误，请说明原因后再提交';
    expect(englishMessage('observation.implausible', zh)).toBe(
      'The value of 地区生产总值 may be wrong: check it; if it is right, give a reason and submit it again',
    );
  });

  it('gives the whole English of a sentence known by its start, with none of its Chinese tail', () => {
    expect(englishMessage('forbidden.csrf', '请求缺少有效的防伪令牌（CSRF），请刷新页面后重试')).toBe(
      'The request lacks a valid anti-forgery (CSRF) token; reload the page and try again',
    );
  });
});

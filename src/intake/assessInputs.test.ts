import { describe, expect, it } from 'vitest';
import { assessInputsTemplateCsv, readAssessInputs } from './assessInputs.ts';
import { ImportError } from './types.ts';

const read = (text: string) => readAssessInputs(Buffer.from(text, 'utf8'), '录入.csv');
const issuesOf = (text: string) => {
  try {
    read(text);
  } catch (e) {
    if (e instanceof ImportError) return e.issues.map((i) => [i.row, i.column, i.value, i.expected]);
    throw e;
  }
  throw new Error('expected an ImportError');
};

describe('reading the assessment inputs file', () => {
  it('reads numbers, 否决 and bonus rows, with a BOM and spaces around the header', () => {
    const rows = read(
      '\uFEFF地区, 项目, 分值\n岳口镇,项目拉练,88\n多祥镇,安全生产,否决\n岳口镇,加分,2\n岳口镇,加分,1.5\n',
    );
    expect(rows.map((r) => [r.region, r.item, r.value, r.row])).toEqual([
      ['岳口镇', '项目拉练', 88, 2],
      ['多祥镇', '安全生产', 'veto', 3],
      ['岳口镇', '加分', 2, 4],
      ['岳口镇', '加分', 1.5, 5],
    ]);
  });

  it('names the row, column and value of every bad cell and reads nothing', () => {
    expect(
      issuesOf('地区,项目,分值\n岳口镇,项目拉练,八十八\n,项目拉练,80\n岳口镇,减分,-1\n岳口镇,加分,否决\n'),
    ).toEqual([
      [2, 'C', '八十八', '分值应为数字或「否决」'],
      [3, 'A', '', '地区不能为空'],
      [4, 'C', '-1', '减分的分值应为正数（减分也写正数，如 1.5）'],
      [5, 'C', '否决', '加分的分值应为数字，不能为「否决」'],
    ]);
  });

  it('says which header columns are missing', () => {
    expect(issuesOf('地区,得分\n岳口镇,88\n')[0]?.[3]).toBe(
      '表头缺少「项目」「分值」列（应为：地区,项目,分值，可加一列「说明」）',
    );
  });

  it('reads its own template back: a score, a veto, a bonus and a penalty with their reasons', () => {
    const rows = read(assessInputsTemplateCsv());
    expect(rows.map((r) => [r.row, r.region, r.item, r.value, r.note])).toEqual([
      [2, '岳口镇', '项目拉练', 86.5, '拉练评分（满分100）'],
      [3, '多祥镇', '安全生产', 'veto', '发生较大安全生产事故'],
      [4, '岳口镇', '加分', 2, '获省级表彰'],
      [5, '多祥镇', '减分', 1, '信息报送迟报'],
    ]);
  });
});

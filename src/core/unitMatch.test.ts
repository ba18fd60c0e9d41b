import { describe, expect, it } from 'vitest';
import { type CatalogUnit, expandCollective, membersOf, suggestUnits } from './unitMatch.ts';

// A hand-made catalogue: 杭州市 (330100) with its district 西湖区 (330106), a neighbour 上城区 (330102),
// a park of its own region, and towns and streets of 西湖区.
const HZ = { regionCode: '330100', regionName: '杭州市' };
const XH = { regionCode: '330106', regionName: '西湖区' };
const SC = { regionCode: '330102', regionName: '上城区' };
const KFQ = { regionCode: '330190', regionName: '杭州经济技术开发区' };
const units: CatalogUnit[] = [
  { id: 1, name: '杭州市发展和改革委员会', ...HZ },
  { id: 2, name: '杭州市经济和信息化局', ...HZ },
  { id: 3, name: '西湖区经济和信息化局', ...XH },
  { id: 4, name: '西湖区发展和改革局', ...XH },
  { id: 5, name: '西湖区委组织部', ...XH },
  { id: 6, name: '中共杭州市委组织部', ...HZ },
  { id: 7, name: '西湖区委督查考评办公室', ...XH },
  { id: 8, name: '杭州经济技术开发区管理委员会', ...KFQ },
  { id: 9, name: '西湖区体育中心', ...XH },
  { id: 10, name: '上城区经济和信息化局', ...SC },
  { id: 11, name: '西湖区市场监督管理局', ...XH },
  { id: 12, name: '西湖区财政局', ...XH },
  { id: 13, name: '转塘街道办事处', regionCode: '330106004', regionName: '转塘街道' },
  { id: 14, name: '三墩镇人民政府', regionCode: '330106109', regionName: '三墩镇' },
  { id: 15, name: '西溪街道', ...XH },
  { id: 16, name: '上城区湖滨街道办事处', regionCode: '330102001', regionName: '湖滨街道' },
];

const names = (name: string, context = {}) => suggestUnits(name, units, context).map((s) => s.unit.name);
const best = (name: string, context = {}) => suggestUnits(name, units, context)[0];

describe('suggesting catalogue units for a name from a speech', () => {
  it('reads 区经信 in 西湖区 as the district’s bureau of economy and information, never another district’s', () => {
    const list = names('区经信', XH);
    expect(list[0]).toBe('西湖区经济和信息化局');
    expect(list).not.toContain('杭州市经济和信息化局');
    expect(list.indexOf('上城区经济和信息化局')).toBeGreaterThan(0);
    expect(best('区经信', XH)?.why).toContain('「经信」是「经济和信息化局」的简称');
  });

  it('prefers the exact short name when the catalogue holds it (西湖区经信局)', () => {
    const withShort = [...units, { id: 20, name: '西湖区经信局', ...XH }];
    expect(suggestUnits('经信局', withShort, XH)[0]?.unit.name).toBe('西湖区经信局');
    expect(suggestUnits('经信局', withShort, XH).map((s) => s.unit.name)).toContain('西湖区经济和信息化局');
  });

  it('reads 市发改委 as the city’s commission, not the district’s 发展和改革局', () => {
    expect(names('市发改委', XH)).toEqual(['杭州市发展和改革委员会']);
    expect(best('市发改委', XH)?.why).toContain('属上级地区（杭州市）');
  });

  it('reads 组织部 as the context region’s party organisation department first', () => {
    expect(names('组织部', XH)).toEqual(['西湖区委组织部', '中共杭州市委组织部']);
    expect(names('组织部', HZ)[0]).toBe('中共杭州市委组织部');
    expect(names('区委组织部', HZ)[0]).toBe('西湖区委组织部');
  });

  it('finds 督查考评办, 经开区管委会 and 体育中心 by their full names', () => {
    expect(best('督查考评办', XH)?.unit.name).toBe('西湖区委督查考评办公室');
    expect(best('经开区管委会', XH)?.unit.name).toBe('杭州经济技术开发区管理委员会');
    expect(best('体育中心', XH)?.unit.name).toBe('西湖区体育中心');
    expect(best('体育中心', XH)?.score).toBe(1);
  });

  it('does not take 市 of 市场监管局 for the city', () => {
    expect(names('市场监管局', XH)).toEqual(['西湖区市场监督管理局']);
  });

  it('suggests nothing for a name no unit abbreviates', () => {
    expect(suggestUnits('区住建局', units, XH)).toEqual([]);
    expect(suggestUnits('招商', units, XH)).toEqual([]);
  });

  it('ranks scores between 0 and 1, best first', () => {
    const list = suggestUnits('经信局', units, XH);
    expect(list.length).toBeGreaterThan(1);
    for (const [i, s] of list.entries()) {
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(s.score).toBeLessThanOrEqual(list[i - 1]?.score ?? 1);
    }
  });
});

describe('collective subjects', () => {
  it('expands 各乡镇（街道） to the towns and streets of the region, and no other region’s', () => {
    const c = expandCollective('各乡镇（街道）');
    expect(c).toMatchObject({ collective: true, kind: 'towns', expandable: true });
    expect(membersOf('towns', '330106', units).map((u) => u.name)).toEqual([
      '转塘街道办事处',
      '三墩镇人民政府',
      '西溪街道',
    ]);
    for (const name of ['各镇（街道）', '各镇（乡、街道）', '各镇街', '各街道', '各街道办事处', '全区各乡镇'])
      expect(expandCollective(name).kind, name).toBe('towns');
  });

  it('flags 各地各部门 and 市直各单位 as many units a user must name', () => {
    for (const name of ['各地各部门', '市直各单位', '区直各部门', '各相关部门', '市级各有关部门']) {
      const c = expandCollective(name);
      expect(c, name).toMatchObject({ collective: true, kind: 'departments', expandable: false });
      expect(c.why).toContain('请逐一指定');
    }
    expect(membersOf('departments', '330106', units)).toEqual([]);
  });

  it('reads 各县（市、区） as the counties below the region', () => {
    for (const name of ['各县（市、区）', '各县市区', '各区县', '各县（区）人民政府'])
      expect(expandCollective(name), name).toMatchObject({ kind: 'counties', expandable: true });
  });

  it('says a single unit is not collective', () => {
    expect(expandCollective('区经信局')).toMatchObject({ collective: false, kind: null, expandable: false });
  });
});

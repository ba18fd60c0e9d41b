import { describe, expect, it } from 'vitest';
import { builtinIndicators, nbsRowRole, normalizeIndicatorName, resolveIndicator } from './catalog.ts';
import { buildRegionIndex, resolveRegion, shortRegionName } from './regionNames.ts';
import type { Region } from './types.ts';

describe('the indicator catalogue', () => {
  it('has at least 30 indicators with unique codes and names', () => {
    expect(builtinIndicators.length).toBeGreaterThanOrEqual(30);
    expect(new Set(builtinIndicators.map((i) => i.code)).size).toBe(builtinIndicators.length);
    expect(new Set(builtinIndicators.map((i) => i.name)).size).toBe(builtinIndicators.length);
  });

  it('resolves the NBS label 房地产投资累计值(亿元) to real-estate investment', () => {
    expect(normalizeIndicatorName('房地产投资累计值(亿元)')).toBe('房地产投资');
    expect(nbsRowRole('房地产投资累计值(亿元)')).toBe('ytd-value');
    expect(nbsRowRole('房地产投资累计增长(%)')).toBe('ytd-growth');
    const r = resolveIndicator('房地产投资累计值(亿元)', builtinIndicators);
    expect(r.ok && r.indicator.code).toBe('real_estate_investment');
  });

  it('resolves codes, names and aliases, and refuses what it does not know', () => {
    const code = (s: string) => {
      const r = resolveIndicator(s, builtinIndicators);
      return r.ok ? r.indicator.code : r.reason;
    };
    expect(code('gdp')).toBe('gdp');
    expect(code('地区生产总值(亿元)')).toBe('gdp');
    expect(code('规上工业')).toBe('industrial_va');
    expect(code('社零')).toBe('retail_sales');
    expect(code('房地产')).toBe('unknown');
  });

  it('marks only constant-price indicators as comparable', () => {
    const comparable = builtinIndicators.filter((i) => i.comparable).map((i) => i.code);
    expect(comparable).toContain('gdp');
    expect(comparable).toContain('industrial_va');
    expect(comparable).not.toContain('fai');
  });
});

describe('region names', () => {
  const r = (code: string, name: string, parentCode: string | null, level: number): Region => ({
    code,
    name,
    parentCode,
    level,
    kind: 'division',
  });
  const regions = [
    r('45', '广西壮族自治区', 'CN', 1),
    r('22', '吉林省', 'CN', 1),
    r('2202', '吉林市', '22', 2),
    r('330122', '桐庐县', '3301', 3),
    r('330122004', '城南街道', '330122', 4),
    r('330382', '乐清市', '3303', 3),
    r('330382003', '城南街道', '330382', 4),
    r('330203005', '鼓楼街道', '330203', 4),
  ];
  const index = buildRegionIndex(regions);
  const code = (s: string) => {
    const x = resolveRegion(s, index);
    return x.ok ? x.region.code : x.reason;
  };

  it('shortens administrative suffixes', () => {
    expect(shortRegionName('广西壮族自治区')).toBe('广西');
    expect(shortRegionName('新疆维吾尔自治区')).toBe('新疆');
    expect(shortRegionName('杭州市')).toBe('杭州');
  });

  it('resolves a short name, a full name and a code', () => {
    expect(code('广西')).toBe('45');
    expect(code('吉林省')).toBe('22');
    expect(code('330122')).toBe('330122');
  });

  it('calls a shared short name ambiguous rather than guess (吉林省 or 吉林市)', () => {
    expect(code('吉林')).toBe('ambiguous');
  });

  it('refuses a town name that two counties share unless qualified by its county', () => {
    expect(code('城南街道')).toBe('ambiguous');
    expect(code('桐庐县/城南街道')).toBe('330122004');
    expect(code('乐清市 城南街道')).toBe('330382003');
    expect(code('鼓楼区')).toBe('unknown');
    expect(code('鼓楼')).toBe('330203005');
  });
});

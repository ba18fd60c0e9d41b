// Which catalogue indicator a document's phrase names: "规上工业增加值", "经济增长", "城镇常住居民人均可支配收入".
import { builtinIndicators, resolveIndicator } from '../../core/catalog.ts';
import type { Indicator } from '../../core/types.ts';

// How documents name catalogue indicators beyond the catalogue's own aliases (keyed by code).
const DOCUMENT_NAMES: Record<string, string[]> = {
  gdp: [
    '经济',
    '经济增速',
    '地区生产总值增速',
    '生产总值增速',
    '全市生产总值',
    '全省生产总值',
    '经济总量',
    'GDP增速',
  ],
  industrial_va: ['规模工业增加值', '规上工业增加值增速', '规模以上工业', '工业增加值增速'],
  fai: ['投资', '全社会投资', '固定资产投资总额'],
  retail_sales: ['社会消费品零售总额增速', '社消零总额'],
  budget_revenue: ['地方一般公共预算收入', '一般公共预算收入', '地方财政收入', '财政收入', '一般预算收入'],
  trade_total: [
    '外贸进出口总额',
    '外贸进出口',
    '进出口总值',
    '外贸进出口总值',
    '外贸自营进出口总额',
    '货物进出口总额',
  ],
  fdi: ['实际使用外资', '实际利用外资', '外商直接投资', '实际使用外资金额'],
  urban_income: ['城镇居民人均可支配收入', '城镇常住居民人均可支配收入', '城镇居民收入'],
  rural_income: ['农村居民人均可支配收入', '农村常住居民人均可支配收入', '农村居民收入'],
  disposable_income: [
    '居民人均可支配收入',
    '全体居民人均可支配收入',
    '居民收入',
    '城乡居民收入',
    '全体居民收入',
  ],
  unemployment_rate: ['城镇调查失业率', '调查失业率'],
  cpi: [
    '居民消费价格涨幅',
    '居民消费价格指数涨幅',
    '居民消费价格指数（CPI）涨幅',
    '居民消费价格',
    'CPI涨幅',
    'CPI',
  ],
  energy_intensity: [
    '单位地区生产总值能耗',
    '单位生产总值能耗',
    '单位GDP能耗',
    '能耗强度',
    '单位地区生产总值能源消耗',
  ],
  primary_industry_va: ['第一产业增加值', '一产增加值', '农业增加值', '农林牧渔业增加值'],
  secondary_industry_va: ['第二产业增加值', '二产增加值'],
  tertiary_industry_va: ['第三产业增加值', '三产增加值', '服务业增加值'],
  exports: ['出口总额', '出口'],
  imports: ['进口总额', '进口'],
  new_above_scale_firms: ['新增四上企业', '新增“四上”企业', '新增"四上"企业'],
};

// Words around an indicator's name that do not change which indicator it is.
const FILLER = /^(?:全市|全省|全区|全县|全州|全盟|全域|我市|我省|我区|我县|我州)|(?:增速|增幅|的增长|总体)$/g;

export interface IndicatorMatch {
  code: string;
  name: string;
}

/**
 * The catalogue indicator a phrase names, or null. Exact names and aliases only (after dropping
 * 全市/全省 and a trailing 增速): "全社会研发经费支出相当于全市生产总值的比例" is not GDP.
 * @example mapIndicator('规上工业增加值') // { code: 'industrial_va', name: '规模以上工业增加值' }
 */
export function mapIndicator(
  phrase: string,
  catalog: Indicator[] = builtinIndicators,
): IndicatorMatch | null {
  const plain = phrase.replace(/["“”\s]/g, '');
  for (const candidate of [plain, plain.replace(FILLER, '')]) {
    const r = resolveIndicator(candidate, catalog);
    if (r.ok) return { code: r.indicator.code, name: r.indicator.name };
    for (const [code, names] of Object.entries(DOCUMENT_NAMES)) {
      if (!names.some((n) => n.replace(/["“”]/g, '') === candidate)) continue;
      const indicator = catalog.find((i) => i.code === code);
      if (indicator) return { code, name: indicator.name };
    }
  }
  return null;
}

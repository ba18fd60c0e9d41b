// The built-in indicator catalogue (指标库) and resolving the names that statistics files use for them.
import type { Indicator } from './types.ts';

type Spec = Partial<Indicator> & Pick<Indicator, 'code' | 'name' | 'unit'>;

// Most monthly flows are published cumulatively with January and February together (1–2月).
const flow = (s: Spec): Indicator => ({
  aliases: [],
  frequency: 'month',
  measure: 'flow',
  aggregation: 'sum',
  direction: 'up',
  comparable: false,
  janFebCombined: true,
  reportingUnit: '市统计局',
  leader: null,
  intake: 'file',
  alertThreshold: null,
  excellenceThreshold: null,
  ...s,
});
const stock = (s: Spec): Indicator => flow({ measure: 'stock', janFebCombined: false, ...s });
const rate = (s: Spec): Indicator =>
  flow({ measure: 'rate', aggregation: 'none', janFebCombined: false, ...s });

export const builtinIndicators: Indicator[] = [
  flow({
    code: 'gdp',
    name: '地区生产总值',
    unit: '亿元',
    aliases: ['GDP', '生产总值', '国内生产总值'],
    frequency: 'quarter',
    comparable: true,
    janFebCombined: false,
  }),
  flow({
    code: 'primary_industry_va',
    name: '第一产业增加值',
    unit: '亿元',
    frequency: 'quarter',
    comparable: true,
    janFebCombined: false,
  }),
  flow({
    code: 'secondary_industry_va',
    name: '第二产业增加值',
    unit: '亿元',
    frequency: 'quarter',
    comparable: true,
    janFebCombined: false,
  }),
  flow({
    code: 'tertiary_industry_va',
    name: '第三产业增加值',
    unit: '亿元',
    frequency: 'quarter',
    comparable: true,
    janFebCombined: false,
  }),
  flow({
    code: 'industrial_va',
    name: '规模以上工业增加值',
    unit: '亿元',
    aliases: ['规上工业增加值', '规上工业', '工业增加值'],
    comparable: true,
    reportingUnit: '市经信局',
  }),
  flow({
    code: 'industrial_output',
    name: '规模以上工业总产值',
    unit: '亿元',
    aliases: ['规上工业总产值', '工业总产值'],
    reportingUnit: '市经信局',
  }),
  flow({
    code: 'industrial_profit',
    name: '规模以上工业企业利润总额',
    unit: '亿元',
    aliases: ['规上工业利润', '工业企业利润'],
  }),
  flow({
    code: 'fai',
    name: '固定资产投资',
    unit: '亿元',
    aliases: ['全社会固定资产投资', '固投', '固定资产投资额'],
    reportingUnit: '市发改委',
  }),
  flow({
    code: 'fai_industrial',
    name: '工业投资',
    unit: '亿元',
    aliases: ['工业固定资产投资'],
    reportingUnit: '市经信局',
  }),
  flow({ code: 'fai_manufacturing', name: '制造业投资', unit: '亿元', aliases: ['制造业固定资产投资'] }),
  flow({
    code: 'fai_infrastructure',
    name: '基础设施投资',
    unit: '亿元',
    aliases: ['基础设施固定资产投资', '基建投资'],
    reportingUnit: '市发改委',
  }),
  flow({ code: 'fai_private', name: '民间投资', unit: '亿元', aliases: ['民间固定资产投资'] }),
  flow({
    code: 'real_estate_investment',
    name: '房地产开发投资',
    unit: '亿元',
    aliases: ['房地产投资', '房地产开发投资额', '房地产开发投资完成额'],
    reportingUnit: '市住建局',
  }),
  flow({
    code: 'residential_investment',
    name: '房地产住宅投资',
    unit: '亿元',
    aliases: ['住宅投资', '房地产开发住宅投资'],
    reportingUnit: '市住建局',
  }),
  flow({ code: 'housing_sales_area', name: '商品房销售面积', unit: '万平方米', reportingUnit: '市住建局' }),
  flow({ code: 'housing_sales_value', name: '商品房销售额', unit: '亿元', reportingUnit: '市住建局' }),
  flow({
    code: 'retail_sales',
    name: '社会消费品零售总额',
    unit: '亿元',
    aliases: ['社零', '社零额', '社会消费品零售额'],
    reportingUnit: '市商务局',
  }),
  flow({
    code: 'wholesale_retail_sales',
    name: '限额以上批发和零售业销售额',
    unit: '亿元',
    aliases: ['限上批零销售额'],
    reportingUnit: '市商务局',
  }),
  flow({
    code: 'catering_revenue',
    name: '限额以上住宿和餐饮业营业额',
    unit: '亿元',
    aliases: ['限上住餐营业额'],
    reportingUnit: '市商务局',
  }),
  flow({
    code: 'service_revenue',
    name: '规模以上服务业营业收入',
    unit: '亿元',
    aliases: ['规上服务业营业收入', '规上服务业营收'],
  }),
  flow({
    code: 'budget_revenue',
    name: '一般公共预算收入',
    unit: '亿元',
    aliases: ['地方一般公共预算收入', '财政一般公共预算收入', '一般预算收入'],
    janFebCombined: false,
    reportingUnit: '市财政局',
  }),
  flow({
    code: 'tax_revenue',
    name: '税收收入',
    unit: '亿元',
    aliases: ['税收'],
    janFebCombined: false,
    reportingUnit: '市税务局',
  }),
  flow({
    code: 'budget_expenditure',
    name: '一般公共预算支出',
    unit: '亿元',
    aliases: ['一般预算支出'],
    janFebCombined: false,
    reportingUnit: '市财政局',
  }),
  flow({
    code: 'trade_total',
    name: '进出口总额',
    unit: '亿元',
    aliases: ['外贸进出口', '进出口', '外贸进出口总额'],
    janFebCombined: false,
    reportingUnit: '海关',
  }),
  flow({
    code: 'exports',
    name: '出口总额',
    unit: '亿元',
    aliases: ['出口'],
    janFebCombined: false,
    reportingUnit: '海关',
  }),
  flow({
    code: 'imports',
    name: '进口总额',
    unit: '亿元',
    aliases: ['进口'],
    janFebCombined: false,
    reportingUnit: '海关',
  }),
  flow({
    code: 'fdi',
    name: '实际利用外资',
    unit: '亿美元',
    aliases: ['实际使用外资', '实际利用外资额', '实到外资'],
    janFebCombined: false,
    reportingUnit: '市商务局',
  }),
  flow({
    code: 'domestic_investment',
    name: '实际到位内资',
    unit: '亿元',
    aliases: ['到位内资'],
    janFebCombined: false,
    reportingUnit: '市投资促进局',
  }),
  flow({
    code: 'electricity_total',
    name: '全社会用电量',
    unit: '亿千瓦时',
    aliases: ['用电量'],
    janFebCombined: false,
    reportingUnit: '国网供电公司',
  }),
  flow({
    code: 'electricity_industrial',
    name: '工业用电量',
    unit: '亿千瓦时',
    janFebCombined: false,
    reportingUnit: '国网供电公司',
  }),
  flow({
    code: 'cargo_throughput',
    name: '货运量',
    unit: '万吨',
    janFebCombined: false,
    reportingUnit: '市交通运输局',
  }),
  flow({
    code: 'tourism_revenue',
    name: '旅游总收入',
    unit: '亿元',
    frequency: 'quarter',
    janFebCombined: false,
    reportingUnit: '市文广旅游局',
  }),
  flow({
    code: 'new_above_scale_firms',
    name: '新增四上企业',
    unit: '家',
    aliases: ['新增四上企业数', '新增规上企业'],
    janFebCombined: false,
    reportingUnit: '市统计局',
  }),
  flow({
    code: 'disposable_income',
    name: '居民人均可支配收入',
    unit: '元',
    aliases: ['城乡居民人均可支配收入', '全体居民人均可支配收入'],
    frequency: 'quarter',
    aggregation: 'none',
    janFebCombined: false,
  }),
  flow({
    code: 'urban_income',
    name: '城镇居民人均可支配收入',
    unit: '元',
    frequency: 'quarter',
    aggregation: 'none',
    janFebCombined: false,
  }),
  flow({
    code: 'rural_income',
    name: '农村居民人均可支配收入',
    unit: '元',
    frequency: 'quarter',
    aggregation: 'none',
    janFebCombined: false,
  }),
  stock({
    code: 'deposits',
    name: '金融机构本外币存款余额',
    unit: '亿元',
    aliases: ['存款余额', '金融机构存款余额'],
    reportingUnit: '人民银行',
  }),
  stock({
    code: 'loans',
    name: '金融机构本外币贷款余额',
    unit: '亿元',
    aliases: ['贷款余额', '金融机构贷款余额'],
    reportingUnit: '人民银行',
  }),
  stock({
    code: 'market_entities',
    name: '市场主体数量',
    unit: '万户',
    aliases: ['经营主体数量'],
    reportingUnit: '市市场监管局',
  }),
  rate({
    code: 'unemployment_rate',
    name: '城镇调查失业率',
    unit: '%',
    direction: 'down',
    reportingUnit: '市人社局',
  }),
  rate({
    code: 'cpi',
    name: '居民消费价格涨幅',
    unit: '%',
    aliases: ['CPI涨幅', '居民消费价格指数涨幅'],
    direction: 'down',
  }),
  rate({
    code: 'energy_intensity',
    name: '单位GDP能耗',
    unit: '吨标准煤/万元',
    aliases: ['单位地区生产总值能耗', '万元GDP能耗'],
    frequency: 'year',
    direction: 'down',
    reportingUnit: '市发改委',
  }),
];

const fullWidth = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

/**
 * The indicator part of a label as exports write it: '房地产投资累计值(亿元)' → '房地产投资'.
 * Strips a trailing unit in parentheses and the NBS role suffixes (累计值, 当期值, 累计增长 …).
 */
export function normalizeIndicatorName(raw: string): string {
  let s = fullWidth(raw).replace(/\s+/g, '');
  s = s.replace(/\([^()]*\)$/, '');
  s = s.replace(/(累计值|当期值|累计增长|当期增长|当月增长|同比增长|累计增速|增速|本月|当月|累计|增长)$/, '');
  return s.replace(/\([^()]*\)$/, '');
}

/** What an NBS row holds, from its label. */
export function nbsRowRole(
  raw: string,
): 'ytd-value' | 'ytd-growth' | 'month-value' | 'month-growth' | 'value' {
  const s = fullWidth(raw)
    .replace(/\s+/g, '')
    .replace(/\([^()]*\)$/, '');
  if (/累计增长|累计增速/.test(s)) return 'ytd-growth';
  if (/当期增长|当月增长/.test(s)) return 'month-growth';
  if (/累计值|累计$/.test(s)) return 'ytd-value';
  if (/当期值|当月$/.test(s)) return 'month-value';
  return 'value';
}

export type IndicatorResolution =
  | { ok: true; indicator: Indicator }
  | { ok: false; reason: 'unknown' | 'ambiguous'; candidates: string[] };

/** By code, exact name, alias, or the normalised label; never by substring. */
export function resolveIndicator(raw: string, catalog: Indicator[]): IndicatorResolution {
  const s = fullWidth(raw).trim();
  const tries = [s, s.replace(/\s+/g, ''), normalizeIndicatorName(s)];
  for (const t of tries) {
    const byCode = catalog.filter((i) => i.code.toLowerCase() === t.toLowerCase());
    if (byCode.length === 1) return { ok: true, indicator: byCode[0] as Indicator };
    const byName = catalog.filter((i) => i.name === t || i.aliases.includes(t));
    if (byName.length === 1) return { ok: true, indicator: byName[0] as Indicator };
    if (byName.length > 1) return { ok: false, reason: 'ambiguous', candidates: byName.map((i) => i.name) };
  }
  return { ok: false, reason: 'unknown', candidates: [] };
}

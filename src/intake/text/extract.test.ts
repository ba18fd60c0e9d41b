import { describe, expect, it } from 'vitest';
import { extract } from './extract.ts';

const targets = (text: string, year: number | null = 2024) =>
  extract(text, { year }).targets.map(
    ({ indicator, indicatorCode, value, valueHi, unit, cmp, strength, due }) => ({
      indicator,
      indicatorCode,
      value,
      valueHi,
      unit,
      cmp,
      strength,
      due,
    }),
  );
const figures = (text: string, year: number | null = 2024) =>
  extract(text, { year }).figures.map(({ subject, period, value, unit, kind }) => ({
    subject,
    period,
    value,
    unit,
    kind,
  }));
const tasks = (text: string) =>
  extract(text).tasks.map(({ lead, support, action, due, recurrence }) => ({
    lead,
    support,
    action,
    due,
    recurrence,
  }));

describe('extracting targets', () => {
  it('reads a work report’s main targets, each mapped to the indicator catalogue', () => {
    const t = targets(
      '今年经济社会发展主要预期目标是：地区生产总值增长5.5%左右，规上工业增加值增长6%以上，城镇调查失业率控制在5.5%以内，研发投入强度达到3.2%。',
    );
    expect(t).toEqual([
      {
        indicator: '地区生产总值',
        indicatorCode: 'gdp',
        value: 5.5,
        valueHi: null,
        unit: '%',
        cmp: '≈',
        strength: 'expected',
        due: null,
      },
      {
        indicator: '规模以上工业增加值',
        indicatorCode: 'industrial_va',
        value: 6,
        valueHi: null,
        unit: '%',
        cmp: '>=',
        strength: 'expected',
        due: null,
      },
      {
        indicator: '城镇调查失业率',
        indicatorCode: 'unemployment_rate',
        value: 5.5,
        valueHi: null,
        unit: '%',
        cmp: '<=',
        strength: 'expected',
        due: null,
      },
      {
        indicator: '研发投入强度',
        indicatorCode: null,
        value: 3.2,
        valueHi: null,
        unit: '%',
        cmp: '=',
        strength: 'expected',
        due: null,
      },
    ]);
  });

  it('gives one target per item of distributive phrasing', () => {
    const t = targets('主要预期目标是：城镇、农村居民人均可支配收入分别增长5%、6%。');
    expect(t.map((x) => [x.indicatorCode, x.value])).toEqual([
      ['urban_income', 5],
      ['rural_income', 6],
    ]);
    const list = targets('主要预期目标是：一、二、三产增加值分别增长6%、8%、5%左右。');
    expect(list.map((x) => [x.indicatorCode, x.value, x.cmp])).toEqual([
      ['primary_industry_va', 6, '≈'],
      ['secondary_industry_va', 8, '≈'],
      ['tertiary_industry_va', 5, '≈'],
    ]);
    const both = targets('主要预期目标是：一般公共预算总收入、地方一般公共预算收入均增长5.5%左右。');
    expect(both.map((x) => [x.indicator, x.value])).toEqual([
      ['一般公共预算总收入', 5.5],
      ['一般公共预算收入', 5.5],
    ]);
  });

  it('reads ranges, and the comparators 以上, 不低于, 以内 and 压缩至…之内', () => {
    expect(targets('主要预期目标是：单位生产总值能耗下降2%—3%。')[0]).toMatchObject({
      value: 2,
      valueHi: 3,
      cmp: 'range',
    });
    expect(targets('确保争取专项债券资金不低于100亿元。')[0]).toMatchObject({
      value: 100,
      unit: '亿元',
      cmp: '>=',
    });
    expect(targets('企业开办环节压缩至3个之内、材料压缩至6份以内。')).toEqual([
      expect.objectContaining({ indicator: '企业开办环节', value: 3, unit: '个', cmp: '<=' }),
      expect.objectContaining({ indicator: '材料', value: 6, unit: '份', cmp: '<=' }),
    ]);
  });

  it('reads a plan’s counts, one per item of a 各 list, and a size class as no quantity', () => {
    const plan =
      '二、2024年工作安排\n实施国家重点研发项目、省重大攻关项目各100项以上。新增百亿元以上产业集群工业互联网平台16个。技术交易额超8500亿元。';
    expect(targets(plan).map((t) => [t.indicator, t.value, t.unit, t.cmp])).toEqual([
      ['实施国家重点研发项目', 100, '项', '>='],
      ['省重大攻关项目', 100, '项', '>='],
      ['新增百亿元以上产业集群工业互联网平台', 16, '个', '='],
      ['技术交易额', 8500, '亿元', '>='],
    ]);
  });

  it('tells must (确保) from strive (力争), a speech often setting both', () => {
    const t = targets('确保今年全州获省级表彰数量达到30次以上，力争达到40次。');
    expect(t).toEqual([
      expect.objectContaining({
        indicator: '获省级表彰数量',
        value: 30,
        unit: '次',
        cmp: '>=',
        strength: 'must',
      }),
      expect.objectContaining({
        indicator: '获省级表彰数量',
        value: 40,
        unit: '次',
        cmp: '=',
        strength: 'strive',
      }),
    ]);
    const gdp = targets('主要预期目标是：地区生产总值增长6%左右，力争达到6%以上。');
    expect(gdp.map((x) => [x.cmp, x.strength])).toEqual([
      ['≈', 'expected'],
      ['>=', 'strive'],
    ]);
  });

  it('carries a 确保 that opens a clause to the clauses after it, up to a semicolon', () => {
    const t = targets(
      '我局将围绕全年目标，确保全年招商引资到位资金突破50亿元，新签约项目20个以上；引进人才100名。',
    );
    expect(t.map((x) => [x.indicator, x.strength])).toEqual([
      ['招商引资到位资金', 'must'],
      ['新签约项目', 'must'],
      ['引进人才', null],
    ]);
  });

  it('does not take the half-year the work is done in for the due date of a year’s target', () => {
    const t = targets('会议强调，下半年要确保全年地区生产总值增长8%左右，力争固定资产投资增长10%以上。');
    expect(t.map((x) => [x.indicatorCode, x.value, x.strength, x.due])).toEqual([
      ['gdp', 8, 'must', null],
      ['fai', 10, 'strive', null],
    ]);
  });

  it('reads a pledge: a growth against last year is a target when 确保 governs it', () => {
    const t = targets(
      '二是全力抓好工业经济。确保规上工业总产值突破200亿元，同比增长10%以上；新增规上工业企业5家以上。',
    );
    expect(t.map((x) => [x.indicator, x.value, x.unit, x.cmp, x.strength])).toEqual([
      ['规模以上工业总产值', 200, '亿元', '>=', 'must'],
      ['规模以上工业总产值', 10, '%', '>=', 'must'],
      ['新增规上工业企业', 5, '家', '>=', null],
    ]);
    expect(targets('1-5月，规上工业总产值同比增长10%。')).toEqual([]);
  });

  it('reads when a target is due', () => {
    expect(targets('力争二季度新开工项目达到50个以上。')[0]?.due).toBe('二季度');
    expect(targets('年底前确保新增“四上”企业160家。')[0]).toMatchObject({
      due: '年底前',
      indicatorCode: 'new_above_scale_firms',
    });
    expect(targets('确保5月上旬签约项目达到20个。')[0]?.due).toBe('5月上旬');
  });

  it('does not take last year’s results in a work report for this year’s targets', () => {
    const report = [
      '一、2023年工作回顾',
      '全市生产总值20059亿元、增长5.6%，一般公共预算收入增长7%。',
      '二、2024年工作安排',
      '主要预期目标是：地区生产总值增长5.5%左右。',
    ].join('\n');
    expect(targets(report).map((t) => t.value)).toEqual([5.5]);
    expect(targets('2023年，全市地区生产总值增长6%。去年固定资产投资增长5%。')).toEqual([]);
  });

  it('does not take the five-year plan’s goals for this year’s targets', () => {
    expect(targets('到2025年，力争数字经济核心产业增加值占比达到15%。')).toEqual([]);
    expect(targets('“十四五”期间，确保新增城镇就业50万人以上。')).toEqual([]);
    expect(targets('力争“十四五”以来单位生产总值能耗累计降低10%左右。')).toHaveLength(1);
  });

  it('takes no target from a number that only describes things', () => {
    expect(targets('要重点围绕尚未开工的77个重点项目，加快项目前期工作，确保早日开工。')).toEqual([]);
    expect(targets('目前全州新开工重点项目已达到100个，而新增入统的仅19家。')).toEqual([]);
    expect(targets('确保全面实现全年目标任务，以优异成绩庆祝建党100周年。')).toEqual([]);
  });

  it('keeps the quote and where the number stands in the text', () => {
    const text = '一要优化服务。要确保网上可办率达到90%。';
    const [t] = extract(text).targets;
    expect(t?.quote).toBe('要确保网上可办率达到90%。');
    expect(text.slice(t?.quoteStart, (t?.quoteStart ?? 0) + (t?.quote.length ?? 0))).toBe(t?.quote);
    expect(text.slice(t?.start, t?.end)).toBe('90%');
  });
});

describe('extracting figures', () => {
  it('reads amounts and growth with their subject and period', () => {
    expect(figures('1-6月，全市规上工业增加值完成1234.5亿元，同比增长5.6%。')).toEqual([
      { subject: '规模以上工业增加值', period: '1-6月', value: 1234.5, unit: '亿元', kind: 'amount' },
      { subject: '规模以上工业增加值', period: '1-6月', value: 5.6, unit: '%', kind: 'growth' },
    ]);
  });

  it('dates a figure by the period that opened its paragraph, not by a baseline it is compared with', () => {
    const text =
      '一、1-5月全县经济运行情况\n1-5月，全县经济运行总体平稳。全县规模以上工业增加值同比增长8.2%，增速较一季度提高1.3个百分点，居全市第4位。';
    expect(figures(text)).toEqual([
      { subject: '规模以上工业增加值', period: '1-5月', value: 8.2, unit: '%', kind: 'growth' },
      { subject: '规模以上工业增加值', period: '1-5月', value: 1.3, unit: '个百分点', kind: 'growth' },
      { subject: '规模以上工业增加值', period: '1-5月', value: 4, unit: '位', kind: 'rank' },
    ]);
  });

  it('reads a news item: a dateline before the period, thousands separators, a comparison with the province', () => {
    const text =
      '台海网7月20日讯 据厦门日报报道 上半年，全市实现地区生产总值3500.1亿元，高于全省1.2个百分点，增速居全省第二位。外贸进出口总额完成3,456.7亿元，其中出口1,890.2亿元。';
    expect(figures(text)).toEqual([
      { subject: '地区生产总值', period: '上半年', value: 3500.1, unit: '亿元', kind: 'amount' },
      { subject: '地区生产总值', period: '上半年', value: 1.2, unit: '个百分点', kind: 'growth' },
      { subject: '地区生产总值', period: '上半年', value: 2, unit: '位', kind: 'rank' },
      { subject: '进出口总额', period: '上半年', value: 3456.7, unit: '亿元', kind: 'amount' },
      { subject: '出口总额', period: '上半年', value: 1890.2, unit: '亿元', kind: 'amount' },
    ]);
  });

  it('reads a fall as negative growth, and month-on-month growth', () => {
    expect(figures('上半年，房地产开发投资下降3.2%。')[0]).toMatchObject({
      value: -3.2,
      kind: 'growth',
      period: '上半年',
    });
    expect(figures('5月份，工业用电量环比增长2.1%。')[0]).toMatchObject({
      value: 2.1,
      kind: 'growth',
      period: '5月份',
    });
  });

  it('reads multiples, shares and completion of the annual plan', () => {
    expect(figures('一季度，新能源汽车产量增长1.5倍。')[0]).toMatchObject({
      value: 1.5,
      unit: '倍',
      kind: 'ratio',
    });
    expect(figures('1-5月，一般公共预算收入完成28.6亿元，为年度计划的63.86%。')[1]).toMatchObject({
      value: 63.86,
      kind: 'share',
    });
    expect(figures('上半年，数字经济占地区生产总值比重达到12.5%。')[0]).toMatchObject({
      kind: 'share',
      value: 12.5,
    });
  });

  it('reads progress against the annual goal as a share of the subject, not as a target', () => {
    const text = '1-5月，全县完成固定资产投资45.6亿元，同比增长12.3%，完成年度目标的38%。';
    expect(targets(text)).toEqual([]);
    expect(figures(text)).toEqual([
      { subject: '固定资产投资', period: '1-5月', value: 45.6, unit: '亿元', kind: 'amount' },
      { subject: '固定资产投资', period: '1-5月', value: 12.3, unit: '%', kind: 'growth' },
      { subject: '固定资产投资', period: '1-5月', value: 38, unit: '%', kind: 'share' },
    ]);
  });

  it('takes a past 确保了 for a result, not a target', () => {
    expect(targets('上半年，我们确保了经济平稳运行，GDP增长6%。')).toEqual([]);
  });

  it('reads counts and ranks, a rank in Chinese numerals too', () => {
    expect(figures('上半年，全市新开工项目128个。')[0]).toMatchObject({
      value: 128,
      unit: '个',
      kind: 'count',
    });
    const rank = figures('1-6月，规上工业增加值增长8.1%，增速居全省第六位。').find((f) => f.kind === 'rank');
    expect(rank).toMatchObject({ subject: '规模以上工业增加值', value: 6, unit: '位', period: '1-6月' });
    expect(
      extract('上半年，全县地区生产总值增长12.3%，两年平均增长6.1%，增速居全市第三位。').figures,
    ).toEqual([
      expect.objectContaining({ subject: '地区生产总值', value: 12.3, kind: 'growth' }),
      expect.objectContaining({ subject: '地区生产总值', value: 6.1, kind: 'growth' }),
      expect.objectContaining({ subject: '地区生产总值', value: 3, kind: 'rank', scope: '全市' }),
    ]);
  });

  it('dates last year’s results in a work report by the year before it plans for', () => {
    const report = '一、2023年工作回顾\n全市生产总值20059亿元、增长5.6%。';
    expect(figures(report)).toEqual([
      { subject: '地区生产总值', period: '2023年', value: 20059, unit: '亿元', kind: 'amount' },
      { subject: '地区生产总值', period: '2023年', value: 5.6, unit: '%', kind: 'growth' },
    ]);
  });

  it('takes no figure from slogans, anniversaries or page debris', () => {
    expect(figures('落实“六稳六保”，庆祝建党100周年，推动5G应用。共计38262个字。')).toEqual([]);
  });
});

describe('extracting tasks', () => {
  it('reads a lead unit and the units it works with (牵头, 会同)', () => {
    expect(tasks('要组建专项债券申报专班，由州财政局牵头，会同州发改委做好这项工作。')).toEqual([
      { lead: ['州财政局'], support: ['州发改委'], action: '做好这项工作', due: null, recurrence: null },
    ]);
  });

  it('reads units that are responsible (负责) and that support (配合), sharing a place prefix', () => {
    expect(tasks('县政府办、招商局负责，县财政局配合，全面落实营商环境工作要求。')).toEqual([
      {
        lead: ['县政府办', '县招商局'],
        support: ['县财政局'],
        action: '全面落实营商环境工作要求',
        due: null,
        recurrence: null,
      },
    ]);
  });

  it('reads how often a task recurs', () => {
    expect(tasks('县发改局负责，每月召开一次全县重点项目建设点评会。')[0]?.recurrence).toBe('monthly');
    expect(tasks('同时，县招商局要按季度召开一次企业座谈会。')[0]?.recurrence).toBe('quarterly');
    expect(tasks('同时，市统计局要每周报送一次用电数据。')[0]?.recurrence).toBe('weekly');
  });

  it('reads the due date, and gives each named unit its own task', () => {
    const t = tasks('5月上旬，将举办签约会，州政府金融办要督促好签约项目落实；州政府督查室要督查到位。');
    expect(t).toEqual([
      expect.objectContaining({ lead: ['州政府金融办'], action: '督促好签约项目落实', due: '5月上旬' }),
      expect.objectContaining({ lead: ['州政府督查室'], action: '督查到位' }),
    ]);
  });

  it('reads a task list’s fields, the work being the sentence before them', () => {
    const text =
      '1.加快推进城市更新项目建设。牵头单位：市住房和城乡建设局；配合单位：市自然资源和规划局、市财政局；完成时限：6月底前。';
    expect(tasks(text)).toEqual([
      {
        lead: ['市住房和城乡建设局'],
        support: ['市自然资源和规划局', '市财政局'],
        action: '加快推进城市更新项目建设',
        due: '6月底前',
        recurrence: null,
      },
    ]);
  });

  it('reads abbreviated bureaus and collective subjects as owners (区经信, 各乡镇（街道）)', () => {
    expect(tasks('区经信牵头，各乡镇（街道）配合，6月底前完成企业培育库摸底。')).toEqual([
      {
        lead: ['区经信'],
        support: ['各乡镇（街道）'],
        action: '6月底前完成企业培育库摸底',
        due: '6月底前',
        recurrence: null,
      },
    ]);
    expect(tasks('市直各单位要对照年度目标责任书报送工作进展。')[0]?.lead).toEqual(['市直各单位']);
  });

  it('makes the units responsible under a lead its supports, and the one helped the lead', () => {
    expect(tasks('市发改委牵头，各县（市、区）人民政府按职责分工负责，确保重点项目全部开工。')).toEqual([
      expect.objectContaining({ lead: ['市发改委'], support: ['各县（市、区）人民政府'] }),
    ]);
    expect(tasks('区财政局协助区经信局做好企业奖补资金兑现。')).toEqual([
      expect.objectContaining({ lead: ['区经信局'], support: ['区财政局'] }),
    ]);
  });

  it('takes no owner from 部署, 干部 or a verb before a name', () => {
    expect(tasks('按照省委、省政府和市委部署要求，全力完成目标任务。领导干部要亲力亲为研究招商。')).toEqual(
      [],
    );
  });

  it('assigns no task to everyone in general', () => {
    expect(tasks('各级各部门要狠抓政策落地到位，各镇要积极配合。')).toEqual([]);
  });

  it('reads governments, groups and companies as units, and places of several kinds as one collective', () => {
    const leads = (text: string) => tasks(text).flatMap((t) => t.lead);
    expect(leads('由区人民政府负责，7月底前完成征迁。')).toEqual(['区人民政府']);
    expect(leads('督导组负责每天报送进度。')).toEqual(['督导组']);
    expect(leads('会议要求，市城投集团要加快融资。')).toEqual(['市城投集团']);
    expect(leads('会议强调各乡镇办区要成立专门机构。')).toEqual(['各乡镇办区']);
    expect(leads('三是各街镇要强化组织领导。')).toEqual(['各街镇']);
  });

  it('reads who carries work out (由…组织, …落实, 要求…) and who supports before 等其他相关单位', () => {
    const owners = (text: string) => tasks(text).map(({ lead, support }) => ({ lead, support }));
    expect(owners('九重区域环境整治由王光玲牵头，九重镇落实。')).toEqual([{ lead: ['九重镇'], support: [] }]);
    expect(owners('由统筹办、新农办组织验收。')).toEqual([{ lead: ['统筹办', '新农办'], support: [] }]);
    expect(owners('要求各乡镇，各有关单位进一步明确工作抓手。')).toEqual([
      { lead: ['各乡镇', '各有关单位'], support: [] },
    ]);
    expect(owners('县自然资源和规划局负责，住建局、发改局等其他相关单位加强配合协调。')).toEqual([
      { lead: ['县自然资源和规划局'], support: ['住建局', '发改局'] },
    ]);
  });

  it('takes no owner from a noun 要求, a policy 由…实施的, or partners named after 与', () => {
    expect(tasks('对研发周期长、目标要求高的科技计划项目给予持续支持。')).toEqual([]);
    expect(tasks('完善政府投资项目交由当地施工队实施的政策。')).toEqual([]);
    expect(tasks('各街道要与相关部门加强协同配合。')).toEqual([
      expect.objectContaining({ lead: ['各街道'], support: [] }),
    ]);
  });

  it('reads owners set off by a comma, named in enumerated items, asked (请) or funding (安排…经费)', () => {
    const leads = (text: string) => tasks(text).flatMap((t) => t.lead);
    expect(leads('2.县直有关部门、各街道，对交办的问题，要逐项建立台账。')).toEqual([
      '县直有关部门',
      '各街道',
    ]);
    expect(leads('三是市场监管分局立即开展食品安全专项检查。')).toEqual(['市场监管分局']);
    expect(leads('二是请区统计局做好数据核查工作。')).toEqual(['区统计局']);
    expect(leads('市财政安排专项工作经费30万元。')).toEqual(['市财政']);
    expect(leads('下一步，区城管局将会同各社区开展集中整治。')).toEqual(['区城管局']);
    expect(leads('各镇场、各相关单位要落实防火责任。')).toEqual(['各镇场', '各相关单位']);
    expect(leads('各社区、部门要建立长效机制。')).toEqual(['各社区', '部门']);
    expect(leads('明确由区委办牵头，出台工作方案。')).toEqual(['区委办']);
    expect(leads('涉农部门，要加快推进秋冬农业开发。')).toEqual([]);
  });

  it('reads minutes: 由…提出/报/将, a proposal sent on 按程序报, a note with a stray semicolon, long office names', () => {
    const owners = (text: string) => tasks(text).map(({ lead, support }) => ({ lead, support }));
    expect(owners('具体方案由创建工作领导小组提出后另行研究。')).toEqual([
      { lead: ['创建工作领导小组'], support: [] },
    ]);
    expect(owners('竣工后由区机关事务局将其纳入资产管理。')).toEqual([
      { lead: ['区机关事务局'], support: [] },
    ]);
    expect(owners('会议原则同意县文旅局提出的实施方案，按程序报县委常委会研究。')).toEqual([
      { lead: ['县文旅局'], support: [] },
    ]);
    expect(owners('完善垃圾转运设施。（责任单位；城管局、各乡镇）')).toEqual([
      { lead: ['城管局', '各乡镇'], support: [] },
    ]);
    expect(owners('（市政府办公室、市安全生产委员会办公室牵头，市级各有关部门按职责分工负责）')).toEqual([
      { lead: ['市政府办公室', '市安全生产委员会办公室'], support: ['市级各有关部门'] },
    ]);
    expect(owners('四是各个市场经营单位配合市场管理部门做好宣传。')).toEqual([
      { lead: ['市场管理部门'], support: ['各个市场经营单位'] },
    ]);
    expect(owners('县政府与铁路公安处要加强联动。')).toEqual([
      { lead: ['县政府', '铁路公安处'], support: [] },
    ]);
  });

  it('reads a name after 已明确由, sector abbreviations before 等部门, and 各企业 beside a collective', () => {
    const leads = (text: string) => tasks(text).flatMap((t) => t.lead);
    expect(leads('督查科已明确由县政府督查室负责，开展专项督查。')).toEqual(['县政府督查室']);
    expect(leads('自然资源、生态环境、应急管理等部门要加强巡查。')).toEqual([
      '自然资源',
      '生态环境',
      '应急管理',
    ]);
    expect(leads('各村、各企业要落实防火责任。')).toEqual(['各村', '各企业']);
    expect(leads('下一步，城关镇人民政府将组织清理河道。')).toEqual(['城关镇人民政府']);
  });

  it('takes no owner from persons asked (请…委员), a government promising in its own report, 各企业 alone or a bare 办公室', () => {
    expect(tasks('现在，我代表区人民政府向大会报告工作，请予审议，并请区政协委员提出意见。')).toEqual([]);
    expect(tasks('新的一年，区政府将持续优化营商环境。')).toEqual([]);
    expect(tasks('今年县政府将办好十件民生实事。')).toEqual([]);
    expect(tasks('各企业要落实主体责任。')).toEqual([]);
    expect(tasks('各单位要明确专人，由办公室负责汇总报送。')).toEqual([]);
  });

  it('reads a sector’s 系统, 各工作组 and 各居民区 as units, a unit after a due day or before 思想上要, and no time phrase into a name', () => {
    const leads = (text: string) => tasks(text).flatMap((t) => t.lead);
    expect(leads('汛期将至，全市水利系统要压紧压实防汛责任。')).toEqual(['水利系统']);
    expect(leads('局长要求，各工作组要迅速推进各项任务。')).toEqual(['各工作组']);
    expect(leads('各居民区要摸清底数，做好居民工作。')).toEqual(['各居民区']);
    expect(leads('从今天开始镇城建办要每天巡查一次。')).toEqual(['镇城建办']);
    // A system of the mind is no unit: 系统 only after a sector's name.
    expect(tasks('要系统排查安全隐患。')).toEqual([]);
    expect(tasks('新型电力系统要加快构建，绿电绿证交易要全面推开。')).toEqual([]);
    expect(leads('各乡镇、各部门思想上要高度重视，加快项目建设进度。')).toEqual(['各乡镇', '各部门']);
    // 人大 is a body: 乡人大和纪委 are two, the place shared (人大代表 are persons).
    expect(leads('乡人大和纪委要加强监督。')).toEqual(['乡人大', '乡纪委']);
    expect(tasks('请各位人大代表提出意见。')).toEqual([]);
    // The unit's role before its name, and the 我 of a unit's own news, are no part of the name; 党校 is a unit.
    expect(leads('整改要求:由包片单位县气象局负责清除。')).toEqual(['县气象局']);
    expect(leads('由沿线包片单位县职教中心、县委党校、县交通局负责劝阻教育。')).toEqual([
      '县职教中心',
      '县委党校',
      '县交通局',
    ]);
    expect(leads('我第十督导组将会尽职尽责做好攻坚工作。')).toEqual(['第十督导组']);
    expect(tasks('我局将继续做好服务。')).toEqual([]);
    expect(leads('各村要落实专人，8月7日前金元村、石宝沟村要完成打捞工作。')).toEqual([
      '各村',
      '金元村',
      '石宝沟村',
    ]);
  });

  it('takes no owner from the leadership (县委县政府将…), a 提请, or 将 as a plain future', () => {
    expect(tasks('县委县政府将始终把项目建设作为头等大事。')).toEqual([]);
    expect(tasks('会议提请县人大常委会审议。')).toEqual([]);
    expect(tasks('此举将有效提升群众满意度。')).toEqual([]);
  });
});

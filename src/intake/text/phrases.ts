// Undoes Taiwan-style wording (软体, 资讯, 最佳化 …) that over-eager converters leave in mainland text.

interface Rewrite {
  from: string;
  to: string;
  /** Regex source for what must not precede `from`. */
  notAfter?: string;
  /** Regex source for what must not follow `from`. */
  notBefore?: string;
  /** Regex source for what must follow `from` (where the word has a mainland meaning too). */
  onlyBefore?: string;
}

/**
 * Deliberately absent, because they are mainland words too: 指标 (not "pointer"), 核心 (not
 * "kernel"), 埠 (蚌埠, 埠头), 档案, 品质, 资料, 支援, 影片, 线上, 协定, 智慧, 物件, 作业系统.
 * The guards keep words that merely contain a pair: 安排程序, 系列印发, 记忆体验, 电视讯号,
 * 全流程式, 专案组, 一季度数位于.
 */
const REWRITES: Rewrite[] = [
  { from: '网际网路', to: '互联网' },
  { from: '行动网路', to: '移动网络' },
  { from: '网路', to: '网络', notAfter: '[电管光路河水铁公]', notBefore: '[线径面段况口灯基桥由网边侧标]' },
  { from: '资讯科技', to: '信息技术' },
  { from: '资讯安全', to: '信息安全' },
  // A company or publication named 资讯 keeps its name.
  {
    from: '资讯',
    to: '信息',
    notAfter: '[投物工融筹集出合外引]|《[^》\\n]{0,15}',
    notBefore: '[^，。、；：！？\\s]{0,8}?(?:有限|公司|集团|股份|报社|杂志|频道|网站)',
  },
  { from: '资料库', to: '数据库' },
  { from: '伺服器', to: '服务器' },
  { from: '快闪记忆体', to: '闪存' },
  { from: '记忆体', to: '内存', notBefore: '[系验制]' },
  { from: '软体', to: '软件', notBefore: '家具|动物|沙发|床' },
  { from: '硬体', to: '硬件' },
  { from: '韧体', to: '固件' },
  { from: '程式码', to: '代码' },
  { from: '原始码', to: '源代码' },
  { from: '应用程式', to: '应用程序' },
  // 程式化 (formulaic) is a mainland word; 流程式/过程式 are 流程 + 式.
  { from: '程式', to: '程序', notAfter: '[流过工进全议章日课规疗旅]', notBefore: '化' },
  // 专案组/专案审查: a mainland case team or inquiry, not a project.
  {
    from: '专案',
    to: '项目',
    notAfter: '[立破侦办查]',
    notBefore: '组|审|调查|侦|查|打击|攻坚|行动|经营|办理',
  },
  { from: '排程', to: '调度', notAfter: '[安编]', notBefore: '[序度]' },
  { from: '最佳化', to: '优化' },
  { from: '迴圈', to: '循环' },
  { from: '回圈', to: '循环' },
  // 预设立场/预设条件 are mainland idioms; the software sense is a default.
  {
    from: '预设',
    to: '默认',
    notBefore: '立场|前提|条件|目标|方案|路|轨|管|线|场景|性|框架|结论|区域|位置|防线|阵地|好|了',
  },
  // 数位 is also "several" (数位专家) and 多数位于; only the digital sense is rewritten.
  {
    from: '数位',
    to: '数字',
    onlyBefore:
      '化|经济|技术|转型|货币|内容|平台|时代|政府|产业|科技|资产|服务|治理|基础|中国|人民币|版权|生活|相机|电视|影像|媒体|创意|文化|乡村|城市|营销|贸易|金融|鸿沟|签章|签名|身份|孪生',
  },
  { from: '印表机', to: '打印机' },
  { from: '列印', to: '打印', notAfter: '[系排并序行队]', notBefore: '[发刷章证象记迹]' },
  { from: '透过', to: '通过', notBefore: '现象|表象' },
  { from: '介面', to: '界面', notAfter: '[中媒]', notBefore: '[向临对积]' },
  { from: '滑鼠', to: '鼠标' },
  { from: '萤幕', to: '屏幕' },
  { from: '硬碟', to: '硬盘' },
  { from: '光碟', to: '光盘' },
  { from: '随身碟', to: 'U盘' },
  { from: '人工智慧', to: '人工智能' },
  { from: '演算法', to: '算法' },
  { from: '频宽', to: '带宽' },
  { from: '宽频', to: '宽带' },
  { from: '奈米', to: '纳米' },
  { from: '雷射', to: '激光' },
  { from: '部落格', to: '博客' },
  { from: '视讯', to: '视频', notAfter: '[电监]' },
  { from: '位元组', to: '字节' },
  { from: '云端运算', to: '云计算' },
  { from: '行动支付', to: '移动支付' },
  { from: '行动装置', to: '移动设备' },
  { from: '行动电话', to: '手机' },
  { from: '智慧型手机', to: '智能手机' },
  { from: '解析度', to: '分辨率' },
  { from: '乙太网', to: '以太网' },
  { from: '物件导向', to: '面向对象' },
  { from: '连接埠', to: '端口' },
  { from: '通讯埠', to: '端口' },
];

function pattern({ from, notAfter, notBefore, onlyBefore }: Rewrite): string {
  const behind = notAfter ? `(?<!${notAfter})` : '';
  const ahead = (notBefore ? `(?!${notBefore})` : '') + (onlyBefore ? `(?=${onlyBefore})` : '');
  return behind + from + ahead;
}

// Longest first, so 网际网路 wins over 网路; lookarounds consume nothing, so a match is `from`.
const byLength = [...REWRITES].sort((a, b) => b.from.length - a.from.length);
const MATCHER = new RegExp(byLength.map(pattern).join('|'), 'g');
const REPLACEMENT = new Map(REWRITES.map((r) => [r.from, r.to]));

/**
 * @example undoTaiwanPhrases('透过资料库最佳化专案') // '通过数据库优化项目'
 */
export function undoTaiwanPhrases(text: string): string {
  return text.replace(MATCHER, (word) => REPLACEMENT.get(word) ?? word);
}

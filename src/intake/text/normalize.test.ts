import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.ts';
import { undoTaiwanPhrases } from './phrases.ts';
import { stripPinyinGlosses } from './script.ts';

const text = (raw: string) => normalize(raw).text;
/** UTF-8 bytes read as GBK: how mojibake is made. */
const misread = (s: string) => new TextDecoder('gbk').decode(Buffer.from(s, 'utf8'));
/** A paragraph line long enough that, unfinished, it can only have been cut by a page break. */
const LONG =
  '各级各部门要对涉及本部门、本行业、本地区的重点指标、重点项目、重点工作、重大政策的完成或落实情况调度督导，';

describe('pinyin glosses', () => {
  it('removes a toned syllable in parentheses right after a character', () => {
    expect(text('經(jīng)濟發(fā)展')).toBe('经济发展');
    expect(text('经（jīng）济')).toBe('经济');
    expect(text('经(jing1)济')).toBe('经济');
  });

  it('keeps abbreviations, list numbers, qualifiers, years and English in parentheses', () => {
    const kept = '地区生产总值(GDP)增长5%，(一)稳增长，《办法（试行）》(2024)，Tiaodu (beta) 和应用(app)';
    expect(text(kept)).toBe(kept);
  });
});

describe('script', () => {
  it('converts traditional characters to simplified', () => {
    expect(text('臺灣這裡的經濟發展')).toBe('台湾这里的经济发展');
  });

  it('writes 着 for the particle and for 着重, 着力, 着眼, 着手', () => {
    expect(text('著重抓好“五個著力”')).toBe('着重抓好“五个着力”');
    expect(text('隨著發展，看著未來，意味著機遇，圍繞著目標，著眼長遠，著手推進')).toBe(
      '随着发展，看着未来，意味着机遇，围绕着目标，着眼长远，着手推进',
    );
  });

  it('keeps 著 where it means famous or written', () => {
    const kept = '著名、著作、顯著、卓著、著稱、編著、名著、原著、土著、昭著、著作權';
    expect(text(kept)).toBe('著名、著作、显著、卓著、著称、编著、名著、原著、土著、昭著、著作权');
  });

  it('leaves names in simplified text that OpenCC would fold', () => {
    const kept = '临安玲珑至於潜段，贷服务中心在沈落地，推动华为昇腾芯片生态，濛溪河遗址';
    expect(text(kept)).toBe(kept);
  });
});

describe('Taiwan wording in mainland text', () => {
  it.each([
    ['专案管理', '项目管理'],
    ['生产排程', '生产调度'],
    ['最佳化配置', '优化配置'],
    ['资讯服务', '信息服务'],
    ['迴圈经济', '循环经济'],
    ['回圈结构', '循环结构'],
    ['程式设计', '程序设计'],
    ['软体产业', '软件产业'],
    ['硬体设施', '硬件设施'],
    ['网路安全', '网络安全'],
    ['伺服器', '服务器'],
    ['资料库', '数据库'],
    ['预设值', '默认值'],
    ['数位经济', '数字经济'],
    ['列印文件', '打印文件'],
    ['记忆体', '内存'],
    ['透过平台', '通过平台'],
    ['人工智慧', '人工智能'],
    ['网际网路', '互联网'],
    ['演算法', '算法'],
    ['宽频网路', '宽带网络'],
    ['奈米材料', '纳米材料'],
  ])('rewrites %s as %s', (taiwan, mainland) => {
    expect(text(taiwan)).toBe(mainland);
  });

  it.each([
    ['指标', '各区指标完成情况'],
    ['核心', '以习近平同志为核心的党中央'],
    ['埠 in place names', '蚌埠市、埠头村、深水埠码头'],
    ['专案组', '成立专案组'],
    ['档案', '档案管理'],
    ['品质', '品质生活'],
    ['资讯 in a company name', '上海证券资讯有限公司、《东方资讯》'],
    [
      'words that only contain a pair',
      '安排程序、一系列印发文件、多数位于城区、数位专家、程式化、透过现象看本质',
    ],
  ])('leaves %s alone', (_, kept) => {
    expect(text(kept)).toBe(kept);
  });
});

describe('mojibake', () => {
  it('marks a run of question marks glued to text and keeps the words around it', () => {
    const result = normalize('下大力气保居民就业、?;久裆?,加快完成今年人才发展任务。');
    expect(result.text).toBe('下大力气保居民就业、〔无法识别〕,加快完成今年人才发展任务。');
    expect(result.unreadable).toEqual(['?;久裆?']);
  });

  it('marks replacement characters and the classic 锟斤拷, 烫烫烫 and 屯屯屯', () => {
    const result = normalize('坏字\uFFFD\uFFFD在此，锟斤拷锟斤拷，烫烫烫烫，屯屯屯屯。');
    expect(result.text).toBe('坏字〔无法识别〕在此，〔无法识别〕，〔无法识别〕，〔无法识别〕。');
    expect(result.unreadable).toHaveLength(4);
  });

  it('marks UTF-8 read as GBK', () => {
    expect(normalize('发改委：鍙戝睍鏀归潻濮斿憳浼印发通知').unreadable).toEqual(['鍙戝睍鏀归潻濮斿憳浼']);
    const result = normalize(
      `会议指出，${misread('要坚持稳中求进工作总基调，推动经济高质量发展')}。各地要抓好落实。`,
    );
    expect(result.text).toBe('会议指出，〔无法识别〕。各地要抓好落实。');
  });

  it('leaves real question marks, URLs and names with rare characters', () => {
    const kept = [
      'Is it ready? Yes.',
      '请问是否可以？可以。',
      '这样做对吗?对。',
      '详见 http://www.gov.cn/a.jsp?id=3 。',
      '王璐、李琛、吴婧出席，浐灞生态区、鄠邑区、深圳、东莞参加。',
    ].join('\n');
    expect(normalize(kept)).toEqual({ text: kept, unreadable: [], dropped: [] });
  });
});

describe('web-page furniture', () => {
  const furniture = [
    '打印本页',
    '关闭窗口',
    '【字体：大 中 小】',
    '分享到：微信 微博 QQ空间',
    '收藏',
    '分享 收藏 打印 关闭',
    '扫一扫在手机打开当前页',
    '微信扫码关注',
    '网站地图 | 联系我们',
    '主办单位：厦门市人民政府办公厅 承办：厦门市信息中心',
    '闽ICP备05012345号  闽公网安备 35020302000123号',
    '技术支持：某某科技有限公司',
    '版权所有：厦门市人民政府',
    'Copyright © 2024 All rights reserved',
    '转载请注明来源',
    '未经授权，不得转载',
    '发布时间：2024-01-10 浏览次数：1234',
    '阅读量：5678',
    'admin 分享 时间: 加入收藏 共计38262个字,预计阅读时长128分钟',
    '上一篇：关于做好春节期间安全生产工作的通知',
    '责任编辑：王小明',
    '【第2/4页】',
    '首页 上一页 1 2 3 下一页 尾页',
    '文似观山不喜平 — — 观山文库◆记住我,来上我~',
    '首页 > 新闻中心 > 部门动态',
    '当前位置：首页 > 政务公开',
    '相关链接： 中国政府网 | 省政府网',
    '网站简介 广告服务 联系我们 免责声明 网站地图',
    '关于我们 | 版权声明 | 隐私政策 | 人才招聘 | 投稿须知',
    '在您的设备上浏览本页',
    '【打印】 【关闭】',
    '【广告】',
    '赞助商链接',
    '觉得文章有用？打赏作者',
    '阅读 1234',
    '发布时间：2024-01-10 阅读：1234',
    '- 3 -',
    '第3页 共10页',
  ];

  it.each(furniture)('drops the line %s', (line) => {
    const result = normalize(`会议强调，要抓好落实。\n${line}\n全市上下要鼓足干劲。`);
    expect(result.text).toBe('会议强调，要抓好落实。\n全市上下要鼓足干劲。');
    expect(result.dropped).toEqual([line]);
  });

  it('cuts a page counter off a title but keeps the title', () => {
    const result = normalize('材料合集18篇(含讲话、表态发言等)(第2/4页)\n\n将保持较快速度。');
    expect(result.text).toBe('材料合集18篇(含讲话、表态发言等)\n\n将保持较快速度。');
    expect(result.dropped).toEqual(['(第2/4页)']);
  });

  it('keeps datelines, bylines and sentences that mention copyright or reposting', () => {
    const kept = [
      '台海网7月27日讯 据厦门日报报道 今天，市委召开会议。',
      '上海市市长 龚 正',
      '来源：厦门日报',
      '加强版权保护，严厉打击未经授权转载、复制他人作品等侵权行为，营造尊重知识产权的良好环境。',
      '推广扫码支付。',
    ].join('\n');
    expect(normalize(kept)).toEqual({ text: kept, unreadable: [], dropped: [] });
  });
});

describe('markup left by scrapers', () => {
  it('removes tags inside and around the text and lists them as dropped', () => {
    const result = normalize('<p><span id="zoom1">会议强调，</span>要抓好落实。<br/></p>');
    expect(result.text).toBe('会议强调，要抓好落实。');
    expect(result.dropped).toEqual(['<p>', '<span id="zoom1">', '</span>', '<br/>', '</p>']);
  });

  it('reads entities and leaves comparisons and comments alone', () => {
    expect(text('研发投入&ldquo;强度&rdquo;达到3%&nbsp;以上。')).toBe('研发投入“强度”达到3% 以上。');
    expect(text('增速<5%的行业有3个。\n<!-- 注释 -->')).toBe('增速<5%的行业有3个。\n<!-- 注释 -->');
  });
});

describe('sentences cut by page breaks', () => {
  it('rejoins a word cut by a blank line (一季 / 度) whatever the width of the line', () => {
    expect(text('全区一季\n\n度地区生产总值增长5.2%。')).toBe('全区一季度地区生产总值增长5.2%。');
    expect(text('这是我们的\n\n重点工作。')).toBe('这是我们的重点工作。');
    expect(text('全面完成第\n\n三季度目标。')).toBe('全面完成第三季度目标。');
    expect(text('下达2025年\n\n度投资计划。')).toBe('下达2025年度投资计划。');
  });

  it('rejoins a sentence across a page break and the page number on it', () => {
    const result = normalize('全区一季\f- 3 -\f度地区生产总值增长5.2%。\n第4页 共10页\n下半年要鼓足干劲。');
    expect(result.text).toBe('全区一季度地区生产总值增长5.2%。\n下半年要鼓足干劲。');
    expect(result.dropped).toEqual(['- 3 -', '第4页 共10页']);
  });

  it('keeps a short heading apart from the sentence after it', () => {
    expect(text('讲话\n\n同志们：\n\n一季度经济运行平稳。')).toBe('讲话\n\n同志们：\n\n一季度经济运行平稳。');
  });

  it('keeps rows of names, headlines about ads and sentences about reading', () => {
    const kept = ['王璐 李琛 吴婧 张明', '整治虚假广告', '开展全民阅读活动1234场。', '度假区建设提速。'].join(
      '\n',
    );
    expect(normalize(kept)).toEqual({ text: kept, unreadable: [], dropped: [] });
  });

  it('rejoins a paragraph cut mid-word across blank lines', () => {
    expect(text(`${LONG}找准短板弱项的\n\n根源所在，采取精准有力措施。`)).toBe(
      `${LONG}找准短板弱项的根源所在，采取精准有力措施。`,
    );
  });

  it('rejoins a chain of pieces and a title cut at the right margin, but not the headings after it', () => {
    const wrapped = [
      `${LONG}其中,各`,
      '县市政府要确保获省政府表彰3项以上,高新区管委会要确保',
      '获省政府表彰1项以上。要在优化项目建设环境上下功夫，',
      '严厉打击强买强卖、阻工滋事等违法行为,为项目建设营造',
      '良好环境。',
      '在第二季度经济运行分析暨冲刺"双过半"工',
      '作会议上的讲话4',
      '讲话',
      '同志们:这次会议的主要任务是通报点评全县经济运行情况。',
    ].join('\n\n');
    expect(text(wrapped).split('\n\n')).toEqual([
      `${LONG}其中,各县市政府要确保获省政府表彰3项以上,高新区管委会要确保获省政府表彰1项以上。要在优化项目建设环境上下功夫，严厉打击强买强卖、阻工滋事等违法行为,为项目建设营造良好环境。`,
      '在第二季度经济运行分析暨冲刺"双过半"工作会议上的讲话4',
      '讲话',
      '同志们:这次会议的主要任务是通报点评全县经济运行情况。',
    ]);
  });

  it('keeps headings on their own line', () => {
    const headed = [
      '一、著力补短板强弱项',
      '盯住薄弱环节，固本强基。',
      '（三）扩大有效投资',
      '第二，全力以赴扩投资。',
      '**二、2024年主要目标任务**',
      '# 政府工作报告',
      '讲话',
      '同志们：',
    ].join('\n');
    expect(text(headed)).toBe(headed.replace('著力', '着力'));
  });

  it('trims padding and leaves one blank line between paragraphs', () => {
    expect(text('\u3000\u3000第一段。\u3000 \n\n\n\n  第二段。\n第三段。\n\n')).toBe(
      '第一段。\n\n第二段。\n第三段。',
    );
  });

  it('keeps front matter exactly as it came', () => {
    const front = '---\nsource: https://www.gov.cn/a.html\ntitle: 政府工作报告（2024年）\n---';
    expect(text(`${front}\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告工作。`)).toBe(
      `${front}\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告工作。`,
    );
  });
});

const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');
const hasCorpus = existsSync(CORPUS);
const whenCorpus = (name: string) => (hasCorpus ? name : `${name} — skipped: ${CORPUS} is absent`);
const read = (file: string) => readFileSync(join(CORPUS, file), 'utf8');
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Every sentence of the input, once the furniture is cut out, is somewhere in the output. */
function lostSentences(raw: string, { text, dropped }: { text: string; dropped: string[] }): string[] {
  const body = dropped.reduce((rest, cut) => rest.replace(cut, ''), raw);
  const output = squeeze(text);
  return squeeze(undoTaiwanPhrases(body))
    .split(/[。！？]/)
    .filter((sentence) => sentence !== '' && !output.includes(sentence));
}

describe.skipIf(!hasCorpus)(whenCorpus('the traditional news item dev-000'), () => {
  const result = hasCorpus ? normalize(read('dev-000-xiamen.txt')) : normalize('');

  it('has no pinyin gloss and no traditional character left', () => {
    expect(result.text).not.toMatch(/[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\)/);
    expect(Converter({ from: 't', to: 'cn' })(result.text)).toBe(result.text);
  });

  it('reads as simplified Chinese with its words intact', () => {
    for (const words of ['对标先进、反思不足', '为核心的党中央', '各区指标完成情况', '着重抓好“五个着力”']) {
      expect(result.text).toContain(words);
    }
  });

  it('marks the one lost run and keeps the words around it', () => {
    expect(result.unreadable).toHaveLength(1);
    expect(result.text).toContain('下大力气保居民就业、〔无法识别〕,加快完成今年人才发展任务');
  });
});

describe.skipIf(!hasCorpus)(whenCorpus('the scraped speeches dev-002a'), () => {
  const raw = hasCorpus ? read('dev-002a-speeches.txt') : '';
  const result = normalize(raw);
  const lines = result.text.split('\n');

  it('rejoins sentences cut by page breaks', () => {
    for (const words of [
      '找准短板弱项的根源所在',
      '确保争取专项债券资金不低于100亿元',
      '尽最大努力解决项目建设用工难题',
      '要在优化项目建设环境上下功夫',
      '县市政府要确保获省政府表彰3项以上',
    ]) {
      expect(result.text).toContain(words);
    }
  });

  it('drops the site banner and page counters but keeps the heading and the address', () => {
    expect(lines.filter((line) => /观山文库|加入收藏|预计阅读时长/.test(line))).toEqual([]);
    expect(lines).toContain('讲话');
    expect(lines.some((line) => line.startsWith('同志们'))).toBe(true);
  });

  it('loses no sentence of the body', () => {
    expect(lostSentences(raw, result)).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)(whenCorpus('the briefings and project notices'), () => {
  const files = hasCorpus
    ? ['briefings', 'projects'].flatMap((dir) =>
        readdirSync(join(CORPUS, dir)).map((file) => join(dir, file)),
      )
    : [];

  it.each(files)('%s: drops no long line and loses no sentence', (file) => {
    const raw = read(file);
    const result = normalize(raw);
    expect(result.dropped.filter((line) => [...line].length > 40)).toEqual([]);
    // Some are stored in traditional script with pinyin glosses: compare their simplified wording.
    const simplified = Converter({ from: 't', to: 'cn' })(stripPinyinGlosses(raw));
    expect(lostSentences(simplified, result)).toEqual([]);
  });
});

describe.skipIf(!hasCorpus)(whenCorpus('the 2024 government work reports'), () => {
  const dir = join(CORPUS, 'work-reports-2024');
  const reports = hasCorpus ? readdirSync(dir).filter((file) => file.endsWith('.md')) : [];

  it.each(reports)('%s: drops no long line, marks nothing unreadable, loses no sentence', (file) => {
    const raw = readFileSync(join(dir, file), 'utf8');
    const result = normalize(raw);
    expect(result.dropped.filter((line) => [...line].length > 60)).toEqual([]);
    expect(result.unreadable).toEqual([]);
    expect(lostSentences(raw, result)).toEqual([]);
  });
});

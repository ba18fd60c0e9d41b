// Recognises web-page furniture (share buttons, footers, counters, banners) among scraped lines.

/** Markers only web pages carry: a line holding one is furniture unless it is a long sentence. */
const PAGE_ONLY = new RegExp(
  [
    '打印本页|打印此页|打印文章|关闭窗口|关闭本页|分享到|加入收藏|收藏本站|收藏本页|设为首页|返回顶部',
    '字体[：:]\\s*[【\\[]?\\s*大|字号[：:]\\s*[【\\[]?\\s*[大TＴ]|当前位置[：:]',
    '(?:主办|承办|协办)(?:单位)?[：:]|技术支持[：:]|(?:维护|运维)单位[：:]|网站标识码|网站地图',
    'ICP备|ICP证|公网安备|网安备|版权所有|Copyright|©|All rights reserved',
    '转载请注明|如需转载|禁止转载|谢绝转载|未经(?:本站|本网)?(?:书面)?(?:许可|授权).{0,12}(?:转载|复制|摘编|镜像)',
    '浏览次数|预计阅读时长|阅读时长|共计\\s*\\d+\\s*个?字|全文约?\\s*\\d+\\s*字|责任编辑',
    // Device and reading-mode prompts: "在您的设备上浏览本页", "在手机上打开".
    '在您的(?:设备|手机)上|在手机上(?:浏览|打开|阅读|查看)|(?:浏览|打开|阅读)本页|手机版|无障碍浏览|长者模式',
    // Breadcrumbs and link lists: "首页 > 新闻中心 > 部门动态", "相关链接：".
    '^\\s*(?:首页|网站首页|当前位置|您的位置|您现在的位置)\\s*[>＞»/]|^\\s*(?:相关链接|友情链接|相关阅读|相关新闻|相关文章|延伸阅读)[：:]?',
  ].join('|'),
  'i',
);

/** Words that body text uses too (扫码支付, 点击量): furniture only on a short unfinished line. */
const PAGE_LIKELY =
  /扫一扫|扫码|二维码|阅读量|阅读数|阅读次数|点击数|点击量|访问量|访问次数|浏览量|(?:上一篇|下一篇)(?!章)/;

/** Links a page lists in a row (`分享 收藏 打印 关闭`, `网站地图 | 联系我们`). */
const LINK_WORD =
  /^(?:收藏|分享|点赞|评论|打印|关闭|纠错|我要纠错|网站地图|联系我们|关于我们|网站声明|隐私声明|返回顶部|返回首页|首页|尾页|末页|上一页|下一页|大|中|小|字体|\d+)$/;

/** Ads and reward buttons: "【广告】", "赞助商链接", "打赏作者", "觉得好看就赞赏一下". */
const AD =
  /^[\s【[（(]*(?:广告|推广|赞助商?)(?:链接|位)?(?:[\s】\]）):：]|$)|打赏|赞赏(?:作者|一下|支持)|请作者喝/;

/** A view counter a page shows after the date: "阅读 1234", "点击：56次". */
const COUNTER = /(?:阅读|浏览|点击|访问|人气|热度)(?:量|数|次数)?\s*[:：]?\s*\d+\s*次?$/;

/** Words of a site's footer and menu: a row of them is furniture ("网站简介 广告服务 联系我们 …"). */
const NAV_WORD =
  /网站|简介|广告|服务|联系|关于|声明|招聘|地图|帮助|投稿|版权|隐私|合作|导航|首页|订阅|反馈|客户端|APP|链接|法律|免责|登录|注册|会员|English/i;

/** A site's banner: a slogan with the site's name and a come-back-soon line (观山文库◆记住我). */
const BANNER = /文库|◆|记住我|记住本站|本站网址|最新网址/;

/** Page counters a CMS adds to a title or puts on a line of their own: (第2/4页), 【第2页】. */
const PAGE_COUNTER = /\s*[(（【[]\s*(?:第\s*\d+\s*(?:[/／]\s*\d+\s*)?页|共\s*\d+\s*页)\s*[)）】\]]\s*$/;

/** Headings and list items are body text whatever words they hold. */
const BODY_START =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十\d]+[章节条部篇]|#|\*\*)/;

const SENTENCE_END = /[。！？!?]$/;

/** Markup a scraper left in the text: tags (`<span id="a1">`, `</p>`, `<br/>`) and entities (`&nbsp;`). */
const MARKUP =
  /<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?\/?>|&(?:nbsp|amp|lt|gt|quot|ldquo|rdquo|mdash|hellip|#\d{2,5});/g;
const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&ldquo;': '“',
  '&rdquo;': '”',
  '&mdash;': '—',
  '&hellip;': '…',
};

/** A line without its markup, and the tags taken out (entities are read, not dropped). */
export function stripMarkup(line: string): { line: string; tags: string[] } {
  const tags: string[] = [];
  const bare = line.replace(MARKUP, (m) => {
    if (m.startsWith('<')) {
      tags.push(m);
      return '';
    }
    return ENTITIES[m] ?? String.fromCodePoint(Number(m.slice(2, -1)));
  });
  return { line: bare, tags };
}

export type LineVerdict =
  | { kind: 'body'; line: string }
  | { kind: 'furniture'; line: string }
  /** A body line with furniture glued to its end: `removed` is what was cut off. */
  | { kind: 'trimmed'; line: string; removed: string };

/**
 * Furniture is short: a body sentence may mention 版权 or 转载 but runs long and ends in 。.
 * @example classifyLine('【字体：大 中 小】') // { kind: 'furniture', line: '【字体：大 中 小】' }
 */
export function classifyLine(line: string): LineVerdict {
  if (line === '' || BODY_START.test(line)) return { kind: 'body', line };
  if (isFurniture(line)) return { kind: 'furniture', line };
  const counter = PAGE_COUNTER.exec(line);
  if (counter) {
    const kept = line.slice(0, counter.index).trimEnd();
    if (kept === '') return { kind: 'furniture', line };
    return { kind: 'trimmed', line: kept, removed: counter[0].trim() };
  }
  return { kind: 'body', line };
}

function isFurniture(line: string): boolean {
  const length = [...line].length;
  const unfinished = !SENTENCE_END.test(line);
  if (PAGE_ONLY.test(line)) return length <= 40 || (length <= 120 && unfinished);
  if (PAGE_LIKELY.test(line) || BANNER.test(line)) return length <= 60 && unfinished;
  if (AD.test(line) || COUNTER.test(line)) return length <= 40 && unfinished;
  return isLinkRow(line) || isNavRow(line) || PAGE_NUMBER.test(line);
}

/** A page number on its own line, as PDFs and print views leave them: "- 3 -", "—12—", "第3页 共10页". */
const PAGE_NUMBER = /^(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d+\s*页(?:\s*[/／,，]?\s*共\s*\d+\s*页)?)$/;

/**
 * A footer or menu: four or more short words with no punctuation, some of them a site's own words
 * ("网站简介 广告服务 联系我们 免责声明"). A list of names has no such word; a sentence has punctuation.
 */
function isNavRow(line: string): boolean {
  if (/[。，；：！？,;:!?、]/.test(line)) return false;
  const words = line.split(/[\s|｜丨·•/]+/).filter((word) => word !== '');
  return (
    words.length >= 4 &&
    words.every((word) => [...word].length <= 8) &&
    words.filter((word) => NAV_WORD.test(word)).length >= 2
  );
}

/** A row of links such as `首页 上一页 1 2 3 下一页`, `【大 中 小】`, `网站地图 | 联系我们`. */
function isLinkRow(line: string): boolean {
  const words = line.split(/[\s|｜丨·•【】[\]<>«»]+/).filter((word) => word !== '');
  return (
    words.length > 0 &&
    words.every((word) => LINK_WORD.test(word)) &&
    words.some((word) => !/^\d+$/.test(word))
  );
}

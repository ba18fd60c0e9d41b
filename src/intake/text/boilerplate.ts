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

/** A site's banner: a slogan with the site's name and a come-back-soon line (观山文库◆记住我). */
const BANNER = /文库|◆|记住我|记住本站|本站网址|最新网址/;

/** Page counters a CMS adds to a title or puts on a line of their own: (第2/4页), 【第2页】. */
const PAGE_COUNTER = /\s*[(（【[]\s*(?:第\s*\d+\s*(?:[/／]\s*\d+\s*)?页|共\s*\d+\s*页)\s*[)）】\]]\s*$/;

/** Headings and list items are body text whatever words they hold. */
const BODY_START =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十\d]+[章节条部篇]|#|\*\*)/;

const SENTENCE_END = /[。！？!?]$/;

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
  return isLinkRow(line);
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

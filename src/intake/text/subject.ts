// What a quantity measures: the phrase before it in its clause, without the verbs and filler around it,
// and spread over a distributive list ("城镇、农村居民人均可支配收入分别增长5%、6%" → two subjects).

export interface Clause {
  text: string;
  /** Offset in the whole text. */
  start: number;
}

/** A sentence's clauses, split at commas, semicolons and colons. */
export function clausesOf(sentence: string, offset: number): Clause[] {
  const out: Clause[] = [];
  // A comma between digits is a thousands separator ("3,456.7亿元"), not the end of a clause.
  for (const m of sentence.matchAll(/(?:[^，,；;：:]|(?<=\d),(?=\d{3}))+[，,；;：:]?/g))
    out.push({ text: m[0], start: offset + (m.index ?? 0) });
  return out;
}

// Trailing words between the subject and its number: verbs, comparators, "较2020年累计".
const TAIL =
  /(?:同比|比上年|较上年|比去年|较去年|(?:较|比)(?:20\d{2}|19\d{2})年?|(?:较|比)(?:上年同期|去年同期|同期|上月|上季度|年初|[一二三四]季度|上半年|1[-—~至]\d{1,2}月|\d{1,2}月份?)|(?:高于|低于|快于|慢于|领先|落后)(?:全国|全省|全市|全区|全州|全县)(?:平均水平|平均)?|[“"]?十[四五]五[”"]?以来|20\d{2}年以来|累计|分别|均|各|再|两年平均|三年平均|年均|平均|增长|增速|增幅|下降|降低|上涨|涨幅|提高|提升|回落|减少|扩大|达到|达|控制在|保持在|稳定在|保持|完成|实现|突破|超过|压缩至|压缩到|压减至|压减到|缩短至|缩短到|降至|降到|降低至|降低到|降|提高到|提高至|提升至|提升到|增加到|增加至|恢复到|恢复至|扩大到|扩大至|不低于|不少于|不高于|不超过|高于|低于|大于|小于|约|近|超|在|为|是|占|到|至|了|已|已经|仅|只有|的|\s)+$/;
// Leading words that are not part of the subject: connectives, time, place, strength, an actor's "要".
const HEAD =
  /^(?:其中|同时|并且|并|以及|而|年底前|年内|上半年|下半年|[一二三四]季度|\d{1,2}月(?:底|上旬|中旬|下旬)?前?|特别是|尤其是|目前|当前|截至目前|瞄准|围绕|对标|聚焦|紧盯|全年|今年|本年|年内|明年|预计|力争|确保|争取|努力|推动|推进|实现|累计完成|完成|共计|共有|全市|全省|全区|全县|全州|全盟|全域|我市|我省|我区|我县|我州|(?:20\d{2})年|(?:经济社会发展|今年|全年)?的?主要(?:预期)?目标(?:建议)?(?:是|为)?|预期目标(?:建议)?(?:是|为)?|(?:各|本)?[\u4e00-\u9fa5]{1,8}?(?:政府|管委会|部门|局|委|办)要|要|将|把|[一二三四五六七八九十]是|[一二三四五六七八九十]要|\s|[“"”*])+/;

/** The subject of the quantity at `at` in a clause: "地区生产总值增长5.5%左右" → "地区生产总值". */
export function subjectBefore(clause: string, at: number): string {
  let s = clause.slice(0, at);
  // Another quantity earlier in the clause ends a subject: "新增省科技领军企业5家、市级以上创新联合体10个".
  s = s.replace(/^.*\d[^、，和及]{0,4}(?:[、，]|和|及)/, '');
  for (let i = 0; i < 3; i++) s = s.replace(TAIL, '').replace(HEAD, '');
  return s.replace(/^[、，,：:（(]+|[、，,（(]+$/g, '').trim();
}

// What a short list item shares with the last one: "城镇、农村居民人均可支配收入" → 城镇 + 居民人均可支配收入.
const SHARED_HEADS = [
  '常住居民人均可支配收入',
  '居民人均可支配收入',
  '人均可支配收入',
  '产业增加值',
  '增加值',
  '总产值',
  '零售总额',
  '进出口总额',
  '收入',
];

function withHead(part: string, last: string, short: number | null): string {
  // "一、二、三产增加值", "城镇和农村居民…": short items stand for the last one's first characters.
  if (short !== null && short < last.length) return part + last.slice(short);
  const head = SHARED_HEADS.find((h) => last.endsWith(h) && last.length > h.length);
  if (!head || part.endsWith(head) || part === last) return part;
  // "城镇居民" + "居民人均可支配收入": the overlap is written once.
  for (let k = Math.min(part.length, head.length); k > 0; k--)
    if (part.endsWith(head.slice(0, k))) return part + head.slice(k);
  return part + head;
}

/**
 * The items of a listed subject, each made whole: "城镇、农村居民人均可支配收入" → 城镇… and 农村居民人均可支配收入.
 * `complete` says when an item already names something on its own (a catalogue indicator).
 * @example listParts('一产、二产、三产增加值', () => false) // ['一产增加值', '二产增加值', '三产增加值']
 */
export function listParts(subject: string, complete: (part: string) => boolean): string[] {
  const parts = subject.split(/、|和|及|与/).filter(Boolean);
  if (parts.length === 1 && /^城乡/.test(subject))
    return [subject.replace(/^城乡/, '城镇'), subject.replace(/^城乡/, '农村')];
  const last = parts[parts.length - 1] ?? subject;
  const lengths = new Set(parts.slice(0, -1).map((p) => p.length));
  const [only] = lengths;
  const short = lengths.size === 1 && only !== undefined && only <= 4 ? only : null;
  return parts.map((p, i) => (i === parts.length - 1 || complete(p) ? p : withHead(p, last, short)));
}

// Every quantity a document mentions, with what it measures, its comparator, its strength marker and
// where it stands in its clause. Targets and figures are both chosen from these.
import type { Indicator } from '../../core/types.ts';
import type { DocumentContext, Sentence } from './document.ts';
import { mapIndicator } from './indicators.ts';
import { type Comparator, findQuantities, type Quantity } from './quantities.ts';
import { type Clause, clausesOf, listParts, subjectBefore } from './subject.ts';

export interface Mention {
  sentence: Sentence;
  clause: Clause;
  /** What it measures, as the text names it. */
  subject: string;
  indicator: { code: string; name: string } | null;
  value: number;
  valueHi: number | null;
  unit: string;
  cmp: Comparator | null;
  /** Offsets of the number and unit in the whole text. */
  start: number;
  end: number;
  /** 'predicate': the clause says the subject reaches it ("增长5%"); 'modifier': it counts a noun ("77个重点项目"). */
  position: 'predicate' | 'modifier';
  /** For a modifier: the verb before it ("新建"), if any, and the noun it counts. */
  verb: string | null;
  /** 确保 → must, 力争/争取 → strive, in the clause or carried from the clause whose subject it shares. */
  marker: 'must' | 'strive' | null;
  /** Words just before the number (up to 12 characters of its clause), for verbs such as 增长 or 下降. */
  lead: string;
}

const AFTER_PREDICATE =
  /^(?:左右|上下|以上|及以上|以内|之内|以下|及以下|内)?(?:的?(?:年度|全年)?(?:目标|任务))?\s*(?:[，,；;。！？、）)”"]|$|和|及|与|，)/;
const ACTION =
  /(?:新增|新建|建成|建设|打造|培育|引进|招引|实施|新开工|开工|竣工|完成|改造|创建|认定|推动|争创|举办|落地|签约|新认定|新上规|突破|储备|谋划|推进|整治|提升|淘汰|新开|开通|布局)$/;

// "一般公共预算总收入、地方一般公共预算收入均增长5.5%": one value for every item.
const SHARED_VALUE = /[均都](?:增长|增速|下降|降低|提高|达到|为|在|控制|保持|实现)[^，；]{0,4}$/;

/** 确保 sets a floor (must), 力争 a stretch (strive); 争取 alone means strive, but "确保争取…资金" is a floor. */
function markerIn(text: string): Mention['marker'] {
  const must = text.lastIndexOf('确保');
  const strive = text.lastIndexOf('力争');
  if (must >= 0 || strive >= 0) return must > strive ? 'must' : 'strive';
  return text.includes('争取') ? 'strive' : null;
}

/** The noun a modifier quantity counts: "77个重点项目，" → "重点项目". */
const nounAfter = (clause: string, from: number) =>
  (
    /^[\u4e00-\u9fa5“”"A-Za-z0-9]{1,16}/.exec(clause.slice(from).replace(/^(?:左右|以上|多|余)/, ''))?.[0] ??
    ''
  )
    .replace(/[“”"]/g, '')
    .replace(/(?:的|和|及|与)$/, '');

const GOVERNS = /^\s*(?:[^，；,;]{0,4}?)(?:确保|力争)/;
const GOAL_REFERENCE = /^(?:年度|全年|年初)?(?:目标|计划|预算|任务)(?:任务)?$/;

/** The subjects of a 分别 clause when they pair one to one with all its values, else null. */
function spreadOver(
  clause: string,
  quantities: Quantity[],
  complete: (p: string) => boolean,
): string[] | null {
  const first = quantities[0];
  if (!first || quantities.length < 2 || !clause.includes('分别')) return null;
  if (quantities.slice(1).some((q) => subjectBefore(clause, q.start) !== '')) return null;
  const parts = listParts(subjectBefore(clause, first.start), complete);
  const values = quantities.reduce((n, q) => n + q.values.length, 0);
  return parts.length === values ? parts : null;
}

/** Quantities of every sentence, with their subjects spread over distributive lists. */
export function mentionsOf(doc: DocumentContext, catalog?: Indicator[]): Mention[] {
  const out: Mention[] = [];
  const complete = (p: string) => mapIndicator(p, catalog) !== null;
  for (const sentence of doc.sentences) {
    let lastSubject = '';
    let lastMarker: Mention['marker'] = null;
    // "确保全年到位资金突破50亿元，新签约项目20个以上": a clause opening with 确保 or 力争 and naming its own
    // subject sets the strength of the clauses after it, up to the next semicolon; "…左右，力争达到6.5%以上"
    // adds a stretch to the subject before it and sets nothing after.
    let governing: Mention['marker'] = null;
    for (const clause of clausesOf(sentence.text, sentence.start)) {
      const opens = GOVERNS.test(clause.text) ? markerIn(clause.text.slice(0, 8)) : null;
      const quantities = findQuantities(clause.text);
      // "城镇和农村居民人均可支配收入分别增长6.5%左右、7.5%左右": one subject list over the clause's quantities.
      const spread = spreadOver(clause.text, quantities, complete);
      let clauseMarker =
        markerIn(clause.text.slice(0, quantities[0]?.start ?? clause.text.length)) ?? governing;
      const first = quantities[0];
      if (opens && first && subjectBefore(clause.text, first.start)) governing = opens;
      if (/[；;]$/.test(clause.text)) governing = null;
      for (const q of quantities) {
        // "完成年度目标的38%" measures the subject before it, not "the annual target".
        const named = subjectBefore(clause.text, q.start);
        // "增速较一季度提高1.3个百分点": the growth of the subject before it.
        const own =
          GOAL_REFERENCE.test(named) || /^(?:增速|增幅|总量|规模|占比|比重)$/.test(named) ? '' : named;
        const subject = own || lastSubject;
        const before = clause.text.slice(0, q.start);
        const marker = markerIn(before) ?? (own ? clauseMarker : (clauseMarker ?? lastMarker));
        const predicate = AFTER_PREDICATE.test(clause.text.slice(q.end));
        const after = clause.text.slice(q.end);
        // "3个工作日内办结" is a deadline and "百亿元以上产业集群" a size class, not quantities of anything.
        if (!predicate && /工作日|天/.test(q.unit) && /^(?:以内|之内|内)/.test(after)) continue;
        if (!predicate && /^(?:以上|以下|及以上)的?[\u4e00-\u9fa5]/.test(after)) continue;
        const verb = predicate ? null : (ACTION.exec(before)?.[0] ?? null);
        const parts = listParts(subject, complete);
        const pairs = spread
          ? q.values.map((v) => [spread.shift() ?? subject, v] as const)
          : q.values.length === parts.length && parts.length > 1
            ? parts.map((p, i) => [p, q.values[i] as number] as const)
            : parts.length > 1 &&
                q.values.length === 1 &&
                (SHARED_VALUE.test(before) || before.endsWith('各'))
              ? parts.map((p) => [p, q.values[0] as number] as const)
              : q.values.map((v) => [subject, v] as const);
        for (const [name, value] of pairs) {
          const measured = predicate ? name : `${verb ?? ''}${nounAfter(clause.text, q.end)}` || name;
          out.push({
            sentence,
            clause,
            subject: measured,
            indicator: mapIndicator(measured, catalog),
            value,
            valueHi: q.valueHi,
            unit: q.unit,
            cmp: q.cmp,
            start: clause.start + q.start,
            end: clause.start + q.end,
            position: predicate ? 'predicate' : 'modifier',
            verb,
            marker,
            lead: before.slice(-12),
          });
        }
        if (own) lastSubject = own;
        clauseMarker = marker;
      }
      if (quantities.length > 0) lastMarker = clauseMarker;
    }
  }
  return out;
}

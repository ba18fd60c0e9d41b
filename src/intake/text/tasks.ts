// Tasks (督办事项) a speech hands out: which units lead (牵头/负责) and support (配合/会同), what they must do,
// by when or how often.
import type { DocumentContext, Sentence } from './document.ts';
import { findDue } from './due.ts';

export interface ExtractedTask {
  lead: string[];
  support: string[];
  action: string;
  due: string | null;
  recurrence: 'weekly' | 'monthly' | 'quarterly' | null;
  quote: string;
  start: number;
  end: number;
}

// A unit's name: a place prefix, then a body ending in a unit word (县发改局, 州政府金融办, 州人民银行, 高新区管委会).
const UNIT_END =
  '(?:管委会|委员会|办公室|领导小组|工作专班|专班|中心|银行|公司|集团|局|委|办|室|厅|署|部|院|站|所|队|社|处|科|会)';
const UNIT = `(?:[省市州县区盟旗镇乡]|市区|县市|自治[州县])?[\\u4e00-\\u9fa5]{1,10}?${UNIT_END}`;
const UNIT_LIST = `${UNIT}(?:[、和及与]${UNIT})*`;
const NOT_UNIT = /^(?:各|相关|有关|全|本|我|这|该|其|一|两|各级|党委|政府$)|(?:部门|单位|企业|方面)$/;

const LEAD = new RegExp(`(?:由)?(${UNIT_LIST})(?:要)?(?:牵头|负责|主抓|抓总)`, 'g');
// Task lists write the roles as fields: "牵头单位：市发改委；配合单位：市财政局；完成时限：6月底前".
const LEAD_FIELD = new RegExp(`(?:牵头单位|责任单位|主责单位|牵头部门|责任部门)[：:]\\s*(${UNIT_LIST})`, 'g');
const SUPPORT_FIELD = new RegExp(`(?:配合单位|协办单位|配合部门|参与单位)[：:]\\s*(${UNIT_LIST})`, 'g');
const DUE_FIELD = /(?:完成时限|时限要求|办结时限|完成时间)[：:]\s*([^；;。，,\s]+)/;
const ACTOR = new RegExp(`(?:^|[，。；：,])(${UNIT_LIST})要`, 'g');
const SUPPORT = new RegExp(
  `(?:会同|配合|协同|联合)(${UNIT_LIST})|(${UNIT_LIST}|各相关部门|相关部门|有关部门|相关镇或部门|各相关单位)(?:积极)?(?:配合|协助|参与)`,
  'g',
);

const RECURRENCE: [RegExp, ExtractedTask['recurrence']][] = [
  [/每周|每星期|按周/, 'weekly'],
  [/每月|按月|每个月|逐月/, 'monthly'],
  [/每季度?|按季度?|每个季度|逐季/, 'quarterly'],
];

const ENDS_AS_UNIT = new RegExp(`${UNIT_END}$`);

/** "县发改局、财政局" → 县发改局, 县财政局: a list shares the first item's place prefix; 和 joins units only
 * when both sides are units ("市自然资源和规划局" is one). */
function unitsOf(list: string): string[] {
  const items = list.split('、').flatMap((piece) => {
    const parts = piece.split(/[和及与]/);
    return parts.length > 1 && parts.every((p) => ENDS_AS_UNIT.test(p)) ? parts : [piece];
  });
  const prefix = /^(?:[省市州县区盟旗]|市区|县市)/.exec(items[0] ?? '')?.[0] ?? '';
  return items
    .map((u) => (prefix && !/^[省市州县区盟旗镇乡]/.test(u) && !u.startsWith(prefix) ? prefix + u : u))
    .filter((u) => !NOT_UNIT.test(u) || /^各?(?:相关|有关)/.test(u));
}

const realUnits = (list: string) => unitsOf(list).filter((u) => !NOT_UNIT.test(u));

function recurrenceOf(text: string): ExtractedTask['recurrence'] {
  for (const [re, r] of RECURRENCE) if (re.test(text)) return r;
  return null;
}

const LEADING_SUPPORT = new RegExp(
  `^[，,、：:\\s]*(?:(?:会同|配合|协同|联合)(?:${UNIT_LIST})|(?:${UNIT_LIST}|各相关部门|相关部门|有关部门|相关镇或部门|各相关单位)(?:积极)?(?:配合|协助|参与))`,
);
// The work ends where the sentence turns to someone else: "；各金融机构要…", "，各级各部门要…".
const NEXT_ACTOR = /[；;]|[，,](?:各|全|相关|有关)[^，,；;]{0,8}要/;

/** The work itself: what follows the units and their role words, without the supporting units. */
function actionOf(text: string, from: number): string {
  let action = text.slice(from);
  for (let i = 0; i < 3; i++) action = action.replace(LEADING_SUPPORT, '');
  const stop = NEXT_ACTOR.exec(action);
  if (stop) action = action.slice(0, stop.index);
  return action
    .replace(/^[，,、：:\s]+/, '')
    .replace(/[，,。；;！!\s]+$/, '')
    .trim();
}

interface Role {
  units: string[];
  start: number;
  end: number;
  /** Written as a field of a task list: the work is the sentence before it. */
  field: boolean;
}

/** Where a sentence names units that must act: "由州财政局牵头", "县发改局、财政局负责", "，县招商局要". */
function rolesIn(text: string): Role[] {
  const roles: Role[] = [];
  for (const re of [LEAD_FIELD, LEAD, ACTOR]) {
    for (const m of text.matchAll(re)) {
      const start = (m.index ?? 0) + m[0].indexOf(m[1] ?? '');
      const end = (m.index ?? 0) + m[0].length;
      const units = realUnits(m[1] ?? '');
      // "州发改委要牵头" is found by both patterns; the first one stands.
      if (units.length > 0 && !roles.some((r) => start < r.end && r.start < end))
        roles.push({ units, start, end, field: re === LEAD_FIELD });
    }
  }
  return roles.sort((a, b) => a.start - b.start);
}

function taskIn(s: Sentence, role: Role, until: number, before: Sentence | undefined): ExtractedTask {
  const segment = s.text.slice(role.start, until);
  const support: string[] = [];
  for (const re of [SUPPORT, SUPPORT_FIELD]) {
    for (const m of segment.matchAll(re)) {
      for (const u of unitsOf(m[1] ?? m[2] ?? ''))
        if (!role.units.includes(u) && !support.includes(u)) support.push(u);
    }
  }
  // A due date or recurrence in the segment, or said once for the whole sentence before it.
  const scope = s.text.slice(0, until);
  const quote = segment.replace(/[，,；;。\s]+$/, '');
  const action = role.field
    ? (before?.text ?? '')
        .replace(/^\s*(?:\d+[.、．]|[（(]?[一二三四五六七八九十]+[）)、])\s*/, '')
        .replace(/[。；;\s]+$/, '')
    : actionOf(scope, role.end);
  return {
    lead: role.units,
    support,
    action: action || quote,
    due: DUE_FIELD.exec(segment)?.[1] ?? findDue(segment) ?? findDue(scope),
    recurrence: recurrenceOf(segment) ?? (role.field && before ? recurrenceOf(before.text) : null),
    quote: s.text.trim(),
    start: s.start + role.start,
    end: s.start + role.start + quote.length,
  };
}

/** The tasks a document assigns to named units, one for each place a sentence names a lead. */
export function extractTasks(doc: DocumentContext): ExtractedTask[] {
  const out: ExtractedTask[] = [];
  doc.sentences.forEach((s, k) => {
    if (s.section === 'review') return;
    const prev = doc.sentences[k - 1];
    const before = prev?.paragraph === s.paragraph ? prev : undefined;
    const roles = rolesIn(s.text);
    roles.forEach((role, i) => {
      out.push(taskIn(s, role, roles[i + 1]?.start ?? s.text.length, before));
    });
  });
  return out;
}

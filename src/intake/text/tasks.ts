// Tasks (督办事项) a speech hands out: which units lead (牵头/负责) and support (配合/会同), what they must do,
// by when or how often.
import type { DocumentContext, Sentence } from './document.ts';
import { findDue } from './due.ts';
import { isCollective, isVague, leadsOf, UNIT_LIST, unitsOf } from './owners.ts';
import {
  ACTING,
  ACTING_VERB,
  ACTOR,
  ASSISTED,
  ASSISTED_AFTER,
  BY,
  CARRIES_OUT,
  COMMA_ACTOR,
  DIRECTS,
  DONE,
  DUE_FIELD,
  EACH_ACTOR,
  EAGERLY,
  FUNDS,
  HEADS_AS,
  ITEM_ACTOR,
  ITEM_HEAD,
  LEAD,
  LEAD_FIELD,
  LOOKS_BACK,
  MAIN_DUTY,
  MUTUAL,
  OWN_GOVERNMENT,
  PROPOSER,
  REQUIRED,
  SHARED,
  SUPPORT,
  SUPPORT_FIELD,
} from './taskPatterns.ts';

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

const RECURRENCE: [RegExp, ExtractedTask['recurrence']][] = [
  [/每周|每星期|按周/, 'weekly'],
  [/每月|按月|每个月|逐月/, 'monthly'],
  [/每季度?|按季度?|每个季度|逐季/, 'quarterly'],
];

function recurrenceOf(text: string): ExtractedTask['recurrence'] {
  for (const [re, r] of RECURRENCE) if (re.test(text)) return r;
  return null;
}

const LEADING_SUPPORT = new RegExp(
  `^[，,、：:\\s]*(?:(?:会同|配合|协同|联合|协助)(?:${UNIT_LIST})|(?:${UNIT_LIST})${EAGERLY}(?:配合|协助|参与|协同|按职责(?:分工)?负责))`,
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
  /** 牵头 leads the others; 负责 / 责任单位 after a 牵头 carry the work out beside it: they support. */
  kind: 'heads' | 'responsible' | 'acts';
  /** Supporting units named with the role itself ("区财政局协助区经信局"). */
  support: string[];
  /** Acting of its own will (主动, 积极): after a 牵头 in the sentence, it helps the one heading. */
  eager: boolean;
}

const roleKind = (word: string): Role['kind'] =>
  /牵头|主抓|抓总/.test(word) ? 'heads' : /负责|责任|主责/.test(word) ? 'responsible' : 'acts';

/** A clause with no role word is a task only when the sentence directs and the clause does not tell what was done. */
function actsAsTold(text: string, at: number, units: string[]): boolean {
  const rest = text.slice(at + 1);
  const clause = text.slice(at, at + 1 + (rest.search(/[，,。；;]/) + 1 || rest.length + 1));
  // A preposition inside the name means a phrase was read as one: "，尤其是对落后乡镇重点督".
  const phrase = units.some((u) => /[对把向在从为的]|尤其|特别/.test(u));
  const looksBack = LOOKS_BACK.test(text.slice(0, at));
  // "各村落实责任分工，…": every place of a kind heading the sentence is told, with no directing word.
  const told = DIRECTS.test(text) || (/^\s*$/.test(text.slice(0, at)) && units.every(isCollective));
  return told && !DONE.test(clause) && !looksBack && !phrase && !units.every((u) => OWN_GOVERNMENT.test(u));
}

/** Where a sentence names units that must act: "由州财政局牵头", "县发改局、财政局负责", "，县招商局要". */
function rolesIn(text: string): Role[] {
  const found: Role[] = [];
  type Parts = (m: RegExpMatchArray) => [string, string, string];
  // Most patterns name only the ones who act, in their first group.
  const actors: Parts = (m) => [m[1] ?? '', '', ''];
  const patterns: [RegExp, Parts][] = [
    // [list of leads, role word, list of supports]
    [LEAD_FIELD, (m) => [m[2] ?? '', m[1] ?? '', '']],
    [ASSISTED, (m) => [m[2] ?? '', '', m[1] ?? '']],
    [ASSISTED_AFTER, (m) => [m[2] ?? '', '', m[1] ?? '']],
    [PROPOSER, actors],
    [HEADS_AS, (m) => [m[1] ?? '', m[2] ?? '', '']],
    [LEAD, (m) => [m[1] ?? '', m[2] ?? '', '']],
    [BY, actors],
    [CARRIES_OUT, (m) => [m[1] ?? '', '负责', '']],
    [MAIN_DUTY, actors],
    [ACTOR, actors],
    [COMMA_ACTOR, actors],
    [EACH_ACTOR, actors],
    [ITEM_ACTOR, actors],
    [ITEM_HEAD, actors],
    [FUNDS, actors],
    [REQUIRED, actors],
    [MUTUAL, actors],
    [ACTING, actors],
    [ACTING_VERB, actors],
  ];
  for (const [re, parts] of patterns) {
    for (const m of text.matchAll(re)) {
      const [list, word, helpers] = parts(m);
      const at = m.index ?? 0;
      const start = at + m[0].indexOf(helpers || list);
      const end = at + m[0].length;
      // A kind the lexicon does not know is taken as written: its 要 at the head of the clause says it acts.
      const units = re === EACH_ACTOR ? [list] : leadsOf(list);
      const after = text.slice(at + m[0].indexOf(list) + list.length);
      // "市政府将…": a place's whole government, in its own report, promises; it hands no one a task.
      if (re === ACTOR && m[0].endsWith('将') && units.every((u) => OWN_GOVERNMENT.test(u))) continue;
      // Working together needs two; one unit that 密切配合 only supports.
      if (re === MUTUAL && units.length < 2) continue;
      if ((re === ACTING || re === ACTING_VERB) && !actsAsTold(text, at, units)) continue;
      // "我局积极配合市发改委…": a unit's own report of its help hands out no task.
      if ((re === ASSISTED || re === ASSISTED_AFTER) && unitsOf(helpers).length === 0) continue;
      // "州发改委要牵头" is found by two patterns; the first one stands.
      if (units.length > 0 && !found.some((r) => start < r.end && r.start < end))
        found.push({
          units,
          start,
          end,
          field: re === LEAD_FIELD,
          kind: roleKind(word),
          support: helpers ? unitsOf(helpers) : [],
          // "…要及早介入、全力配合" after a 牵头 helps the one heading too.
          eager:
            /^(?:要|应)?(?:主动|积极)|^(?:要|应)[^，,。；;]{0,10}?(?:全力|积极|主动|密切|紧密)?配合(?=[，,。；;]|$)/.test(
              after,
            ),
        });
    }
  }
  const roles: Role[] = [];
  for (const role of found.sort((a, b) => a.start - b.start)) {
    const head = roles.findLast((r) => r.kind === 'heads');
    // "市政府办公室牵头，各县市区政府按职责分工负责": the ones responsible work under the one heading;
    // "县投促中心牵头汇总，三大园区主动共享": so do the ones that act of their own will beside it.
    if ((role.kind === 'responsible' || (role.kind === 'acts' && role.eager)) && head)
      head.support.push(...role.units);
    else roles.push(role);
  }
  for (const m of text.matchAll(SHARED)) {
    const shared = unitsOf(m[1] ?? '');
    for (const role of roles.filter((r) => r.kind === 'heads' && r.start > (m.index ?? 0))) {
      const heads = (u: string) => role.units.some((h) => u.endsWith(h) || h.endsWith(u));
      if (shared.some(heads)) role.support.push(...shared.filter((u) => !heads(u)));
    }
  }
  return roles;
}

function taskIn(s: Sentence, role: Role, until: number, before: Sentence | undefined): ExtractedTask {
  const segment = s.text.slice(role.start, until);
  const support: string[] = [];
  // "相关部门配合" names no one to support.
  const add = (u: string) => {
    if (!role.units.includes(u) && !support.includes(u) && !isVague(u)) support.push(u);
  };
  role.support.forEach(add);
  for (const re of [SUPPORT, SUPPORT_FIELD]) {
    for (const m of segment.matchAll(re)) unitsOf(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').forEach(add);
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
    due:
      DUE_FIELD.exec(segment)?.[1] ??
      findDue(segment) ??
      findDue(scope) ??
      (role.field && before ? findDue(before.text) : null),
    recurrence: recurrenceOf(segment) ?? (role.field && before ? recurrenceOf(before.text) : null),
    quote: s.text.trim(),
    start: s.start + role.start,
    end: s.start + role.start + quote.length,
  };
}

/** Every role pattern needs one of these words: sentences without any are passed over. */
const ROLE_CUE =
  /要|应|将|请|希望|安排|商定|议定|强调|指出|批示|[一二三四五六七八九十]是|牵头|负责|主抓|抓总|务必|必须|协助|配合|同意|由|落实|实施|承办|主责|总责|单位[：:；;]|部门[：:]|责任[：:]/;

/** The tasks a document assigns to named units, one for each place a sentence names a lead. */
export function extractTasks(doc: DocumentContext): ExtractedTask[] {
  const out: ExtractedTask[] = [];
  doc.sentences.forEach((s, k) => {
    if (s.section === 'review') return;
    const prev = doc.sentences[k - 1];
    const before = prev?.paragraph === s.paragraph ? prev : undefined;
    // A task list's fields, or a note in brackets after the work ("（市发改委牵头，…）"), assign the sentence before.
    const note = /^\s*[（(]/.test(s.text);
    if (!ROLE_CUE.test(s.text)) return;
    const roles = rolesIn(s.text).map((r) => (note ? { ...r, field: true } : r));
    roles.forEach((role, i) => {
      out.push(taskIn(s, role, roles[i + 1]?.start ?? s.text.length, before));
    });
  });
  return out;
}

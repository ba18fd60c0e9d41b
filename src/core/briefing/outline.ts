// The briefing's outline as every format lays it out: the opening, then parts 一、二、… with their sections
// （一）（二）…, and the numbered items of 存在问题 and 下步工作 (1. 2. …).
import { chineseCount } from './phrases.ts';
import type { Briefing, BriefingChart, BriefingSection, SectionKey } from './types.ts';

export type Block =
  | { kind: 'heading1'; text: string }
  | { kind: 'heading2'; text: string }
  /** `section` and `index` name the paragraph of the briefing it prints (for editing and explanations). */
  | { kind: 'paragraph'; text: string; lead?: string; section?: SectionKey; index?: number }
  /** A chart drawn after its section's paragraphs, captioned 图N title. */
  | { kind: 'chart'; key: BriefingChart['key']; caption: string };

/** The blocks of the body in reading order; the overview's paragraph is the opening, without a heading. */
export function outline(b: Briefing): Block[] {
  const blocks: Block[] = [];
  let part = 0;
  let openPart: string | null = null;
  let sub = 0;
  let figure = 0;
  const charts = (s: BriefingSection) => {
    for (const c of b.charts ?? []) {
      if (c.section !== s.key) continue;
      figure += 1;
      blocks.push({ kind: 'chart', key: c.key, caption: `图${figure}　${c.title}（${c.unit}）` });
    }
  };
  const heading1 = (title: string) => {
    part += 1;
    blocks.push({ kind: 'heading1', text: `${chineseCount(part)}、${title}` });
  };
  for (const s of b.sections) {
    const at = (index: number) => ({ section: s.key, index });
    if (s.key === 'overview') {
      blocks.push(...s.paragraphs.map((p, i): Block => ({ kind: 'paragraph', text: p, ...at(i) })));
      charts(s);
      continue;
    }
    if (s.part) {
      if (openPart !== s.part) {
        heading1(s.part);
        openPart = s.part;
        sub = 0;
      }
      sub += 1;
      blocks.push({ kind: 'heading2', text: `（${chineseCount(sub)}）${s.title}` });
      blocks.push(...s.paragraphs.map((p, i): Block => ({ kind: 'paragraph', text: p, ...at(i) })));
      charts(s);
      continue;
    }
    openPart = null;
    heading1(s.title);
    blocks.push(...items(s));
    charts(s);
  }
  return blocks;
}

/** 存在问题 and 下步工作 as numbered items, the first sentence of each as its lead; other sections as written. */
function items(s: BriefingSection): Block[] {
  if (s.key !== 'problems' && s.key !== 'next')
    return s.paragraphs.map((text, index) => ({ kind: 'paragraph', text, section: s.key, index }));
  return s.paragraphs.map((p, index) => {
    const cut = p.indexOf('。');
    const numbered = `${index + 1}.`;
    const at = { section: s.key, index };
    if (s.key === 'problems' && cut > 0 && cut < p.length - 1)
      return { kind: 'paragraph', lead: `${numbered}${p.slice(0, cut + 1)}`, text: p.slice(cut + 1), ...at };
    return { kind: 'paragraph', text: `${numbered}${p}`, ...at };
  });
}

/** What a table cell prints: numbers with the column's decimals (thousands grouped), empty for none. */
export function cellText(v: string | number | null, digits: number | null, rowDigits?: number): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  const d = digits ?? rowDigits ?? (Number.isInteger(v) ? 0 : (String(v).split('.')[1]?.length ?? 0));
  return v.toLocaleString('zh-CN', { minimumFractionDigits: d, maximumFractionDigits: d });
}

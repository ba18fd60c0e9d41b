// A document's text with every extracted item marked where it stands: targets and figures on their
// numbers, tasks along their sentence; a click selects the item.
import type { CSSProperties, ReactNode } from 'react';
import type { DocumentItem } from '../api.ts';

export const KIND_COLORS: Record<DocumentItem['kind'], string> = {
  target: '#ffd8bf',
  figure: '#d6e4ff',
  task: '#d9f7be',
};

function styleOf(covering: DocumentItem[], selected: number | null): CSSProperties {
  const mark = covering.find((i) => i.kind !== 'task') ?? covering[0];
  if (!mark) return {};
  const style: CSSProperties = { background: KIND_COLORS[mark.kind], cursor: 'pointer', borderRadius: 2 };
  if (covering.some((i) => i.kind === 'task') && mark.kind !== 'task')
    style.boxShadow = `0 2px 0 ${KIND_COLORS.task}`;
  if (mark.status === 'rejected')
    Object.assign(style, { background: '#f0f0f0', textDecoration: 'line-through' });
  if (mark.status === 'accepted') style.fontWeight = 600;
  if (covering.some((i) => i.seq === selected)) style.outline = '2px solid #b71c1c';
  return style;
}

/** Splits `text` at every item boundary, so each piece is covered by a fixed set of items. */
function pieces(
  text: string,
  items: DocumentItem[],
): { from: number; to: number; covering: DocumentItem[] }[] {
  const cuts = new Set([0, text.length]);
  for (const i of items) {
    cuts.add(Math.max(0, Math.min(text.length, i.extracted.start)));
    cuts.add(Math.max(0, Math.min(text.length, i.extracted.end)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const from = sorted[k] as number;
    const to = sorted[k + 1] as number;
    out.push({ from, to, covering: items.filter((i) => i.extracted.start <= from && i.extracted.end >= to) });
  }
  return out;
}

export function HighlightedText(props: {
  text: string;
  items: DocumentItem[];
  selected: number | null;
  onSelect: (seq: number) => void;
}) {
  const nodes: ReactNode[] = pieces(props.text, props.items).map(({ from, to, covering }) => {
    const piece = props.text.slice(from, to);
    if (covering.length === 0) return <span key={from}>{piece}</span>;
    const first = covering.find((i) => i.kind !== 'task') ?? (covering[0] as DocumentItem);
    return (
      // A mark inside running text: a <button> here would break the lines of the paragraph.
      <mark
        key={from}
        data-seq={first.seq}
        style={{ color: 'inherit', padding: 0, ...styleOf(covering, props.selected) }}
        onClick={() => props.onSelect(first.seq)}
        onKeyDown={(e) => e.key === 'Enter' && props.onSelect(first.seq)}
      >
        {piece}
      </mark>
    );
  });
  return (
    <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, fontSize: 15 }} data-testid="document-text">
      {nodes}
    </div>
  );
}

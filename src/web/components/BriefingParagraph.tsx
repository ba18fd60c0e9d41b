// One paragraph of the briefing on the 通报 page: each number links to its explanation (the figure, the field,
// the formula and the inputs); an analyst rewrites the text in place, checked as the server checks it (every
// number one of the section's figures), and dropped numbers are said before the edit is kept.
import { Alert, Button, Input, Popover, Space, Tag, Typography } from 'antd';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { explainNumber, isFigure, numberSpans, numbersIn } from '../../contract/web.ts';
import type { BriefingFigure } from '../api.ts';
import { useT } from '../i18n.ts';
import { ExplanationList } from '../kit/index.ts';

function Explained({ text, figures }: { text: string; figures: BriefingFigure[] }) {
  const t = useT();
  const out: ReactNode[] = [];
  let at = 0;
  for (const span of numberSpans(text)) {
    const why = explainNumber(span.number, figures);
    if (why.length === 0) continue;
    out.push(text.slice(at, span.start));
    out.push(
      <Popover
        key={span.start}
        trigger="click"
        title={t('{number}：{what}', {
          number: span.number.text,
          what: why.length > 1 ? t('可能是以下之一') : (why[0]?.figure ?? ''),
        })}
        content={
          <div style={{ maxWidth: 420 }} data-testid="briefing-explanation">
            {why.slice(0, 3).map((w) => (
              <ExplanationList
                key={`${w.figure}${w.field}`}
                explain={w}
                title={why.length > 1 ? `${w.figure} · ${w.field}` : w.field}
              />
            ))}
          </div>
        }
      >
        <Typography.Link data-testid="briefing-number" style={{ borderBottom: '1px dashed' }}>
          {span.number.text}
        </Typography.Link>
      </Popover>,
    );
    at = span.end;
  }
  out.push(text.slice(at));
  return <>{out}</>;
}

export interface ParagraphProps {
  /** What the page prints (after the item's lead). */
  text: string;
  lead?: string;
  /** The whole paragraph as stored, what an edit replaces. */
  raw: string;
  figures: BriefingFigure[];
  edited: boolean;
  editable: boolean;
  /** Local edit not yet saved: a text, or null to go back to the generated text. */
  draft: string | null | undefined;
  onDraft: (text: string | null | undefined) => void;
  style: CSSProperties;
}

export function BriefingParagraph(p: ParagraphProps) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  if (editing !== null) {
    const stray = numbersIn(editing).filter((n) => !isFigure(n, p.figures));
    const kept = new Set(numbersIn(editing).map((n) => n.text));
    const dropped = numbersIn(p.raw).filter((n) => !kept.has(n.text));
    return (
      <div style={{ margin: '8px 0' }} data-testid="briefing-editor">
        <Input.TextArea autoSize value={editing} onChange={(e) => setEditing(e.target.value)} />
        {stray.length > 0 && (
          <Alert
            type="error"
            showIcon
            message={t('数字「{n}」不是本节的数据：可以改写文字、删去数字，数字须与数据一致', {
              n: stray.map((n) => n.text).join(t('」「')),
            })}
          />
        )}
        {dropped.length > 0 && (
          <Typography.Text type="warning">
            {t('将删去数字：{n}', { n: dropped.map((n) => n.text).join('、') })}
          </Typography.Text>
        )}
        <Space style={{ marginTop: 4 }}>
          <Button
            type="primary"
            size="small"
            disabled={stray.length > 0 || editing.trim() === ''}
            onClick={() => {
              p.onDraft(editing.trim() === p.raw ? p.draft : editing.trim());
              setEditing(null);
            }}
          >
            {t('确定')}
          </Button>
          <Button size="small" onClick={() => setEditing(null)}>
            {t('取消')}
          </Button>
        </Space>
      </div>
    );
  }
  const shown = p.draft === undefined ? null : p.draft;
  return (
    <p style={p.style} data-testid="briefing-paragraph">
      {p.lead && shown === null && <strong>{p.lead}</strong>}
      {shown === null ? <Explained text={p.text} figures={p.figures} /> : shown}
      {(p.edited || p.draft !== undefined) && (
        <Tag color={p.draft !== undefined ? 'gold' : 'blue'} style={{ marginLeft: 8, textIndent: 0 }}>
          {p.draft === null ? t('将还原') : p.draft !== undefined ? t('未保存') : t('已改写')}
        </Tag>
      )}
      {p.editable && (
        <Space size={0} style={{ textIndent: 0 }}>
          <Button type="link" size="small" onClick={() => setEditing(p.draft ?? p.raw)}>
            {t('编辑')}
          </Button>
          {(p.edited || p.draft !== undefined) && (
            <Button
              type="link"
              size="small"
              onClick={() => p.onDraft(p.draft !== undefined ? undefined : null)}
            >
              {p.draft !== undefined ? t('撤销') : t('还原原文')}
            </Button>
          )}
        </Space>
      )}
    </p>
  );
}

// How an extracted item reads in the review list: its title, its tags and what needs the reviewer's eye.
import { Space, Tag, Typography } from 'antd';
import type { DocumentItem } from '../api.ts';
import { type T, useT } from '../i18n.ts';
import { KIND_COLORS } from './HighlightedText.tsx';

export const STATUS: Record<DocumentItem['status'], [string, string]> = {
  pending: ['待审', 'default'],
  accepted: ['已采纳', 'green'],
  rejected: ['已舍弃', 'default'],
};
const STRENGTH: Record<string, string> = { expected: '预期', must: '确保', strive: '力争' };
const CMP: Record<string, string> = { '≈': '约', '>=': '≥', '<=': '≤', '=': '', range: '' };
const RECURRENCE: Record<string, string> = { weekly: '每周', monthly: '每月', quarterly: '每季度' };
const FIGURE_KIND: Record<string, string> = {
  amount: '总量',
  growth: '增速',
  share: '比重',
  rank: '位次',
  count: '数量',
  ratio: '倍数',
};

export const str = (v: unknown) => (typeof v === 'string' ? v : '');
const amount = (e: DocumentItem['extracted']) =>
  `${CMP[str(e.cmp)] ?? ''}${e.value}${e.valueHi ? `–${e.valueHi}` : ''}${str(e.unit)}`;

export function itemTitle(i: DocumentItem, t: T): string {
  const e = i.extracted;
  if (i.kind === 'target') return `${str(e.indicator)} ${amount(e)}`;
  if (i.kind === 'task')
    return (e.support as string[]).length
      ? t('牵头：{lead}；配合：{support}', { lead: list(e.lead, t), support: list(e.support, t) })
      : t('牵头：{lead}', { lead: list(e.lead, t) });
  return `${str(e.subject)} ${e.value}${str(e.unit)}`;
}

const list = (names: unknown, t: T) => (names as string[]).join(t('、'));

/** What the highlight colours of the document text mean. */
export function KindLegend() {
  const t = useT();
  const names = { target: '目标', task: '督办任务', figure: '数据' } as const;
  return (
    <Space size={4}>
      {(['target', 'task', 'figure'] as const).map((k) => (
        <span key={k} style={{ background: KIND_COLORS[k], padding: '0 6px', borderRadius: 2 }}>
          {t(names[k])}
        </span>
      ))}
    </Space>
  );
}

export function itemDetail(i: DocumentItem, t: T) {
  const e = i.extracted;
  const tags = [];
  // The year a target is for: the one accepted, else the document's (which the reviewer may change).
  const year = (i.accepted as { year?: number } | null)?.year ?? i.draft?.year;
  if (i.kind === 'target' && year) tags.push(<Tag key="y">{t('{year}年', { year })}</Tag>);
  if (i.kind === 'target' && e.strength) tags.push(<Tag key="s">{t(STRENGTH[str(e.strength)] ?? '')}</Tag>);
  if (e.due) tags.push(<Tag key="d">{t('时限 {due}', { due: str(e.due) })}</Tag>);
  if (e.recurrence) tags.push(<Tag key="r">{t(RECURRENCE[str(e.recurrence)] ?? '')}</Tag>);
  if (i.kind === 'figure')
    tags.push(
      <Tag key="k">{t(FIGURE_KIND[str(e.kind)] ?? '')}</Tag>,
      e.period ? <Tag key="p">{str(e.period)}</Tag> : null,
    );
  return (
    <>
      {tags}
      {i.kind === 'task' && (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
          {str(e.action)}
        </Typography.Paragraph>
      )}
      {i.draft?.problem && i.status === 'pending' && (
        <Typography.Text type="warning">{t(i.draft.problem)}</Typography.Text>
      )}
    </>
  );
}

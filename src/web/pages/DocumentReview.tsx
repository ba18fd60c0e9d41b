// 文件审核: a document's text with each extracted item highlighted, and each item accepted, edited or rejected.
import { Alert, Button, Card, Col, Empty, List, message, Row, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  api,
  type DocumentItem,
  type DocumentSummary,
  type Indicator,
  type Region,
  type TargetInput,
  type TaskInput,
  type User,
} from '../api.ts';
import { HighlightedText, KIND_COLORS } from '../components/HighlightedText.tsx';
import { TargetEditor, TaskEditor } from '../components/ItemEditor.tsx';

type Doc = DocumentSummary & { text: string; items: DocumentItem[] };

const STATUS: Record<DocumentItem['status'], [string, string]> = {
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

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const amount = (e: DocumentItem['extracted']) =>
  `${CMP[str(e.cmp)] ?? ''}${e.value}${e.valueHi ? `–${e.valueHi}` : ''}${str(e.unit)}`;

function itemTitle(i: DocumentItem): string {
  const e = i.extracted;
  if (i.kind === 'target') return `${str(e.indicator)} ${amount(e)}`;
  if (i.kind === 'task')
    return `牵头：${(e.lead as string[]).join('、')}${(e.support as string[]).length ? `；配合：${(e.support as string[]).join('、')}` : ''}`;
  return `${str(e.subject)} ${e.value}${str(e.unit)}`;
}

function itemDetail(i: DocumentItem) {
  const e = i.extracted;
  const tags = [];
  if (i.kind === 'target' && e.strength) tags.push(<Tag key="s">{STRENGTH[str(e.strength)]}</Tag>);
  if (e.due) tags.push(<Tag key="d">时限 {str(e.due)}</Tag>);
  if (e.recurrence) tags.push(<Tag key="r">{RECURRENCE[str(e.recurrence)]}</Tag>);
  if (i.kind === 'figure')
    tags.push(
      <Tag key="k">{FIGURE_KIND[str(e.kind)]}</Tag>,
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
        <Typography.Text type="warning">{i.draft.problem}</Typography.Text>
      )}
    </>
  );
}

export function DocumentReview({ id, user, onBack }: { id: number; user: User; onBack: () => void }) {
  const [doc, setDoc] = useState<Doc | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [indicators, setIndicators] = useState<Indicator[]>([]);
  const [regions, setRegions] = useState<Region[]>([]);
  const [editing, setEditing] = useState<DocumentItem | null>(null);
  const canReview = user.role === 'admin' || user.role === 'analyst';

  const load = useCallback(() => api.document(id).then(setDoc, (e: Error) => message.error(e.message)), [id]);
  useEffect(() => {
    load();
    api.indicators().then(setIndicators, () => undefined);
  }, [load]);
  useEffect(() => {
    if (!doc) return;
    Promise.all([api.region(doc.regionCode), api.regions(doc.regionCode)]).then(
      ([r, below]) => setRegions([r, ...below]),
      () => undefined,
    );
  }, [doc?.regionCode, doc]);

  const draftOf = useCallback(
    (i: DocumentItem): Partial<TargetInput> => ({
      ...(i.draft ? { ...i.draft, indicator: i.draft.indicator ?? undefined } : {}),
      region: doc?.regionCode,
      year: doc?.year ?? new Date().getFullYear(),
    }),
    [doc],
  );
  const taskOf = useCallback(
    (i: DocumentItem): TaskInput => ({
      region: doc?.regionCode ?? '',
      action: str(i.extracted.action),
      lead: i.extracted.lead as string[],
      support: i.extracted.support as string[],
      due: (i.extracted.due as string | null) ?? null,
      recurrence: (i.extracted.recurrence as TaskInput['recurrence']) ?? null,
    }),
    [doc],
  );
  // Built once per item opened, so the form is filled once and not reset while the reviewer types.
  const targetInitial = useMemo(
    () => (editing?.kind === 'target' ? draftOf(editing) : null),
    [editing, draftOf],
  );
  const taskInitial = useMemo(() => (editing?.kind === 'task' ? taskOf(editing) : null), [editing, taskOf]);
  const decide = async (i: DocumentItem, body: Parameters<typeof api.decideItem>[2]) => {
    try {
      await api.decideItem(id, i.seq, body);
      message.success(body.decision === 'reject' ? '已舍弃' : i.kind === 'figure' ? '已记录' : '已采纳');
      setEditing(null);
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const accept = (i: DocumentItem) => {
    if (i.kind === 'target') return decide(i, { decision: 'accept', target: draftOf(i) as TargetInput });
    if (i.kind === 'task') return decide(i, { decision: 'accept', task: taskOf(i) });
    return decide(i, { decision: 'accept' });
  };
  const select = (seq: number) => {
    setSelected(seq);
    document.getElementById(`item-${seq}`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };
  const showInText = (seq: number) => {
    setSelected(seq);
    document.querySelector(`[data-seq="${seq}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  if (!doc) return null;
  const list = (kind: DocumentItem['kind']) => (
    <List
      size="small"
      dataSource={doc.items.filter((i) => i.kind === kind)}
      locale={{ emptyText: <Empty description="没有抽取到" /> }}
      renderItem={(i) => (
        <List.Item
          id={`item-${i.seq}`}
          data-testid={`item-${i.seq}`}
          style={{
            background: i.seq === selected ? '#fff1f0' : undefined,
            display: 'block',
            cursor: 'pointer',
          }}
          onClick={() => showInText(i.seq)}
        >
          <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
            <span>
              <span style={{ background: KIND_COLORS[i.kind], padding: '0 4px', borderRadius: 2 }}>
                {itemTitle(i)}
              </span>{' '}
              <Tag color={STATUS[i.status][1]}>{STATUS[i.status][0]}</Tag>
            </span>
            {canReview && i.status === 'pending' && (
              <Space size={0} onClick={(e) => e.stopPropagation()}>
                <Button
                  size="small"
                  type="link"
                  disabled={i.kind === 'target' && !!i.draft?.problem}
                  onClick={() => accept(i)}
                >
                  {i.kind === 'figure' ? '记录' : '采纳'}
                </Button>
                {i.kind !== 'figure' && (
                  <Button size="small" type="link" onClick={() => setEditing(i)}>
                    修改
                  </Button>
                )}
                <Button size="small" type="link" danger onClick={() => decide(i, { decision: 'reject' })}>
                  舍弃
                </Button>
              </Space>
            )}
          </Space>
          <div>{itemDetail(i)}</div>
        </List.Item>
      )}
    />
  );
  const count = (kind: DocumentItem['kind']) => doc.items.filter((i) => i.kind === kind).length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={onBack}>返回文件列表</Button>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {doc.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {doc.year ? `${doc.year}年` : '年度未知'} · 待审 {doc.pending} · 已采纳 {doc.accepted} · 已舍弃{' '}
          {doc.rejected}
        </Typography.Text>
        <Space size={4}>
          {(['target', 'task', 'figure'] as const).map((k) => (
            <span key={k} style={{ background: KIND_COLORS[k], padding: '0 6px', borderRadius: 2 }}>
              {{ target: '目标', task: '督办任务', figure: '数据' }[k]}
            </span>
          ))}
        </Space>
      </Space>
      {doc.unreadable > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`原文有 ${doc.unreadable} 处乱码无法识别，已在文中标为〔无法识别〕`}
        />
      )}
      <Row gutter={12}>
        <Col xs={24} lg={14}>
          <Card size="small" styles={{ body: { maxHeight: '72vh', overflow: 'auto' } }}>
            <HighlightedText text={doc.text} items={doc.items} selected={selected} onSelect={select} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" styles={{ body: { maxHeight: '72vh', overflow: 'auto', paddingTop: 0 } }}>
            <Tabs
              items={[
                { key: 'target', label: `目标（${count('target')}）`, children: list('target') },
                { key: 'task', label: `督办任务（${count('task')}）`, children: list('task') },
                { key: 'figure', label: `数据（${count('figure')}）`, children: list('figure') },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <TargetEditor
        open={editing?.kind === 'target'}
        initial={targetInitial}
        problem={editing?.draft?.problem ?? null}
        quote={editing?.extracted.quote ?? ''}
        indicators={indicators}
        regions={regions}
        onCancel={() => setEditing(null)}
        onSave={(target) => editing && decide(editing, { decision: 'accept', target })}
      />
      <TaskEditor
        open={editing?.kind === 'task'}
        initial={taskInitial}
        quote={editing?.extracted.quote ?? ''}
        regions={regions}
        onCancel={() => setEditing(null)}
        onSave={(task) => editing && decide(editing, { decision: 'accept', task })}
      />
    </Space>
  );
}

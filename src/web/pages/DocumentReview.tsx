// 文件审核: a document's text with each extracted item highlighted, and each item accepted, edited or rejected.
import { Alert, Button, Card, Checkbox, Col, InputNumber, message, Row, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  api,
  type DocumentItem,
  type DocumentSummary,
  type Region,
  type TargetInput,
  type User,
} from '../api.ts';
import { DocumentItemList } from '../components/DocumentItemList.tsx';
import { HighlightedText } from '../components/HighlightedText.tsx';
import { TargetEditor } from '../components/ItemEditor.tsx';
import { KindLegend } from '../components/ItemSummary.tsx';
import { SuperviseEditor } from '../components/SuperviseEditor.tsx';
import { useT } from '../i18n.ts';
import { useIndicators } from '../kit/index.ts';

type Doc = DocumentSummary & { text: string; items: DocumentItem[] };

export function DocumentReview({ id, user, onBack }: { id: number; user: User; onBack: () => void }) {
  const t = useT();
  const [doc, setDoc] = useState<Doc | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const indicators = useIndicators();
  const [regions, setRegions] = useState<Region[]>([]);
  const [editing, setEditing] = useState<DocumentItem | null>(null);
  // A work report sets a hundred targets; the dozen in its main-target passage come first.
  const [mainOnly, setMainOnly] = useState(false);
  // The year the reviewer would set, while they type it; the document's own until they change it.
  const [year, setYear] = useState<number | null>(null);
  const canReview = user.role === 'admin' || user.role === 'analyst';

  const show = useCallback((d: Doc) => {
    setDoc(d);
    setYear(d.year);
  }, []);
  const load = useCallback(
    () => api.document(id).then(show, (e: Error) => message.error(e.message)),
    [id, show],
  );
  useEffect(() => {
    load();
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
      // The document's year, never the clock's: a 2024 report sets 2024 targets.
      year: i.draft?.year ?? doc?.year ?? undefined,
    }),
    [doc],
  );
  // Built once per item opened, so the form is filled once and not reset while the reviewer types.
  const targetInitial = useMemo(
    () => (editing?.kind === 'target' ? draftOf(editing) : null),
    [editing, draftOf],
  );
  const decide = async (i: DocumentItem, body: Parameters<typeof api.decideItem>[2]) => {
    try {
      await api.decideItem(id, i.seq, body);
      message.success(t(body.decision === 'reject' ? '已舍弃' : i.kind === 'figure' ? '已记录' : '已采纳'));
      setEditing(null);
      await load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const accept = (i: DocumentItem) => {
    if (i.kind === 'target') return decide(i, { decision: 'accept', target: draftOf(i) as TargetInput });
    // A task's owners are chosen from the unit catalogue: accepting opens the picker, never takes the text as is.
    if (i.kind === 'task') return setEditing(i);
    return decide(i, { decision: 'accept' });
  };
  const redate = async () => {
    if (year === null || year === doc?.year) return;
    try {
      show(await api.setDocumentYear(id, year));
      message.success(t('已改为 {year} 年：待审各项已按该年度重新抽取', { year }));
    } catch (e) {
      message.error((e as Error).message);
    }
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
  const shown = (i: DocumentItem) => !mainOnly || i.kind !== 'target' || i.extracted.main === true;
  const ready = doc.items.filter(
    (i) => i.kind === 'target' && i.status === 'pending' && shown(i) && !i.draft?.problem,
  );
  const acceptAll = async () => {
    for (const i of ready)
      await api.decideItem(id, i.seq, { decision: 'accept', target: draftOf(i) as TargetInput });
    message.success(t('已采纳 {n} 个目标', { n: ready.length }));
    await load();
  };
  const list = (kind: DocumentItem['kind']) => (
    <DocumentItemList
      items={doc.items.filter((i) => i.kind === kind && shown(i))}
      selected={selected}
      canReview={canReview}
      onShow={showInText}
      onAccept={accept}
      onEdit={setEditing}
      onReject={(i) => decide(i, { decision: 'reject' })}
    />
  );
  const count = (kind: DocumentItem['kind']) => doc.items.filter((i) => i.kind === kind).length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={onBack}>{t('返回文件列表')}</Button>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {doc.title}
        </Typography.Title>
        <Space size={4} data-testid="document-year">
          <Typography.Text>{t('文件年度')}</Typography.Text>
          {canReview ? (
            <>
              <InputNumber
                size="small"
                min={2000}
                max={2100}
                value={year}
                placeholder={t('未知')}
                onChange={(v) => setYear(v)}
                onPressEnter={redate}
                style={{ width: 90 }}
              />
              <Button size="small" disabled={year === null || year === doc.year} onClick={redate}>
                {t('改定年度')}
              </Button>
            </>
          ) : (
            <Typography.Text strong>
              {doc.year ? t('{year}年', { year: doc.year }) : t('未知')}
            </Typography.Text>
          )}
        </Space>
        <Typography.Text type="secondary">
          {t('待审 {pending} · 已采纳 {accepted} · 已舍弃 {rejected}', {
            pending: doc.pending,
            accepted: doc.accepted,
            rejected: doc.rejected,
          })}
        </Typography.Text>
        <KindLegend />
      </Space>
      {doc.year === null && (
        <Alert
          type="warning"
          showIcon
          message={t('文中没有写明这份文件所定目标的年度：请在上方填写文件年度并点「改定年度」，再采纳目标')}
        />
      )}
      {doc.unreadable > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('原文有 {n} 处乱码无法识别，已在文中标为〔无法识别〕', { n: doc.unreadable })}
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
                {
                  key: 'target',
                  label: t('目标（{n}）', { n: count('target') }),
                  children: (
                    <>
                      <Space style={{ margin: '4px 0' }} wrap>
                        <Checkbox checked={mainOnly} onChange={(e) => setMainOnly(e.target.checked)}>
                          {t('只看主要预期目标')}
                        </Checkbox>
                        {canReview && (
                          <Button size="small" disabled={ready.length === 0} onClick={acceptAll}>
                            {t(mainOnly ? '采纳这些无疑问的目标（{n}）' : '采纳全部无疑问的目标（{n}）', {
                              n: ready.length,
                            })}
                          </Button>
                        )}
                      </Space>
                      {list('target')}
                    </>
                  ),
                },
                { key: 'task', label: t('督办任务（{n}）', { n: count('task') }), children: list('task') },
                { key: 'figure', label: t('数据（{n}）', { n: count('figure') }), children: list('figure') },
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
      <SuperviseEditor
        item={editing?.kind === 'task' ? editing : null}
        region={doc.regionCode}
        year={doc.year}
        onCancel={() => setEditing(null)}
        onSave={(supervise) => editing && decide(editing, { decision: 'accept', supervise })}
      />
    </Space>
  );
}

// 文件: speeches, work reports and news items taken in as text, waiting for review (accepted tasks go to 督办).
import { InputNumber, message, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type DocumentSummary, type User } from '../api.ts';
import { FilePick } from '../components/FilePick.tsx';
import { useT } from '../i18n.ts';
import { DocumentReview } from './DocumentReview.tsx';

const _RECURRENCE: Record<string, string> = { weekly: '每周', monthly: '每月', quarterly: '每季度' };
const _TASK_STATUS: Record<string, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已办结',
  overdue: '逾期',
};

function DocumentList({ user, onOpen }: { user: User; onOpen: (id: number) => void }) {
  const t = useT();
  const [docs, setDocs] = useState<DocumentSummary[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const canUpload = user.role === 'admin' || user.role === 'analyst';
  const load = useCallback(() => api.documents().then(setDocs, (e: Error) => message.error(e.message)), []);
  useEffect(() => {
    load();
  }, [load]);
  const upload = async (file: File) => {
    try {
      const r = await api.uploadDocument(file, year ?? undefined);
      message.success(
        t('已读入：目标 {targets} 个，督办任务 {tasks} 项，数据 {figures} 条，请逐项审核', { ...r }),
      );
      onOpen(r.id);
    } catch (e) {
      message.error((e as Error).message, 8);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canUpload && (
        <Space wrap>
          <FilePick
            label={t('上传讲话、工作报告或新闻')}
            accept=".txt,.md,text/plain"
            testId="document-upload"
            onPick={upload}
          />
          <InputNumber
            placeholder={t('目标年度（可空）')}
            min={2000}
            max={2100}
            value={year}
            onChange={setYear}
            style={{ width: 150 }}
          />
          <Typography.Text type="secondary">
            {t('纯文本（UTF-8 或 GBK）。系统会去掉网页杂项、繁转简、接续断句，再抽取目标、数据和督办任务。')}
          </Typography.Text>
        </Space>
      )}
      <Table
        size="small"
        rowKey="id"
        dataSource={docs}
        pagination={{ pageSize: 20 }}
        onRow={(d) => ({ style: { cursor: 'pointer' }, onClick: () => onOpen(d.id) })}
        data-testid="documents"
        columns={[
          { title: t('标题'), dataIndex: 'title' },
          {
            title: t('年度'),
            dataIndex: 'year',
            width: 80,
            render: (y: number | null) => (y ? t('{year}年', { year: y }) : '—'),
          },
          {
            title: t('上传'),
            dataIndex: 'uploadedAt',
            width: 170,
            render: (at: string) => new Date(at).toLocaleString('zh-CN'),
          },
          { title: t('上传人'), dataIndex: 'uploadedBy', width: 100 },
          {
            title: t('审核'),
            width: 220,
            render: (_: unknown, d: DocumentSummary) => (
              <Space size={4}>
                {d.pending > 0 ? (
                  <Tag color="orange">{t('待审 {n}', { n: d.pending })}</Tag>
                ) : (
                  <Tag color="green">{t('已审完')}</Tag>
                )}
                <Tag>{t('采纳 {n}', { n: d.accepted })}</Tag>
                <Tag>{t('舍弃 {n}', { n: d.rejected })}</Tag>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

export function DocumentsPage({ user }: { user: User }) {
  const [open, setOpen] = useState<number | null>(null);
  if (open !== null) return <DocumentReview id={open} user={user} onBack={() => setOpen(null)} />;
  return (
    // Tasks accepted from a document live on the 督办 page, with their owners, lights and reports.
    <DocumentList user={user} onOpen={setOpen} />
  );
}

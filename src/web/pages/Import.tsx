// 导入: upload a statistics file, see its format and what it would change — or every error by row and column — then confirm.
// Both steps run as jobs on the server, so a big file shows a progress bar instead of a frozen page.
import { Alert, Button, Descriptions, Input, Progress, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, type ImportJob, type ImportResult } from '../api.ts';
import { FilePick } from '../components/FilePick.tsx';
import { type T, useT } from '../i18n.ts';

const stateText: Record<ImportJob['state'], string> = {
  queued: '排队等待',
  reading: '正在读取',
  checking: '正在校验',
  writing: '正在写入',
  done: '完成',
  failed: '未通过',
};

function JobProgress({ job }: { job: ImportJob }) {
  const t = useT();
  const vars = { state: t(stateText[job.state]), file: job.file, mb: (job.bytes / 1024 / 1024).toFixed(1) };
  const rows = job.rows > 0 ? t('，已读取 {n} 行', { n: job.rows.toLocaleString('zh-CN') }) : '';
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 560 }} data-testid="import-progress">
      <Typography.Text>
        {t('{state}：{file}（{mb} MB）', vars)}
        {rows}
      </Typography.Text>
      {/* Without a known total (a CSV still streaming in) the bar only shows that work goes on. */}
      <Progress percent={job.percent ?? 0} status="active" showInfo={job.percent !== null} />
    </Space>
  );
}

/** '跳过 570 行：北京市、天津市 等 30 个地区不是本系统载入的地区，这些行未导入' — the CLI says the same. */
function skippedText(skipped: { rows: number; regions: string[] }, t: T): string {
  const { rows, regions } = skipped;
  const names =
    regions.slice(0, 10).join(t('、')) +
    (regions.length > 10 ? t(' 等 {n} 个地区', { n: regions.length }) : '');
  return t('跳过 {rows} 行：{names}不是本系统载入的地区，这些行未导入', { rows, names });
}

export function ImportPage() {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Changing a published (locked) period is a revision: the reason is asked for here and sent with the file.
  const [reason, setReason] = useState('');
  const run = async (f: File, dryRun: boolean, why = reason.trim()) => {
    setJob(null);
    try {
      return await api.importInBackground(f, dryRun, setJob, why || undefined);
    } finally {
      setJob(null);
    }
  };
  const choose = async (f: File) => {
    setDone(null);
    setPreview(null);
    setReason('');
    setFile(f);
    setPreview(await run(f, true, ''));
  };
  const retry = async () => {
    if (file) setPreview(await run(file, true));
  };
  const confirm = async () => {
    if (!file) return;
    const r = await run(file, false);
    setPreview(r);
    if (r.ok)
      setDone(
        t('已导入 {file}：新增 {created}，更新 {updated}，未变 {ignored}', {
          file: file.name,
          created: r.summary.created,
          updated: r.summary.updated,
          ignored: r.summary.ignored,
        }) + (r.summary.skipped ? t('；') + skippedText(r.summary.skipped, t) : ''),
      );
  };
  const locked = preview && !preview.ok && preview.code === 'period.locked';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">
        {t('支持国家统计局导出的 CSV（UTF-8 或 GBK）、本系统的长表模板（')}
        <a href="/api/templates/long.xlsx">{t('下载 XLSX 模板')}</a>
        {t('、')}
        <a href="/api/templates/long.csv">{t('CSV 模板')}</a>
        {t(
          '）和宽表报表；每个文件最多 64 MB、1,000,000 行。导入前先试导入：有任何错误时整份文件都不会写入。',
        )}
      </Typography.Paragraph>
      <FilePick label={t('选择要导入的文件')} accept=".csv,.xlsx" testId="upload" onPick={choose} />
      {job && <JobProgress job={job} />}
      {preview && !preview.ok && (
        <>
          <Alert type="error" showIcon message={preview.message} />
          {locked && (
            <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
              <Input
                placeholder={t('修订原因，如：统计局年报修正')}
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
                data-testid="import-reason"
              />
              <Button type="primary" disabled={!reason.trim() || job !== null} onClick={retry}>
                {t('填写原因后重新试导入')}
              </Button>
            </Space.Compact>
          )}
          <Table
            size="small"
            rowKey={(i) => `${i.file}-${i.row}-${i.column}-${i.value}-${i.expected}`}
            pagination={false}
            dataSource={preview.issues}
            data-testid="issues"
            columns={[
              { title: t('文件'), dataIndex: 'file' },
              { title: t('行'), dataIndex: 'row', width: 70 },
              { title: t('列'), dataIndex: 'column', width: 160 },
              { title: t('内容'), dataIndex: 'value' },
              { title: t('问题'), dataIndex: 'expected' },
            ]}
          />
        </>
      )}
      {preview?.ok && !done && (
        <>
          <Descriptions size="small" bordered column={5} data-testid="preview">
            <Descriptions.Item label={t('格式')}>{preview.summary.format}</Descriptions.Item>
            <Descriptions.Item label={t('行数')}>{preview.summary.rows}</Descriptions.Item>
            <Descriptions.Item label={t('将新增')}>{preview.summary.created}</Descriptions.Item>
            <Descriptions.Item label={t('将更新')}>{preview.summary.updated}</Descriptions.Item>
            <Descriptions.Item label={t('未变')}>{preview.summary.ignored}</Descriptions.Item>
          </Descriptions>
          {preview.summary.skipped && (
            <Alert
              type="info"
              showIcon
              message={skippedText(preview.summary.skipped, t)}
              data-testid="skipped"
            />
          )}
          {reason.trim() && (
            <Typography.Text>{t('修订原因：{reason}', { reason: reason.trim() })}</Typography.Text>
          )}
          <Button type="primary" onClick={confirm} disabled={job !== null}>
            {t('确认导入')}
          </Button>
        </>
      )}
      {done && <Alert type="success" showIcon message={done} />}
    </Space>
  );
}

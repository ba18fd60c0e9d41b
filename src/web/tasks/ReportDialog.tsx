// A unit reports progress on a task (进展报送): percent, a note and an evidence file.
import { Input, InputNumber, Modal, message, Space } from 'antd';
import { useState } from 'react';
import { api, type SupervisionTask } from '../api.ts';
import { useT } from '../i18n.ts';

/** A file as base64, for the report's evidence. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function ReportDialog({ task, onClose }: { task: SupervisionTask; onClose: (done: boolean) => void }) {
  const t = useT();
  const [percent, setPercent] = useState<number | null>(task.percent);
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      const evidence = file ? { name: file.name, base64: await base64Of(file) } : null;
      await api.reportTask(task.id, { percent, note: note || null, evidence });
      message.success(t('已报送'));
      onClose(true);
    } catch (e) {
      message.error((e as Error).message);
    }
    setBusy(false);
  };
  return (
    <Modal
      open
      title={t('报送进展：{title}', { title: task.title })}
      onOk={send}
      okText={t('报送')}
      confirmLoading={busy}
      onCancel={() => onClose(false)}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          {t('完成进度')}
          <InputNumber
            min={0}
            max={100}
            value={percent}
            onChange={setPercent}
            addonAfter="%"
            data-testid="report-percent"
          />
        </Space>
        <Input.TextArea
          rows={3}
          placeholder={t('进展说明')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <input type="file" data-testid="report-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </Space>
    </Modal>
  );
}

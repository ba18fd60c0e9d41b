// The question the server asks about a value that looks like a slip (409 observation.implausible): each problem
// with its numbers, and a reason without which the value is not kept.
import { Alert, Input, Modal, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useT } from '../i18n.ts';

/** What the dialog asks about: one indicator's value and the server's list of problems. */
export interface EntryQuestion {
  indicator: string;
  value: number | null;
  problems: string[];
  /** Prefilled: the line's explanation or the revision reason already typed. */
  reason: string;
}

/**
 * A dialog and `ask`, which opens it and resolves with the reason given, or null when the user goes back.
 * @example const { ask, dialog } = useConfirmEntry(); const reason = await ask(question);
 */
export function useConfirmEntry() {
  const [open, setOpen] = useState<(EntryQuestion & { answer: (r: string | null) => void }) | null>(null);
  const [reason, setReason] = useState('');
  const t = useT();
  const ask = useCallback(
    (q: EntryQuestion) =>
      new Promise<string | null>((answer) => {
        setReason(q.reason);
        setOpen({ ...q, answer });
      }),
    [],
  );
  const close = (r: string | null) => {
    open?.answer(r);
    setOpen(null);
  };
  const dialog = (
    <Modal
      open={open !== null}
      title={t('请确认：{indicator} {value}', {
        indicator: open?.indicator ?? '',
        value: String(open?.value ?? ''),
      })}
      okText={t('确认无误，提交')}
      cancelText={t('返回修改')}
      okButtonProps={{ disabled: reason.trim() === '' }}
      onOk={() => close(reason.trim())}
      onCancel={() => close(null)}
      destroyOnHidden
    >
      <div data-testid="implausible-dialog">
        <Alert
          type="warning"
          showIcon
          message={t('这个数值可能填错了')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {open?.problems.map((p) => (
                <li key={p}>{t(p)}</li>
              ))}
            </ul>
          }
        />
        <Typography.Paragraph style={{ margin: '12px 0 4px' }}>
          {t('如确认无误，请说明原因（与数值一起保存，审核和审计中可见）：')}
        </Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          rows={3}
          placeholder={t('必填：为什么这个数是对的')}
          data-testid="implausible-reason"
        />
      </div>
    </Modal>
  );
  return { ask, dialog };
}

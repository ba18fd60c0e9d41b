// How a figure was computed — its formula and its inputs — wherever the app offers "怎么算的": the cockpit's
// target cards, a league table's rows (a dialog) and the briefing's numbers (a popover's list).
import { Descriptions, Modal, Table } from 'antd';
import type { ReactNode } from 'react';
import { inputText } from '../format.ts';
import { useT } from '../i18n.ts';

export interface Explanation {
  formula: string;
  inputs: Record<string, number | string | null>;
}

/** The formula over a table of the inputs. */
export function ExplanationTable({
  explain,
  formulaTestId,
}: {
  explain?: Explanation;
  formulaTestId?: string;
}) {
  const t = useT();
  return (
    <>
      <p data-testid={formulaTestId}>{explain?.formula}</p>
      <Table
        size="small"
        pagination={false}
        rowKey="k"
        dataSource={Object.entries(explain?.inputs ?? {}).map(([k, v]) => ({ k, v: inputText(v) }))}
        columns={[
          { title: t('输入'), dataIndex: 'k' },
          { title: t('数值'), dataIndex: 'v' },
        ]}
      />
    </>
  );
}

/** A dialog with a figure's explanation; open while `explain` is given, anything below it in `footer`. */
export function ExplanationDialog({
  open,
  title,
  explain,
  onClose,
  formulaTestId,
  footer,
}: {
  open: boolean;
  title: string;
  explain?: Explanation;
  onClose: () => void;
  formulaTestId?: string;
  footer?: ReactNode;
}) {
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={title}>
      <ExplanationTable explain={explain} formulaTestId={formulaTestId} />
      {footer}
    </Modal>
  );
}

/** The same explanation as a compact list, for a popover beside a number in running text. */
export function ExplanationList({ explain, title }: { explain: Explanation; title: string }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={1}
      title={title}
      items={[
        { key: 'formula', label: t('算法'), children: explain.formula },
        ...Object.entries(explain.inputs).map(([k, v]) => ({ key: k, label: k, children: v ?? '—' })),
      ]}
    />
  );
}

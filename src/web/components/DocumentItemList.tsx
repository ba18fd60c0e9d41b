// The items extracted from a document, one kind at a time, each with its status and — while pending, for a
// reviewer — buttons to accept, edit or reject it; clicking an item shows it in the text.
import { Button, Empty, List, Space, Tag } from 'antd';
import type { DocumentItem } from '../api.ts';
import { useT } from '../i18n.ts';
import { KIND_COLORS } from './HighlightedText.tsx';
import { itemDetail, itemTitle, STATUS } from './ItemSummary.tsx';

export function DocumentItemList({
  items,
  selected,
  canReview,
  onShow,
  onAccept,
  onEdit,
  onReject,
}: {
  items: DocumentItem[];
  selected: number | null;
  canReview: boolean;
  onShow: (seq: number) => void;
  onAccept: (i: DocumentItem) => void;
  onEdit: (i: DocumentItem) => void;
  onReject: (i: DocumentItem) => void;
}) {
  const t = useT();
  return (
    <List
      size="small"
      dataSource={items}
      locale={{ emptyText: <Empty description={t('没有抽取到')} /> }}
      renderItem={(i) => (
        <List.Item
          id={`item-${i.seq}`}
          data-testid={`item-${i.seq}`}
          style={{
            background: i.seq === selected ? '#fff1f0' : undefined,
            display: 'block',
            cursor: 'pointer',
          }}
          onClick={() => onShow(i.seq)}
        >
          <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
            <span>
              <span style={{ background: KIND_COLORS[i.kind], padding: '0 4px', borderRadius: 2 }}>
                {itemTitle(i, t)}
              </span>{' '}
              <Tag color={STATUS[i.status][1]}>{t(STATUS[i.status][0])}</Tag>
            </span>
            {canReview && i.status === 'pending' && (
              <Space size={0} onClick={(e) => e.stopPropagation()}>
                <Button
                  size="small"
                  type="link"
                  disabled={i.kind === 'target' && !!i.draft?.problem}
                  onClick={() => onAccept(i)}
                >
                  {t(i.kind === 'figure' ? '记录' : '采纳')}
                </Button>
                {i.kind !== 'figure' && (
                  <Button size="small" type="link" onClick={() => onEdit(i)}>
                    {t('修改')}
                  </Button>
                )}
                <Button size="small" type="link" danger onClick={() => onReject(i)}>
                  {t('舍弃')}
                </Button>
              </Space>
            )}
          </Space>
          <div>{itemDetail(i, t)}</div>
        </List.Item>
      )}
    />
  );
}

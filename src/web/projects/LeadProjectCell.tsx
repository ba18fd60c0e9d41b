// The lead list's 重点项目 cell: the project a lead became (opens its drawer) and, for an analyst or admin, the
// undoing of a wrong link behind a confirmation; a lead with none offers the promotion instead.
import { Button, message, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n.ts';
import { type LeadListRow, leadsApi } from '../leadsApi.ts';

export function LeadProjectCell(props: {
  region: string;
  lead: LeadListRow;
  /** An analyst or admin: may promote a lead and undo a link. */
  promoter: boolean;
  onOpenProject: (code: string) => void;
  onPromote: (lead: LeadListRow) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const { lead } = props;
  const [busy, setBusy] = useState(false);
  const code = lead.projectCode;
  const unlink = async () => {
    setBusy(true);
    try {
      await leadsApi.unlink(props.region, lead.code);
      message.success(
        t('已撤销 {lead} 与重点项目 {project} 的关联', { lead: lead.code, project: code ?? '' }),
      );
      props.onChanged();
    } catch (e) {
      message.error((e as Error).message, 6);
    } finally {
      setBusy(false);
    }
  };
  if (!code)
    return props.promoter ? (
      <Button size="small" onClick={() => props.onPromote(lead)} data-testid={`promote-${lead.code}`}>
        {t('转为重点项目')}
      </Button>
    ) : (
      '—'
    );
  return (
    <Space size={4} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Link onClick={() => props.onOpenProject(code)} data-testid={`lead-project-${lead.code}`}>
        {code}
      </Typography.Link>
      {props.promoter && (
        <Popconfirm
          title={t('撤销关联？')}
          description={t('招商项目 {lead} 将不再关联重点项目 {project}；该项目仍保留在项目库中。', {
            lead: lead.code,
            project: code,
          })}
          okText={t('撤销关联')}
          cancelText={t('取消')}
          onConfirm={unlink}
        >
          <Button size="small" type="link" danger loading={busy} data-testid={`unlink-${lead.code}`}>
            {t('撤销关联')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

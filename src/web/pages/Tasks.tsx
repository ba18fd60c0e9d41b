// 督办: each unit's to-do list with today's lights and the reminders for what falls due soon; a unit reports
// progress (percent, note, an evidence file); the office looks at the reports, sends one back with a reason,
// and closes the task after review.
import { Alert, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, type SupervisionTask, type User } from '../api.ts';
import { translated, useT } from '../i18n.ts';
import { ErrorAlert, RegionPicker, useApi, useRegionChoice } from '../kit/index.ts';
import { ExtensionDialog } from '../tasks/ExtensionDialog.tsx';
import { MeetingDialog } from '../tasks/MeetingDialog.tsx';
import { NewTaskDialog } from '../tasks/NewTaskDialog.tsx';
import { ReportDialog } from '../tasks/ReportDialog.tsx';
import { ReviewDialog } from '../tasks/ReviewDialog.tsx';
import { LIGHTS, type Light, TaskTable } from '../tasks/TaskTable.tsx';

export function TasksPage({ user }: { user: User }) {
  const t = useT();
  const office = user.role === 'admin' || user.role === 'analyst';
  const [light, setLight] = useState<Light | undefined>();
  const { regions, region, setRegion } = useRegionChoice(user);
  const {
    data: rows = [],
    error,
    loading,
    reload,
  } = useApi(() => api.supervisionTasks({ light, region }), [light, region]);
  const [reporting, setReporting] = useState<SupervisionTask | null>(null);
  const [reviewing, setReviewing] = useState<SupervisionTask | null>(null);
  const [extending, setExtending] = useState<SupervisionTask | null>(null);
  const [dialog, setDialog] = useState<'task' | 'meeting' | null>(null);
  const soon = rows.filter((r) => r.light === 'blue');

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('督办任务')}</Typography.Title>
      {soon.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="task-reminder"
          message={
            <>
              {t('{n} 项任务临近截止：', { n: soon.length })}
              {/* Titles are what the office wrote: data, shown as written in either language. */}
              <span data-content>{soon.map((r) => r.title).join('、')}</span>
            </>
          }
        />
      )}
      <Space wrap>
        {regions.length > 1 && (
          <RegionPicker regions={regions} value={region} onChange={setRegion} testId="task-region" />
        )}
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('全部灯色')}
          value={light}
          onChange={setLight}
          options={translated(
            t,
            Object.entries(LIGHTS).map(([value, l]) => ({ value: value as Light, label: l.label })),
          )}
        />
        {office && region && (
          <>
            <Button type="primary" onClick={() => setDialog('task')}>
              {t('交办任务')}
            </Button>
            <Button onClick={() => setDialog('meeting')}>{t('记录会议')}</Button>
          </>
        )}
        <Button href={api.noticeUrl('docx', region)} data-testid="notice-docx">
          {t('督办通报（Word）')}
        </Button>
        <Button href={api.noticeUrl('xlsx', region)} data-testid="notice-xlsx">
          {t('督办通报（Excel）')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
      <TaskTable
        user={user}
        rows={rows}
        loading={loading}
        onReport={setReporting}
        onReview={setReviewing}
        onExtend={setExtending}
      />
      {reporting && (
        <ReportDialog
          task={reporting}
          onClose={(done) => {
            setReporting(null);
            if (done) reload();
          }}
        />
      )}
      {extending && (
        <ExtensionDialog
          task={extending}
          office={office}
          onClose={() => {
            setExtending(null);
            reload();
          }}
        />
      )}
      {dialog === 'task' && region && (
        <NewTaskDialog
          region={region}
          onClose={(done) => {
            setDialog(null);
            if (done) reload();
          }}
        />
      )}
      {dialog === 'meeting' && region && (
        <MeetingDialog
          region={region}
          onClose={(done) => {
            setDialog(null);
            if (done) reload();
          }}
        />
      )}
      {reviewing && (
        <ReviewDialog
          task={reviewing}
          onClose={() => {
            setReviewing(null);
            reload();
          }}
        />
      )}
    </Space>
  );
}

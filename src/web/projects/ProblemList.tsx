// A project's problem list (问题清单) in its drawer: what, who coordinates, by when, solved or not — an open
// problem past its due day in red with its days late; those who report add problems and mark them solved.
import { Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n.ts';
import { ErrorAlert, useApi } from '../kit/index.ts';
import { type ProjectProblem, projectsApi } from '../projectsApi.ts';

interface Values {
  description: string;
  coordinator: string;
  due: string;
}

/** The state of a problem as a tag: overdue (red, days late), open, solved, solved late. */
export function ProblemTag({ p }: { p: ProjectProblem }) {
  const t = useT();
  if (p.overdue)
    return (
      <Tag color="red" data-testid="problem-overdue">
        {t('逾期 {n} 天', { n: p.daysOverdue ?? 0 })}
      </Tag>
    );
  if (p.open) return <Tag color="orange">{t('未解决')}</Tag>;
  return <Tag color={p.resolvedLate ? 'gold' : 'green'}>{p.resolvedLate ? t('逾期解决') : t('已解决')}</Tag>;
}

export function ProblemList(props: {
  region: string;
  code: string;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const { region, code } = props;
  const [round, setRound] = useState(0);
  const list = useApi(() => projectsApi.problems(region, { code }), [region, code, round]);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [solving, setSolving] = useState<ProjectProblem | null>(null);
  const [note, setNote] = useState('');
  const changed = () => {
    setRound((n) => n + 1);
    props.onChanged();
  };
  const act = async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
      changed();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  };
  const add = async (v: Values) => {
    if (await act(() => projectsApi.addProblem({ region, code, ...v }))) form.resetFields();
  };
  const problems = list.data?.problems ?? [];
  const open = problems.filter((p) => p.open).length;
  const overdue = problems.filter((p) => p.overdue).length;
  return (
    <Card
      size="small"
      title={t('问题清单（未解决 {open}，逾期 {overdue}）', { open, overdue })}
      data-testid="problem-list"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {(list.error ?? error) && <ErrorAlert error={list.error ?? error} />}
        <Table<ProjectProblem>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={problems}
          locale={{ emptyText: t('没有登记问题') }}
          rowClassName={(p) => (p.overdue ? 'problem-overdue' : '')}
          columns={[
            { title: t('问题描述'), dataIndex: 'description' },
            { title: t('协调单位/责任人'), dataIndex: 'coordinator' },
            { title: t('完成时限'), dataIndex: 'due' },
            { title: t('状态'), render: (_: unknown, p) => <ProblemTag p={p} /> },
            {
              title: t('解决情况'),
              render: (_: unknown, p) =>
                p.resolvedOn ? (
                  <Typography.Text>{`${p.resolvedOn}${p.resolution ? ` · ${p.resolution}` : ''}`}</Typography.Text>
                ) : (
                  '—'
                ),
            },
            { title: t('登记人'), dataIndex: 'raisedBy' },
            ...(props.canWrite
              ? [
                  {
                    title: t('操作'),
                    render: (_: unknown, p: ProjectProblem) =>
                      p.open ? (
                        <Button
                          size="small"
                          type="link"
                          data-testid={`problem-resolve-${p.id}`}
                          onClick={() => {
                            setNote('');
                            setSolving(p);
                          }}
                        >
                          {t('标记解决')}
                        </Button>
                      ) : (
                        <Button
                          size="small"
                          type="link"
                          onClick={() => act(() => projectsApi.reopenProblem(region, p.id))}
                        >
                          {t('重新打开')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
        {props.canWrite && (
          <Form form={form} layout="inline" onFinish={add} data-testid="problem-form">
            <Form.Item name="description" rules={[{ required: true, message: t('请填写问题描述') }]}>
              <Input placeholder={t('问题描述')} style={{ width: 260 }} data-testid="problem-description" />
            </Form.Item>
            <Form.Item name="coordinator" rules={[{ required: true, message: t('请填写协调单位') }]}>
              <Input
                placeholder={t('协调单位/责任人')}
                style={{ width: 180 }}
                data-testid="problem-coordinator"
              />
            </Form.Item>
            <Form.Item name="due" rules={[{ required: true, message: t('请填写完成时限') }]}>
              <Input type="date" style={{ width: 150 }} data-testid="problem-due" />
            </Form.Item>
            <Button htmlType="submit" data-testid="problem-add">
              {t('登记问题')}
            </Button>
          </Form>
        )}
      </Space>
      <Modal
        open={solving !== null}
        title={t('标记问题已解决')}
        okText={t('标记解决')}
        onCancel={() => setSolving(null)}
        onOk={async () => {
          const p = solving;
          if (p && (await act(() => projectsApi.resolveProblem(region, p.id, note || undefined))))
            setSolving(null);
        }}
      >
        <Typography.Paragraph>{solving?.description}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('解决情况（可选）')}
          data-testid="problem-note"
        />
      </Modal>
    </Card>
  );
}

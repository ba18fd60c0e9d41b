// 审计日志: who changed which value or target, old → new, when and from which file; sign-ins and account changes.
import { Button, DatePicker, Form, Input, message, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { auditActionName, auditActionNames } from '../../contract/web.ts';
import { type AuditEvent, api } from '../api.ts';
import { type T, useT } from '../i18n.ts';

const actionOptions = (t: T) =>
  Object.entries(auditActionNames).map(([value, label]) => ({
    value,
    label: t('{name}（{code}）', { name: t(label), code: value }),
  }));

/** A value of the log, short: a number or text as it is, a changed value or target by its figures. */
function show(v: unknown, t: T): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.join(t('、'));
  const o = v as Record<string, unknown>;
  if ('value' in o && ('yoy' in o || 'kind' in o)) {
    const value = o.value === null || o.value === undefined ? t('空') : String(o.value);
    const yoy = o.yoy === null || o.yoy === undefined ? '' : t('，同比 {yoy}%', { yoy: String(o.yoy) });
    // A revision's reason, or why a value that looked like a slip was kept, and what looked wrong.
    const why = typeof o.reason === 'string' && o.reason ? t('；原因：{reason}', { reason: o.reason }) : '';
    const doubts = Array.isArray(o.implausible)
      ? t('；确认的疑点：{list}', { list: o.implausible.join(t('；')) })
      : '';
    return `${value}${yoy}${why}${doubts}`;
  }
  return Object.entries(o)
    .filter(([, x]) => x !== null && x !== undefined && typeof x !== 'object')
    .map(([k, x]) =>
      t('{field}：{value}', { field: t(fieldName[k] ?? k), value: t(valueName[String(x)] ?? String(x)) }),
    )
    .join(t('；'));
}

// The fields the server writes into old/new, as a reader of the log says them.
const fieldName: Record<string, string> = {
  reason: '原因',
  address: '地址',
  role: '角色',
  region: '辖区',
  created: '新增',
  updated: '更新',
  ignored: '未变',
  alertThreshold: '触警阈值',
  excellenceThreshold: '优质阈值',
  reportingUnit: '报送单位',
  leader: '分管领导',
};
const valueName: Record<string, string> = {
  locked: '账号已锁定',
  password: '密码错误',
  admin: '管理员',
  analyst: '分析员',
  reporter: '填报员',
  leader: '领导',
};

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

const red = new Set(['sign_in_failed', 'user.delete', 'password.reset', 'target.delete']);

interface Filter {
  user?: string;
  action?: string;
  since?: string;
  until?: string;
}

export function AuditPage() {
  const t = useT();
  const [events, setEvents] = useState<(AuditEvent & { key: number })[]>([]);
  const [loading, setLoading] = useState(false);
  const [regionNames, setRegionNames] = useState<Map<string, string>>(new Map());
  const load = useCallback(async (filter: Filter) => {
    setLoading(true);
    try {
      const list = await api.audit({ ...filter, limit: 1000 });
      setEvents(list.map((e, key) => ({ ...e, key })));
      const codes = [...new Set(list.flatMap((e) => (e.region ? [e.region] : [])))].slice(0, 100);
      const regions = await Promise.all(codes.map((c) => api.region(c).catch(() => null)));
      setRegionNames(new Map(regions.flatMap((r) => (r ? [[r.code, r.name] as const] : []))));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load({});
  }, [load]);
  const search = (v: {
    user?: string;
    action?: string;
    days?: [{ format(f: string): string }, { format(f: string): string }] | null;
  }) =>
    load({
      user: v.user?.trim() || undefined,
      action: v.action || undefined,
      since: v.days?.[0]?.format('YYYY-MM-DD'),
      until: v.days?.[1]?.format('YYYY-MM-DD'),
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="inline" onFinish={search}>
        <Form.Item name="user">
          <Input placeholder={t('用户名')} allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action">
          <Select
            placeholder={t('操作')}
            allowClear
            showSearch
            style={{ width: 240 }}
            options={actionOptions(t)}
          />
        </Form.Item>
        <Form.Item name="days">
          <DatePicker.RangePicker placeholder={[t('起始日期'), t('截止日期')]} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('查询')}
        </Button>
      </Form>
      <Typography.Text type="secondary">
        {t('新的在前，最多 1000 条。数据和目标的每次修改都列出旧值和新值；导入列出文件名。')}
      </Typography.Text>
      <div data-testid="audit-log">
        <Table
          size="small"
          rowKey="key"
          loading={loading}
          dataSource={events}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { title: t('时间'), dataIndex: 'at', width: 170, render: time },
            { title: t('用户'), dataIndex: 'user' },
            {
              title: t('操作'),
              dataIndex: 'action',
              render: (a: string) => (
                <Tag color={red.has(a) ? 'red' : undefined}>{t(auditActionName(a))}</Tag>
              ),
            },
            {
              title: t('地区'),
              dataIndex: 'region',
              render: (r: string | null) => (r ? (regionNames.get(r) ?? r) : ''),
            },
            { title: t('对象'), dataIndex: 'object' },
            {
              title: t('旧值 → 新值'),
              key: 'change',
              render: (_: unknown, e: AuditEvent) => {
                const [o, n] = [show(e.old, t), show(e.new, t)];
                return o && n ? `${o} → ${n}` : o || n;
              },
            },
            { title: t('文件'), dataIndex: 'file' },
          ]}
        />
      </div>
    </Space>
  );
}

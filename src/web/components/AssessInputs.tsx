// The inputs of an assessment (录入): 地区, 项目, 分值 rows typed in or read from a CSV of the same columns. The
// server checks every row against the scheme when the office runs it, naming the row that is wrong.
import { Button, Input, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { AssessInput } from '../api.ts';
import { useT } from '../i18n.ts';

/** The header names the CSV's columns go by (the same as the CLI's inputs file). */
const HEAD = { region: '地区', item: '项目', value: '分值', note: '说明' };
/** The words the server reads (a veto, and the bonus and penalty rows), whatever the interface's language. */
export const VETO = '否决';
export const CAPS = ['加分', '减分'];

/** A simple CSV (no quoted commas expected in these three columns) to rows; the header row is required. */
export function parseInputsCsv(text: string): AssessInput[] | string {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const head = (lines[0] ?? '').split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  const at = (name: string) => head.indexOf(name);
  if (at(HEAD.region) < 0 || at(HEAD.item) < 0 || at(HEAD.value) < 0) return head.join(',');
  return lines.slice(1).map((l) => {
    const c = l.split(',').map((x) => x.trim().replace(/^"|"$/g, ''));
    const raw = c[at(HEAD.value)] ?? '';
    const n = Number(raw);
    return {
      region: c[at(HEAD.region)] ?? '',
      item: c[at(HEAD.item)] ?? '',
      value: raw === VETO ? VETO : raw !== '' && Number.isFinite(n) ? n : (raw as unknown as number),
      note: at(HEAD.note) >= 0 ? (c[at(HEAD.note)] ?? null) : null,
    };
  });
}

export function AssessInputs({
  rows,
  onChange,
  items,
  regions,
}: {
  rows: AssessInput[];
  onChange: (rows: AssessInput[]) => void;
  /** The scheme's input items. */
  items: string[];
  /** Region names the ranking knows, to pick from (any name or code may be typed). */
  regions: string[];
}) {
  const t = useT();
  const [bad, setBad] = useState<string | null>(null);
  const setRow = (i: number, change: Partial<AssessInput>) =>
    onChange(rows.map((r, k) => (k === i ? { ...r, ...change } : r)));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="assess-inputs">
      <Space wrap>
        <Button
          onClick={() =>
            onChange([...rows, { region: regions[0] ?? '', item: items[0] ?? CAPS[0] ?? '', value: 0 }])
          }
        >
          {t('添加一行')}
        </Button>
        <Upload
          accept=".csv"
          showUploadList={false}
          beforeUpload={async (file) => {
            const parsed = parseInputsCsv(await file.text());
            if (typeof parsed === 'string') setBad(parsed);
            else {
              setBad(null);
              onChange(parsed);
            }
            return false;
          }}
        >
          <Button>{t('从 CSV 读入（地区,项目,分值）')}</Button>
        </Upload>
        <Typography.Text type="secondary">
          {t('分值为数字；一票否决项填「{veto}」；加分、减分各写一行，减分写正数', { veto: VETO })}
        </Typography.Text>
      </Space>
      {bad !== null && (
        <Typography.Text type="danger">
          {t('CSV 的表头应含 {columns}，收到：{head}', {
            columns: [HEAD.region, HEAD.item, HEAD.value].join(','),
            head: bad,
          })}
        </Typography.Text>
      )}
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={rows}
        columns={[
          {
            title: t('地区'),
            render: (_: unknown, r: AssessInput, i: number) => (
              <Select
                showSearch
                style={{ width: 160 }}
                value={r.region}
                onChange={(v) => setRow(i, { region: v })}
                options={[...new Set([...regions, r.region])].map((x) => ({ value: x, label: x }))}
              />
            ),
          },
          {
            title: t('项目'),
            render: (_: unknown, r: AssessInput, i: number) => (
              <Select
                style={{ width: 180 }}
                value={r.item}
                onChange={(v) => setRow(i, { item: v })}
                options={[...new Set([...items, ...CAPS, r.item])].map((x) => ({
                  value: x,
                  label: CAPS.includes(x) ? t(x) : x,
                }))}
              />
            ),
          },
          {
            title: t('分值'),
            render: (_: unknown, r: AssessInput, i: number) => (
              <Input
                style={{ width: 100 }}
                value={String(r.value)}
                onChange={(e) => {
                  const v = e.target.value.trim();
                  const n = Number(v);
                  setRow(i, {
                    value: v === VETO ? VETO : v !== '' && Number.isFinite(n) ? n : (v as unknown as number),
                  });
                }}
              />
            ),
          },
          {
            title: t('说明'),
            render: (_: unknown, r: AssessInput, i: number) => (
              <Input value={r.note ?? ''} onChange={(e) => setRow(i, { note: e.target.value || null })} />
            ),
          },
          {
            title: '',
            width: 60,
            render: (_: unknown, _r: AssessInput, i: number) => (
              <Button size="small" danger onClick={() => onChange(rows.filter((_x, k) => k !== i))}>
                {t('删除')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}

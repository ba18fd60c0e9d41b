// 目标: the year's targets of a region and all its sub-regions in one grid; edit a cell and save.
import { Button, InputNumber, message, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Indicator, type Region, type Target, type User } from '../api.ts';
import { useRegionTree } from '../useRegionTree.ts';

interface GridRow {
  region: Region;
  targets: Target[];
}

const primary = (ts: Target[], code: string) =>
  ts
    .filter((t) => t.indicatorCode === code)
    .sort(
      (a, b) =>
        ['expected', 'must', 'strive'].indexOf(a.strength) -
        ['expected', 'must', 'strive'].indexOf(b.strength),
    )[0];
const kindName: Record<Target['kind'], string> = {
  growth: '增速%',
  amount: '总量',
  ceiling: '上限',
  floor: '下限',
};

export function TargetsPage({ user }: { user: User }) {
  const [year, setYear] = useState(2025);
  const [rows, setRows] = useState<GridRow[]>([]);
  const [indicators, setIndicators] = useState<Indicator[]>([]);
  const [edits, setEdits] = useState<Map<string, { t: Target; value: number }>>(new Map());
  const canEdit = user.role === 'admin' || user.role === 'analyst';

  const [version, setVersion] = useState(0);
  const { root, children: below } = useRegionTree(user);
  useEffect(() => {
    if (!root) return;
    // The region and its districts; towns and zones rarely carry targets of their own.
    const regions = [root, ...below.filter((r) => r.code.length <= 6)];
    (async () => {
      setRows(
        await Promise.all(
          regions.map(async (region) => ({ region, targets: await api.targets(region.code, year) })),
        ),
      );
      setIndicators(await api.indicators());
      setEdits(new Map());
    })().catch(() => setRows([]));
    void version;
  }, [year, root, below, version]);

  const codes = [...new Set(rows.flatMap((r) => r.targets.map((t) => t.indicatorCode)))];
  const save = async () => {
    try {
      for (const { t, value } of edits.values()) {
        await api.putTarget({
          indicator: t.indicatorCode,
          region: t.regionCode,
          year: t.year,
          kind: t.kind,
          value,
          cmp: t.cmp,
          strength: t.strength,
        });
      }
      message.success(`已保存 ${edits.size} 个目标`);
      setVersion((v) => v + 1);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const r = await api.importTargets(file);
    if (r.ok) {
      message.success(`已导入 ${r.targets} 个目标`);
      setVersion((v) => v + 1);
    } else {
      const first = r.issues[0];
      message.error(first ? `${r.message}（第${first.row}行 第${first.column}列）` : r.message, 8);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          value={year}
          onChange={setYear}
          options={[2024, 2025, 2026].map((y) => ({ value: y, label: `${y}年` }))}
        />
        {canEdit && (
          <>
            <input
              type="file"
              accept=".csv,.xlsx"
              data-testid="targets-upload"
              onChange={(e) => upload(e.target.files?.[0])}
            />
            <a href="/api/templates/targets.csv">下载目标模板</a>
          </>
        )}
        {canEdit && (
          <Button type="primary" disabled={edits.size === 0} onClick={save} data-testid="save-targets">
            保存修改（{edits.size}）
          </Button>
        )}
        <Typography.Text type="secondary">
          每格为预期（或确保）目标；力争目标、分解进度可在导入文件中设定
        </Typography.Text>
      </Space>
      <Table
        size="small"
        pagination={false}
        scroll={{ x: true }}
        rowKey={(r) => r.region.code}
        dataSource={rows}
        data-testid="targets"
        columns={[
          {
            title: '地区',
            fixed: 'left' as const,
            width: 96,
            render: (_: unknown, r: GridRow) => <span style={{ whiteSpace: 'nowrap' }}>{r.region.name}</span>,
          },
          ...codes.map((code) => {
            const ind = indicators.find((i) => i.code === code);
            const sample = rows.map((r) => primary(r.targets, code)).find(Boolean);
            return {
              title: `${ind?.name ?? code}（${sample ? kindName[sample.kind] : ''}）`,
              render: (_: unknown, r: GridRow) => {
                const t = primary(r.targets, code);
                if (!t) return '—';
                const key = `${r.region.code}|${code}`;
                return (
                  <InputNumber
                    size="small"
                    disabled={!canEdit}
                    data-testid={`target-${r.region.code}-${code}`}
                    value={edits.get(key)?.value ?? t.value}
                    onChange={(v) =>
                      v !== null && setEdits((m) => new Map(m).set(key, { t, value: Number(v) }))
                    }
                    style={{ width: 110 }}
                  />
                );
              },
            };
          }),
        ]}
      />
    </Space>
  );
}

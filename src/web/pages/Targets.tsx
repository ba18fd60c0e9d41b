// 目标: the year's targets of a region and all its sub-regions in one grid — set, change or clear any cell,
// per strength (预期 / 确保 / 力争), with a trajectory per target; import and export in the template's layout.
import { Button, InputNumber, message, Segmented, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type Indicator, type Region, type Target, type Trajectory, type User } from '../api.ts';
import { FilePick } from '../components/FilePick.tsx';
import { translated, useT } from '../i18n.ts';
import { useRegionTree } from '../useRegionTree.ts';
import { TrajectoryEditor } from './TrajectoryEditor.tsx';

interface GridRow {
  region: Region;
  targets: Target[];
}
type Kind = Target['kind'];
type Strength = Target['strength'];

const KIND_NAMES: Record<Kind, string> = { growth: '增速%', amount: '总量', ceiling: '上限', floor: '下限' };
const STRENGTHS: { value: Strength; label: string }[] = [
  { value: 'expected', label: '预期目标' },
  { value: 'must', label: '确保目标' },
  { value: 'strive', label: '力争目标' },
];
const STRENGTH_SHORT: Record<Strength, string> = { expected: '预期', must: '确保', strive: '力争' };
const YEARS = [2024, 2025, 2026, 2027];
const cellKey = (region: string, code: string) => `${region}|${code}`;

export function TargetsPage({ user }: { user: User }) {
  const t = useT();
  const [year, setYear] = useState(2025);
  const [strength, setStrength] = useState<Strength>('expected');
  const [rows, setRows] = useState<GridRow[]>([]);
  const [indicators, setIndicators] = useState<Indicator[]>([]);
  // An edited cell: a number sets the target, null clears it.
  const [edits, setEdits] = useState<Map<string, number | null>>(new Map());
  const [added, setAdded] = useState<{ code: string; kind: Kind }[]>([]);
  const [adding, setAdding] = useState<{ code?: string; kind: Kind }>({ kind: 'growth' });
  const [editingTrajectory, setEditingTrajectory] = useState<Target | null>(null);
  const [version, setVersion] = useState(0);
  const canEdit = user.role === 'admin' || user.role === 'analyst';
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

  const targetOf = (r: GridRow, code: string) =>
    r.targets.find((t) => t.indicatorCode === code && t.strength === strength);
  const existing = [...new Set(rows.flatMap((r) => r.targets.map((t) => t.indicatorCode)))];
  const codes = [...existing, ...added.map((a) => a.code).filter((c) => !existing.includes(c))];
  const kindOf = (code: string): Kind =>
    rows.flatMap((r) => r.targets).find((t) => t.indicatorCode === code)?.kind ??
    added.find((a) => a.code === code)?.kind ??
    'growth';
  const nameOf = (code: string) => indicators.find((i) => i.code === code)?.name ?? code;

  const save = async () => {
    try {
      for (const [key, value] of edits) {
        const [regionCode = '', code = ''] = key.split('|');
        const row = rows.find((r) => r.region.code === regionCode);
        const old = row && targetOf(row, code);
        const id = { indicator: code, region: regionCode, year, strength };
        if (value === null) {
          if (old) await api.deleteTarget(id);
        } else {
          // The value changes; its comparator and trajectory stay as they were.
          await api.putTarget({
            ...id,
            kind: old?.kind ?? kindOf(code),
            value,
            cmp: old?.cmp,
            trajectory: old?.trajectory,
          });
        }
      }
      message.success(t('已保存 {n} 处修改', { n: edits.size }));
      setVersion((v) => v + 1);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const saveTrajectory = async (target: Target, trajectory: Trajectory | null) => {
    try {
      await api.putTarget({
        indicator: target.indicatorCode,
        region: target.regionCode,
        year: target.year,
        kind: target.kind,
        value: target.value,
        cmp: target.cmp,
        strength: target.strength,
        trajectory,
      });
      message.success(t(trajectory ? '已保存分解进度' : '已清除分解进度'));
      setEditingTrajectory(null);
      setVersion((v) => v + 1);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const upload = async (file: File) => {
    const r = await api.importTargets(file);
    if (r.ok) {
      message.success(t('已导入 {n} 个目标', { n: r.targets }));
      setVersion((v) => v + 1);
    } else {
      const first = r.issues[0];
      const at = { row: first?.row ?? 0, column: first?.column ?? '' };
      const where = at.row > 0 ? t(at.column ? '第{row}行 第{column}列' : '第{row}行', at) : '';
      message.error(where ? t('{message}（{where}）', { message: r.message, where }) : r.message, 8);
    }
  };

  const cell = (r: GridRow, code: string) => {
    const target = targetOf(r, code);
    const key = cellKey(r.region.code, code);
    const edited = edits.has(key);
    const value = edited ? edits.get(key) : target?.value;
    // An empty cell hints at the same target's other strength (a 确保 budget beside an empty 预期 one).
    const other = r.targets.find((x) => x.indicatorCode === code && x.strength !== strength);
    const hint = other ? `${t(STRENGTH_SHORT[other.strength])} ${other.value}` : '—';
    return (
      <Space size={2}>
        <InputNumber
          size="small"
          disabled={!canEdit}
          placeholder={hint}
          data-testid={`target-${r.region.code}-${code}`}
          value={value ?? null}
          onChange={(v) =>
            setEdits((m) => {
              const next = new Map(m);
              const n = v === null ? null : Number(v);
              if (n === (target?.value ?? null)) next.delete(key);
              else next.set(key, n);
              return next;
            })
          }
          style={{ width: 96, background: edited ? '#fffbe6' : undefined }}
        />
        {canEdit && target && (
          <Tooltip title={t(target.trajectory ? '已设逐季逐月分解，点击修改' : '设定逐季逐月分解进度')}>
            <Button
              size="small"
              type={target.trajectory ? 'link' : 'text'}
              data-testid={`trajectory-${r.region.code}-${code}`}
              onClick={() => setEditingTrajectory(target)}
            >
              {t(target.trajectory ? '已分解' : '分解')}
            </Button>
          </Tooltip>
        )}
      </Space>
    );
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          value={year}
          onChange={setYear}
          options={YEARS.map((y) => ({ value: y, label: t('{year}年', { year: y }) }))}
        />
        <Segmented
          value={strength}
          onChange={(v) => setStrength(v as Strength)}
          options={translated(t, STRENGTHS)}
        />
        {canEdit && (
          <>
            <Button type="primary" disabled={edits.size === 0} onClick={save} data-testid="save-targets">
              {t('保存修改（{n}）', { n: edits.size })}
            </Button>
            <FilePick label={t('导入目标文件')} accept=".csv,.xlsx" testId="targets-upload" onPick={upload} />
            <a href="/api/templates/targets.csv">{t('下载模板')}</a>
          </>
        )}
        {root && (
          <a href={`/api/targets/export.csv?region=${root.code}&year=${year}`} data-testid="targets-export">
            {t('导出（CSV，可改后再导入）')}
          </a>
        )}
      </Space>
      {canEdit && (
        <Space wrap>
          <Typography.Text type="secondary">{t('添加指标列：')}</Typography.Text>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('选择指标')}
            style={{ width: 220 }}
            value={adding.code}
            onChange={(code) => setAdding((a) => ({ ...a, code }))}
            options={indicators
              .filter((i) => !codes.includes(i.code))
              .map((i) => ({ value: i.code, label: i.name }))}
            data-testid="add-indicator"
          />
          <Select
            value={adding.kind}
            onChange={(kind) => setAdding((a) => ({ ...a, kind }))}
            options={(Object.keys(KIND_NAMES) as Kind[]).map((k) => ({ value: k, label: t(KIND_NAMES[k]) }))}
            style={{ width: 100 }}
          />
          <Button
            disabled={!adding.code}
            onClick={() => {
              if (adding.code) setAdded((a) => [...a, { code: adding.code as string, kind: adding.kind }]);
              setAdding({ kind: adding.kind });
            }}
          >
            {t('添加')}
          </Button>
          <Typography.Text type="secondary">
            {t('清空一格即删除该目标；比较方式默认增速“左右”、总量“以上”、上限“以内”。')}
          </Typography.Text>
        </Space>
      )}
      <Table
        size="small"
        pagination={false}
        scroll={{ x: true }}
        rowKey={(r) => r.region.code}
        dataSource={rows}
        data-testid="targets"
        columns={[
          {
            title: t('地区'),
            fixed: 'left' as const,
            width: 96,
            render: (_: unknown, r: GridRow) => <span style={{ whiteSpace: 'nowrap' }}>{r.region.name}</span>,
          },
          ...codes.map((code) => ({
            title: t('{name}（{unit}）', { name: nameOf(code), unit: t(KIND_NAMES[kindOf(code)]) }),
            key: code,
            render: (_: unknown, r: GridRow) => cell(r, code),
          })),
        ]}
      />
      <TrajectoryEditor
        open={editingTrajectory !== null}
        title={
          editingTrajectory
            ? t('{region} {indicator} {year}年', {
                region: rows.find((r) => r.region.code === editingTrajectory.regionCode)?.region.name ?? '',
                indicator: nameOf(editingTrajectory.indicatorCode),
                year,
              })
            : ''
        }
        value={editingTrajectory?.trajectory ?? null}
        onCancel={() => setEditingTrajectory(null)}
        onSave={(t) => editingTrajectory && saveTrajectory(editingTrajectory, t)}
      />
    </Space>
  );
}

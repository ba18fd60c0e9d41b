// The data-entry form's table: one line per indicator with a target — last period beside it, this period's
// cumulative value and growth, a swing flagged (大起大落) and its explanation, and the review status.
import { Input, InputNumber, Space, Table, Tag } from 'antd';
import { isSwing, pickGrowth } from '../../contract/web.ts';
import { api, type Indicator, type Submission } from '../api.ts';
import { fmt } from '../format.ts';
import { useT } from '../i18n.ts';
import { previousPeriod } from '../kit/index.ts';
import { STATUS } from './SubmissionTable.tsx';

export interface Line {
  indicator: Indicator;
  lastPeriod: string | null;
  lastValue: number | null;
  lastYoy: number | null;
  value: number | null;
  /** The published growth as stored; empty when only a derived one exists (shown as the placeholder). */
  yoy: number | null;
  yoyDerived: number | null;
  comment: string;
}

/** Growth that swings from the last period (大起大落) needs a written reason. */
export const jumps = (l: Line): boolean => isSwing(l.lastYoy, pickGrowth(l.yoy, l.yoyDerived));

/**
 * The form's lines for a region and period: the indicators with a target that year, each with its value now
 * and the last one before. A reporter sees his own values under review; the task force edits published ones.
 */
export async function loadLines(region: string, period: string, reporter: boolean): Promise<Line[]> {
  const all = await api.indicators();
  const year = Number(period.slice(0, 4));
  const targeted = new Set((await api.targets(region, year)).map((t) => t.indicatorCode));
  const chosen = all.filter((i) => targeted.has(i.code));
  const prev = previousPeriod(period);
  return Promise.all(
    chosen.map(async (indicator) => {
      const s = await api.series(indicator.code, region, reporter ? 'submitted' : undefined);
      const now = s.find((p) => p.period === period);
      const last = [...s].reverse().find((p) => p.period <= prev);
      return {
        indicator,
        lastPeriod: last?.period ?? null,
        lastValue: last?.value ?? null,
        lastYoy: last?.yoy ?? null,
        value: now?.value ?? null,
        // Only a published growth goes back in: sending the derived one would store it as published.
        yoy: now?.yoyPublished ?? null,
        yoyDerived: now?.yoyDerived ?? null,
        comment: '',
      };
    }),
  );
}

export function EntryTable({
  lines,
  update,
  statusOf,
}: {
  lines: Line[];
  update: (i: number, patch: Partial<Line>) => void;
  /** The newest submission of an indicator for this region, whose status the line shows. */
  statusOf: (code: string) => Submission | undefined;
}) {
  const t = useT();
  return (
    <Table
      size="small"
      rowKey={(l) => l.indicator.code}
      pagination={false}
      dataSource={lines}
      data-testid="entry"
      columns={[
        { title: t('指标'), render: (_: unknown, l: Line) => l.indicator.name },
        { title: t('单位'), render: (_: unknown, l: Line) => l.indicator.unit },
        {
          title: t('上期'),
          render: (_: unknown, l: Line) =>
            l.lastPeriod
              ? t('{period}：{value}（{yoy}%）', {
                  period: l.lastPeriod,
                  value: fmt(l.lastValue),
                  yoy: fmt(l.lastYoy, 1),
                })
              : '—',
        },
        {
          title: t('本期累计'),
          render: (_: unknown, l: Line, i: number) => (
            <InputNumber
              data-testid={`value-${l.indicator.code}`}
              value={l.value}
              onChange={(v) => update(i, { value: v === null ? null : Number(v) })}
              style={{ width: 130 }}
            />
          ),
        },
        {
          title: t('同比%'),
          render: (_: unknown, l: Line, i: number) => (
            <Space>
              <InputNumber
                data-testid={`yoy-${l.indicator.code}`}
                value={l.yoy}
                placeholder={l.yoyDerived === null ? '' : t('推算 {yoy}', { yoy: fmt(l.yoyDerived, 1) })}
                onChange={(v) => update(i, { yoy: v === null ? null : Number(v) })}
                style={{ width: 100 }}
              />
              {jumps(l) && <Tag color="orange">{t('变动大')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('审核'),
          render: (_: unknown, l: Line) => {
            const x = statusOf(l.indicator.code);
            return x ? <Tag color={STATUS[x.status].color}>{t(STATUS[x.status].text)}</Tag> : '—';
          },
        },
        {
          title: t('说明'),
          render: (_: unknown, l: Line, i: number) => (
            <Input
              value={l.comment}
              status={jumps(l) && !l.comment.trim() ? 'error' : undefined}
              onChange={(e) => update(i, { comment: e.target.value })}
              placeholder={jumps(l) ? t('必填：变动原因') : ''}
            />
          ),
        },
      ]}
    />
  );
}

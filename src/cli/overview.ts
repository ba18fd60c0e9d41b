// `tiaodu overview`: the region–period overview, on the store or through the running server.
import {
  formatAmount,
  formatCompletion,
  formatGrowth,
  formatPoints,
  formatRankChange,
  STATUS_TEXT,
} from '../core/format.ts';
import { type OverviewRow, withoutExplanations } from '../core/overview.ts';
import { type Overview, overview, requireRegion } from '../store/index.ts';
import { regionPeriodFlags } from './args.ts';
import { printTable } from './print.ts';
import { withStoreOrServer } from './remote.ts';

/** 目标 as a briefing states it: 增长5.5%左右, 260亿元, ≤5.5%. */
function targetText(r: OverviewRow): string {
  if (r.target === null) return '';
  if (r.targetKind === 'growth') return `${formatGrowth(r.target)}`;
  const bound = r.targetKind === 'ceiling' ? '≤' : r.targetKind === 'floor' ? '≥' : '';
  return `${bound}${formatAmount(r.target, r.unit)}`;
}

/** 进度: completion against time for an amount, the gap in 百分点 otherwise. */
function progressText(r: OverviewRow): string {
  if (r.targetKind === 'amount')
    return `完成${formatCompletion(r.completion)}（时序${formatCompletion(r.timeProgress)}）`;
  return r.gap === null ? '' : `差距${formatPoints(r.gap)}`;
}

export async function overviewCommand(argv: string[]): Promise<number> {
  const { values, year, month, query } = regionPeriodFlags(argv);
  const o = await withStoreOrServer<Overview>(
    values,
    'overview',
    async (db) => overview(db, await requireRegion(db, query.region), year, month),
    (api) => api.json<Overview>('GET', '/api/overview', { query }),
  );
  const out = values.explain ? o : withoutExplanations(o);
  if (values.json) {
    console.log(JSON.stringify(out));
    return 0;
  }
  console.log(
    `${o.region.name} ${o.period} 概览${o.doubleHalf ? '（双过半）' : ''}${o.allGreen ? '（全年红）' : ''}`,
  );
  printTable(
    ['指标', '数值', '同比', '上级同比', '目标', '进度', '状态', '增速排位', '位次变化', '大起大落'],
    o.rows.map((r) => [
      r.dataPeriod && r.dataPeriod !== o.period ? `${r.name}（${r.dataPeriod}）` : r.name,
      formatAmount(r.value, r.unit),
      formatGrowth(r.yoy),
      r.parentYoy === null ? '' : formatGrowth(r.parentYoy),
      targetText(r),
      progressText(r),
      r.status ? STATUS_TEXT[r.status] : '',
      r.rank === null ? '' : `${r.rank}/${r.rankOf}`,
      formatRankChange(r.rankChange),
      r.swing ? '是' : '',
    ]),
  );
  return 0;
}

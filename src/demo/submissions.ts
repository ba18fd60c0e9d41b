// A few values waiting for review in the demo, so the 审核 page and the reporter's list have something to show:
// two submitted by 西湖区's reporter (one for a town), one already returned with its reason.
import type { Db } from '../store/db.ts';
import { reviewSubmissions, submitObservation } from '../store/index.ts';

const PERIOD = { year: 2025, month: 12 };

const PENDING = [
  { region: '330106', indicator: 'fai', factor: 1.012, comment: '补录两个新开工项目的年末投资' },
  { region: '330106002', indicator: 'budget_revenue', factor: 1.02, comment: '' },
  { region: '330106', indicator: 'retail_sales', factor: 0.97, comment: '' },
];
const RETURNED = { indicator: 'retail_sales', reason: '与统计局反馈数不一致，请核实后重报' };

export async function loadDemoSubmissions(db: Db, reporter: string, reviewer: string): Promise<number> {
  let n = 0;
  for (const p of PENDING) {
    const [published] = await db.query<{ value: number | null; yoy: number | null }>(
      `SELECT value, yoy FROM observation WHERE region_code = $1 AND indicator_code = $2 AND year = $3
         AND month = $4 AND scope = ''`,
      [p.region, p.indicator, PERIOD.year, PERIOD.month],
    );
    if (published?.value == null) continue;
    const value = Math.round(published.value * p.factor * 100) / 100;
    const { submission } = await submitObservation(
      db,
      {
        regionCode: p.region,
        indicatorCode: p.indicator,
        ...PERIOD,
        scope: '',
        value,
        yoy: published.yoy,
        forecast: false,
        comment: p.comment || null,
        source: `填报:${reporter}`,
      },
      reporter,
    );
    if (submission && p.indicator === RETURNED.indicator)
      await reviewSubmissions(
        db,
        [submission.id],
        'return',
        { name: reviewer, regionCode: null },
        RETURNED.reason,
      );
    if (submission) n++;
  }
  return n;
}

// The demo's assessment scheme (考核方案): 西湖区's towns scored on their own statistics, so the 考核 page has
// something to run on `npm start`. Statistics items and a veto only: it runs without an inputs file.

import { saveScheme } from '../store/assessRuns.ts';
import type { Db } from '../store/db.ts';

export const DEMO_SCHEME = {
  name: '2025年西湖区镇街经济考核',
  parent: '西湖区',
  period: '2025-06',
  total: 100,
  items: [
    {
      name: '固定资产投资增速',
      indicator: 'fai',
      measure: 'yoy',
      weight: 30,
      rule: { kind: 'rank', step: 0.05 },
    },
    {
      name: '规上工业增加值增速',
      indicator: 'industrial_va',
      weight: 30,
      rule: { kind: 'efficacy', base: 0.6 },
    },
    {
      name: '一般公共预算收入增速',
      indicator: 'budget_revenue',
      weight: 20,
      rule: {
        kind: 'bands',
        bands: [
          { min: 8, share: 1 },
          { min: 5, share: 0.8 },
          { min: 0, share: 0.5 },
        ],
      },
    },
    { name: '税收收入增速', indicator: 'tax_revenue', weight: 20, rule: { kind: 'rank', step: 0.04 } },
    { name: '安全生产', input: true, rule: { kind: 'veto' } },
  ],
  bonus: { max: 5 },
  penalty: { max: 5 },
  lists: { red: { top: 3 }, black: { bottom: 2 } },
};

export async function loadDemoAssessment(db: Db): Promise<void> {
  await saveScheme(db, DEMO_SCHEME.name, DEMO_SCHEME, '演示数据');
}

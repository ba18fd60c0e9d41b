// The assessment rows of the role × endpoint × region table, and the published run the reads look at.
import type { RegionScore } from '../core/assess/score.ts';
import { publishRun } from '../store/assessRuns.ts';
import type { Db } from '../store/db.ts';
import { type AccessTable, cityWide, everyone, qs, taskForce } from './access-cases.ts';
import { CITY, CODES, TARGET_KEYS } from './access-world.ts';

const SCHEME = '访问测试考核';
const PERIOD = '2025-06';

/** A published run ranking every target region, so each read can show whose rows it leaks. */
export async function publishWorldAssessment(db: Db): Promise<void> {
  const rows: RegionScore[] = TARGET_KEYS.filter((t) => t !== 'parent').map((t, i) => ({
    region: `ZXASSESS-${t}`,
    code: CODES[t],
    group: '全部',
    total: 90 - i,
    rank: i + 1,
    vetoed: false,
    bonus: 0,
    penalty: 0,
    rankBefore: null,
    rankChange: null,
    items: [],
  }));
  await publishRun(db, {
    schemeName: SCHEME,
    body: { name: SCHEME, parent: CITY, items: [] },
    year: 2025,
    month: 6,
    parentCode: CITY,
    rows,
    inputs: [],
    file: null,
    user: 'world',
  });
}

/** The rows a scoped 西湖区 account may see: its own district's and town's, never 滨江区's. */
const onlyOwn = (text: string) =>
  text.includes('ZXASSESS-sibling') ? 'shows the scores of a region outside its scope' : null;

export const ASSESS_ACCESS: AccessTable = {
  'GET /api/assess/scores': [
    {
      ...everyone(`/api/assess/scores?${qs({ scheme: SCHEME, period: PERIOD })}`),
      checkDone: (a, c) =>
        cityWide(c)
          ? a.text.includes('ZXASSESS-siblingTown')
            ? null
            : 'misses rows the city-wide account may see'
          : onlyOwn(a.text),
    },
    {
      ...everyone(`/api/assess/scores?${qs({ scheme: '没有的方案', period: PERIOD })}`),
      name: 'not published',
      allowed: () => false,
      refused: () => [404],
    },
  ],
  'GET /api/assess/schemes': [
    {
      name: 'the office lists schemes',
      aim: 'none',
      build: () => ({ method: 'GET', path: '/api/assess/schemes' }),
      allowed: (c) => taskForce(c) && cityWide(c),
    },
  ],
  'GET /api/assess/runs': [
    {
      ...everyone('/api/assess/runs'),
      checkDone: (a) => (a.text.includes(SCHEME) ? null : 'misses the published run'),
    },
  ],
  'GET /api/assess/notice': [
    {
      ...everyone(`/api/assess/notice?${qs({ scheme: SCHEME, period: PERIOD, format: 'xlsx' })}`),
      name: 'the notice',
    },
    {
      ...everyone(`/api/assess/notice?${qs({ scheme: '没有的方案', period: PERIOD })}`),
      name: 'not published',
      allowed: () => false,
      refused: () => [404],
    },
  ],
  'PUT /api/assess/schemes': [
    {
      name: 'a new scheme',
      aim: 'none',
      build: (c) => ({
        method: 'PUT',
        path: '/api/assess/schemes',
        json: {
          scheme: {
            name: `方案${c.w.next()}`,
            parent: CITY,
            items: [{ name: '拉练', input: true, weight: 10, rule: { kind: 'scaled', of: 100 } }],
          },
        },
      }),
      allowed: (c) => taskForce(c) && cityWide(c),
    },
  ],
  'POST /api/assess/run': [
    {
      name: 'a trial run',
      aim: 'none',
      build: () => ({ method: 'POST', path: '/api/assess/run', json: trial(SCHEME) }),
      allowed: (c) => taskForce(c) && cityWide(c),
    },
  ],
  'POST /api/assess/publish': [
    {
      name: 'a new scheme published',
      aim: 'none',
      build: (c) => ({ method: 'POST', path: '/api/assess/publish', json: trial(`发布${c.w.next()}`) }),
      allowed: (c) => taskForce(c) && cityWide(c),
    },
  ],
};

/** A one-item scheme over the city's districts, with 西湖区's tour score entered. */
function trial(name: string) {
  return {
    scheme: {
      name,
      parent: CITY,
      period: PERIOD,
      items: [{ name: '拉练', input: true, weight: 10, rule: { kind: 'scaled', of: 100 } }],
    },
    inputs: [{ region: CODES.own, item: '拉练', value: 80 }],
  };
}

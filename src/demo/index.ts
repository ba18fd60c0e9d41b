// Loads the demo city into an empty database: regions, a development zone, peer groups, units, data and targets.
import { TiaoduError } from '../core/errors.ts';
import { isDay } from '../core/tasks/index.ts';
import type { Db } from '../store/db.ts';
import {
  addCustomRegion,
  addUnit,
  divisionsUnder,
  listRegions,
  loadObservations,
  saveUser,
  setLeaderName,
  setRegionGroup,
  setTarget,
  upsertRegions,
} from '../store/index.ts';
import { loadDemoAssessment } from './assess.ts';
import { DEMO_CITY, generateDemo } from './generate.ts';
import { DEMO_LEADER_NAME, loadDemoProjects } from './projects.ts';
import { loadDemoSubmissions } from './submissions.ts';
import { loadDemoTasks } from './tasks.ts';

const CORE_DISTRICTS = ['330102', '330105', '330106', '330108', '330109', '330110', '330113', '330114'];
const COUNTIES = ['330111', '330112', '330122', '330127', '330182'];
const UNITS = ['市发改委', '市统计局', '市经信局', '市商务局', '市财政局', '市住建局', '市投资促进局'];

/**
 * One account per role, printed at start (demo only: these passwords are public). They follow the password
 * rules like any other (10+ characters, not the user name): pinyin of the role — 管理, 分析, 填报, 领导.
 */
export const DEMO_ACCOUNTS = [
  { name: 'admin', role: 'admin', regionCode: null, password: 'tiaodu-guanli' },
  { name: 'analyst', role: 'analyst', regionCode: null, password: 'tiaodu-fenxi' },
  { name: 'xihu', role: 'reporter', regionCode: '330106', password: 'tiaodu-tianbao' },
  { name: 'leader', role: 'leader', regionCode: null, password: 'tiaodu-lingdao' },
] as const;

export interface DemoSummary {
  regions: number;
  observations: number;
  targets: number;
}

/** The day the demo's tasks are dated from: TIAODU_TODAY when it is a real day (as for the task lights), else the clock. */
const demoToday = (): string => {
  const given = process.env.TIAODU_TODAY?.trim();
  return given && isDay(given) ? given : new Date().toISOString().slice(0, 10);
};

export async function loadDemo(db: Db, today = demoToday()): Promise<DemoSummary> {
  const [existing] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observation');
  if ((existing?.n ?? 0) > 0) {
    throw new TiaoduError('demo.not_empty', '数据库中已有数据：演示数据只能载入空库（换一个 --data 目录）');
  }
  await upsertRegions(db, divisionsUnder(DEMO_CITY, 'town'));
  await addCustomRegion(db, {
    code: '330114Z01',
    name: '杭州经济技术开发区',
    parentCode: '330114',
    kind: 'zone',
  });
  await setRegionGroup(db, '主城区', CORE_DISTRICTS, '考核分组：城区');
  await setRegionGroup(db, '区县市', COUNTIES, '考核分组：区县（市）');
  for (const u of UNITS) await addUnit(db, DEMO_CITY, u);
  for (const code of [...CORE_DISTRICTS, ...COUNTIES]) {
    for (const u of ['发改局', '统计局', '商务局']) await addUnit(db, code, `区${u}`);
  }
  const regions = await listRegions(db);
  const { observations, targets } = generateDemo(regions);
  const n = await loadObservations(db, observations, '演示数据', { bulk: true });
  for (const t of targets) await setTarget(db, t, '演示数据');
  for (const a of DEMO_ACCOUNTS) await saveUser(db, a);
  await loadDemoSubmissions(db, 'xihu', 'analyst');
  await loadDemoAssessment(db);
  await loadDemoProjects(db, '演示数据');
  await setLeaderName(db, '演示数据', 'leader', DEMO_LEADER_NAME);
  await loadDemoTasks(db, today);
  return { regions: regions.length, observations: n, targets: targets.length };
}

// The demo's key projects (重点项目) and investment leads (招商项目), so the 重点项目 page, the cockpit's projects
// panel and the briefing's projects section have something true-looking to show on `npm start`: every district
// and county gets a few projects (one in 西湖区 at a town, for its reporter), 2025's monthly reports follow each
// project's own pace — most near the time line, some behind (red and yellow lights), a few not started (三未) —
// and the leads signed in 2025 move through the stages at believable rates.
import type {
  ParsedLead,
  ParsedProject,
  ParsedProjectReport,
  ParsedTourScore,
} from '../core/projects/parsed.ts';
import type { ProjectLevel, ProjectType } from '../core/projects/types.ts';
import type { Db } from '../store/db.ts';
import { importLeads } from '../store/leads.ts';
import { importProjectRegister, importProjectReports } from '../store/projects.ts';
import { importTourScores } from '../store/tourScores.ts';
import { hash, prng, round } from './paths.ts';

const YEAR = 2025;
const FILE = '演示数据';
const AT = { line: 0, column: '' };

/** The districts and counties with their units; the first of each is the unit named on its projects. */
const PLACES: { code: string; name: string }[] = [
  { code: '330102', name: '上城' },
  { code: '330105', name: '拱墅' },
  { code: '330106', name: '西湖' },
  { code: '330108', name: '滨江' },
  { code: '330109', name: '萧山' },
  { code: '330110', name: '余杭' },
  { code: '330113', name: '临平' },
  { code: '330114', name: '钱塘' },
  { code: '330111', name: '富阳' },
  { code: '330112', name: '临安' },
  { code: '330122', name: '桐庐' },
  { code: '330127', name: '淳安' },
  { code: '330182', name: '建德' },
];

const KINDS: { suffix: string; type: ProjectType }[] = [
  { suffix: '智能制造产业园', type: '产业' },
  { suffix: '数字经济总部基地', type: '产业' },
  { suffix: '综合交通枢纽配套工程', type: '基础设施' },
  { suffix: '城市更新单元', type: '社会民生' },
  { suffix: '生物医药孵化器', type: '产业' },
  { suffix: '九年一贯制学校', type: '社会民生' },
];
const LEADERS = ['王建国', '李晓红', '陈志强', '刘卫东', '周海燕', '吴俊杰'];
/** The 包联领导 the demo's `leader` account is, so its cockpit shows 我包联的项目 (one project in six). */
export const DEMO_LEADER_NAME = LEADERS[0] as string;
const INDUSTRIES = ['数字经济', '高端装备', '生物医药', '新材料', '现代服务业'];

const date = (month: number, day = 15) =>
  `${YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Four projects per place: a 市重点 industrial one, two of the district's own, one planned not yet started. */
export function demoProjects(): { register: ParsedProject[]; reports: ParsedProjectReport[] } {
  const register: ParsedProject[] = [];
  const reports: ParsedProjectReport[] = [];
  PLACES.forEach((place, i) => {
    const rand = prng(hash(`${place.code}|projects`));
    for (let k = 0; k < 4; k++) {
      const kind = KINDS[(i + k) % KINDS.length] as (typeof KINDS)[number];
      const code = `XM${YEAR}-${place.code.slice(4)}${k + 1}`;
      const level: ProjectLevel = k === 0 ? '市重点' : k === 1 && i % 3 === 0 ? '省重点' : '县重点';
      const annualPlan = round(8000 + rand() * 42000, 0);
      // The last project of every third place was planned for spring and has not started: 三未's first list.
      const notStarted = k === 3 && i % 3 === 1;
      const continuing = k === 1;
      const plannedStart = continuing ? `${YEAR - 1}-06-30` : date(2 + k);
      const actualStart = notStarted ? null : continuing ? `${YEAR - 1}-07-10` : date(2 + k, 20);
      // Pace: share of the plan done by year end; a few lag well behind the time line.
      const pace = notStarted ? 0 : k === 2 && i % 4 === 1 ? 0.55 + rand() * 0.1 : 0.85 + rand() * 0.3;
      const region = place.code === '330106' && k === 2 ? '330106002' : place.code;
      register.push({
        code,
        name: `${place.name}${kind.suffix}${continuing ? '（二期）' : ''}`,
        regionText: region,
        unit: `区发改局`,
        // Not in step with KINDS: a leader is 包联 of projects of several kinds.
        leader: LEADERS[(2 * i + k) % LEADERS.length] as string,
        level,
        type: kind.type,
        nature: continuing ? '续建' : '新建',
        totalInvestment: round(annualPlan * (2 + rand() * 3), 0),
        annualPlan,
        plannedStart,
        actualStart,
        // The continuing ones were due to finish in November; those well on pace did.
        plannedFinish: continuing ? date(11, 30) : `${YEAR + 1 + (k % 2)}-12-31`,
        actualFinish: continuing && pace >= 0.95 ? date(11, 26) : null,
        libraryDate: actualStart && !(k === 2 && i % 5 === 0) ? actualStart : null,
        at: { line: 0, region: AT, unit: AT },
      });
      if (!actualStart) continue;
      const from = actualStart.startsWith(`${YEAR}-`) ? Number(actualStart.slice(5, 7)) : 1;
      for (let m = from; m <= 12; m++) {
        const t = (m - from + 1) / (13 - from);
        const done = round(annualPlan * pace * t * (0.9 + rand() * 0.2), 0);
        reports.push({
          projectCode: code,
          year: YEAR,
          month: m,
          done: Math.max(done, reports.at(-1)?.projectCode === code ? (reports.at(-1)?.done ?? 0) : 0),
          progress: m === 12 ? '主体工程按计划推进' : null,
          problems: pace < 0.7 && m >= 6 ? '用地指标未落实，征迁进度滞后' : null,
          coordination: pace < 0.7 && m >= 6 ? '请市自然资源和规划局协调用地指标' : null,
          at: { line: 0, code: AT },
        });
      }
    }
  });
  return { register, reports };
}

/** Three leads per place signed in 2025 (and one still in talks), at the stages a year usually brings. */
export function demoLeads(): ParsedLead[] {
  return PLACES.flatMap((place, i) => {
    const rand = prng(hash(`${place.code}|leads`));
    return [0, 1, 2, 3].map((k) => {
      const signedMonth = 1 + Math.floor(rand() * 10);
      const signed = k === 3 ? null : date(signedMonth, 8);
      const contract = round(5000 + rand() * 95000, 0);
      const registered = signed && rand() < 0.85 ? date(Math.min(12, signedMonth + 1), 12) : null;
      const started = registered && rand() < 0.6 ? date(Math.min(12, signedMonth + 3), 18) : null;
      const producing = started && rand() < 0.35 ? date(12, 20) : null;
      return {
        code: `ZS${YEAR}-${place.code.slice(4)}${k + 1}`,
        name: `${place.name}${INDUSTRIES[(i + k) % INDUSTRIES.length]}项目${k + 1}`,
        regionText: place.code,
        unit: '区商务局',
        industry: INDUSTRIES[(i + k) % INDUSTRIES.length] as string,
        contract,
        signed,
        registered,
        started,
        producing,
        fundsArrived: started
          ? round(contract * (0.2 + rand() * 0.5), 0)
          : registered
            ? round(contract * 0.05, 0)
            : 0,
        at: { line: 0, region: AT, unit: AT },
      };
    });
  });
}

/** The autumn tour: five judges score the city-level project of every core district. */
export function demoTour(): { tour: string; scores: ParsedTourScore[] } {
  const judges = ['市发改委', '市统计局', '市经信局', '市商务局', '市财政局'];
  const scores = PLACES.slice(0, 8).flatMap((place) => {
    const rand = prng(hash(`${place.code}|tour`));
    const base = 78 + rand() * 14;
    return judges.map((judge) => ({
      projectCode: `XM${YEAR}-${place.code.slice(4)}1`,
      judge,
      score: round(Math.min(100, base + (rand() * 2 - 1) * 5), 1),
      at: { line: 0, code: AT },
    }));
  });
  return { tour: `${YEAR}年秋季重点项目拉练`, scores };
}

export async function loadDemoProjects(db: Db, user: string): Promise<void> {
  const { register, reports } = demoProjects();
  await importProjectRegister(db, FILE, register, { user });
  await importProjectReports(db, FILE, reports, { user });
  await importLeads(db, FILE, demoLeads(), { user });
  const tour = demoTour();
  await importTourScores(db, FILE, tour.tour, tour.scores, { user });
}

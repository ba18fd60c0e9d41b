// The problem list of key projects over the API: read in scope, add to and solve problems of the region's own
// projects; overdue worked out by the core on today (TIAODU_TODAY when set, as for the supervision lights).
// Also a leader's own projects (我包联的项目): those whose 包联领导 is the account's leader name.
import { Hono } from 'hono';
import * as contract from '../contract/projectProblems.ts';
import { TiaoduError } from '../core/errors.ts';
import type { ProjectProblem } from '../core/projects/problems.ts';
import { openProblems, problemStatus, problemsOnDay } from '../core/projects/problems.ts';
import type { Db } from '../store/db.ts';
import {
  addProjectProblem,
  leaderNameOf,
  problemUnder,
  projectList,
  projectProblems,
  requireProjectUnder,
  setProblemResolved,
} from '../store/index.ts';
import type { AuthEnv } from './auth.ts';
import { implementer } from './implement.ts';
import { periodOf } from './schemas.ts';
import { taskToday } from './supervision.ts';

export function problemRoutes(db: Db, clock: () => Date): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);
  const today = taskToday(clock);
  const withStatus = (p: ProjectProblem) => ({ ...p, ...problemStatus(p, today()) });

  implement(api, contract.problemList, async ({ query, region }) => {
    const day = today();
    if (query.code) await requireProjectUnder(db, region.code, query.code);
    const all = await projectProblems(db, region.code, { code: query.code });
    const problems = query.only ? openProblems(all, day, query.only === 'overdue') : problemsOnDay(all, day);
    return { today: day, problems };
  });

  implement(api, contract.addProblem, async ({ user, body, region }) => {
    const p = await requireProjectUnder(db, region.code, body.code);
    const made = await addProjectProblem(
      db,
      { code: p.code, description: body.description, coordinator: body.coordinator, due: body.due },
      user.name,
    );
    return withStatus(made);
  });

  implement(api, contract.resolveProblem, async ({ user, params, body, region }) => {
    const day = today();
    const on = body.on ?? day;
    if (on > day) throw new TiaoduError('validation', `解决日期 ${on} 不能晚于今天（${day}）`);
    const p = await problemUnder(db, region.code, params.id);
    const note = body.note?.trim() || null;
    return withStatus(await setProblemResolved(db, p, { on, note }, user.name));
  });

  implement(api, contract.myProjects, async ({ user, query, region }) => {
    const leaderName = await leaderNameOf(db, user.name);
    const rows = await projectList(db, region.code, periodOf(query.period));
    return { leaderName, projects: rows.filter((r) => r.leader?.trim() === leaderName) };
  });

  implement(api, contract.reopenProblem, async ({ user, params, region }) => {
    const p = await problemUnder(db, region.code, params.id);
    return withStatus(await setProblemResolved(db, p, null, user.name));
  });
  return api;
}

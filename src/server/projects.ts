// GET /api/projects, /api/projects/rates, /api/leads/rates: a region's subtree within the user's scope (the
// implementer checks it), the same figures as the CLI.
import { Hono } from 'hono';
import { leadRates, projectList, projectRates } from '../contract/projects.ts';
import type { Db } from '../store/db.ts';
import { leadRatesAt, projectRatesAt, projectList as readProjectList } from '../store/index.ts';
import type { AuthEnv } from './auth.ts';
import { implementer } from './implement.ts';
import { periodOf } from './schemas.ts';

export function projectRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);
  implement(api, projectList, ({ query, region }) =>
    readProjectList(db, region.code, periodOf(query.period)),
  );
  implement(api, projectRates, ({ query, region }) =>
    projectRatesAt(db, region.code, periodOf(query.period)),
  );
  implement(api, leadRates, ({ query, region }) => leadRatesAt(db, region.code, periodOf(query.period)));
  return api;
}

// The JSON API contract: every route, its request and response schemas, and who may call it — written once.
import * as admin from './admin.ts';
import * as assess from './assess.ts';
import * as catalog from './catalog.ts';
import * as documents from './documents.ts';
import * as figures from './figures.ts';
import * as imports from './imports.ts';
import * as leads from './leads.ts';
import * as overview from './overview.ts';
import * as projects from './projects.ts';
import * as review from './review.ts';
import type { Route } from './route.ts';
import * as session from './session.ts';
import * as supervision from './supervision.ts';
import * as targets from './targets.ts';
import * as tours from './tours.ts';

export * from './common.ts';
export * from './route.ts';
export {
  admin,
  assess,
  catalog,
  documents,
  figures,
  imports,
  leads,
  overview,
  projects,
  review,
  session,
  supervision,
  targets,
  tours,
};

const isRoute = (v: unknown): v is Route =>
  typeof v === 'object' && v !== null && 'method' in v && 'path' in v && 'responses' in v;

/** Every route of the API, in the order the areas are listed. */
export const ROUTES: Route[] = [
  session,
  catalog,
  figures,
  targets,
  overview,
  review,
  imports,
  documents,
  admin,
  assess,
  projects,
  leads,
  supervision,
  tours,
]
  .flatMap((area) => Object.values(area))
  .filter(isRoute);

// The inspection tours of the access walk: one tour run by each target region (visiting that region's project,
// every account of the walk a judge), read by id; each write aims at a fresh tour of the target, so a close
// or a score never spoils the next case. A tour is seen and changed only within the asker's scope.
import type { Db } from '../store/db.ts';
import { createTour, enterTourScore, setTourJudges, setTourProjects } from '../store/tours.ts';
import { type AccessTable, type Ctx, cityWide, code, created, scoped, taskForce } from './access-cases.ts';
import { projectOf } from './access-projects-world.ts';
import { CODES, ROLE_USERS, TARGET_KEYS, type TargetKey } from './access-world.ts';

const tours = new Map<TargetKey, number>();
const tourName = (t: TargetKey) => `访问测试拉练${t}`;
/** An outside judge no account is linked to: only analysts and administrators enter his scores. */
const GUEST = '外聘评委';
const JUDGES = [
  ...Object.values(ROLE_USERS).map((u) => ({ name: `评委${u.name}`, user: u.name })),
  { name: GUEST, user: null },
];
const judgeOf = (c: Ctx) => `评委${ROLE_USERS[c.role].name}`;

async function tourIn(db: Db, t: TargetKey, name: string): Promise<number> {
  const tour = await createTour(db, { name, date: '2025-06-20', regionCode: CODES[t] }, 'world');
  await setTourProjects(db, tour.id, [projectOf(t)], 'world');
  await setTourJudges(db, tour.id, JUDGES, 'world');
  return tour.id;
}

/** One scored tour in each target region, made before the walk fingerprints its reads. */
export async function seedWorldTours(db: Db): Promise<void> {
  for (const t of TARGET_KEYS) {
    const id = await tourIn(db, t, tourName(t));
    await enterTourScore(
      db,
      id,
      { projectCode: projectOf(t), judge: GUEST, score: 88 },
      { name: 'world', role: 'admin' },
    );
    tours.set(t, id);
  }
}

const seeded = (c: Ctx) => tours.get(c.target ?? 'own') as number;
const fresh = (c: Ctx) => tourIn(c.w.db, c.target ?? 'own', `访问测试拉练${c.w.next()}`);
const tourRead = (name: string, path: (c: Ctx) => string) => ({
  name,
  aim: 'region' as const,
  build: (c: Ctx) => ({ method: 'GET', path: path(c) }),
  allowed: scoped,
});
const tourWrite = (
  name: string,
  who: (c: Ctx) => boolean,
  call: (id: number, c: Ctx) => { path: string; json?: unknown },
  method = 'POST',
) => ({
  name,
  aim: 'region' as const,
  build: async (c: Ctx) => ({ method, ...call(await fresh(c), c) }),
  allowed: (c: Ctx) => who(c) && scoped(c),
});

export const TOUR_ACCESS: AccessTable = {
  'GET /api/tours': [
    {
      name: 'the tours of the asker’s scope',
      aim: 'none',
      build: () => ({ method: 'GET', path: '/api/tours' }),
      allowed: () => true,
      checkDone: (a, c) => {
        const wrong = TARGET_KEYS.filter(
          (t) => a.text.includes(tourName(t)) !== (cityWide(c) || t === 'own' || t === 'ownTown'),
        );
        return wrong.length > 0 ? `lists wrongly the tours of ${wrong}` : null;
      },
    },
  ],
  'POST /api/tours': [
    {
      name: 'a tour run by the target',
      aim: 'region',
      build: (c) => ({
        method: 'POST',
        path: '/api/tours',
        json: { name: `新拉练${c.w.next()}`, region: code(c) },
      }),
      allowed: (c) => taskForce(c) && scoped(c),
      ok: created,
    },
  ],
  'GET /api/tours/{id}': [tourRead('the target’s tour', (c) => `/api/tours/${seeded(c)}`)],
  'GET /api/tours/{id}/results': [tourRead('the target’s tour', (c) => `/api/tours/${seeded(c)}/results`)],
  'GET /api/tours/{id}/notice': ['docx', 'xlsx'].map((f) =>
    tourRead(f, (c) => `/api/tours/${seeded(c)}/notice?format=${f}`),
  ),
  'PUT /api/tours/{id}/projects': [
    tourWrite(
      'the target’s project',
      taskForce,
      (id, c) => ({ path: `/api/tours/${id}/projects`, json: { codes: [projectOf(c.target)] } }),
      'PUT',
    ),
  ],
  'PUT /api/tours/{id}/judges': [
    tourWrite(
      'one judge',
      taskForce,
      (id) => ({ path: `/api/tours/${id}/judges`, json: { judges: [{ name: GUEST }] } }),
      'PUT',
    ),
  ],
  'POST /api/tours/{id}/scores': [
    tourWrite(
      'the asker’s own score as a judge',
      () => true,
      (id, c) => ({
        path: `/api/tours/${id}/scores`,
        json: { project: projectOf(c.target), judge: judgeOf(c), score: 90 },
      }),
    ),
    tourWrite('an outside judge’s score', taskForce, (id, c) => ({
      path: `/api/tours/${id}/scores`,
      json: { project: projectOf(c.target), judge: GUEST, score: 75 },
    })),
  ],
  'POST /api/tours/{id}/close': [
    tourWrite('the target’s tour', taskForce, (id) => ({ path: `/api/tours/${id}/close` })),
  ],
};

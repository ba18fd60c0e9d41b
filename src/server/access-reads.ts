// The reads of the role × endpoint × region table: every GET of the OpenAPI document.
import {
  type AccessTable,
  admins,
  always,
  type Ctx,
  cityWide,
  code,
  everyone,
  never,
  qs,
  regionRead,
  roleOf,
  scoped,
  type Variant,
} from './access-cases.ts';
import type { Answer, Call } from './access-probe.ts';
import { send } from './access-probe.ts';
import { CANARIES, PASSWORD, ROLE_USERS } from './access-world.ts';

const P = '2025-06';

/** Where values under review are documented to show, those allowed do see the target's own. */
const showsPendingOf = (a: Answer, c: Ctx) => {
  const mine = CANARIES.find((k) => k.where === c.target && /Pending$/.test(k.cls));
  return mine && !a.text.includes(mine.text) ? `misses the value under review ${mine.text}` : null;
};
const notLeader = (c: Ctx) => roleOf(c) !== 'leader';

/** The role's session (signed in with its password once, then kept): a real cookie and its CSRF token. */
export async function sessionOf(c: Ctx): Promise<{ token: string; csrf: string }> {
  const kept = c.w.sessions.get(c.role);
  if (kept) return kept;
  const r = await c.w.app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: ROLE_USERS[c.role].name, password: PASSWORD }),
  });
  const token = /tiaodu_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
  const { csrf } = (await r.json()) as { csrf: string };
  if (!token) throw new Error(`${c.role} could not sign in: ${r.status}`);
  c.w.sessions.set(c.role, { token, csrf });
  return { token, csrf };
}

/** An import job of the role's own (a dry run of its own district), waited for so nothing runs during the read. */
async function ownJob(c: Ctx): Promise<Call> {
  const a = await send(c.w, c.role, {
    method: 'POST',
    path: '/api/import?async=1&dryRun=1',
    headers: { 'x-filename': encodeURIComponent('本区上报.csv') },
    body: `指标,地区,期间,数值\n固定资产投资,西湖区,2025-05,5\n`,
  });
  const { id } = a.json as { id: string };
  await waitForJob(c, id);
  return { method: 'GET', path: `/api/imports/${id}` };
}

/** Polls an import job as the role until it is done or failed; its last state. */
export async function waitForJob(c: Ctx, id: string): Promise<Answer> {
  for (let i = 0; i < 500; i++) {
    const a = await send(c.w, c.role, { method: 'GET', path: `/api/imports/${id}` });
    const state = (a.json as { state?: string }).state;
    if (state === 'done' || state === 'failed') return a;
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error(`import job ${id} did not finish`);
}

/** The league's variants: no parent, each target region as parent, a level, a peer group; JSON or XLSX. */
const leagues = (path: string): Variant[] => {
  const league = (params: Record<string, string | number | undefined>) =>
    `${path}?${qs({ indicator: 'fai', period: P, ...params })}`;
  const peers = { peers: true, allowed: always };
  return [
    { ...everyone(league({})), ...peers, name: 'the default level' },
    regionRead('under the target as parent', (c) => league({ parent: code(c), explain: 1 }), peers),
    { ...everyone(league({ level: 2 })), ...peers, name: 'the level of the parent' },
    { ...everyone(league({ level: 4, by: 'yoy' })), ...peers, name: 'every town, by growth' },
    { ...everyone(league({ group: '城区' })), ...peers, name: 'a peer group across districts' },
  ];
};

export const READS: AccessTable = {
  'GET /api/health': [everyone('/api/health')],
  'GET /api/openapi.json': [everyone('/api/openapi.json')],
  'GET /api/me': [
    everyone('/api/me', {
      checkDone: (a, c) =>
        (a.json as { name?: string }).name === ROLE_USERS[c.role].name ? null : 'answers another user',
    }),
  ],
  'GET /api/league.xlsx': leagues('/api/league.xlsx'),
  'GET /api/league': leagues('/api/league'),
  'GET /api/users': [{ ...everyone('/api/users'), allowed: admins }],
  'GET /api/audit': [
    { ...everyone('/api/audit'), allowed: admins, pending: true },
    { ...everyone('/api/audit?user=canary-acct-bj'), name: 'by a sibling account', allowed: admins },
    { ...everyone('/api/audit?user=moved-analyst'), name: 'by an account moved in', allowed: admins },
  ],
  'GET /api/groups': [everyone('/api/groups')],
  'GET /api/periods/latest': [
    regionRead('of the target', (c) => `/api/periods/latest?${qs({ region: code(c) })}`),
  ],
  'GET /api/session': [
    // A Bearer token is no session: the cookie's session is what this answers.
    { ...everyone('/api/session'), name: 'with a Bearer token', allowed: never, refused: () => [401] },
    {
      name: 'with its own session cookie',
      aim: 'none',
      build: async (c) => ({
        method: 'GET',
        path: '/api/session',
        session: { token: (await sessionOf(c)).token },
      }),
      allowed: always,
      checkDone: (a, c) =>
        (a.json as { user?: { name?: string } }).user?.name === ROLE_USERS[c.role].name
          ? null
          : 'another user',
    },
  ],
  'GET /api/indicators': [everyone('/api/indicators')],
  // The region tree is the directory every page names regions by: no figures, open to every signed-in user.
  'GET /api/regions': [
    everyone('/api/regions'),
    regionRead('children of the target', (c) => `/api/regions?${qs({ parent: code(c) })}`, {
      allowed: always,
    }),
  ],
  'GET /api/regions/{code}/figures': [
    regionRead('sub-regions of the target', (c) => `/api/regions/${code(c)}/figures?${qs({ period: P })}`),
  ],
  'GET /api/regions/{code}': [
    regionRead('the target', (c) => `/api/regions/${code(c)}`, { allowed: always }),
  ],
  'GET /api/series': [
    regionRead('published', (c) => `/api/series?${qs({ indicator: 'fai', region: code(c), explain: 1 })}`),
    regionRead(
      'with values under review',
      (c) => `/api/series?${qs({ indicator: 'fai', region: code(c), include: 'submitted' })}`,
      // Documented: those who review or report may preview the values under review, never a leader.
      { allowed: (c) => scoped(c) && notLeader(c), pending: true, checkDone: showsPendingOf },
    ),
  ],
  'GET /api/progress': [
    regionRead('of the target', (c) => `/api/progress?${qs({ region: code(c), period: P, explain: 1 })}`),
  ],
  'GET /api/projects': [
    regionRead('of the target', (c) => `/api/projects?${qs({ region: code(c), period: P })}`),
  ],
  'GET /api/projects/rates': [
    regionRead('of the target', (c) => `/api/projects/rates?${qs({ region: code(c), period: P })}`),
  ],
  'GET /api/leads/rates': [
    regionRead('of the target', (c) => `/api/leads/rates?${qs({ region: code(c), period: P })}`),
  ],
  'GET /api/briefing': [
    // Like the overview, the briefing names the parent's growth as league.peerFigures allows; each format scanned.
    ...['json', 'html', 'xlsx', 'docx'].map((format) =>
      regionRead(`as ${format}`, (c) => `/api/briefing?${qs({ region: code(c), period: P, format })}`, {
        peers: true,
      }),
    ),
  ],
  'GET /api/briefing/versions': [
    // The saved texts may state the parent's growth: listed with peers' figures as league.peerFigures allows.
    regionRead('of the target', (c) => `/api/briefing/versions?${qs({ region: code(c), period: P })}`, {
      peers: true,
    }),
  ],
  'GET /api/overview': [
    // The parent's growth (parentYoy) is another region's published figure: shown as league.peerFigures allows.
    {
      ...regionRead(
        'of the target',
        (c) => `/api/overview?${qs({ region: code(c), period: P, explain: 1 })}`,
      ),
      peers: true,
    },
  ],
  'GET /api/targets': [
    regionRead('of the target', (c) => `/api/targets?${qs({ region: code(c), year: 2025 })}`),
  ],
  'GET /api/targets/export.csv': [
    regionRead('of the target', (c) => `/api/targets/export.csv?${qs({ region: code(c), year: 2025 })}`),
  ],
  'GET /api/imports/{id}': [
    {
      name: "the sibling reporter's job",
      aim: 'none',
      build: (c) => ({ method: 'GET', path: `/api/imports/${c.w.otherJob}` }),
      allowed: never,
    },
    {
      name: 'its own job',
      aim: 'none',
      roles: ['admin', 'analyst', 'reporter', 'cityAdmin'],
      build: ownJob,
      allowed: always,
    },
  ],
  'GET /api/templates/long.csv': [everyone('/api/templates/long.csv')],
  'GET /api/templates/long.xlsx': [everyone('/api/templates/long.xlsx')],
  'GET /api/documents': [
    everyone('/api/documents'),
    regionRead('of the target', (c) => `/api/documents?${qs({ region: code(c) })}`),
  ],
  'GET /api/documents/{id}': [
    { ...regionRead('of the target', (c) => `/api/documents/${c.w.docs[c.target ?? 'own']}`) },
    { ...everyone('/api/documents/999999'), name: 'that does not exist', allowed: never },
    { ...everyone('/api/documents/abc'), name: 'not a number', allowed: never, refused: () => [400] },
    {
      ...everyone('/api/documents/99999999999999999999'),
      name: 'too large',
      allowed: never,
      refused: () => [400],
    },
  ],
  'GET /api/tasks': [
    everyone('/api/tasks'),
    regionRead('of the target', (c) => `/api/tasks?${qs({ region: code(c) })}`),
  ],
  'GET /api/submissions': [
    { ...everyone('/api/submissions'), allowed: notLeader, pending: true },
    regionRead('of the target', (c) => `/api/submissions?${qs({ region: code(c) })}`, {
      allowed: (c) => scoped(c) && notLeader(c),
      pending: true,
      checkDone: showsPendingOf,
    }),
  ],
  'GET /api/periods/status': [
    regionRead('of the target', (c) => `/api/periods/status?${qs({ region: code(c), period: P })}`),
  ],
  'GET /api/settings': [{ ...everyone('/api/settings'), allowed: (c) => admins(c) && cityWide(c) }],
  'GET /api/templates/targets.csv': [everyone('/api/templates/targets.csv')],
  'GET /api/backup': [
    {
      ...everyone('/api/backup'),
      allowed: (c) => admins(c) && cityWide(c),
      // The embedded store is copied; on PostgreSQL the answer is to use pg_dump (400), for the same account.
      ok: (c) => (c.w.db.kind === 'pglite' ? [200] : [400]),
      writesWhenDone: true,
    },
  ],
};

// The writes of the role × endpoint × region table on accounts, regions, groups, sessions, the catalogue and
// the settings: each aimed at a target region or at an object of one (an account, a group holding it).
import { setRegionGroup } from '../store/index.ts';
import {
  type AccessTable,
  admins,
  always,
  type Ctx,
  cityWide,
  code,
  created,
  never,
  OWN,
  regionWrite,
  taskForce,
} from './access-cases.ts';
import { send } from './access-probe.ts';
import { sessionOf } from './access-reads.ts';
import { PASSWORD, plainAccount, ROLE_USERS, SIBLING_REPORTER } from './access-world.ts';

const NEW_PASSWORD = 'Xin-mima-Qiantang-2026';
const savedHashes = new Map<string, string>();

/** A fresh account of the target region, for an account write to aim at. */
async function accountOf(c: Ctx): Promise<string> {
  const name = `acct-${c.target}-${c.w.next()}`;
  await plainAccount(c.w.db, name, code(c));
  return name;
}

export const ADMIN_WRITES: AccessTable = {
  'POST /api/users': [
    regionWrite(
      'an account of the target',
      admins,
      (c) => ({
        method: 'POST',
        path: '/api/users',
        json: { name: `new-${c.w.next()}`, role: 'reporter', region: code(c), password: NEW_PASSWORD },
      }),
      { ok: created },
    ),
    {
      name: 'a city-wide analyst',
      aim: 'none',
      build: (c) => ({
        method: 'POST',
        path: '/api/users',
        json: { name: `all-${c.w.next()}`, role: 'analyst', region: null, password: NEW_PASSWORD },
      }),
      allowed: (c) => admins(c) && cityWide(c),
      ok: created,
    },
  ],
  'PUT /api/users/{name}': [
    regionWrite('an account of the target, made leader', admins, async (c) => ({
      method: 'PUT',
      path: `/api/users/${await accountOf(c)}`,
      json: { role: 'leader' },
    })),
    regionWrite('an own account moved to the target', admins, async (c) => {
      const name = `mine-${c.w.next()}`;
      await plainAccount(c.w.db, name, OWN);
      return { method: 'PUT', path: `/api/users/${name}`, json: { region: code(c) } };
    }),
  ],
  'DELETE /api/users/{name}': [
    regionWrite('an account of the target', admins, async (c) => ({
      method: 'DELETE',
      path: `/api/users/${await accountOf(c)}`,
    })),
  ],
  'POST /api/users/{name}/password': [
    regionWrite('an account of the target', admins, async (c) => ({
      method: 'POST',
      path: `/api/users/${await accountOf(c)}/password`,
      json: { password: NEW_PASSWORD },
    })),
  ],
  'PUT /api/users/{name}/leader': [
    // The name picks projects across the city: only a city-wide administrator sets it, for any region's leader.
    {
      name: 'a leader account of the target, given a 包联领导 name',
      aim: 'region',
      build: async (c) => {
        const name = `lead-${c.target}-${c.w.next()}`;
        await plainAccount(c.w.db, name, code(c), 'leader');
        return {
          method: 'PUT',
          path: `/api/users/${name}/leader`,
          json: { leaderName: `领导${c.w.next()}` },
        };
      },
      allowed: (c) => admins(c) && cityWide(c),
      checkDone: async (a, c) => {
        const { name, leaderName } = a.json as { name: string; leaderName: string };
        const [row] = await c.w.db.query<{ leader_name: string | null }>(
          'SELECT leader_name FROM app_user WHERE name = $1',
          [name],
        );
        return row?.leader_name === leaderName ? null : `leader_name is ${row?.leader_name}`;
      },
    },
  ],
  'POST /api/regions/custom': [
    regionWrite(
      'a park under the target',
      admins,
      (c) => {
        const n = c.w.next();
        return {
          method: 'POST',
          path: '/api/regions/custom',
          json: { code: `P${n}`, name: `园区${n}`, parent: code(c), kind: 'park' },
        };
      },
      { ok: created },
    ),
  ],
  'PUT /api/groups/{name}': [
    regionWrite('a new group of the target', taskForce, (c) => ({
      method: 'PUT',
      path: `/api/groups/${encodeURIComponent(`组${c.w.next()}`)}`,
      json: { regions: [code(c)] },
    })),
    regionWrite('a group holding the target, cut to the own district', taskForce, async (c) => {
      const name = `组${c.w.next()}`;
      await setRegionGroup(c.w.db, name, [...new Set([OWN, code(c)])]);
      return { method: 'PUT', path: `/api/groups/${encodeURIComponent(name)}`, json: { regions: [OWN] } };
    }),
  ],
  'POST /api/session': [
    {
      // Signing in is public; a wrong password is counted against the name and recorded — that is the lock's
      // and the audit log's purpose — so sign_in_failure and audit_event may change on this refusal.
      name: "the sibling reporter's account with a wrong password",
      aim: 'none',
      build: () => ({
        method: 'POST',
        path: '/api/session',
        json: { name: SIBLING_REPORTER.name, password: 'Guess-2025-abc' },
      }),
      allowed: never,
      refused: () => [401, 429],
      mayWrite: ['sign_in_failure', 'audit_event'],
    },
    {
      name: 'its own account with its password',
      aim: 'none',
      build: (c) => ({
        method: 'POST',
        path: '/api/session',
        json: { name: ROLE_USERS[c.role].name, password: PASSWORD },
      }),
      allowed: always,
      checkDone: (a, c) =>
        (a.json as { user?: { name?: string } }).user?.name === ROLE_USERS[c.role].name
          ? null
          : 'another user',
    },
  ],
  'DELETE /api/session': [
    {
      name: 'its own session without the CSRF token',
      aim: 'none',
      build: async (c) => ({
        method: 'DELETE',
        path: '/api/session',
        session: { token: (await sessionOf(c)).token },
      }),
      allowed: never,
      refused: () => [403],
    },
    {
      name: 'its own session with the CSRF token',
      aim: 'none',
      build: async (c) => ({ method: 'DELETE', path: '/api/session', session: await sessionOf(c) }),
      allowed: always,
      checkDone: async (_a, c) => {
        const session = { token: c.w.sessions.get(c.role)?.token ?? '' };
        const after = await send(c.w, null, { method: 'GET', path: '/api/session', session });
        return after.status === 401 ? null : `the session still answers ${after.status}`;
      },
      after: async (_a, c) => {
        c.w.sessions.delete(c.role);
      },
    },
  ],
  'POST /api/password': [
    {
      // A wrong old password counts as a failed sign-in (so a stolen session cannot guess it): sign_in_failure.
      name: 'with a wrong old password',
      aim: 'none',
      build: () => ({
        method: 'POST',
        path: '/api/password',
        json: { oldPassword: 'Guess-2025-abc', newPassword: NEW_PASSWORD },
      }),
      allowed: never,
      refused: () => [401],
      mayWrite: ['sign_in_failure'],
    },
    {
      name: 'with its old password',
      aim: 'none',
      build: async (c) => {
        const [row] = await c.w.db.query<{ hash: string }>(
          'SELECT password_hash AS hash FROM app_user WHERE name = $1',
          [ROLE_USERS[c.role].name],
        );
        savedHashes.set(c.role, row?.hash ?? '');
        return {
          method: 'POST',
          path: '/api/password',
          json: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD },
        };
      },
      allowed: always,
      // The old password back, without another argon2 hash: later cases sign in with it.
      after: async (_a, c) => {
        await c.w.db.query('UPDATE app_user SET password_hash = $2 WHERE name = $1', [
          ROLE_USERS[c.role].name,
          savedHashes.get(c.role),
        ]);
        c.w.sessions.delete(c.role);
      },
    },
  ],
  'POST /api/indicators': [
    {
      name: 'a new indicator',
      aim: 'none',
      build: (c) => ({
        method: 'POST',
        path: '/api/indicators',
        json: { code: `ind_${c.w.next()}`, name: `指标${c.w.next()}`, unit: '万元' },
      }),
      allowed: (c) => taskForce(c) && cityWide(c),
      ok: created,
    },
    {
      name: "a built-in indicator's alert threshold",
      aim: 'none',
      build: () => ({
        method: 'POST',
        path: '/api/indicators',
        json: { code: 'gdp', name: '地区生产总值', unit: '亿元', alertThreshold: -3 },
      }),
      allowed: (c) => admins(c) && cityWide(c),
      ok: created,
    },
  ],
  'PUT /api/settings': [
    {
      name: 'league.peerFigures, as it is by default',
      aim: 'none',
      build: () => ({
        method: 'PUT',
        path: '/api/settings',
        json: { 'league.peerFigures': ['analyst', 'leader', 'admin'] },
      }),
      allowed: (c) => admins(c) && cityWide(c),
    },
  ],
};

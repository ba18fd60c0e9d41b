// Role × endpoint × region: every operation of the OpenAPI document, tried by a district's admin, analyst,
// reporter and leader and by city-wide controls, aimed at the own district, its town, the sibling district,
// the sibling's town and the parent city. No answer shows what lies outside the asker's scope, no refused
// write changes a row, and no answer is a 500.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../contract/openapi.ts';
import type { Db } from '../store/db.ts';
import { driverName, freshStore } from '../store/testing.ts';
import { ASSESS_ACCESS } from './access-assess.ts';
import type { AccessTable, Ctx, Variant } from './access-cases.ts';
import { DATA_WRITES } from './access-data-writes.ts';
import { type Answer, changedTables, checksum, send } from './access-probe.ts';
import { PROBLEM_ACCESS } from './access-problems.ts';
import { PROJECT_ACCESS } from './access-projects.ts';
import { READS, sessionOf } from './access-reads.ts';
import { SUPERVISION, seedSupervision } from './access-supervision.ts';
import { seedWorldTours, TOUR_ACCESS } from './access-tours.ts';
import {
  buildWorld,
  CANARIES,
  type Canary,
  ROLE_KEYS,
  ROLE_USERS,
  type RoleKey,
  TARGET_KEYS,
  type World,
} from './access-world.ts';
import { ADMIN_WRITES } from './access-writes.ts';

const TABLE: AccessTable = {
  ...READS,
  ...ADMIN_WRITES,
  ...DATA_WRITES,
  ...ASSESS_ACCESS,
  ...SUPERVISION,
  ...PROJECT_ACCESS,
  ...PROBLEM_ACCESS,
  ...TOUR_ACCESS,
};
const operations = Object.entries(openApiDocument().paths).flatMap(([path, ops]) =>
  Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
);

/**
 * May this answer show this canary? Values under review only where documented (and in scope); a scoped
 * account sees nothing of other regions, but for published figures in league tables as league.peerFigures
 * allows; a city-wide account sees every region. Nobody sees another user's import job.
 */
function mayShow(canary: Canary, v: Variant, c: Ctx, peerRoles: string[]): boolean {
  const city = ROLE_USERS[c.role].regionCode === null;
  if (canary.cls === 'outJob') return false;
  if (canary.cls === 'ownPending') return !!v.pending;
  if (canary.cls === 'outPending') return !!v.pending && city;
  if (city) return true;
  return canary.cls === 'outPublished' && !!v.peers && peerRoles.includes(ROLE_USERS[c.role].role);
}

interface Outcome {
  op: string;
  variant: string;
  role: RoleKey;
  target: string;
  status: number;
  allowed: boolean;
}

describe(`every endpoint, role and region, on ${driverName}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let w: World;
  const outcomes: Outcome[] = [];
  /** Canaries a city-wide control saw: proof the scan looks where the data is. */
  const seenByCity = new Set<string>();
  /** Roles that saw another region's published figure in a league table. */
  const peersSeenBy = new Set<RoleKey>();
  let peerRoles = ['analyst', 'leader', 'admin'];

  beforeAll(async () => {
    ({ db, drop } = await freshStore());
    w = await buildWorld(db);
    await seedSupervision(db);
    await seedWorldTours(db);
    // Signed in before the reads are fingerprinted: a sign-in writes its session and the audit log.
    for (const role of ROLE_KEYS) await sessionOf({ w, role, target: null });
  }, 120_000);
  afterAll(async () => {
    if (process.env.TIAODU_ACCESS_TABLE) writeFileSync(process.env.TIAODU_ACCESS_TABLE, coverage(outcomes));
    await drop();
  });

  /** Runs every variant of one operation for every role and target; returns what went wrong. */
  async function tryOperation(op: string, phase: string): Promise<string[]> {
    const problems: string[] = [];
    const variants = TABLE[op] ?? [];
    // Reads never write: fingerprinted once around the whole operation, unless one is documented to write.
    const wholeOp = op.startsWith('GET ') && !variants.some((v) => v.writesWhenDone);
    const opBefore = wholeOp ? await checksum(db) : null;
    for (const v of variants) {
      for (const role of v.roles ?? ROLE_KEYS) {
        for (const target of v.aim === 'region' ? TARGET_KEYS : [null]) {
          const c: Ctx = { w, role, target };
          const call = await v.build(c);
          const allowed = v.allowed(c);
          // A refused request writes nothing; nor does a read that is not documented to write.
          const guarded = !wholeOp && (!allowed || (call.method === 'GET' && !v.writesWhenDone));
          const before = guarded ? await checksum(db, v.mayWrite) : null;
          let a: Answer = await send(w, role, call);
          if (v.settle) a = await v.settle(a, c);
          const label = `${phase}${op} [${v.name}] as ${role}${target ? ` → ${target}` : ''}`;
          outcomes.push({ op, variant: v.name, role, target: target ?? '—', status: a.status, allowed });
          const expected = allowed ? (v.ok?.(c) ?? [200]) : (v.refused?.(c) ?? [403, 404]);
          if (!expected.includes(a.status))
            problems.push(
              `${label}: expected ${expected.join('/')}, got ${a.status} ${a.text.slice(0, 160)}`,
            );
          const extra = allowed ? await v.checkDone?.(a, c) : v.checkRefusal?.(a);
          if (extra && expected.includes(a.status)) problems.push(`${label}: ${extra}`);
          if (before) {
            const changed = changedTables(before, await checksum(db, v.mayWrite));
            if (changed.length > 0)
              problems.push(`${label}: ${allowed ? 'read' : 'refused'} but wrote ${changed}`);
          }
          for (const canary of CANARIES) {
            if (!a.text.includes(canary.text)) continue;
            if (ROLE_USERS[role].regionCode === null) seenByCity.add(canary.text);
            if (v.peers && canary.cls === 'outPublished') peersSeenBy.add(role);
            if (!mayShow(canary, v, c, peerRoles))
              problems.push(`${label}: shows ${canary.cls} of ${canary.where} (${canary.text})`);
          }
          if (allowed && v.after) await v.after(a, c);
        }
      }
    }
    if (opBefore) {
      const changed = changedTables(opBefore, await checksum(db));
      if (changed.length > 0) problems.push(`${phase}${op}: reads wrote ${changed}`);
    }
    return problems;
  }

  it('has an entry for every operation of the OpenAPI document, and none for an operation it lacks', () => {
    expect(operations.length).toBeGreaterThanOrEqual(49);
    expect(Object.keys(TABLE).sort()).toEqual([...operations].sort());
  });

  const reads = operations.filter((op) => op.startsWith('GET '));
  const writes = operations.filter((op) => !op.startsWith('GET '));

  describe('reads, with league.peerFigures as by default (analyst, leader, admin)', () => {
    for (const op of reads)
      it(`${op} shows nothing outside the asker's scope`, async () => {
        expect(await tryOperation(op, '')).toEqual([]);
      });
  });

  it('lets the city-wide controls see every canary, so the scan looks where the data is', async () => {
    const job = await send(w, null, {
      method: 'GET',
      path: `/api/imports/${w.otherJob}`,
      headers: { authorization: 'Bearer bjReporter' },
    });
    expect(job.text).toContain('QJOBBJ');
    const missed = CANARIES.filter((c) => c.cls !== 'outJob' && !seenByCity.has(c.text));
    expect(missed).toEqual([]);
    // By default the scoped analyst, leader and admin do see peers in league tables: what the setting takes away.
    expect([...peersSeenBy].sort()).toEqual(['admin', 'analyst', 'cityAdmin', 'cityAnalyst', 'leader']);
  });

  describe('reads, with league.peerFigures set to nobody', () => {
    beforeAll(async () => {
      const r = await send(w, 'cityAdmin', {
        method: 'PUT',
        path: '/api/settings',
        json: { 'league.peerFigures': [] },
      });
      expect(r.status).toBe(200);
      peerRoles = [];
    });
    afterAll(async () => {
      peerRoles = ['analyst', 'leader', 'admin'];
      const json = { 'league.peerFigures': peerRoles };
      expect((await send(w, 'cityAdmin', { method: 'PUT', path: '/api/settings', json })).status).toBe(200);
    });
    for (const op of reads)
      it(`${op} shows a scoped account nothing of other regions`, async () => {
        expect(await tryOperation(op, '[peerFigures=[]] ')).toEqual([]);
      });
  });

  describe('writes', () => {
    for (const op of writes)
      it(`${op} is refused outside the writer's scope, changing nothing, and done within it`, async () => {
        expect(await tryOperation(op, '')).toEqual([]);
      });
  });

  it('answered no request with a 500', () => {
    expect(outcomes.length).toBeGreaterThan(1000);
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
  });
});

/** A Markdown table: per operation and role, how many requests were done and refused, and the statuses seen. */
function coverage(outcomes: Outcome[]): string {
  const ops = [...new Set(outcomes.map((o) => o.op))];
  const lines = [
    `| operation | ${ROLE_KEYS.join(' | ')} |`,
    `| --- |${ROLE_KEYS.map(() => ' --- |').join('')}`,
  ];
  for (const op of ops) {
    const cells = ROLE_KEYS.map((role) => {
      const mine = outcomes.filter((o) => o.op === op && o.role === role);
      if (mine.length === 0) return '—';
      const done = mine.filter((o) => o.allowed).length;
      const statuses = [...new Set(mine.map((o) => o.status))].sort().join(',');
      return `${done}✓ ${mine.length - done}✗ (${statuses})`;
    });
    lines.push(`| ${op} | ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

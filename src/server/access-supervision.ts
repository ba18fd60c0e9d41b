// The supervision (督办) rows of the role × endpoint × region table. Each target region has a unit and a task;
// the district's reporter answers for the units of 西湖区 and its town, so it may see and report those tasks and
// nothing else; the office (analysts, admins) acts within its scope; a leader only reads.
import type { Db } from '../store/db.ts';
import { askExtension, createTask, ensureUnit, linkUnitUser, reportProgress } from '../store/index.ts';
import {
  type AccessTable,
  type Ctx,
  code,
  created,
  everyone,
  qs,
  regionRead,
  regionWrite,
  roleOf,
  scoped,
  taskForce,
} from './access-cases.ts';
import { CODES, ROLE_USERS, TARGET_KEYS, type TargetKey } from './access-world.ts';

const units = new Map<TargetKey, number>();
const tasks = new Map<TargetKey, number>();
const LINKED: TargetKey[] = ['own', 'ownTown'];

/** A unit and a task in every target region; the district's reporter answers for the own ones. */
export async function seedSupervision(db: Db): Promise<void> {
  for (const t of TARGET_KEYS) {
    const u = await ensureUnit(db, CODES[t], `督办单位${t}`);
    units.set(t, u.id);
    tasks.set(t, await newTask(db, u.id));
    if (LINKED.includes(t)) await linkUnitUser(db, u.id, ROLE_USERS.reporter.name, 'city-admin');
  }
}

const newTask = (db: Db, unit: number) =>
  createTask(
    db,
    { title: '督办事项', lead: [String(unit)], support: [], due: '2030-06-30' },
    'city-admin',
    '2026-01-01',
  );
const fresh = (c: Ctx) => newTask(c.w.db, units.get(c.target ?? 'own') ?? 0);

/** A unit's account answers for this target's task; the office for any in its scope. */
const answers = (c: Ctx) =>
  scoped(c) && (taskForce(c) || (roleOf(c) === 'reporter' && LINKED.includes(c.target ?? 'own')));
const office = (c: Ctx) => scoped(c) && taskForce(c);
const reads = (c: Ctx) => scoped(c) && (roleOf(c) !== 'reporter' || LINKED.includes(c.target ?? 'own'));

export const SUPERVISION: AccessTable = {
  'GET /api/supervision/tasks': [
    everyone('/api/supervision/tasks'),
    regionRead('of the target', (c) => `/api/supervision/tasks?${qs({ region: code(c) })}`),
  ],
  'POST /api/supervision/tasks': [
    regionWrite(
      'giving a task to a unit of the target',
      taskForce,
      (c) => ({
        method: 'POST',
        path: '/api/supervision/tasks',
        json: {
          region: code(c),
          title: '新交办事项',
          lead: [String(units.get(c.target ?? 'own'))],
          due: '2030-06-30',
        },
      }),
      { ok: created },
    ),
  ],
  'GET /api/supervision/units': [
    everyone('/api/supervision/units'),
    regionRead('of the target', (c) => `/api/supervision/units?${qs({ region: code(c), name: '督办单位' })}`),
  ],
  'GET /api/supervision/notice': [
    everyone('/api/supervision/notice'),
    regionRead(
      'of the target as a Word file',
      (c) => `/api/supervision/notice?${qs({ region: code(c), format: 'docx' })}`,
    ),
  ],
  'POST /api/supervision/meetings': [
    regionWrite(
      'recording a meeting of the target',
      taskForce,
      (c) => ({
        method: 'POST',
        path: '/api/supervision/meetings',
        json: {
          region: code(c),
          date: '2030-01-10',
          kind: '专题会议',
          title: '督办会议',
          decisions: [{ title: '议定事项', lead: [String(units.get(c.target ?? 'own'))] }],
        },
      }),
      { ok: created },
    ),
  ],
  'GET /api/supervision/tasks/{id}/extensions': [
    regionRead(
      'of a task of the target',
      (c) => `/api/supervision/tasks/${tasks.get(c.target ?? 'own')}/extensions`,
      { allowed: reads },
    ),
  ],
  'GET /api/supervision/tasks/{id}/reports': [
    regionRead(
      'of a task of the target',
      (c) => `/api/supervision/tasks/${tasks.get(c.target ?? 'own')}/reports`,
      {
        allowed: reads,
      },
    ),
    {
      ...everyone('/api/supervision/tasks/999999/reports'),
      name: 'that does not exist',
      allowed: () => false,
    },
    {
      ...everyone('/api/supervision/tasks/abc/reports'),
      name: 'not a number',
      allowed: () => false,
      refused: () => [400],
    },
  ],
  'POST /api/supervision/tasks/{id}/reports': [
    {
      name: 'reporting progress on a task of the target',
      aim: 'region',
      build: async (c) => ({
        method: 'POST',
        path: `/api/supervision/tasks/${await fresh(c)}/reports`,
        json: { percent: 30, note: '已启动', evidence: { name: '台账.txt', base64: 'MTIz' } },
      }),
      allowed: answers,
      ok: created,
    },
  ],
  'POST /api/supervision/reports/{id}': [
    {
      name: 'returning a report on a task of the target',
      aim: 'region',
      build: async (c) => {
        const { reportId } = await reportProgress(
          c.w.db,
          await fresh(c),
          { percent: 20 },
          'unit',
          '2026-01-02',
        );
        return {
          method: 'POST',
          path: `/api/supervision/reports/${reportId}`,
          json: { decision: 'return', reason: '缺少佐证' },
        };
      },
      allowed: office,
    },
  ],
  'POST /api/supervision/tasks/{id}/close': [
    {
      name: 'closing a reported task of the target',
      aim: 'region',
      build: async (c) => {
        const id = await fresh(c);
        await reportProgress(c.w.db, id, { percent: 100 }, 'unit', '2026-01-02');
        return { method: 'POST', path: `/api/supervision/tasks/${id}/close` };
      },
      allowed: office,
    },
  ],
  'POST /api/supervision/tasks/{id}/extensions': [
    {
      name: 'asking to extend a task of the target',
      aim: 'region',
      build: async (c) => ({
        method: 'POST',
        path: `/api/supervision/tasks/${await fresh(c)}/extensions`,
        json: { to: '2030-08-31', reason: '资金未到位' },
      }),
      allowed: answers,
      ok: created,
    },
  ],
  'POST /api/supervision/extensions/{id}': [
    {
      name: 'approving an extension of a task of the target',
      aim: 'region',
      build: async (c) => {
        const ask = { to: '2030-08-31', reason: '资金未到位' };
        const { extensionId } = await askExtension(c.w.db, await fresh(c), ask, 'unit', '2026-01-02');
        return {
          method: 'POST',
          path: `/api/supervision/extensions/${extensionId}`,
          json: { decision: 'approve' },
        };
      },
      allowed: office,
    },
  ],
};

// The access walk's rows for the problem list of key projects: reads within scope, and adding, solving and
// reopening problems of the target's project only by those who enter figures within their scope; a problem of
// another region is refused even when the region named is the asker's own.
import { addProjectProblem, setProblemResolved } from '../store/projectProblems.ts';
import {
  type AccessTable,
  type Ctx,
  code,
  created,
  qs,
  regionRead,
  regionWrite,
  writers,
} from './access-cases.ts';
import { projectOf } from './access-projects-world.ts';
import type { TargetKey } from './access-world.ts';

/** A fresh open problem of the target's project (each try solves its own). */
const freshProblem = (c: Ctx, t: TargetKey | null = c.target) =>
  addProjectProblem(
    c.w.db,
    { code: projectOf(t), description: '访问测试问题', coordinator: '协调单位', due: '2025-07-01' },
    'world',
  );

/** A fresh solved problem of the target's project, to reopen. */
async function solvedProblem(c: Ctx) {
  const p = await freshProblem(c);
  return setProblemResolved(c.w.db, p, { on: '2025-07-02', note: null }, 'world');
}

export const PROBLEM_ACCESS: AccessTable = {
  'GET /api/projects/mine': [
    regionRead('of the target', (c) => `/api/projects/mine?${qs({ region: code(c), period: '2025-06' })}`),
  ],
  'GET /api/projects/problems': [
    regionRead(
      'open problems of the target',
      (c) => `/api/projects/problems?${qs({ region: code(c), only: 'open' })}`,
    ),
    regionRead(
      'the problems of the target’s project',
      (c) => `/api/projects/problems?${qs({ region: code(c), code: projectOf(c.target) })}`,
    ),
    regionRead(
      'the problems of a project outside the region named',
      (c) => `/api/projects/problems?${qs({ region: code(c), code: projectOf('sibling') })}`,
      {
        // Only through a region that holds it: the sibling itself, or the city above it.
        allowed: (c) =>
          regionRead('', () => '').allowed(c) && (c.target === 'sibling' || c.target === 'parent'),
      },
    ),
  ],
  'POST /api/projects/problems': [
    regionWrite(
      'a problem of the target’s project',
      writers,
      (c) => ({
        method: 'POST',
        path: '/api/projects/problems',
        json: {
          region: code(c),
          code: projectOf(c.target),
          description: '用地未落实',
          coordinator: '规划资源局',
          due: '2025-08-31',
        },
      }),
      { ok: created },
    ),
    regionWrite(
      'a problem of the sibling’s project, naming the target as region',
      writers,
      (c) => ({
        method: 'POST',
        path: '/api/projects/problems',
        json: {
          region: code(c),
          code: projectOf('sibling'),
          description: '用地未落实',
          coordinator: '规划资源局',
          due: '2025-08-31',
        },
      }),
      {
        ok: created,
        allowed: (c) =>
          writers(c) &&
          regionRead('', () => '').allowed(c) &&
          (c.target === 'sibling' || c.target === 'parent'),
      },
    ),
  ],
  'POST /api/projects/problems/{id}/resolve': [
    regionWrite('an open problem of the target’s project', writers, async (c) => {
      const p = await freshProblem(c);
      return {
        method: 'POST',
        path: `/api/projects/problems/${p.id}/resolve`,
        json: { region: code(c), note: '已协调解决' },
      };
    }),
    regionWrite(
      'an open problem of the sibling’s project, naming the target as region',
      writers,
      async (c) => {
        const p = await freshProblem(c, 'sibling');
        return {
          method: 'POST',
          path: `/api/projects/problems/${p.id}/resolve`,
          json: { region: code(c) },
        };
      },
      {
        allowed: (c) =>
          writers(c) &&
          regionRead('', () => '').allowed(c) &&
          (c.target === 'sibling' || c.target === 'parent'),
      },
    ),
  ],
  'POST /api/projects/problems/{id}/reopen': [
    regionWrite('a solved problem of the target’s project', writers, async (c) => {
      const p = await solvedProblem(c);
      return { method: 'POST', path: `/api/projects/problems/${p.id}/reopen`, json: { region: code(c) } };
    }),
  ],
};

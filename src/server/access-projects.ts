import { submitProjectUpdate } from '../store/projectUpdates.ts';
import {
  type AccessTable,
  type Ctx,
  code,
  created,
  qs,
  regionRead,
  regionWrite,
  reviewsAbove,
  writers,
} from './access-cases.ts';
import { LEAD_ACCESS } from './access-leads.ts';
import { photos, projectOf, WEBP } from './access-projects-world.ts';

const P = '2025-06';
/** A month no earlier variant used: each update waits alone. */
const freshPeriod = (c: Ctx) => {
  const n = c.w.next();
  return `${2000 + (Math.floor(n / 12) % 90)}-${String((n % 12) + 1).padStart(2, '0')}`;
};

export const PROJECT_ACCESS: AccessTable = {
  'GET /api/projects/three-nots': [
    regionRead('of the target', (c) => `/api/projects/three-nots?${qs({ region: code(c), period: P })}`),
  ],
  'GET /api/projects/page': [
    regionRead(
      'a filtered sorted page of the target',
      (c) =>
        `/api/projects/page?${qs({ region: code(c), period: P, sort: 'lag', order: 'descend', limit: '5', mine: '1' })}`,
    ),
  ],
  'GET /api/projects/notice': ['docx', 'xlsx'].map((format) =>
    regionRead(format, (c) => `/api/projects/notice?${qs({ region: code(c), period: P, format })}`),
  ),
  'GET /api/projects/detail': [
    regionRead(
      'the target’s project',
      (c) => `/api/projects/detail?${qs({ region: code(c), period: P, code: projectOf(c.target) })}`,
    ),
    regionRead(
      'a project outside the region named',
      (c) => `/api/projects/detail?${qs({ region: code(c), period: P, code: projectOf('sibling') })}`,
      {
        // Only through a region that holds it: the sibling itself, or the city above it.
        allowed: (c) =>
          regionRead('', () => '').allowed(c) && (c.target === 'sibling' || c.target === 'parent'),
      },
    ),
  ],
  'GET /api/projects/photos/{id}': [
    regionRead(
      'of the target’s project',
      (c) => `/api/projects/photos/${photos.get(c.target ?? 'own')}?${qs({ region: code(c) })}`,
    ),
  ],
  'GET /api/projects/updates': [
    regionRead('of the target', (c) => `/api/projects/updates?${qs({ region: code(c) })}`),
  ],
  'POST /api/projects/photos': [
    regionWrite(
      'a photo of the target’s project',
      writers,
      (c) => ({
        method: 'POST',
        path: `/api/projects/photos?${qs({ region: code(c), code: projectOf(c.target) })}`,
        headers: { 'x-filename': 'p.webp' },
        body: WEBP,
      }),
      { ok: created },
    ),
  ],
  'POST /api/projects/updates': [
    regionWrite(
      'a month of the target’s project',
      writers,
      (c) => ({
        method: 'POST',
        path: '/api/projects/updates',
        json: { region: code(c), code: projectOf(c.target), period: freshPeriod(c), done: 10 },
      }),
      { ok: created },
    ),
  ],
  'POST /api/projects/updates/review': [
    {
      name: 'a waiting update',
      aim: 'region',
      build: async (c) => {
        const [year, month] = freshPeriod(c).split('-').map(Number) as [number, number];
        const u = await submitProjectUpdate(
          c.w.db,
          {
            code: projectOf(c.target),
            year,
            month,
            done: 5,
            progress: null,
            problems: null,
            coordination: null,
            photos: [],
          },
          'world',
        );
        return {
          method: 'POST',
          path: '/api/projects/updates/review',
          json: { ids: [u.id], decision: 'approve' },
        };
      },
      // As with values: the reviewer sits a level above the update's region — a district never approves its own.
      allowed: reviewsAbove,
      refused: () => [403],
    },
  ],
  ...LEAD_ACCESS,
};

// The access walk's rows for the investment-attraction routes: reads within the asker's scope; promotion by an
// analyst or admin of a lead within it, and undoing a link likewise, each call a fresh lead of the target region
// (so each one does work).

import { type AccessTable, code, qs, regionRead, regionWrite, taskForce } from './access-cases.ts';
import type { Answer } from './access-probe.ts';
import { projectOf } from './access-projects-world.ts';
import { leadOf } from './access-world.ts';

const P = '2025-06';

/** Whether an answer names the target's lead: a read within scope that shows nothing would prove nothing. */
const shows = (text: string) => (a: Answer) => (a.text.includes(text) ? null : `does not show ${text}`);

export const LEAD_ACCESS: AccessTable = {
  'GET /api/leads': [
    regionRead('of the target', (c) => `/api/leads?${qs({ region: code(c), period: P })}`, {
      checkDone: (a, c) => shows(leadOf(c.target))(a),
    }),
  ],
  'GET /api/leads/breakdown': [
    regionRead('of the target', (c) => `/api/leads/breakdown?${qs({ region: code(c), period: P })}`),
  ],
  'GET /api/leads/report': ['json', 'docx', 'xlsx'].map((format) =>
    regionRead(format, (c) => `/api/leads/report?${qs({ region: code(c), period: P, format })}`),
  ),
  'GET /api/leads/of-project': [
    regionRead(
      'the target’s project',
      (c) => `/api/leads/of-project?${qs({ region: code(c), code: projectOf(c.target) })}`,
      { checkDone: (a, c) => shows(leadOf(c.target))(a) },
    ),
  ],
  'POST /api/leads/promote': [
    regionWrite('a fresh lead of the target', taskForce, async (c) => {
      const lead = `ZXPROMO${c.w.next()}`;
      await c.w.db.query(
        `INSERT INTO investment_lead (code, name, region_code, contract, signed) VALUES ($1, $1, $2, 500, '2025-05-01')`,
        [lead, code(c)],
      );
      return { method: 'POST', path: '/api/leads/promote', json: { region: code(c), code: lead } };
    }),
  ],
  'POST /api/leads/unlink': [
    regionWrite('a fresh lead of the target, linked to its project', taskForce, async (c) => {
      const lead = `ZXUNLINK${c.w.next()}`;
      await c.w.db.query(
        `INSERT INTO investment_lead (code, name, region_code, contract, signed, project_code)
         VALUES ($1, $1, $2, 500, '2025-05-01', $3)`,
        [lead, code(c), projectOf(c.target)],
      );
      return { method: 'POST', path: '/api/leads/unlink', json: { region: code(c), code: lead } };
    }),
  ],
};

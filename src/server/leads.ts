// The investment-attraction routes: breakdowns, the lead list, the monthly report (JSON or a file, as
// `tiaodu report leads`), promoting a lead to a key project and undoing that link, and a project's source lead —
// each within the user's scope (the implementer checks the region named; the store reads only its subtree).
import { Hono } from 'hono';
import * as contract from '../contract/leads.ts';
import type { Db } from '../store/db.ts';
import {
  leadBreakdownAt,
  leadListAt,
  leadOfProject,
  leadReportAt,
  promoteLead,
  requireProjectUnder,
  unlinkLead,
} from '../store/index.ts';
import type { AuthEnv } from './auth.ts';
import { implementer } from './implement.ts';
import { periodOf } from './schemas.ts';

export function leadRoutes(db: Db): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);

  implement(api, contract.leadBreakdown, ({ query, region }) =>
    leadBreakdownAt(db, region.code, periodOf(query.period)),
  );

  implement(api, contract.leadList, ({ query, region }) =>
    leadListAt(db, region.code, periodOf(query.period)),
  );

  implement(api, contract.leadReport, async ({ query, region, c }) => {
    const report = await leadReportAt(db, region, periodOf(query.period));
    if (query.format === 'json') return report;
    // The document writers weigh a second to load: only when a file is asked for.
    const body =
      query.format === 'docx'
        ? await (await import('../reports/leads/docx.ts')).leadReportDocx(report)
        : await (await import('../reports/leads/xlsx.ts')).leadReportXlsx(
            report,
            `${region.name}　${query.period}`,
          );
    const type = contract.leadReport.responses[200].file.types[query.format === 'docx' ? 0 : 1] as string;
    return c.body(new Uint8Array(body), 200, {
      'content-type': type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${report.title}.${query.format}`)}`,
    });
  });

  implement(api, contract.promoteLead, ({ user, body, region }) =>
    promoteLead(db, { regionCode: region.code, code: body.code, project: body.project, user: user.name }),
  );

  implement(api, contract.unlinkLead, ({ user, body, region }) =>
    unlinkLead(db, { regionCode: region.code, code: body.code, user: user.name }),
  );

  implement(api, contract.leadOfProject, async ({ query, region }) => {
    const p = await requireProjectUnder(db, region.code, query.code);
    return leadOfProject(db, p.code);
  });
  return api;
}

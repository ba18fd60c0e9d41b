// The browser's client of the investment-attraction routes (kept apart from projectsApi.ts).
import { leads, type z } from '../contract/web.ts';
import { call } from './api.ts';

export type LeadBreakdown = z.output<typeof leads.LeadBreakdown>;
export type LeadGroup = z.output<typeof leads.LeadGroup>;
export type LeadListRow = z.output<typeof leads.LeadListRow>;
export type LeadStage = LeadListRow['stage'];

export const leadsApi = {
  breakdown: (region: string, period: string) => call(leads.leadBreakdown, { query: { region, period } }),
  list: (region: string, period: string) => call(leads.leadList, { query: { region, period } }),
  promote: (region: string, code: string, project?: string) =>
    call(leads.promoteLead, { body: { region, code, project } }),
  unlink: (region: string, code: string) => call(leads.unlinkLead, { body: { region, code } }),
  ofProject: (region: string, code: string) => call(leads.leadOfProject, { query: { region, code } }),
  reportUrl: (region: string, period: string, format: 'docx' | 'xlsx') =>
    `/api/leads/report?${new URLSearchParams({ region, period, format })}`,
};

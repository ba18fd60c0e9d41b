// The browser's client of the key project routes (kept apart from api.ts, which the other areas share).
import { type CallInput, projects, type z } from '../contract/web.ts';
import { ApiError, call } from './api.ts';

export type ProjectRow = z.output<typeof projects.ProjectRow>;
export type ProjectRates = z.output<typeof projects.ProjectRates>;
export type LeadRates = z.output<typeof projects.LeadRates>;
export type ThreeNots = z.output<typeof projects.ThreeNots>;
export type ProjectDetail = z.output<typeof projects.ProjectDetail>;
export type ProjectUpdate = z.output<typeof projects.ProjectUpdate>;
export type UpdateBody = CallInput<typeof projects.submitUpdate>['body'];
export type ProjectProblem = z.output<typeof projects.ProjectProblem>;
export type ProblemBody = CallInput<typeof projects.addProblem>['body'];
export type BoardQuery = Omit<CallInput<typeof projects.projectPage>['query'], 'region' | 'period'>;
export type BoardPage = z.output<typeof projects.BoardPage>;

/** The CSRF token api.ts keeps for the session (a new tab reads it from there too). */
const csrf = () => sessionStorage.getItem('tiaodu.csrf') ?? '';

export const projectsApi = {
  list: (region: string, period: string) => call(projects.projectList, { query: { region, period } }),
  /** One page of the board, filtered and sorted by the server. */
  page: (region: string, period: string, q: BoardQuery) =>
    call(projects.projectPage, { query: { region, period, ...q } }),
  rates: (region: string, period: string) => call(projects.projectRates, { query: { region, period } }),
  leadRates: (region: string, period: string) => call(projects.leadRates, { query: { region, period } }),
  threeNots: (region: string, period: string) => call(projects.threeNotsList, { query: { region, period } }),
  detail: (region: string, period: string, code: string) =>
    call(projects.projectDetail, { query: { region, period, code } }),
  updates: (region: string, status?: 'submitted' | 'approved' | 'returned') =>
    call(projects.updates, { query: { region, status } }),
  submit: (body: UpdateBody) => call(projects.submitUpdate, { body }),
  review: (ids: number[], decision: 'approve' | 'return', reason?: string) =>
    call(projects.reviewUpdates, { body: { ids, decision, reason } }),
  /** Uploads one photo of a project; its id, to attach to the update. */
  async uploadPhoto(region: string, code: string, file: File): Promise<{ id: number; name: string }> {
    const r = await fetch(`/api/projects/photos?${new URLSearchParams({ region, code })}`, {
      method: 'POST',
      headers: { 'x-filename': encodeURIComponent(file.name), 'x-csrf-token': csrf() },
      body: await file.arrayBuffer(),
    });
    const data = await r.json().catch(() => ({}));
    if (!r.ok)
      throw new ApiError(r.status, data?.error?.code ?? 'http', data?.error?.message ?? String(r.status));
    return data;
  },
  problems: (region: string, filter: { code?: string; only?: 'open' | 'overdue' } = {}) =>
    call(projects.problemList, { query: { region, ...filter } }),
  addProblem: (body: ProblemBody) => call(projects.addProblem, { body }),
  resolveProblem: (region: string, id: number, note?: string) =>
    call(projects.resolveProblem, { params: { id }, body: { region, note } }),
  reopenProblem: (region: string, id: number) =>
    call(projects.reopenProblem, { params: { id }, body: { region } }),
  mine: (region: string, period: string) => call(projects.myProjects, { query: { region, period } }),
  noticeUrl: (region: string, period: string, format: 'docx' | 'xlsx') =>
    `/api/projects/notice?${new URLSearchParams({ region, period, format })}`,
  photoUrl: (region: string, id: number) => `/api/projects/photos/${id}?${new URLSearchParams({ region })}`,
};

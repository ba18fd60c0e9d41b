// The browser's client of the JSON API: every call and type comes from the contract (src/contract), the
// session cookie travels by itself, writes carry the CSRF token.
import {
  admin,
  assess,
  type CallInput,
  catalog,
  documents,
  figures,
  imports,
  type Output,
  overview,
  type Region as RegionSchema,
  type Route,
  review,
  session,
  supervision,
  targets,
  type User as UserSchema,
  type z,
} from '../contract/web.ts';
import { translate } from './i18n.ts';

/**
 * The last-resort words for a failure that brought no message (a proxy's error page, a lost connection), in the
 * language the app shows (main.tsx keeps it on the page's lang attribute).
 */
const said = (zh: string, status?: number) =>
  translate(
    typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'zh',
    zh,
    status === undefined ? undefined : { status },
  );

export type User = z.output<typeof UserSchema>;
export type Region = z.output<typeof RegionSchema>;
export type Indicator = z.output<typeof catalog.Indicator>;
export type SubRegionFigures = z.output<typeof catalog.SubRegionFigures>;
export type SeriesPoint = z.output<typeof figures.SeriesPoint>;
export type LeagueRow = z.output<typeof figures.LeagueRow>;
export type ProgressRow = z.output<typeof figures.ProgressRow>;
export type Overview = z.output<typeof overview.Overview>;
export type OverviewRow = z.output<typeof overview.OverviewRow>;
export type Briefing = z.output<typeof overview.Briefing>;
export type BriefingFigure = Briefing['sections'][number]['figures'][number];
/** A saved version of a briefing: who, when, and each paragraph it changed (text hidden without peers' rights). */
export type BriefingVersion = z.output<typeof overview.BriefingVersion>;
export type Target = z.output<typeof targets.Target>;
export type Trajectory = NonNullable<Target['trajectory']>;
export type TargetInput = z.input<typeof targets.targetBody>;
export type Submission = z.output<typeof review.Submission>;
export type SubmissionStatus = Submission['status'];
export type PeriodStatus = z.output<typeof review.PeriodStatus>;
export type DocumentSummary = z.output<typeof documents.DocumentSummary>;
export type DocumentItem = z.output<typeof documents.DocumentItem>;
export type ItemStatus = DocumentItem['status'];
export type TargetDraft = z.output<typeof documents.TargetDraft>;
export type Extracted = DocumentItem['extracted'];
export type TaskInput = z.output<typeof documents.taskBody>;
export type Task = z.output<typeof documents.Task>;
/** A supervised task (督办) as the list shows it today: light, days left, escalation. */
export type SupervisionTask = z.output<typeof supervision.TaskRow>;
export type TaskReport = z.output<typeof supervision.TaskReport>;
export type TaskExtension = z.output<typeof supervision.TaskExtension>;
export type SupervisionUnit = z.output<typeof supervision.Unit>;
export type SuperviseInput = z.input<typeof documents.superviseBody>;
export type NewTaskInput = z.input<typeof supervision.create.request.body>;
export type MeetingInput = z.input<typeof supervision.meeting.request.body>;
/** One entry of the audit log, as GET /api/audit and `tiaodu audit --json` give it. */
export type AuditEvent = z.output<typeof admin.AuditEvent>;
/** An import running on the server (POST /api/import?async=1), as GET /api/imports/:id shows it. */
export type ImportJob = z.output<typeof imports.ImportJob>;
export type ImportSummary = z.output<typeof imports.ImportSummary>;
export type ImportIssue = ImportJob['issues'][number];

export type AssessScore = z.output<typeof assess.AssessScore>;
export type AssessSchemeSummary = z.output<typeof assess.SchemeSummary>;
export type AssessRunSummary = z.output<typeof assess.RunSummary>;
export type AssessPublished = z.output<typeof assess.PublishedAssessment>;
export type AssessInput = { region: string; item: string; value: number | '否决'; note?: string | null };

export type ImportResult =
  | { ok: true; summary: ImportSummary }
  | { ok: false; code?: string; message: string; issues: ImportIssue[] };

let csrf = sessionStorage.getItem('tiaodu.csrf') ?? '';

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    /** What the error body carries beside code and message (fields that failed, problems to confirm). */
    public details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const q = (params: Record<string, unknown>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

/** The route's URL: its path with the params filled in, and the query. */
function urlOf(route: Route, params?: Record<string, unknown>, query?: Record<string, unknown>): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(params?.[k])));
  const search = query ? q(query) : '';
  return search ? `${path}?${search}` : path;
}

/** Calls `route` with its params, query and body as the contract types them; throws ApiError on failure. */
export async function call<R extends Route>(route: R, input?: CallInput<R>): Promise<Output<R>> {
  const { params, query, body } = (input ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
  };
  const method = route.method.toUpperCase();
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  const r = await fetch(urlOf(route, params, query), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const data = await r.json().catch(() => ({}));
  if (!r.ok)
    throw new ApiError(
      r.status,
      data?.error?.code ?? 'http',
      data?.error?.message ?? said('请求失败（{status}）', r.status),
      data?.error ?? {},
    );
  return data as Output<R>;
}

/** Sends a file to an upload route; the answer's status and JSON, whatever they are. */
async function upload(route: Route, file: File, query?: Record<string, unknown>) {
  const r = await fetch(urlOf(route, undefined, query), {
    method: 'POST',
    headers: { 'x-filename': encodeURIComponent(file.name), 'x-csrf-token': csrf },
    body: await file.arrayBuffer(),
  });
  return { r, data: await r.json().catch(() => ({})) };
}

const remember = (token: string) => {
  csrf = token;
  if (token) sessionStorage.setItem('tiaodu.csrf', token);
  else sessionStorage.removeItem('tiaodu.csrf');
};

export const api = {
  async signIn(name: string, password: string): Promise<User> {
    const r = await call(session.signIn, { body: { name, password } });
    remember(r.csrf);
    return r.user;
  },
  async signOut(): Promise<void> {
    await call(session.signOut);
    remember('');
  },
  /** Who the session cookie belongs to, with its CSRF token: a new tab has the cookie but not the token. */
  async me(): Promise<User> {
    const r = await call(session.session);
    remember(r.csrf);
    return r.user;
  },
  users: () => call(admin.users),
  createUser: (u: { name: string; role: User['role']; region: string | null; password: string }) =>
    call(admin.createUser, { body: u }),
  updateUser: (name: string, change: { role: User['role']; region: string | null }) =>
    call(admin.updateUser, { params: { name }, body: change }),
  resetPassword: (name: string, password: string) =>
    call(admin.resetPassword, { params: { name }, body: { password } }),
  deleteUser: (name: string) => call(admin.deleteUser, { params: { name } }),
  setLeaderName: (name: string, leaderName: string | null) =>
    call(admin.setLeaderName, { params: { name }, body: { leaderName } }),
  audit: (filter: { since?: string; until?: string; user?: string; action?: string; limit?: number }) =>
    call(admin.audit, { query: filter }),
  groups: () => call(admin.groups),
  putGroup: (name: string, regions: string[]) =>
    call(admin.putGroup, { params: { name }, body: { regions } }),
  importTargets: async (
    file: File,
  ): Promise<{ ok: true; targets: number } | { ok: false; message: string; issues: ImportIssue[] }> => {
    const { r, data } = await upload(targets.importTargets, file);
    if (r.ok) return { ok: true, targets: data.targets };
    return {
      ok: false,
      message: data?.error?.message ?? said('导入失败（{status}）', r.status),
      issues: data?.error?.issues ?? [],
    };
  },
  // The form's choices are plain strings; the server checks them against the contract's enums (400 if not).
  addIndicator: (i: {
    code: string;
    name: string;
    unit: string;
    frequency: string;
    measure: string;
    direction: string;
    aggregation: 'sum' | 'none';
    aliases: string[];
  }) => call(catalog.saveIndicator, { body: i as CallInput<typeof catalog.saveIndicator>['body'] }),
  addRegion: (r: { code: string; name: string; parent: string; kind: 'park' | 'zone' }) =>
    call(admin.addRegion, { body: r }),
  changePassword: (oldPassword: string, newPassword: string) =>
    call(session.changePassword, { body: { oldPassword, newPassword } }),
  regions: (parent?: string) => call(catalog.regions, { query: { parent } }),
  region: (code: string) => call(catalog.region, { params: { code } }),
  indicators: () => call(catalog.indicators),
  progress: (region: string, period: string) =>
    call(figures.progress, { query: { region, period, explain: '1' } }),
  briefing: (region: string, period: string, version: number | 'latest' = 'latest') =>
    call(overview.briefing, { query: { region, period, format: 'json', version } }),
  briefingVersions: (region: string, period: string) =>
    call(overview.briefingVersions, { query: { region, period } }),
  saveBriefingVersion: (body: z.input<typeof overview.saveBriefingVersion.request.body>) =>
    call(overview.saveBriefingVersion, { body }),
  overview: (region: string, period: string) =>
    call(overview.overview, { query: { region, period, explain: '1' } }),
  league: (indicator: string, period: string, by: 'value' | 'yoy', parent?: string, group?: string) =>
    call(figures.league, { query: { indicator, period, by, parent, group, explain: '1' } }),
  latestPeriod: async (region: string) => (await call(catalog.latestPeriod, { query: { region } })).period,
  targets: (region: string, year: number) => call(targets.targets, { query: { region, year } }),
  putTarget: (t: TargetInput) => call(targets.putTarget, { body: t }),
  deleteTarget: (t: { indicator: string; region: string; year: number; strength: Target['strength'] }) =>
    call(targets.deleteTarget, { body: t }),
  saveObservation: (o: z.input<typeof figures.observationBody>) => call(figures.saveObservation, { body: o }),
  // The status filter comes from a select of the contract's statuses; the server checks it.
  submissions: (f: { status?: string; period?: string; region?: string; indicator?: string }) =>
    call(review.submissions, { query: f as CallInput<typeof review.submissions>['query'] }),
  reviewSubmissions: (ids: number[], decision: 'approve' | 'return', reason?: string) =>
    call(review.reviewSubmissions, { body: { ids, decision, reason } }),
  periodStatus: (region: string, period: string) => call(review.periodStatus, { query: { region, period } }),
  publishPeriod: (region: string, period: string) => call(review.publishPeriod, { body: { region, period } }),
  /** Uploads a file for a dry run or the real import; a refused file comes back with its issues, not thrown. */
  async importFile(file: File, dryRun: boolean): Promise<ImportResult> {
    const { r, data } = await upload(imports.importFile, file, { dryRun: dryRun ? '1' : undefined });
    if (r.ok) return { ok: true, summary: data };
    return {
      ok: false,
      message: data?.error?.message ?? said('导入失败（{status}）', r.status),
      issues: data?.error?.issues ?? [],
    };
  },
  /**
   * Uploads a file as an import job and follows it until it ends, telling `onProgress` each state on the way;
   * a refused file comes back with its issues, not thrown.
   */
  async importInBackground(
    file: File,
    dryRun: boolean,
    onProgress: (job: ImportJob) => void,
    reason?: string,
  ): Promise<ImportResult> {
    const query = { async: '1', dryRun: dryRun ? '1' : undefined, reason };
    const { r, data } = await upload(imports.importFile, file, query);
    if (r.status !== 202)
      return {
        ok: false,
        code: data?.error?.code,
        message: data?.error?.message ?? said('导入失败（{status}）', r.status),
        issues: data?.error?.issues ?? [],
      };
    for (;;) {
      const job = await call(imports.importJob, { params: { id: String(data.id) } });
      onProgress(job);
      if (job.state === 'done' && job.summary) return { ok: true, summary: job.summary };
      if (job.state === 'failed')
        return {
          ok: false,
          code: job.error?.code,
          message: job.error?.message ?? said('导入失败'),
          issues: job.issues,
        };
      await new Promise((res) => setTimeout(res, job.state === 'queued' ? 1000 : 400));
    }
  },
  subRegionFigures: (region: string, period: string) =>
    call(catalog.subRegionFigures, { params: { code: region }, query: { period } }),
  documents: (region?: string) => call(documents.documents, { query: { region } }),
  document: (id: number) => call(documents.document, { params: { id } }),
  async uploadDocument(file: File, year?: number): Promise<Output<typeof documents.uploadDocument>> {
    const { r, data } = await upload(documents.uploadDocument, file, { year });
    if (!r.ok)
      throw new ApiError(
        r.status,
        data?.error?.code ?? 'http',
        data?.error?.message ?? said('上传失败（{status}）', r.status),
      );
    return data;
  },
  /** Sets the year a document plans for; its pending items are read again for that year. */
  setDocumentYear: (id: number, year: number) =>
    call(documents.setDocumentYear, { params: { id }, body: { year } }),
  decideItem: (
    id: number,
    seq: number,
    body: {
      decision: 'accept' | 'reject';
      target?: TargetInput;
      task?: TaskInput;
      supervise?: SuperviseInput;
    },
  ) => call(documents.decideItem, { params: { id, seq }, body }),
  /** The unit catalogue of a region, or the units a name from a speech may mean, best first. */
  supervisionUnits: (query: { region?: string; name?: string }) => call(supervision.units, { query }),
  createTask: (body: NewTaskInput) => call(supervision.create, { query: {}, body }),
  addMeeting: (body: MeetingInput) => call(supervision.meeting, { body }),
  taskExtensions: (id: number) => call(supervision.extensions, { params: { id } }),
  askExtension: (id: number, to: string, reason: string) =>
    call(supervision.askExtension, { params: { id }, query: {}, body: { to, reason } }),
  decideExtension: (id: number, decision: 'approve' | 'refuse') =>
    call(supervision.decideExtension, { params: { id }, body: { decision } }),
  /** Where the notice downloads (a link: the browser saves the file). */
  noticeUrl: (format: 'docx' | 'xlsx', region?: string) =>
    urlOf(supervision.notice, undefined, { format, region }),
  tasks: (region?: string) => call(documents.tasks, { query: { region } }),
  supervisionTasks: (query: { region?: string; light?: 'green' | 'blue' | 'yellow' | 'red' }) =>
    call(supervision.list, { query }),
  taskReports: (id: number) => call(supervision.reports, { params: { id } }),
  reportTask: (
    id: number,
    body: { percent: number | null; note: string | null; evidence: { name: string; base64: string } | null },
  ) => call(supervision.report, { params: { id }, query: {}, body }),
  reviewTaskReport: (id: number, decision: 'accept' | 'return', reason = '') =>
    call(supervision.review, { params: { id }, body: { decision, reason } }),
  closeTask: (id: number) => call(supervision.close, { params: { id }, query: {} }),
  settings: () => call(review.settings),
  putSettings: (changes: Record<string, unknown>) => call(review.putSettings, { body: changes }),
  assessSchemes: () => call(assess.schemes),
  assessRuns: () => call(assess.runs),
  assessScores: (scheme: string, period: string) => call(assess.scores, { query: { scheme, period } }),
  saveAssessScheme: (scheme: Record<string, unknown>) => call(assess.saveScheme, { body: { scheme } }),
  runAssess: (scheme: Record<string, unknown>, period: string | undefined, inputs: AssessInput[]) =>
    call(assess.run, { body: { scheme, period, inputs } }),
  publishAssess: (scheme: Record<string, unknown>, period: string | undefined, inputs: AssessInput[]) =>
    call(assess.publish, { body: { scheme, period, inputs } }),
  series: (indicator: string, region: string, include?: 'submitted') =>
    call(figures.series, { query: { indicator, region, include } }),
};

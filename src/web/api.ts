// The browser's client of the JSON API: the session cookie travels by itself, writes carry the CSRF token.
import type { Briefing } from '../core/briefing/types.ts';
import type { Overview } from '../core/overview.ts';

export type { Overview, OverviewRow } from '../core/overview.ts';

/** A saved version of a briefing: who, when, and each paragraph it changed (text hidden without peers' rights). */
export interface BriefingVersion {
  version: number;
  savedBy: string;
  savedAt: string;
  note: string | null;
  changes: {
    section: string;
    title: string;
    index: number;
    before: string | null;
    after: string | null;
    removed: string[];
  }[];
}

export interface User {
  name: string;
  role: 'admin' | 'analyst' | 'reporter' | 'leader';
  regionCode: string | null;
}

export interface ProgressRow {
  indicator: string;
  indicatorCode: string;
  unit: string;
  target: number;
  targetKind: 'growth' | 'amount' | 'ceiling' | 'floor';
  strength: string;
  actual: number | null;
  timeProgress: number;
  completion: number | null;
  gap: number | null;
  status: 'ahead' | 'on_track' | 'behind' | 'off_track' | null;
  dataPeriod: string | null;
  explain?: { formula: string; inputs: Record<string, unknown>; result: number | null };
}

export interface LeagueRow {
  region: string;
  code: string;
  value: number | null;
  yoy: number | null;
  rank: number | null;
  /** How many regions were ranked, also when only the user's own rows are shown. */
  rankOf?: number;
  rankChange: number | null;
  explain?: { formula: string; inputs: Record<string, unknown>; result: number | null };
}

export interface Region {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
}

export interface Indicator {
  code: string;
  name: string;
  unit: string;
  /** up: higher is better; down: lower is better (失业率, 能耗). */
  direction?: 'up' | 'down';
  frequency?: string;
  comparable?: boolean;
  reportingUnit?: string | null;
  aliases?: string[];
}

export interface SeriesPoint {
  period: string;
  value: number | null;
  yoy: number | null;
  yoyPublished: number | null;
  yoyDerived: number | null;
  yoyGapFlagged: boolean;
  /** Only with include=submitted: the point shows a value under review. */
  pending?: 'submitted' | 'approved';
  publishedValue?: number | null;
}

export type SubmissionStatus = 'submitted' | 'approved' | 'returned' | 'published' | 'superseded';

/** A value a reporter sent, as it goes through review (GET /api/submissions). */
export interface Submission {
  id: number;
  regionCode: string;
  regionName: string;
  indicatorCode: string;
  indicatorName: string;
  unit: string;
  period: string;
  value: number | null;
  yoy: number | null;
  status: SubmissionStatus;
  comment: string | null;
  reason: string | null;
  submittedBy: string;
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  returnReason: string | null;
  publishedBy: string | null;
  publishedAt: string | null;
  published: { value: number | null; yoy: number | null } | null;
  locked: boolean;
  canReview: boolean;
}

export interface PeriodStatus {
  region: string;
  period: string;
  lock: { regionCode: string; period: string; lockedBy: string | null; lockedAt: string } | null;
  counts: Record<SubmissionStatus, number>;
}

export interface SubRegionFigures {
  indicators: { code: string; name: string; unit: string; direction: 'up' | 'down' }[];
  rows: {
    region: string;
    code: string;
    figures: Record<string, { value: number | null; yoy: number | null; rank: number | null }>;
  }[];
}

export type ItemStatus = 'pending' | 'accepted' | 'rejected';

export interface TargetDraft {
  indicator: string | null;
  kind: Target['kind'];
  value: number;
  cmp: string;
  strength: Target['strength'];
  /** The document's year: the year the target is for (null until the document's year is known). */
  year: number | null;
  problem: string | null;
}

/** An extracted item as `tiaodu intake extract` prints it, with its place in the text. */
export interface Extracted {
  quote: string;
  start: number;
  end: number;
  [field: string]: unknown;
}

export interface DocumentItem {
  seq: number;
  kind: 'target' | 'figure' | 'task';
  extracted: Extracted;
  status: ItemStatus;
  accepted: unknown;
  decidedBy: string | null;
  draft?: TargetDraft;
}

export interface DocumentSummary {
  id: number;
  regionCode: string;
  title: string;
  source: string | null;
  year: number | null;
  unreadable: number;
  uploadedBy: string | null;
  uploadedAt: string;
  pending: number;
  accepted: number;
  rejected: number;
}

export interface TargetInput {
  indicator: string;
  region: string;
  year: number;
  kind: Target['kind'];
  value: number;
  cmp?: string;
  strength: Target['strength'];
  trajectory?: Trajectory | null;
}

export interface TaskInput {
  region: string;
  action: string;
  lead: string[];
  support: string[];
  due: string | null;
  recurrence: 'weekly' | 'monthly' | 'quarterly' | null;
}

export interface Task extends Omit<TaskInput, 'region'> {
  id: number;
  regionCode: string;
  status: string;
  source: string | null;
  quote: string | null;
  documentId: number | null;
}

/** One entry of the audit log, as GET /api/audit and `tiaodu audit --json` give it. */
export interface AuditEvent {
  at: string;
  user: string | null;
  action: string;
  region: string | null;
  object: string | null;
  old: unknown;
  new: unknown;
  file: string | null;
}

let csrf = sessionStorage.getItem('tiaodu.csrf') ?? '';

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  const r = await fetch(path, {
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
      data?.error?.message ?? `请求失败（${r.status}）`,
    );
  return data as T;
}

const q = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

export interface Trajectory {
  granularity: 'month' | 'quarter';
  checkpoints: { month: number; percent: number }[];
}

export interface Target {
  indicatorCode: string;
  regionCode: string;
  year: number;
  kind: 'growth' | 'amount' | 'ceiling' | 'floor';
  value: number;
  cmp: string;
  strength: 'expected' | 'must' | 'strive';
  trajectory: Trajectory | null;
}

export interface ImportIssue {
  file: string;
  row: number;
  column: string;
  value: string;
  expected: string;
}

export type ImportResult =
  | {
      ok: true;
      summary: {
        format: string;
        rows: number;
        created: number;
        updated: number;
        ignored: number;
        /** An NBS file's rows for divisions this system has not loaded, left out. */
        skipped?: { rows: number; regions: string[] };
      };
    }
  | { ok: false; code?: string; message: string; issues: ImportIssue[] };

/** An import running on the server (POST /api/import?async=1), as GET /api/imports/:id shows it. */
export interface ImportJob {
  id: string;
  file: string;
  state: 'queued' | 'reading' | 'checking' | 'writing' | 'done' | 'failed';
  rows: number;
  bytes: number;
  percent: number | null;
  summary: Extract<ImportResult, { ok: true }>['summary'] | null;
  error: { code: string; message: string } | null;
  issues: ImportIssue[];
}

export const api = {
  async signIn(name: string, password: string): Promise<User> {
    const r = await call<{ user: User; csrf: string }>('POST', '/api/session', { name, password });
    csrf = r.csrf;
    sessionStorage.setItem('tiaodu.csrf', csrf);
    return r.user;
  },
  async signOut(): Promise<void> {
    await call('DELETE', '/api/session');
    csrf = '';
    sessionStorage.removeItem('tiaodu.csrf');
  },
  /** Who the session cookie belongs to, with its CSRF token: a new tab has the cookie but not the token. */
  async me(): Promise<User> {
    const r = await call<{ user: User; csrf: string }>('GET', '/api/session');
    csrf = r.csrf;
    sessionStorage.setItem('tiaodu.csrf', csrf);
    return r.user;
  },
  users: () => call<User[]>('GET', '/api/users'),
  createUser: (u: { name: string; role: User['role']; region: string | null; password: string }) =>
    call<User>('POST', '/api/users', u),
  updateUser: (name: string, change: { role: User['role']; region: string | null }) =>
    call<User>('PUT', `/api/users/${encodeURIComponent(name)}`, change),
  resetPassword: (name: string, password: string) =>
    call<unknown>('POST', `/api/users/${encodeURIComponent(name)}/password`, { password }),
  deleteUser: (name: string) => call<User>('DELETE', `/api/users/${encodeURIComponent(name)}`),
  audit: (filter: { since?: string; until?: string; user?: string; action?: string; limit?: number }) =>
    call<AuditEvent[]>('GET', `/api/audit?${q(filter)}`),
  groups: () => call<{ name: string; description: string | null; members: string[] }[]>('GET', '/api/groups'),
  putGroup: (name: string, regions: string[]) =>
    call<unknown>('PUT', `/api/groups/${encodeURIComponent(name)}`, { regions }),
  importTargets: async (
    file: File,
  ): Promise<{ ok: true; targets: number } | { ok: false; message: string; issues: ImportIssue[] }> => {
    const r = await fetch('/api/targets/import', {
      method: 'POST',
      headers: { 'x-filename': encodeURIComponent(file.name), 'x-csrf-token': csrf },
      body: await file.arrayBuffer(),
    });
    const data = await r.json().catch(() => ({}));
    if (r.ok) return { ok: true, targets: data.targets };
    return {
      ok: false,
      message: data?.error?.message ?? `导入失败（${r.status}）`,
      issues: data?.error?.issues ?? [],
    };
  },
  addIndicator: (i: {
    code: string;
    name: string;
    unit: string;
    frequency: string;
    measure: string;
    direction: string;
    aggregation: 'sum' | 'none';
    aliases: string[];
  }) => call<Indicator>('POST', '/api/indicators', i),
  addRegion: (r: { code: string; name: string; parent: string; kind: 'park' | 'zone' }) =>
    call<Region>('POST', '/api/regions/custom', r),
  changePassword: (oldPassword: string, newPassword: string) =>
    call<unknown>('POST', '/api/password', { oldPassword, newPassword }),
  regions: (parent?: string) => call<Region[]>('GET', `/api/regions?${q({ parent })}`),
  region: (code: string) => call<Region>('GET', `/api/regions/${encodeURIComponent(code)}`),
  indicators: () => call<Indicator[]>('GET', '/api/indicators'),
  progress: (region: string, period: string) =>
    call<{ rows: ProgressRow[]; doubleHalf: boolean; allGreen: boolean }>(
      'GET',
      `/api/progress?${q({ region, period, explain: 1 })}`,
    ),
  briefing: (region: string, period: string, version: number | 'latest' = 'latest') =>
    call<Briefing>('GET', `/api/briefing?${q({ region, period, format: 'json', version })}`),
  briefingVersions: (region: string, period: string) =>
    call<BriefingVersion[]>('GET', `/api/briefing/versions?${q({ region, period })}`),
  saveBriefingVersion: (body: {
    region: string;
    period: string;
    base: number;
    edits: { section: string; index: number; text: string }[];
    note?: string;
  }) => call<BriefingVersion>('POST', '/api/briefing/versions', body),
  overview: (region: string, period: string) =>
    call<Overview>('GET', `/api/overview?${q({ region, period, explain: 1 })}`),
  league: (indicator: string, period: string, by: 'value' | 'yoy', parent?: string, group?: string) =>
    call<LeagueRow[]>('GET', `/api/league?${q({ indicator, period, by, parent, group, explain: 1 })}`),
  latestPeriod: async (region: string) =>
    (await call<{ period: string | null }>('GET', `/api/periods/latest?${q({ region })}`)).period,
  targets: (region: string, year: number) => call<Target[]>('GET', `/api/targets?${q({ region, year })}`),
  putTarget: (t: TargetInput) => call<unknown>('PUT', '/api/targets', t),
  deleteTarget: (t: { indicator: string; region: string; year: number; strength: Target['strength'] }) =>
    call<unknown>('DELETE', '/api/targets', t),
  saveObservation: (o: {
    indicator: string;
    region: string;
    period: string;
    value: number | null;
    yoy: number | null;
    comment?: string;
    reason?: string;
  }) => call<{ result: string; submission?: Submission }>('POST', '/api/observations', o),
  submissions: (f: { status?: string; period?: string; region?: string; indicator?: string }) =>
    call<Submission[]>('GET', `/api/submissions?${q(f)}`),
  reviewSubmissions: (ids: number[], decision: 'approve' | 'return', reason?: string) =>
    call<Submission[]>('POST', '/api/submissions/review', { ids, decision, reason }),
  periodStatus: (region: string, period: string) =>
    call<PeriodStatus>('GET', `/api/periods/status?${q({ region, period })}`),
  publishPeriod: (region: string, period: string) =>
    call<{ region: string; period: string; published: number; revised: number; pending: number }>(
      'POST',
      '/api/periods/publish',
      { region, period },
    ),
  /** Uploads a file for a dry run or the real import; a refused file comes back with its issues, not thrown. */
  async importFile(file: File, dryRun: boolean): Promise<ImportResult> {
    const r = await fetch(`/api/import${dryRun ? '?dryRun=1' : ''}`, {
      method: 'POST',
      headers: { 'x-filename': encodeURIComponent(file.name), 'x-csrf-token': csrf },
      body: await file.arrayBuffer(),
    });
    const data = await r.json().catch(() => ({}));
    if (r.ok) return { ok: true, summary: data };
    return {
      ok: false,
      message: data?.error?.message ?? `导入失败（${r.status}）`,
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
    const r = await fetch(`/api/import?${q({ async: 1, dryRun: dryRun ? 1 : undefined, reason })}`, {
      method: 'POST',
      headers: { 'x-filename': encodeURIComponent(file.name), 'x-csrf-token': csrf },
      body: await file.arrayBuffer(),
    });
    const data = await r.json().catch(() => ({}));
    if (r.status !== 202)
      return {
        ok: false,
        code: data?.error?.code,
        message: data?.error?.message ?? `导入失败（${r.status}）`,
        issues: data?.error?.issues ?? [],
      };
    for (;;) {
      const job = await call<ImportJob>('GET', `/api/imports/${encodeURIComponent(data.id)}`);
      onProgress(job);
      if (job.state === 'done' && job.summary) return { ok: true, summary: job.summary };
      if (job.state === 'failed')
        return {
          ok: false,
          code: job.error?.code,
          message: job.error?.message ?? '导入失败',
          issues: job.issues,
        };
      await new Promise((res) => setTimeout(res, job.state === 'queued' ? 1000 : 400));
    }
  },
  subRegionFigures: (region: string, period: string) =>
    call<SubRegionFigures>('GET', `/api/regions/${encodeURIComponent(region)}/figures?${q({ period })}`),
  documents: (region?: string) => call<DocumentSummary[]>('GET', `/api/documents?${q({ region })}`),
  document: (id: number) =>
    call<DocumentSummary & { text: string; items: DocumentItem[] }>('GET', `/api/documents/${id}`),
  async uploadDocument(
    file: File,
    year?: number,
  ): Promise<{ id: number; targets: number; tasks: number; figures: number }> {
    const r = await fetch(`/api/documents?${q({ year })}`, {
      method: 'POST',
      headers: { 'x-filename': encodeURIComponent(file.name), 'x-csrf-token': csrf },
      body: await file.arrayBuffer(),
    });
    const data = await r.json().catch(() => ({}));
    if (!r.ok)
      throw new ApiError(
        r.status,
        data?.error?.code ?? 'http',
        data?.error?.message ?? `上传失败（${r.status}）`,
      );
    return data;
  },
  /** Sets the year a document plans for; its pending items are read again for that year. */
  setDocumentYear: (id: number, year: number) =>
    call<DocumentSummary & { text: string; items: DocumentItem[] }>('PATCH', `/api/documents/${id}`, {
      year,
    }),
  decideItem: (
    id: number,
    seq: number,
    body: { decision: 'accept' | 'reject'; target?: TargetInput; task?: TaskInput },
  ) => call<DocumentItem>('POST', `/api/documents/${id}/items/${seq}`, body),
  tasks: (region?: string) => call<Task[]>('GET', `/api/tasks?${q({ region })}`),
  series: (indicator: string, region: string, include?: 'submitted') =>
    call<SeriesPoint[]>('GET', `/api/series?${q({ indicator, region, include })}`),
};

// The HTTP JSON API: public health and OpenAPI routes, sign-in for the rest, and one place errors become responses.
import { relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ROUTES } from '../contract/index.ts';
import { openApiDocument } from '../contract/openapi.ts';
import { type ErrorCode, httpStatus, TiaoduError } from '../core/errors.ts';
import { ImportError } from '../intake/types.ts';
import type { Db } from '../store/db.ts';
import { adminRoutes } from './admin.ts';
import { assessRoutes } from './assess.ts';
import { auditRoutes } from './audit.ts';
import { type AuthEnv, requireUser, type Users } from './auth.ts';
import { briefingRoutes } from './briefing.ts';
import { briefingVersionRoutes } from './briefingVersions.ts';
import { createReadCache, noReadCache } from './cache.ts';
import { documentRoutes } from './documents.ts';
import { englishFields, englishImportMessage, englishIssue, englishMessage } from './errors-en.ts';
import { importRoutes } from './imports.ts';
import { currentLang, type Lang, language, requestLang } from './language.ts';
import { leadRoutes } from './leads.ts';
import { overviewRoutes } from './overview.ts';
import { problemRoutes } from './projectProblems.ts';
import { projectReadModels, type ReadModels } from './projectReadModel.ts';
import { projectRoutes } from './projects.ts';
import { reviewRoutes } from './review.ts';
import { dataRoutes } from './routes.ts';
import { type SecuritySettings, securityFromEnv, securityHeaders } from './security.ts';
import { serialized } from './serial.ts';
import { passwordRoutes, sessionRoutes } from './session.ts';
import { backupRoutes } from './snapshot.ts';
import { supervisionRoutes } from './supervision.ts';
import { tourRoutes } from './tours.ts';

export interface AppOptions {
  /** Who a session token belongs to. Without it every data endpoint answers 401. */
  auth?: Users;
  /** Folder of the built web app (dist/web); served at / with index.html for every non-API path. */
  webRoot?: string;
  /** "Today" for defaults such as the current year; the clock when not given (tests pass a fixed day). */
  today?: Date;
  /** The cookie's Secure flag and proxy trust; from TIAODU_COOKIE_SECURE and TIAODU_TRUST_PROXY when not given. */
  security?: SecuritySettings;
  /** Keep answers of the cockpit's and league's reads until the next write (default on the embedded store). */
  cache?: boolean;
}

/** The largest JSON request body; a file upload has its own, larger limit on its route. */
export const MAX_JSON_BYTES = 1024 * 1024;

/** The routes whose body is an uploaded file, not JSON: those the contract declares an upload. */
const UPLOADS = new Set(ROUTES.filter((r) => r.request.upload).map((r) => r.path));

const jsonLimit = bodyLimit({
  maxSize: MAX_JSON_BYTES,
  onError: (c) => {
    const message = `请求内容过大：上限 ${MAX_JSON_BYTES / 1024 / 1024} MB`;
    const { body } = errorResponse(new TiaoduError('request.too_large', message), requestLang(c));
    return c.json(body, 413);
  },
});

type ErrorBody = { error: { code: ErrorCode; message: string; [more: string]: unknown } };
type Answer = { status: ContentfulStatusCode; body: ErrorBody };

/**
 * The one mapping from a thrown error to a status and an `{ error: { code, message } }` body, in the request's
 * language: the Chinese message as thrown, or its English (errors-en.ts).
 */
export function errorResponse(e: unknown, lang: Lang = currentLang()): Answer {
  const answer = chineseResponse(e);
  if (lang === 'zh') return answer;
  const { code, message, fields } = answer.body.error;
  if (e instanceof ImportError) {
    const issues = e.issues.map(englishIssue);
    return { ...answer, body: { error: { code, message: englishImportMessage(e.issues), issues } } };
  }
  const english = Array.isArray(fields)
    ? englishFields(fields as { field: string; message: string }[])
    : englishMessage(code, message);
  return { ...answer, body: { error: { ...answer.body.error, message: english } } };
}

function chineseResponse(e: unknown): Answer {
  if (e instanceof ImportError) {
    const message = `导入失败，未写入任何数据：${e.message}`;
    return { status: 422, body: { error: { code: 'import', message, issues: e.issues } } };
  }
  if (e instanceof TiaoduError) {
    // The parts a client shows beside the message: the fields that failed, or the problems to confirm.
    const list = Array.isArray(e.details) ? e.details : null;
    const extra =
      list && e.code === 'validation'
        ? { fields: list }
        : list && e.code === 'observation.implausible'
          ? { problems: list }
          : {};
    const status = httpStatus(e.code) as ContentfulStatusCode;
    return { status, body: { error: { code: e.code, message: e.message, ...extra } } };
  }
  if (e instanceof HTTPException) {
    return { status: e.status, body: { error: { code: 'http', message: e.message || '请求无效' } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: '服务器内部错误' } } };
}

/** The built browser app: static files, and index.html for the app's own paths. */
function serveWeb(app: Hono<AuthEnv>, root: string): void {
  const rel = relative(process.cwd(), root) || '.';
  app.use('/assets/*', serveStatic({ root: rel }));
  app.get('/', serveStatic({ path: `${rel}/index.html` }));
  app.get('/favicon.ico', (c) => c.body(null, 204));
}

/** The API app, and `warmUp` to read the project board ahead once it listens (see projectReadModel.ts). */
export type App = Hono<AuthEnv> & Pick<ReadModels, 'warmUp'>;

/**
 * The API app, ready for `@hono/node-server` or `app.request()` in tests.
 * @example createApp(db, { auth: createTokenAuth({ s3cret: { name: 'admin', role: 'admin', regionCode: null } }) })
 */
export function createApp(store: Db, options: AppOptions = {}): App {
  // PGlite is a single connection: concurrent requests must take turns (see serial.ts).
  const db = store.kind === 'pglite' ? serialized(store) : store;
  const today = () => options.today ?? new Date();
  const security = options.security ?? securityFromEnv();
  const app = new Hono<AuthEnv>();
  app.use('*', securityHeaders());
  // Only on the embedded store does this process make every write (it holds the data directory), so a
  // version bumped here is exact. On PostgreSQL other processes (a CLI import, a second server) write too,
  // and the server answers each read in a few milliseconds from its pool: no cache there.
  const cached = options.cache !== false && store.kind === 'pglite';
  const cache = cached ? createReadCache({ onWrite: () => boards.changed() }) : noReadCache();
  const boards = projectReadModels(db, cached ? () => cache.stats().version : undefined);

  app.use('*', language);
  app.onError((e, c) => {
    const { status, body } = errorResponse(e, requestLang(c));
    if (status === 500) console.error(e);
    return c.json(body, status);
  });
  app.notFound((c) => {
    const { status, body } = errorResponse(
      new TiaoduError('not_found', `没有这个接口：${c.req.path}`),
      requestLang(c),
    );
    return c.json(body, status);
  });
  if (options.webRoot) serveWeb(app, options.webRoot);

  app.use('/api/*', cache.writes);
  app.use('/api/*', (c, next) =>
    c.req.method === 'POST' && UPLOADS.has(c.req.path) ? next() : jsonLimit(c, next),
  );
  app.get('/api/health', (c) => c.json({ ok: true, driver: store.kind }));
  const document = openApiDocument();
  app.get('/api/openapi.json', (c) => c.json(document));
  app.route('/api', sessionRoutes(db, security));
  app.use('/api/*', requireUser(options.auth && cache.users(options.auth)));
  app.use('/api/*', cache.reads);
  app.route('/api', passwordRoutes(db));
  app.route('/api', backupRoutes(store));
  app.route('/api', dataRoutes(db, today));
  app.route('/api', assessRoutes(db));
  app.route('/api', overviewRoutes(db));
  app.route('/api', briefingRoutes(db, today));
  app.route('/api', briefingVersionRoutes(db, today));
  app.route('/api', importRoutes(db, { onWrite: cache.bump, describeError: errorResponse }));
  app.route('/api', adminRoutes(db));
  app.route('/api', auditRoutes(db));
  app.route('/api', documentRoutes(db, today));
  app.route('/api', reviewRoutes(db));
  app.route('/api', projectRoutes(db, boards, today));
  app.route('/api', leadRoutes(db));
  app.route('/api', problemRoutes(db, today));
  app.route('/api', supervisionRoutes(db, today));
  app.route('/api', tourRoutes(db));
  return Object.assign(app, { warmUp: boards.warmUp });
}

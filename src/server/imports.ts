// Statistics file imports over the API: at once (the CLI and scripts), or as a job the page follows with a progress bar.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { type ImportFileOptions, importAnyFile } from '../app/imports.ts';
import { imports } from '../contract/index.ts';
import { type ErrorCode, TiaoduError } from '../core/errors.ts';
import { parseFile } from '../intake/index.ts';
import { parseFileInWorker } from '../intake/worker.ts';
import type { Db } from '../store/db.ts';
import type { ImportProgress } from '../store/index.ts';
import type { AuthEnv, User } from './auth.ts';
import { implementer } from './implement.ts';
import { currentLang, type Lang } from './language.ts';
import { MAX_UPLOAD_BYTES, uploadName, withUploadedFile } from './upload.ts';

export type JobState = 'queued' | ImportProgress['state'] | 'done' | 'failed';

/** An import job as `GET /api/imports/:id` shows it (the contract's ImportJob). */
export type ImportJob = z.output<typeof imports.ImportJob>;

export interface ImportRouteOptions {
  /** Called after an import job has written (the read cache's bump). */
  onWrite: () => void;
  /**
   * The app's one mapping from an error to its answer (in the language given, else the request's), so a
   * failed job reads as the failed request would.
   */
  describeError: (
    e: unknown,
    lang?: Lang,
  ) => { status: number; body: { error: { code: ErrorCode; message: string } } };
}

/** Jobs waiting or running at once, per user and in all; more are refused until some finish. */
const MAX_OPEN_PER_USER = 3;
const MAX_OPEN = 20;
/** Finished jobs are kept this long for their page to read, and no more than this many. */
const KEEP_MS = 3600_000;
const KEEP_FINISHED = 200;
/** A file this small parses faster on the spot than a worker thread starts. */
const SMALL_FILE = 64 * 1024;

const isFlag = (v: string | undefined) => v === '1' || v === 'true';

/** Imports run one after another, each in its own job; the list forgets finished jobs after an hour. */
class JobQueue {
  private jobs = new Map<string, ImportJob & { owner: string }>();
  private tail: Promise<void> = Promise.resolve();

  open(owner?: string): number {
    return [...this.jobs.values()].filter(
      (j) => (owner === undefined || j.owner === owner) && j.state !== 'done' && j.state !== 'failed',
    ).length;
  }

  get(id: string, owner: string): ImportJob {
    const job = this.jobs.get(id);
    // Someone else's job is not there at all, as far as this user can tell.
    if (!job || job.owner !== owner) throw new TiaoduError('import_job.unknown', `没有这个导入任务：${id}`);
    const { owner: _, ...shown } = job;
    return shown;
  }

  /** Registers a job at once (so it counts against the limits), to be run by `start`. */
  add(owner: string, file: string, dryRun: boolean): ImportJob {
    this.forgetOld();
    const job: ImportJob & { owner: string } = {
      id: randomBytes(12).toString('base64url'),
      owner,
      file,
      dryRun,
      state: 'queued',
      rows: 0,
      bytes: 0,
      percent: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      summary: null,
      error: null,
      issues: [],
    };
    this.jobs.set(job.id, job);
    return job;
  }

  /** Runs a job's work after every job started before it; the work ends the job itself, failed or done. */
  start(run: () => Promise<void>): void {
    this.tail = this.tail.then(run);
  }

  private forgetOld(now = Date.now()) {
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null);
    finished.forEach((j, i) => {
      const old = now - Date.parse(j.finishedAt ?? '') > KEEP_MS;
      if (old || finished.length - i > KEEP_FINISHED) this.jobs.delete(j.id);
    });
  }
}

/** parseFile, on a worker thread when the file is big enough for reading it to stall the server. */
const parseOffThread: NonNullable<ImportFileOptions['parse']> = async (path) => {
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  return size > SMALL_FILE ? parseFileInWorker(path) : parseFile(path);
};

/**
 * POST /api/import (at once, or `async=1` for a job: 202 { id }) and GET /api/imports/:id.
 * @example app.route('/api', importRoutes(db, { onWrite: cache.bump, describeError: errorResponse }))
 */
export function importRoutes(db: Db, options: ImportRouteOptions): Hono<AuthEnv> {
  const api = new Hono<AuthEnv>();
  const implement = implementer(db);
  const queue = new JobQueue();
  const uploadLimit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: (c) => {
      const message = `文件过大：上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;
      return c.json(options.describeError(new TiaoduError('import.too_large', message)).body, 413);
    },
  });
  const importOptions = (user: User, dryRun: boolean, reason?: string): ImportFileOptions => ({
    dryRun,
    user: user.name,
    scopeRegionCode: user.regionCode ?? undefined,
    role: user.role,
    reason,
    parse: parseOffThread,
  });

  // A reporter's file is checked row by row against his scope by the importer (scopeRegionCode).
  implement(
    api,
    imports.importFile,
    async ({ user, query: q, c }) => {
      const dryRun = isFlag(q.dryRun);
      const name = uploadName(c.req.header('x-filename'), 'upload.csv');
      if (!isFlag(q.async)) {
        const summary = await withUploadedFile(name, await c.req.arrayBuffer(), (path) =>
          importAnyFile(db, path, importOptions(user, dryRun, q.reason)),
        );
        // The summary names the temporary path; the client knows the file by the name it sent.
        return { ...summary, file: name };
      }
      if (queue.open(user.name) >= MAX_OPEN_PER_USER || queue.open() >= MAX_OPEN) {
        const message = `导入任务过多：每个账号最多同时 ${MAX_OPEN_PER_USER} 个，请等前面的任务完成`;
        return c.json(options.describeError(new TiaoduError('import.busy', message)).body, 429);
      }
      const job = queue.add(user.name, name, dryRun);
      // A job ends after its request has been answered: it speaks the language of the request that started it.
      const lang = currentLang();
      const fail = (e: unknown) => {
        const { status, body } = options.describeError(e, lang);
        if (status === 500) console.error(e);
        const { issues, ...error } = body.error as {
          issues?: ImportJob['issues'];
          code: string;
          message: string;
        };
        Object.assign(job, {
          state: 'failed',
          error,
          issues: issues ?? [],
          finishedAt: new Date().toISOString(),
        });
      };
      // The upload goes to disk at once, so a queued job holds no memory.
      const dir = await mkdtemp(join(tmpdir(), 'tiaodu-upload-'));
      const path = join(dir, name);
      try {
        const body = Buffer.from(await c.req.arrayBuffer());
        job.bytes = body.length;
        await writeFile(path, body);
      } catch (e) {
        fail(e);
        await rm(dir, { recursive: true, force: true });
        throw e;
      }
      queue.start(async () => {
        try {
          const summary = await importAnyFile(db, path, {
            ...importOptions(user, dryRun, q.reason),
            onProgress: (p) => Object.assign(job, p),
          });
          if (!dryRun) options.onWrite();
          Object.assign(job, { summary: { ...summary, file: name }, rows: summary.rows, percent: 100 });
          job.state = 'done';
          job.finishedAt = new Date().toISOString();
        } catch (e) {
          fail(e);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });
      return c.json({ id: job.id, state: job.state }, 202, { location: `/api/imports/${job.id}` });
    },
    uploadLimit,
  );

  implement(api, imports.importJob, async ({ user, params }) => queue.get(params.id, user.name));

  return api;
}

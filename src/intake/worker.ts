// Parsing a statistics file on a worker thread, so a large XLSX (exceljs is CPU-bound) never stalls the server.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type ErrorCode, TiaoduError } from '../core/errors.ts';
import { parseFile } from './index.ts';
import { type FileFormat, ImportError, type ImportIssue, type ParsedRow } from './types.ts';

/** Rows per message: small enough that one message never holds the main thread for long. */
const CHUNK_ROWS = 5_000;
/** The worker's heap: a file that needs more is refused instead of taking the server down. */
const HEAP_MB = 2048;

/** What a parse on the worker hands back: parseFile's result, plus the row total once the file is read. */
export interface ParsedInWorker {
  format: FileFormat;
  rows: AsyncIterable<ParsedRow[]>;
  /** All rows in the file, known once the parser has finished (at once for XLSX and the 报表), else null. */
  total(): number | null;
  /** Ends the parse and frees the worker; safe to call at any time, also when the rows were never read. */
  close(): Promise<void>;
}

type SentError =
  | { kind: 'import'; issues: ImportIssue[] }
  | { kind: 'tiaodu'; code: ErrorCode; message: string }
  | { kind: 'other'; message: string };

type Request = { type: 'parse'; id: number; path: string } | { type: 'pull' | 'cancel'; id: number };

type Reply = { id: number } & (
  | { type: 'format'; format: FileFormat }
  | { type: 'rows'; rows: ParsedRow[]; total: number | null }
  | { type: 'end' }
  | { type: 'error'; error: SentError }
);

function toSent(e: unknown): SentError {
  if (e instanceof ImportError) return { kind: 'import', issues: e.issues };
  if (e instanceof TiaoduError) return { kind: 'tiaodu', code: e.code, message: e.message };
  return { kind: 'other', message: e instanceof Error ? e.message : String(e) };
}

function fromSent(e: SentError): Error {
  if (e.kind === 'import') return new ImportError(e.issues);
  if (e.kind === 'tiaodu') return new TiaoduError(e.code, e.message);
  return new Error(e.message);
}

const readRefusal = (file: string, expected: string): SentError => ({
  kind: 'import',
  issues: [{ file, row: 0, column: '', value: '', expected, code: 'format', message: expected }],
});

/**
 * One worker thread that parses one file at a time. Starting one costs seconds (the sources run through
 * tsx, and exceljs is large), so an idle one is kept for the next file.
 */
class ParseThread {
  private worker: Worker;
  private waiting: ((r: Reply) => void) | null = null;
  private arrived: Reply[] = [];
  private session = 0;
  alive = true;

  constructor() {
    // A worker starts without tsx's loader: it registers it, then loads this module as the worker's side.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
      .then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    this.worker = new Worker(boot, {
      eval: true,
      workerData: { tiaoduParseThread: true },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
    this.worker.on('message', (r: Reply) => {
      if (r.id === this.session) this.deliver(r);
    });
    this.worker.on('error', (e: Error & { code?: string }) => {
      this.alive = false;
      const error =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? readRefusal('', `文件过大：读取时超出 ${HEAP_MB} MB 内存上限，请拆分为多个文件`)
          : toSent(e);
      this.deliver({ id: this.session, type: 'error', error });
    });
    this.worker.on('exit', () => {
      if (this.alive)
        this.deliver({ id: this.session, type: 'error', error: toSent('读取文件的线程意外退出') });
      this.alive = false;
    });
  }

  /** A worker in use keeps the process alive until it answers; an idle one must not. */
  hold(inUse: boolean) {
    if (inUse) this.worker.ref();
    else this.worker.unref();
  }

  private deliver(r: Reply) {
    const w = this.waiting;
    this.waiting = null;
    if (w) w(r);
    else this.arrived.push(r);
  }

  /** Sends a request of the current session and waits for its reply. */
  ask(type: 'parse' | 'pull', path = ''): Promise<Reply> {
    if (type === 'parse') {
      this.session++;
      this.arrived = [];
    }
    const reply = new Promise<Reply>((resolve) => {
      const r = this.arrived.shift();
      if (r) resolve(r);
      else this.waiting = resolve;
    });
    if (this.alive)
      this.worker.postMessage(
        type === 'parse' ? { type, id: this.session, path } : ({ type, id: this.session } as Request),
      );
    return reply;
  }

  cancel() {
    if (this.alive) this.worker.postMessage({ type: 'cancel', id: this.session } satisfies Request);
    this.session++;
  }

  async stop() {
    this.alive = false;
    await this.worker.terminate();
  }
}

let idle: ParseThread | null = null;

/**
 * parseFile on a worker thread. Rows come back in chunks, one chunk per pull, so a slow consumer holds at
 * most one chunk in flight; the worker reads one batch ahead to learn when the file is finished.
 * @example const parsed = await parseFileInWorker('/tmp/报表.xlsx'); for await (const rows of parsed.rows) …
 */
export async function parseFileInWorker(path: string): Promise<ParsedInWorker> {
  const file = path.split('/').pop() ?? path;
  const thread = idle?.alive ? idle : new ParseThread();
  idle = null;
  thread.hold(true);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    thread.cancel();
    thread.hold(false);
    if (thread.alive && idle === null) idle = thread;
    else await thread.stop();
  };
  const revive = (e: SentError) =>
    e.kind === 'import'
      ? new ImportError(e.issues.map((i) => ({ ...i, file: i.file || file })))
      : fromSent(e);

  const first = await thread.ask('parse', path);
  if (first.type !== 'format') {
    await close();
    throw first.type === 'error' ? revive(first.error) : new Error('读取文件的线程没有给出格式');
  }
  let total: number | null = null;
  async function* rows(): AsyncGenerator<ParsedRow[]> {
    try {
      for (;;) {
        const r = await thread.ask('pull');
        if (r.type === 'end') return;
        if (r.type === 'error') throw revive(r.error);
        if (r.type !== 'rows') throw new Error(`读取文件的线程发来意外的消息：${r.type}`);
        total = r.total;
        yield r.rows;
      }
    } finally {
      await close();
    }
  }
  return { format: first.format, rows: rows(), total: () => total, close };
}

/** The worker's side: parse a file when asked, then answer each pull with the next chunk of its rows. */
function serveParses(): void {
  const port = parentPort;
  if (!port) return;
  let current: {
    id: number;
    batches: AsyncIterator<ParsedRow[]>;
    queue: ParsedRow[];
    done: boolean;
    seen: number;
  } | null = null;
  const handle = async (m: Request): Promise<Reply | null> => {
    if (m.type === 'cancel') {
      await current?.batches.return?.();
      current = null;
      return null;
    }
    if (m.type === 'parse') {
      const parsed = await parseFile(m.path);
      current = { id: m.id, batches: parsed.rows[Symbol.asyncIterator](), queue: [], done: false, seen: 0 };
      return { id: m.id, type: 'format', format: parsed.format };
    }
    const s = current;
    if (!s || s.id !== m.id) return { id: m.id, type: 'end' };
    // One batch ahead of what is sent, so the last chunk knows it is the last and the total is known.
    while (!s.done && s.queue.length <= CHUNK_ROWS) {
      const r = await s.batches.next();
      if (r.done) s.done = true;
      else {
        s.seen += r.value.length;
        s.queue = s.queue.length === 0 ? r.value : s.queue.concat(r.value);
      }
    }
    if (s.queue.length === 0) return { id: m.id, type: 'end' };
    const rows = s.queue.slice(0, CHUNK_ROWS);
    s.queue = s.queue.slice(CHUNK_ROWS);
    return { id: m.id, type: 'rows', rows, total: s.done ? s.seen : null };
  };
  // Requests are handled one after another, in the order they came.
  let tail = Promise.resolve();
  port.on('message', (m: Request) => {
    tail = tail.then(async () => {
      const reply = await handle(m).catch((e: unknown): Reply => {
        current = null;
        return { id: m.id, type: 'error', error: toSent(e) };
      });
      if (reply) port.postMessage(reply);
    });
  });
}

if (!isMainThread && workerData?.tiaoduParseThread) serveParses();

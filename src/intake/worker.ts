// Parsing a statistics file on a worker thread, so a large XLSX (exceljs is CPU-bound) never stalls the server.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { TiaoduError } from '../core/errors.ts';
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
  /** Ends the worker; safe to call at any time, also when the rows were never read. */
  close(): Promise<void>;
}

type SentError =
  | { kind: 'import'; issues: ImportIssue[] }
  | { kind: 'tiaodu'; code: string; message: string }
  | { kind: 'other'; message: string };

type Message =
  | { type: 'format'; format: FileFormat }
  | { type: 'rows'; rows: ParsedRow[]; total: number | null }
  | { type: 'end' }
  | { type: 'error'; error: SentError };

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

const readRefusal = (file: string, expected: string) =>
  new ImportError([{ file, row: 0, column: '', value: '', expected, code: 'format', message: expected }]);

/**
 * parseFile on a worker thread. Rows come back in chunks, one chunk per pull, so a slow consumer holds
 * at most one chunk in flight; the worker reads one batch ahead to learn when the file is finished.
 * @example const parsed = await parseFileInWorker('/tmp/报表.xlsx'); for await (const rows of parsed.rows) …
 */
export async function parseFileInWorker(path: string): Promise<ParsedInWorker> {
  const file = path.split('/').pop() ?? path;
  // The sources run through tsx (no build step); a worker starts without its loader, so it registers it first.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, {
    eval: true,
    workerData: { tiaoduParse: path },
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
  });
  worker.unref();
  const waiting: ((m: Message) => void)[] = [];
  const arrived: Message[] = [];
  const deliver = (m: Message) => {
    const next = waiting.shift();
    if (next) next(m);
    else arrived.push(m);
  };
  let finished = false;
  worker.on('message', (m: Message) => deliver(m));
  worker.on('error', (e: Error & { code?: string }) => {
    finished = true;
    const error =
      e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? toSent(readRefusal(file, `文件过大：读取时超出 ${HEAP_MB} MB 内存上限，请拆分为多个文件`))
        : toSent(e);
    deliver({ type: 'error', error });
  });
  worker.on('exit', () => {
    if (!finished) deliver({ type: 'error', error: { kind: 'other', message: '读取文件的线程意外退出' } });
    finished = true;
  });
  const receive = () =>
    new Promise<Message>((resolve) => {
      const m = arrived.shift();
      if (m) resolve(m);
      else waiting.push(resolve);
    });
  const close = async () => {
    finished = true;
    await worker.terminate();
  };

  const first = await receive();
  if (first.type !== 'format') {
    await close();
    throw first.type === 'error' ? fromSent(first.error) : new Error('读取文件的线程没有给出格式');
  }
  let total: number | null = null;
  async function* rows(): AsyncGenerator<ParsedRow[]> {
    try {
      for (;;) {
        worker.postMessage('pull');
        const m = await receive();
        if (m.type === 'end') return;
        if (m.type === 'error') throw fromSent(m.error);
        if (m.type !== 'rows') throw new Error(`读取文件的线程发来意外的消息：${m.type}`);
        total = m.total;
        yield m.rows;
      }
    } finally {
      await close();
    }
  }
  return { format: first.format, rows: rows(), total: () => total, close };
}

/** The worker's side: parse, then answer each pull with the next chunk of rows. */
async function serveParse(path: string): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const send = (m: Message) => port.postMessage(m);
  let parsed: Awaited<ReturnType<typeof parseFile>>;
  try {
    parsed = await parseFile(path);
  } catch (e) {
    send({ type: 'error', error: toSent(e) });
    return;
  }
  send({ type: 'format', format: parsed.format });
  const batches = parsed.rows[Symbol.asyncIterator]();
  let queue: ParsedRow[] = [];
  let done = false;
  let seen = 0;
  const fill = async () => {
    // One batch ahead of what is sent, so the last chunk knows it is the last and the total is known.
    while (!done && queue.length <= CHUNK_ROWS) {
      const r = await batches.next();
      if (r.done) done = true;
      else {
        seen += r.value.length;
        queue = queue.length === 0 ? r.value : queue.concat(r.value);
      }
    }
  };
  port.on('message', async () => {
    try {
      await fill();
      if (queue.length === 0) return send({ type: 'end' });
      const rows = queue.slice(0, CHUNK_ROWS);
      queue = queue.slice(CHUNK_ROWS);
      send({ type: 'rows', rows, total: done ? seen : null });
    } catch (e) {
      send({ type: 'error', error: toSent(e) });
    }
  });
}

if (!isMainThread && typeof workerData?.tiaoduParse === 'string') await serveParse(workerData.tiaoduParse);

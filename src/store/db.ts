// The one database interface the store is written against; a PGlite and a PostgreSQL driver sit behind it.
import type { DataDirLock } from './lock.ts';

export type DriverKind = 'pglite' | 'postgres';

export interface Db {
  readonly kind: DriverKind;
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in a transaction: everything it wrote is rolled back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Bulk-loads CSV text (no header) into `table(columns)` with COPY. */
  copyCsv(table: string, columns: string[], csv: string): Promise<void>;
  /** The embedded store's data directory as an uncompressed tar, taken while nothing runs (PGlite only). */
  dumpDataDir?(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PGlite data directory; ignored when `url` is set. */
  dataDir?: string;
  /** A PostgreSQL connection string (DATABASE_URL). */
  url?: string;
  /** A lock already taken on `dataDir` (see lock.ts); without it opening a directory takes one itself. */
  lock?: DataDirLock;
  /** What this process runs, recorded in the directory's lock so others can name it. */
  command?: string;
}

/** Opens the database the options (or TIAODU_DATA / DATABASE_URL) point at. */
export async function openDb(options: OpenOptions = {}): Promise<Db> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) {
    const { openPostgres } = await import('./drivers/postgres.ts');
    return openPostgres(url);
  }
  const { openPglite } = await import('./drivers/pglite.ts');
  return openPglite(dataDirOf(options), { lock: options.lock, command: options.command });
}

/** The PGlite directory the options (or TIAODU_DATA, or ./data) name. */
export function dataDirOf(options: Pick<OpenOptions, 'dataDir'> = {}): string {
  return options.dataDir ?? process.env.TIAODU_DATA ?? './data';
}

/** Quotes a value for the CSV that COPY reads: null is an empty unquoted field. */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return `"${v.replaceAll('"', '""')}"`;
}

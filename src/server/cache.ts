// A read cache for the GET endpoints the cockpit and league pages call, cleared by a data version that every write bumps.
import type { Context, MiddlewareHandler } from 'hono';
import type { AuthEnv, Users } from './auth.ts';

export interface ReadCacheOptions {
  /** Memory the kept answers may take; the least recently used go first. */
  maxBytes: number;
  maxEntries: number;
  /** Called after every bump: what keeps its own reads (the project board) may read ahead. */
  onWrite?: () => void;
}

const defaults: ReadCacheOptions = { maxBytes: 64 * 1024 * 1024, maxEntries: 20_000 };

/**
 * The reads worth keeping: what the cockpit, league and indicator pages ask for again and again. Only
 * answers that depend on nothing but the data, the request and the user's role and region scope belong
 * here (never /api/me, sessions, documents, audit; nor /api/targets, whose default year follows the clock).
 */
const CACHED = [
  /^\/api\/league$/,
  /^\/api\/progress$/,
  /^\/api\/series$/,
  /^\/api\/overview$/,
  /^\/api\/indicators$/,
  /^\/api\/groups$/,
  /^\/api\/periods\/latest$/,
  /^\/api\/regions$/,
  /^\/api\/regions\/[^/]+$/,
  /^\/api\/regions\/[^/]+\/figures$/,
];

/** How long a session lookup is remembered at most. */
export const SESSION_TTL_MS = 30_000;
const MAX_SESSIONS = 10_000;

/** Writes that change nothing a cached read shows: signing in and out. */
const NOT_DATA = [/^\/api\/session$/];

interface Entry {
  version: number;
  body: string;
  type: string;
}

/** Memory an entry takes: its key and body as strings, at most two bytes a character. */
const sizeOf = (key: string, e: Entry) => 2 * (key.length + e.body.length);

export interface ReadCache {
  /** Serves a cached answer, or runs the route and keeps its 200 JSON answer. Mount after sign-in. */
  reads: MiddlewareHandler<AuthEnv>;
  /** Bumps the data version after every write that succeeded. Mount before every route. */
  writes: MiddlewareHandler;
  /** Marks every cached answer stale: call after any change made outside a request (an import job). */
  bump(): void;
  /**
   * The session lookup, remembered: every request names its session, and asking the one connection each
   * time was most of the work of a cached read. Forgotten on every write that succeeds (sign-out, a new
   * password, a changed account) and after `SESSION_TTL_MS` at the latest, so an expired session outlives
   * its end by that much at most.
   */
  users(lookup: Users): Users;
  stats(): { hits: number; misses: number; entries: number; bytes: number; version: number };
}

/** The request as the cache sees it: path, sorted query, and the parts of the user that change the answer. */
function keyOf(c: Context<AuthEnv>): string {
  const url = new URL(c.req.url);
  const query = [...url.searchParams].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));
  const user = c.get('user');
  return JSON.stringify([user.role, user.regionCode, url.pathname, query]);
}

/**
 * One process's read cache. Entries belong to a data version; a write bumps it and empties the cache, and an
 * answer computed while a write happened is not kept (it was computed under the old version). The version
 * is exact only where this process makes every write — the embedded store, which one process holds.
 * @example const cache = createReadCache(); app.use('/api/*', cache.writes); … app.use('/api/*', cache.reads);
 */
export function createReadCache(options: Partial<ReadCacheOptions> = {}): ReadCache {
  const o = { ...defaults, ...options } satisfies ReadCacheOptions;
  let version = 0;
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  const entries = new Map<string, Entry>();
  // The same read asked by many users at once runs once; the others wait for its answer.
  const running = new Map<string, { version: number; answer: Promise<Entry | null> }>();

  const forget = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    bytes -= sizeOf(key, e);
    entries.delete(key);
  };
  const keep = (key: string, e: Entry) => {
    forget(key);
    if (sizeOf(key, e) > o.maxBytes) return;
    entries.set(key, e);
    bytes += sizeOf(key, e);
    for (const oldest of entries.keys()) {
      if (bytes <= o.maxBytes && entries.size <= o.maxEntries) break;
      forget(oldest);
    }
  };
  const bump = () => {
    version++;
    entries.clear();
    bytes = 0;
    o.onWrite?.();
  };
  // Token → who it belongs to, and when that was read; only found sessions are kept.
  type Found = Awaited<ReturnType<Users['byToken']>>;
  const sessions = new Map<string, { user: NonNullable<Found>; at: number }>();
  let sessionsVersion = 0;
  const users = (lookup: Users): Users => ({
    async byToken(token) {
      const known = sessions.get(token);
      if (known && Date.now() - known.at < SESSION_TTL_MS) return known.user;
      const at = sessionsVersion;
      const user = await lookup.byToken(token);
      if (!user || at !== sessionsVersion) return user;
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value ?? '');
      sessions.set(token, { user, at: Date.now() });
      return user;
    },
  });

  const answer = (c: Context, e: Entry) => c.body(e.body, 200, { 'content-type': e.type, 'x-cache': 'hit' });

  const reads: MiddlewareHandler<AuthEnv> = async (c, next) => {
    if (c.req.method !== 'GET' || !CACHED.some((p) => p.test(c.req.path))) return next();
    const key = keyOf(c);
    const at = version;
    const hit = entries.get(key);
    if (hit && hit.version === at) {
      hits++;
      entries.delete(key);
      entries.set(key, hit);
      return answer(c, hit);
    }
    const same = running.get(key);
    if (same && same.version === at) {
      const e = await same.answer;
      if (e) {
        hits++;
        return answer(c, e);
      }
    }
    misses++;
    let settle: (e: Entry | null) => void = () => undefined;
    const mine = { version: at, answer: new Promise<Entry | null>((r) => (settle = r)) };
    running.set(key, mine);
    let kept: Entry | null = null;
    try {
      await next();
      const type = c.res.headers.get('content-type') ?? '';
      if (c.res.status === 200 && type.startsWith('application/json')) {
        kept = { version: at, body: await c.res.clone().text(), type };
        if (version === at) keep(key, kept);
      }
    } finally {
      settle(kept);
      if (running.get(key) === mine) running.delete(key);
    }
  };

  const writes: MiddlewareHandler = async (c, next) => {
    await next();
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) || c.res.status >= 400) return;
    sessionsVersion++;
    sessions.clear();
    if (!NOT_DATA.some((p) => p.test(c.req.path))) bump();
  };

  return {
    reads,
    writes,
    bump,
    users,
    stats: () => ({ hits, misses, entries: entries.size, bytes, version }),
  };
}

/** A cache that keeps nothing: for PostgreSQL, where other processes write too (see app.ts). */
export function noReadCache(): ReadCache {
  const pass: MiddlewareHandler = (_c, next) => next();
  return {
    reads: pass,
    writes: pass,
    bump: () => undefined,
    users: (lookup) => lookup,
    stats: () => ({ hits: 0, misses: 0, entries: 0, bytes: 0, version: 0 }),
  };
}

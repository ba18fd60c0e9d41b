// The layers, enforced: every .ts/.tsx file under src/ is read and each import checked against the table below.
// Ten lines of rules beat a dependency-checking package; a breach names the file and the import it must not make.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;

/**
 * Which folders of src/ a source file in each folder may import. 'node' = Node's built-in modules,
 * 'npm' = packages. A folder not in the table (a new one) must be added here before it is used.
 */
const MAY_IMPORT: Record<string, { src: string[]; node: boolean; npm: boolean }> = {
  // Pure rules: no IO, no packages, no clock (see NO_CLOCK).
  core: { src: ['core'], node: false, npm: false },
  // File readers: they read files, and know nothing of the database.
  intake: { src: ['core'], node: true, npm: true },
  // SQL only: no files read except its own (STORE_FILES), no intake.
  store: { src: ['core'], node: true, npm: true },
  // Documents written from data handed in: no database, no files.
  // Node only to find a CJK font file for drawing charts (reports/briefing/charts.ts), never a user's file.
  reports: { src: ['core'], node: true, npm: true },
  // Where reading a file (intake) meets writing it (store).
  app: { src: ['core', 'intake', 'store'], node: true, npm: true },
  // The API's schemas, shared by server and web.
  contract: { src: ['contract', 'core'], node: false, npm: true },
  demo: { src: ['core', 'store'], node: true, npm: true },
  server: { src: ['core', 'intake', 'store', 'reports', 'app', 'contract'], node: true, npm: true },
  // The CLI starts the server (tiaodu start) and loads the demo.
  cli: {
    src: ['core', 'intake', 'store', 'reports', 'app', 'contract', 'server', 'demo'],
    node: true,
    npm: true,
  },
  // The browser: its own files, the API contract and packages (plus WEB_MAY_USE_CORE, for now).
  web: { src: ['contract'], node: false, npm: true },
};

/** The store's own files on disk, the only node:fs it may touch, and why. */
const STORE_FILES: Record<string, string> = {
  'store/lock.ts': 'the data directory’s lock file, which keeps a second process off the database',
  'store/backup.ts':
    'backups of the database are files in the data directory; backup and restore are the store’s job',
  'store/drivers/pglite.ts':
    'whether a data directory is new (PG_VERSION), to unpack the empty cluster into it',
  'store/tar.ts': 'unpacking a backup or the empty cluster’s archive into a new data directory',
  'store/drivers/template.ts':
    'the empty cluster’s archive in node_modules/.cache, made once so a new directory skips initdb',
};

/**
 * Core modules the browser may import directly, and why: none — the contract (src/contract/web.ts,
 * format.ts) re-exports the pure rules the pages share with the server, so the web sees one door.
 */
const WEB_MAY_USE_CORE: Record<string, string> = {};

/** The clock, which core may not read: time comes in as an argument. */
const NO_CLOCK = /\bDate\.now\(|new Date\(\)|performance\.now\(/;

/** Tests and their helpers: core's and the web's keep their folder's rules, others may build any fixture. */
const isTest = (path: string) =>
  /\.test\.tsx?$/.test(path) ||
  /(^|\/)testing\.ts$/.test(path) ||
  path.includes('/e2e/') ||
  path.includes('/fuzz/');

interface Import {
  spec: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** import … from 'x', export … from 'x', import 'x', import('x'); comments are left out first. */
function importsOf(text: string): Import[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: Import[] = [];
  const stat = /^\s*(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(stat)) found.push({ spec: m[3] as string, typeOnly: !!m[2] });
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ spec: m[1] as string, typeOnly: false });
  return found;
}

/** A problem with one import of one file, in Chinese with the path; null when the import is allowed. */
function breach(file: string, imp: Import): string | null {
  const [layer] = file.split('/');
  const rules = MAY_IMPORT[layer as string];
  const say = (why: string) => `${file}：不允许导入「${imp.spec}」——${why}`;
  if (!rules)
    return `${file}：src/${layer} 不在分层规则表中，请先在 src/layers.test.ts 的 MAY_IMPORT 中写明它可以导入什么`;
  if (imp.spec.startsWith('node:')) {
    if (!rules.node) return say(`${layer} 层不能使用 Node 内置模块`);
    if (layer === 'store' && /^node:fs(\/|$)/.test(imp.spec) && !STORE_FILES[file])
      return say(
        '数据层只读写自己的文件（数据目录锁、备份、常用密码表），读用户文件是导入层（intake）和调用方的事',
      );
    return null;
  }
  if (!imp.spec.startsWith('.')) return rules.npm ? null : say(`${layer} 层不能依赖 npm 包`);
  const target = relative(SRC, resolve(SRC, dirname(file), imp.spec)).replaceAll('\\', '/');
  const [to] = target.split('/');
  if (to === layer || rules.src.includes(to as string)) return null;
  const allowed = layer === 'web' ? WEB_MAY_USE_CORE[target] : undefined;
  if (allowed && (imp.typeOnly || !allowed.startsWith('type only'))) return null;
  return say(
    `${layer} 层只能导入 ${[layer, ...rules.src.filter((s) => s !== layer)].join('、')}（${target} 属于 ${to} 层）`,
  );
}

const files = sourceFiles(SRC)
  .map((p) => relative(SRC, p).replaceAll('\\', '/'))
  .filter((p) => p.includes('/'));

describe('the layers of src/', () => {
  it('keep every source file to the imports its folder may make', () => {
    const problems = files
      .filter((f) => !isTest(f))
      .flatMap((f) => importsOf(readFileSync(join(SRC, f), 'utf8')).map((i) => breach(f, i)))
      .filter((p): p is string => p !== null);
    expect(problems).toEqual([]);
  });

  it('keep the core’s and the web’s own tests to their folder’s imports, and no other test reaches into the web', () => {
    const problems = files.filter(isTest).flatMap((f) => {
      const [layer] = f.split('/');
      const imports = importsOf(readFileSync(join(SRC, f), 'utf8'));
      if (layer === 'core')
        return imports
          .filter((i) => i.spec !== 'vitest' && i.spec !== 'fast-check')
          .map((i) => breach(f, i))
          .filter((p): p is string => p !== null);
      // The web's unit tests run in Node and may read the web's sources (i18n.test scans them) with node: modules.
      if (layer === 'web' && !f.includes('/e2e/'))
        return imports
          .filter((i) => !i.spec.startsWith('node:'))
          .map((i) => breach(f, i))
          .filter((p): p is string => p !== null);
      return imports
        .filter((i) => layer !== 'web' && i.spec.startsWith('.'))
        .filter((i) => relative(SRC, resolve(SRC, dirname(f), i.spec)).startsWith('web'))
        .map((i) => `${f}：不允许导入「${i.spec}」——网页层之外的测试不能依赖网页代码`);
    });
    expect(problems).toEqual([]);
  });

  it('keep the clock out of the core: time comes in as an argument', () => {
    const problems = files
      .filter((f) => f.startsWith('core/') && !isTest(f))
      .filter((f) => NO_CLOCK.test(readFileSync(join(SRC, f), 'utf8')))
      .map(
        (f) => `${f}：核心层不能读取时钟（Date.now()、new Date()、performance.now()），请把时间作为参数传入`,
      );
    expect(problems).toEqual([]);
  });

  it('allow only core modules the web still uses, and store files it still needs', () => {
    const used = new Set(
      files
        .filter((f) => f.startsWith('web/') && !isTest(f))
        .flatMap((f) =>
          importsOf(readFileSync(join(SRC, f), 'utf8')).map((i) =>
            relative(SRC, resolve(SRC, dirname(f), i.spec)).replaceAll('\\', '/'),
          ),
        ),
    );
    const stale = Object.keys(WEB_MAY_USE_CORE).filter((m) => !used.has(m));
    const gone = Object.keys(STORE_FILES).filter((f) => !files.includes(f));
    expect(
      [...stale, ...gone].map((m) => `${m}：已不再需要，请从 src/layers.test.ts 的例外表中删去`),
    ).toEqual([]);
  });

  it('find a breach when one is written: the rules are not vacuous', () => {
    expect(breach('store/x.ts', { spec: '../intake/index.ts', typeOnly: false })).toContain(
      'store/x.ts：不允许导入「../intake/index.ts」',
    );
    expect(breach('store/x.ts', { spec: 'node:fs/promises', typeOnly: false })).toContain(
      '数据层只读写自己的文件',
    );
    expect(breach('core/x.ts', { spec: 'node:path', typeOnly: false })).toContain('不能使用 Node 内置模块');
    expect(breach('web/x.ts', { spec: '../store/db.ts', typeOnly: true })).toContain('web 层只能导入');
    expect(importsOf("import {\n  a,\n  b,\n} from '../intake/x.ts';\nexport * from './y.ts';")).toEqual([
      { spec: '../intake/x.ts', typeOnly: false },
      { spec: './y.ts', typeOnly: false },
    ]);
  });
});

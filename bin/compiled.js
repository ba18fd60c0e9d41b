// The CLI's sources compiled to plain JavaScript, for the short commands. Running the TypeScript through tsx costs
// about 0.4 s of every call (its loader runs on another thread and answers every module's resolve and load), and
// outside checks call `series` dozens of times in a row. The compiled copy lives in node_modules/.cache/tiaodu/cli,
// one directory per state of the sources (the newest modification time and the number of files and folders
// under src/): a changed, added, removed or renamed source gives a new key, so a stale copy never runs. esbuild
// (installed with tsx) builds it in a fraction of a second on the first call after a change.
// Any failure here — no esbuild, a read-only node_modules — answers null, and the caller runs the sources.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules', '.cache', 'tiaodu', 'cli');
/** Builds older than this are removed after a new build: a process still running one has long finished. */
const KEEP_MS = 60 * 60 * 1000;

/** A key for the current sources: tests and the browser app are not part of the command line. */
function sourcesKey() {
  let newest = 0;
  let count = 0;
  const note = (path) => {
    newest = Math.max(newest, statSync(path).mtimeMs);
    count++;
  };
  const walk = (dir) => {
    note(dir);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (path !== join(root, 'src', 'web')) walk(path);
      } else if (!e.name.endsWith('.test.ts')) note(path);
    }
  };
  walk(join(root, 'src'));
  note(join(root, 'bin', 'compiled.js'));
  note(join(root, 'package.json'));
  return createHash('sha256').update(`${newest}:${count}`).digest('hex').slice(0, 16);
}

async function build(outDir) {
  const esbuild = await import('esbuild');
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  writeFileSync(join(tmp, 'package.json'), '{"type":"module"}\n');
  try {
    renameSync(tmp, outDir);
  } catch {
    // Another process built the same sources first: theirs is as good.
    rmSync(tmp, { recursive: true, force: true });
  }
  prune(outDir);
}

function prune(keep) {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (path === keep) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
    } catch {}
  }
}

/** The compiled CLI's entry as a URL, built first if the sources changed; null to run the sources instead. */
export async function compiledCli() {
  try {
    const outDir = join(cacheDir, sourcesKey());
    const entry = join(outDir, 'main.js');
    if (!existsSync(entry)) {
      mkdirSync(cacheDir, { recursive: true });
      await build(outDir);
    }
    return pathToFileURL(entry).href;
  } catch {
    return null;
  }
}

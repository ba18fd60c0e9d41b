#!/usr/bin/env node
// The `tiaodu` command. No build step is needed: the short commands run a compiled copy of the sources that
// bin/compiled.js keeps up to date; the server (long-lived, where start-up does not matter, and whose file-reading
// worker loads the sources itself) and TIAODU_DEBUG=1 (stack traces with the sources' own lines) run the
// TypeScript through tsx.
import { setFlagsFromString } from 'node:v8';

const command = process.argv[2] ?? '';
// A command lives a few seconds: V8's background optimisation of PGlite's WebAssembly (TurboFan tier-up) costs
// a third of its CPU and pays off only in a long-lived server. On a busy machine that CPU is the wait.
if (!['serve', 'start'].includes(command)) setFlagsFromString('--liftoff-only');

const viaSources = ['serve', 'start'].includes(command) || process.env.TIAODU_DEBUG === '1';
const compiled = viaSources ? null : await (await import('./compiled.js')).compiledCli();
if (compiled) await import(compiled);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}

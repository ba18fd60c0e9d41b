#!/usr/bin/env node
// The `tiaodu` command. Runs the TypeScript sources through tsx so no build step is needed.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// A command lives a few seconds: V8's background optimisation of PGlite's WebAssembly (TurboFan tier-up) costs
// a third of its CPU and pays off only in a long-lived server. On a busy machine that CPU is the wait.
if (!['serve', 'start'].includes(process.argv[2] ?? '')) setFlagsFromString('--liftoff-only');

register();
await import('../src/cli/main.ts');

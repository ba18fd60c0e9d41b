// Throughput of text intake over the whole shared corpus, on one core (Node runs it on one thread):
// normalising, extracting from normalised text, and both — the path `tiaodu intake extract` takes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/intake/text/extract.ts';
import { normalize } from '../src/intake/text/normalize.ts';

const ROUNDS = 5;
const corpus = process.argv[2] ?? join(import.meta.dirname, '../../shared/corpus');

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(txt|md)$/.test(name) ? [path] : [];
  });
}

const texts = textFiles(corpus).map((path) => readFileSync(path, 'utf8'));
const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
const clean = texts.map((t) => normalize(t).text);

function time(name: string, run: (i: number) => unknown): void {
  run(0); // module load and first-call compilation are not throughput
  const start = performance.now();
  for (let round = 0; round < ROUNDS; round++) for (let i = 0; i < texts.length; i++) run(i);
  const seconds = (performance.now() - start) / 1000;
  const rate = (megabytes * ROUNDS) / seconds;
  console.log(`${name.padEnd(22)} ${seconds.toFixed(2).padStart(6)} s   ${rate.toFixed(2).padStart(6)} MB/s`);
}

console.log(`${texts.length} files, ${megabytes.toFixed(2)} MB, ${ROUNDS} rounds each`);
time('normalise', (i) => normalize(texts[i] ?? ''));
time('extract (normalised)', (i) => extract(clean[i] ?? ''));
time('normalise + extract', (i) => extract(normalize(texts[i] ?? '').text));

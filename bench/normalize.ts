// Throughput of the text normaliser over the whole shared corpus, on one core.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

normalize(texts[0] ?? ''); // module load and first-call compilation are not throughput
const start = performance.now();
for (let round = 0; round < ROUNDS; round++) for (const text of texts) normalize(text);
const seconds = (performance.now() - start) / 1000;

console.log(
  `${texts.length} files, ${megabytes.toFixed(2)} MB × ${ROUNDS} in ${seconds.toFixed(2)} s: ` +
    `${((megabytes * ROUNDS) / seconds).toFixed(1)} MB/s`,
);

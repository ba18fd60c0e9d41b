// `tiaodu --help` lists every command with a Chinese line; `tiaodu COMMAND --help` shows each of its flags.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from './commands.ts';
import { COMMON_OPTIONS, HELP } from './help.ts';
import { tempDir, tiaodu } from './testing.ts';

const data = tempDir('help');
afterAll(() => rmSync(data, { recursive: true, force: true }));
const CHINESE = /[\u4e00-\u9fff]/;

describe('the command-line help', () => {
  it('lists every command with a one-line Chinese description, and no command that does not exist', async () => {
    const r = await tiaodu(data, ['--help']);
    expect(r.code).toBe(0);
    for (const name of Object.keys(commands)) {
      const line = r.stdout.split('\n').find((l) => l.trimStart().startsWith(`${name} `));
      expect(line, `tiaodu --help lists ${name}`).toBeDefined();
      expect(CHINESE.test(line ?? ''), `${name}'s line is in Chinese`).toBe(true);
    }
    expect(Object.keys(HELP).sort()).toEqual(Object.keys(commands).sort());
  });

  it('shows for each command its usage and every flag it takes', async () => {
    const runs = await Promise.all(Object.keys(commands).map((name) => tiaodu(data, [name, '--help'])));
    for (const [i, name] of Object.keys(commands).entries()) {
      const r = runs[i] as (typeof runs)[number];
      expect(r.code, `tiaodu ${name} --help`).toBe(0);
      expect(r.stdout).toContain(`用法: tiaodu ${name}`);
      for (const flag of [...Object.keys(HELP[name]?.options ?? {}), ...Object.keys(COMMON_OPTIONS)])
        expect(r.stdout, `tiaodu ${name} --help names --${flag}`).toContain(`--${flag}`);
    }
  }, 300_000);

  it('documents every flag a command parses', () => {
    // The flags each command hands to parse() (args.ts), read from the source: none may go unexplained.
    const dir = import.meta.dirname;
    const parsed = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) => [
        ...readFileSync(join(dir, f), 'utf8').matchAll(/parse\((?:argv|rest), \{([^;]*?)\}\)/g),
      ])
      .flatMap((m) => [...(m[1] ?? '').matchAll(/'?([a-z-]+)'?: \{ type:/g)].map((o) => o[1]));
    const documented = new Set([
      ...Object.values(HELP).flatMap((h) => Object.keys(h.options)),
      ...Object.keys(COMMON_OPTIONS),
    ]);
    expect(parsed.length).toBeGreaterThan(40);
    expect(parsed.filter((o) => !documented.has(o as string))).toEqual([]);
  });
});

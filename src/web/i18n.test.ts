import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { englishMessages } from './i18n.ts';

// Every Chinese word the web app shows must be a key of the message catalogue, looked up through t() at
// render time. This reads the source (not a running page), so it also covers dialogs and error paths the
// browser tests never open.
const WEB = new URL('.', import.meta.url).pathname;
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
// Not interface text: a font family name, the separators a tag input splits on, and the language switch's
// own name for Chinese (shown in English on purpose).
const NOT_TEXT = new Set(['"FangSong", "仿宋", serif', '、', '，', '中文']);
const SKIP = new Set(['i18n.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'e2e' || e.name === 'messages' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !e.name.includes('.test.') && !SKIP.has(e.name) ? [path] : [];
  });
}

type Node = { type: string; start: number; [k: string]: unknown };

/** Chinese text in the source that cannot go through the catalogue, and catalogue keys it uses. */
function scan(file: string): { problems: string[]; keys: string[] } {
  const code = readFileSync(file, 'utf8');
  const where = (n: Node) => `${relative(WEB, file)}:${code.slice(0, n.start).split('\n').length}`;
  const problems: string[] = [];
  const keys: string[] = [];
  const visit = (n: unknown, parent: Node | null): void => {
    if (Array.isArray(n)) {
      for (const x of n) visit(x, parent);
      return;
    }
    if (!n || typeof n !== 'object' || typeof (n as Node).type !== 'string') return;
    const node = n as Node;
    if (node.type === 'JSXText' && CJK.test(String(node.value))) {
      problems.push(`${where(node)} text in JSX: ${String(node.value).trim()}`);
    } else if (node.type === 'TemplateLiteral') {
      const quasis = node.quasis as { value: { cooked: string } }[];
      const text = quasis.map((q) => q.value.cooked).join('{…}');
      if (CJK.test(text))
        problems.push(`${where(node)} template with Chinese (use t() with {vars}): ${text}`);
    } else if (node.type === 'Literal' && typeof node.value === 'string' && CJK.test(node.value)) {
      if (parent?.type === 'JSXAttribute')
        problems.push(`${where(node)} attribute in Chinese: ${node.value}`);
      else if (!NOT_TEXT.has(node.value)) keys.push(node.value);
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'type' && typeof v === 'object') visit(v, node);
  };
  visit(parseAst(code, { lang: file.endsWith('x') ? 'tsx' : 'ts' }), null);
  return { problems, keys };
}

describe('the message catalogue', () => {
  const scanned = sources(WEB).map(scan);

  it('holds every Chinese string of the web app, so switching to English leaves none behind', () => {
    const missing = scanned.flatMap((s) => s.keys).filter((k) => !(k in englishMessages));
    expect([...new Set(missing)]).toEqual([]);
  });

  it('finds no Chinese in JSX text, attributes or templates, which t() could not translate', () => {
    expect(scanned.flatMap((s) => s.problems)).toEqual([]);
  });

  it('gives every message an English text without Chinese and with the same {placeholders}', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    // 〔无法识别〕 quotes the marker the document's own text carries.
    const chinese = (en: string) => CJK.test(en.replaceAll('〔无法识别〕', ''));
    const bad = Object.entries(englishMessages).filter(
      ([zh, en]) => chinese(en) || `${vars(zh)}` !== `${vars(en)}`,
    );
    expect(bad).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeStream, decodeText, detectEncoding } from './decode.ts';
import { encodeGbk } from './testing.ts';
import { ImportError } from './types.ts';

const TEXT =
  '指标,地区,期间,数值\n规模以上工业增加值,西湖区,2025-06,111.25\n固定资产投资,滨江区,2025-06,6.5\n';

function* chunks(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function decodeAll(input: Iterable<Uint8Array>, file = 'a.csv'): Promise<string> {
  let text = '';
  for await (const t of decodeStream(
    (async function* () {
      yield* input;
    })(),
    file,
  ))
    text += t;
  return text;
}

const failure = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return (e as ImportError).issues[0];
};

describe('decoding a statistics file', () => {
  it('reads UTF-8 and GBK streams whole when every chunk ends inside a character, whatever the chunk size', async () => {
    for (const size of [1, 2, 3, 4, 5, 7, 64]) {
      expect(await decodeAll(chunks(new TextEncoder().encode(TEXT), size))).toBe(TEXT);
      expect(await decodeAll(chunks(encodeGbk(TEXT), size))).toBe(TEXT);
    }
  });

  it('drops the UTF-8 byte order mark', async () => {
    const bytes = new TextEncoder().encode(`\ufeff${TEXT}`);
    expect(await decodeAll(chunks(bytes, 2))).toBe(TEXT);
    expect(decodeText(bytes, 'a.csv')).toBe(TEXT);
  });

  it('decides the encoding from the head even when it ends inside a character', () => {
    const utf8 = new TextEncoder().encode(TEXT);
    expect(detectEncoding(utf8.subarray(0, 4), 'a.csv')).toBe('utf-8');
    expect(detectEncoding(encodeGbk(TEXT).subarray(0, 3), 'a.csv')).toBe('gb18030');
  });

  it('names the line of a byte that is neither UTF-8 nor GBK', async () => {
    const bad = Buffer.concat([
      new TextEncoder().encode('指标,地区,期间,数值\n固定资产投资,西湖区,2025-06,1\n固定资产投资,'),
      Buffer.from([0xff, 0xfe, 0xff]),
      new TextEncoder().encode(',2025-06,2\n'),
    ]);
    expect(await failure(decodeAll(chunks(bad, 5)))).toMatchObject({
      file: 'a.csv',
      code: 'encoding',
      row: 3,
    });
    expect(() => decodeText(bad, 'a.csv')).toThrow(/第3行.*既不是 UTF-8 也不是 GBK/);
  });

  it('names the line of a GBK line far into a UTF-8 stream, after the encoding was decided', async () => {
    const head = '指标,地区,期间,数值\n'.concat('固定资产投资,西湖区,2025-06,1\n'.repeat(3000));
    const bytes = Buffer.concat([
      new TextEncoder().encode(head),
      encodeGbk('固定资产投资,滨江区,2025-06,1\n'),
    ]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const issue = await failure(decodeAll(chunks(bytes, 1000)));
    expect(issue).toMatchObject({ code: 'encoding', row: 3002 });
  });

  it('refuses a file cut inside its last character as truncated', async () => {
    const cut = new TextEncoder().encode(TEXT.replace(/\n$/, '区')).subarray(0, -1);
    expect(await failure(decodeAll(chunks(cut, 4)))).toMatchObject({ code: 'truncated', row: 3 });
  });

  it('refuses UTF-16 and binary files', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(await failure(decodeAll([utf16]))).toMatchObject({ code: 'encoding' });
    expect(await failure(decodeAll([Buffer.from('指标,地区\n\u0000\u0001\n')]))).toMatchObject({
      code: 'encoding',
      row: 2,
    });
  });
});

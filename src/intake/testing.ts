// Test helpers for files as users send them.

let table: Map<string, number[]> | null = null;

/** GBK bytes of a text. Node has no GBK encoder, so one is built by decoding every 2-byte GBK code. */
export function encodeGbk(text: string): Uint8Array<ArrayBuffer> {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text)
    out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f])));
  return new Uint8Array(out);
}

// The GB2312 character set, read from the platform's GBK decoder rather than shipped as a table.

function rows(first: number, last: number): Set<string> {
  const bytes: number[] = [];
  for (let lead = first; lead <= last; lead++)
    for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
  return new Set(new TextDecoder('gbk').decode(Uint8Array.from(bytes)));
}

/** Level 1: the 3,755 everyday hanzi, nearly every character of a government text. */
export const GB2312_LEVEL1 = rows(0xb0, 0xd7);
/** Level 2: 3,008 rarer hanzi, found in names and places (圳, 莞, 甬) but seldom. */
export const GB2312_LEVEL2 = rows(0xd8, 0xf7);

export function inGb2312(ch: string): boolean {
  return GB2312_LEVEL1.has(ch) || GB2312_LEVEL2.has(ch);
}

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseLongCsv, parseLongPeriod } from './long.ts';
import { ImportError } from './types.ts';

/** A CSV produced chunk by chunk, so the test never holds the file either. */
function* generated(rows: number): Generator<Buffer> {
  yield Buffer.from('\ufeff指标,地区,期间,数值,同比(%)\n');
  for (let i = 0; i < rows; i += 1000) {
    let chunk = '';
    for (let j = i; j < Math.min(rows, i + 1000); j++) chunk += `fai,R${j},2025-06,${j}.5,1.2\n`;
    yield Buffer.from(chunk);
  }
}

describe('the long template', () => {
  it('reads the period forms analysts write', () => {
    expect(parseLongPeriod('2025-06')).toEqual({ year: 2025, month: 6 });
    expect(parseLongPeriod('2025年1-6月')).toEqual({ year: 2025, month: 6 });
    expect(parseLongPeriod('2025年6月')).toEqual({ year: 2025, month: 6 });
    expect(parseLongPeriod('2025Q3')).toEqual({ year: 2025, month: 9 });
    expect(parseLongPeriod('2025年第二季度')).toEqual({ year: 2025, month: 6 });
    expect(parseLongPeriod('2025年')).toEqual({ year: 2025, month: 12 });
    expect(parseLongPeriod('2025-13')).toBeNull();
  });

  it('streams a 200,000-row file in batches no larger than the batch size', async () => {
    let rows = 0;
    let largest = 0;
    let batches = 0;
    for await (const batch of parseLongCsv(Readable.from(generated(200_000)), 'big.csv', {
      batchSize: 5000,
    })) {
      rows += batch.length;
      largest = Math.max(largest, batch.length);
      batches++;
    }
    expect(rows).toBe(200_000);
    expect(largest).toBe(5000);
    expect(batches).toBe(40);
  });

  it('reports a bad row far into a stream with its line number', async () => {
    const lines = [
      '指标,地区,期间,数值',
      ...Array.from({ length: 30_000 }, (_, i) => `fai,R${i},2025-06,${i === 25_000 ? 'x1' : i}`),
    ];
    const read = async () => {
      for await (const _ of parseLongCsv(Readable.from([Buffer.from(lines.join('\n'))]), 'big.csv')) {
        // consume
      }
    };
    const err = await read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).issues[0]).toMatchObject({ row: 25_002, column: 'D', value: 'x1' });
  });
});

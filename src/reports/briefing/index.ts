// The briefing in the format asked: the bytes, their content type and a file name.
import type { Briefing } from '../../core/briefing/types.ts';
import { briefingDocx } from './docx.ts';
import { briefingHtml } from './html.ts';
import { briefingXlsx } from './xlsx.ts';

export type BriefingFormat = 'docx' | 'xlsx' | 'html';

const TYPES: Record<BriefingFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

export async function renderBriefing(
  b: Briefing,
  format: BriefingFormat,
): Promise<{ body: Uint8Array<ArrayBuffer>; type: string; name: string }> {
  const body =
    format === 'docx'
      ? await briefingDocx(b)
      : format === 'xlsx'
        ? await briefingXlsx(b)
        : Buffer.from(briefingHtml(b), 'utf8');
  return { body: new Uint8Array(body), type: TYPES[format], name: `${b.title}.${format}` };
}

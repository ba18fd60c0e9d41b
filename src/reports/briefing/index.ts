// The briefing in the format asked: the bytes, their content type and a file name.
// Each writer loads when its format is asked for: Word, Excel and the charts each cost a command a fraction of a
// second to load, and one briefing needs one of them.
import type { Briefing } from '../../core/briefing/types.ts';

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
      ? await (await import('./docx.ts')).briefingDocx(b)
      : format === 'xlsx'
        ? await (await import('./xlsx.ts')).briefingXlsx(b)
        : Buffer.from((await import('./html.ts')).briefingHtml(b), 'utf8');
  return { body: new Uint8Array(body), type: TYPES[format], name: `${b.title}.${format}` };
}

// The project progress notice as XLSX: the text on a first sheet, each table on its own sheet (xlsxKit.ts).
import type { ProjectNotice } from '../../core/projects/notice.ts';
import { tableNoticeXlsx } from '../xlsxKit.ts';

/** The XLSX bytes of a notice. */
export const projectNoticeXlsx = (n: ProjectNotice, subtitle: string): Promise<Buffer> =>
  tableNoticeXlsx(n, subtitle);

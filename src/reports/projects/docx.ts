// The project progress notice as a Word document in the briefing's official look (fonts, A4 margins, page
// numbers), its tables after the text, the header row repeated on each page (docxKit.ts).
import type { ProjectNotice } from '../../core/projects/notice.ts';
import { tableNoticeDocx } from '../docxKit.ts';

/** The DOCX bytes of a notice. */
export const projectNoticeDocx = (n: ProjectNotice): Promise<Buffer> => tableNoticeDocx(n);

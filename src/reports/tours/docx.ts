// The tour notice (拉练通报) as a Word document, in the official look of the other notices (docxKit).
import { type TourNotice, tourNoticeTables } from '../../core/projects/tourNotice.ts';
import { tableNoticeDocx } from '../docxKit.ts';

/** The DOCX bytes of a tour notice: the text, the regions' ranking, each project's score. */
export const tourNoticeDocx = (n: TourNotice): Promise<Buffer> =>
  tableNoticeDocx({ title: n.title, paragraphs: n.paragraphs, tables: tourNoticeTables(n) });

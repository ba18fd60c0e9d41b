// The tour notice (拉练通报) as XLSX: the text on a first sheet, each table on its own sheet (xlsxKit).
import { type TourNotice, tourNoticeTables } from '../../core/projects/tourNotice.ts';
import { tableNoticeXlsx } from '../xlsxKit.ts';

/** The XLSX bytes of a tour notice. */
export const tourNoticeXlsx = (n: TourNotice): Promise<Buffer> =>
  tableNoticeXlsx({ title: n.title, paragraphs: n.paragraphs, tables: tourNoticeTables(n) }, n.title);

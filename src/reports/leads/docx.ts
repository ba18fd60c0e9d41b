// The monthly attraction report (招商引资月报) as a Word document in the official look of the notices: the
// totals in words, then the tables by region (ranked), industry, unit and the leads signed this year.
import type { LeadReport } from '../../core/projects/leadReport.ts';
import { tableNoticeDocx } from '../docxKit.ts';

/** The DOCX bytes of a report. */
export const leadReportDocx = (r: LeadReport): Promise<Buffer> => tableNoticeDocx(r);

// The monthly attraction report (招商引资月报) as XLSX: the words on a sheet 月报, each table on its own sheet,
// its figures as numbers (a rate with nothing to divide by is an empty cell).
import type { LeadReport } from '../../core/projects/leadReport.ts';
import { tableNoticeXlsx } from '../xlsxKit.ts';

/** The XLSX bytes of a report; `subtitle` names the region and month under each table's title. */
export const leadReportXlsx = (r: LeadReport, subtitle: string): Promise<Buffer> =>
  tableNoticeXlsx(r, subtitle, '月报');

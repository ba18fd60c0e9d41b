// The browser's client of the inspection tour routes (kept apart from api.ts, which the other areas share).
import { type CallInput, tours, type z } from '../contract/web.ts';
import { call } from './api.ts';

export type Tour = z.output<typeof tours.Tour>;
export type TourDetail = z.output<typeof tours.TourDetail>;
export type TourResults = z.output<typeof tours.TourResults>;
export type TourJudge = CallInput<typeof tours.tourJudges>['body']['judges'][number];

export const toursApi = {
  list: () => call(tours.tourList, {}),
  create: (name: string, region: string, date: string | null) =>
    call(tours.tourCreate, { body: { name, region, date } }),
  get: (id: number) => call(tours.tourGet, { params: { id } }),
  setProjects: (id: number, codes: string[]) => call(tours.tourProjects, { params: { id }, body: { codes } }),
  setJudges: (id: number, judges: TourJudge[]) =>
    call(tours.tourJudges, { params: { id }, body: { judges } }),
  score: (id: number, project: string, judge: string, score: number) =>
    call(tours.tourScore, { params: { id }, body: { project, judge, score } }),
  results: (id: number) => call(tours.tourResults, { params: { id } }),
  close: (id: number) => call(tours.tourClose, { params: { id } }),
  noticeUrl: (id: number, format: 'docx' | 'xlsx') => `/api/tours/${id}/notice?format=${format}`,
};

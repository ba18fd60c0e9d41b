// The tour notice (拉练通报): the regions' ranking with their mean scores, then each project's score and how
// many judges scored it — the figures of a tour's results, in the words of a notice.
import { round2 } from './numbers.ts';

/** What the notice needs of a tour's results (the store's TourResults fits it). */
export interface TourNoticeInput {
  tour: { name: string; date: string | null; region: string; status: string };
  projects: {
    code: string;
    name: string;
    region: string;
    unit: string | null;
    judges: number;
    score: number | null;
  }[];
  regions: { region: string; code: string; projects: number; score: number; rank: number }[];
}

/** The notice's two tables as header and rows: the regions' ranking, then the projects in visiting order. */
export function tourNoticeTables(
  n: TourNotice,
): { title: string; header: string[]; rows: (string | number | null)[][] }[] {
  return [
    {
      title: '各地区排名',
      header: ['名次', '地区', '项目数', '平均得分'],
      rows: n.regions.map((r) => [r.rank, r.region, r.projects, r.score]),
    },
    {
      title: '各项目得分',
      header: ['序号', '项目编号', '项目名称', '地区', '责任单位', '评委人数', '得分'],
      rows: n.projects.map((p) => [
        p.order,
        p.code,
        p.name,
        p.region,
        p.unit ?? '—',
        p.judges,
        p.score ?? '—',
      ]),
    },
  ];
}

export interface TourNotice {
  title: string;
  paragraphs: string[];
  regions: { rank: number; region: string; projects: number; score: number }[];
  /** Every project in visiting order; `score` null when nobody scored it. */
  projects: {
    order: number;
    code: string;
    name: string;
    region: string;
    unit: string | null;
    judges: number;
    score: number | null;
  }[];
  /** How many judges scored at least one project. */
  judges: number;
}

/**
 * The notice of a tour.
 * @example buildTourNotice(results, 3).title // '2025年二季度项目拉练评分通报'
 */
export function buildTourNotice(r: TourNoticeInput, judges: number): TourNotice {
  const scored = r.projects.filter((p) => p.score !== null);
  const top = r.regions.filter((x) => x.rank === 1).map((x) => x.region);
  const when = r.tour.date ? `${r.tour.date}，` : '';
  const paragraphs = [
    `${when}${r.tour.region}组织开展“${r.tour.name}”，${judges} 位评委对 ${r.projects.length} 个项目现场点评打分，${scored.length} 个项目有评分。项目得分为评委平均分（5 位及以上评委评分时去掉一个最高分和一个最低分），地区得分为其项目得分的平均。`,
  ];
  if (r.regions.length > 0) {
    const mean = round2(scored.reduce((s, p) => s + (p.score ?? 0), 0) / scored.length);
    paragraphs.push(`${top.join('、')}得分最高；全部项目平均得分 ${mean} 分。各地区排名和项目得分见下表。`);
  }
  if (r.tour.status !== '已结束') paragraphs.push('本次拉练尚未结束，评分以结束时为准。');
  return {
    title: `${r.tour.name}评分通报`,
    paragraphs,
    regions: r.regions.map((x) => ({ rank: x.rank, region: x.region, projects: x.projects, score: x.score })),
    projects: r.projects.map((p, i) => ({
      order: i + 1,
      code: p.code,
      name: p.name,
      region: p.region,
      unit: p.unit,
      judges: p.judges,
      score: p.score,
    })),
    judges,
  };
}

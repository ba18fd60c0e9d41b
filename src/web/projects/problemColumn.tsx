// The board's problem column: each project's open problems, in red with the overdue count when any is past its
// due day; the counts also serve the 有逾期问题 filter. A leader's own projects serve the 我包联的项目 filter.
import { Tag } from 'antd';
import { useMemo } from 'react';
import type { T } from '../i18n.ts';
import { useApi } from '../kit/index.ts';
import { projectsApi } from '../projectsApi.ts';

export type ProblemCounts = Map<string, { open: number; overdue: number }>;

/** Open and overdue problems per project code in the region's subtree. */
export function useProblemCounts(region: string | undefined, round: number): ProblemCounts {
  const problems = useApi(
    () => (region ? projectsApi.problems(region, { only: 'open' }) : null),
    [region, round],
  );
  return useMemo(() => {
    const m: ProblemCounts = new Map();
    for (const p of problems.data?.problems ?? []) {
      const c = m.get(p.projectCode) ?? { open: 0, overdue: 0 };
      c.open++;
      if (p.overdue) c.overdue++;
      m.set(p.projectCode, c);
    }
    return m;
  }, [problems.data]);
}

/** For a leader: the codes of the projects it is 包联领导 of (我包联的项目); null for other roles. */
export function useMyProjects(region: string | undefined, period: string | undefined, leader: boolean) {
  const mine = useApi(
    () => (leader && region && period ? projectsApi.mine(region, period) : null),
    [leader, region, period],
  );
  return useMemo(() => (mine.data ? new Set(mine.data.projects.map((p) => p.code)) : null), [mine.data]);
}

export function problemColumn<R extends { code: string }>(t: T, counts: ProblemCounts) {
  const of = (r: R) => counts.get(r.code) ?? { open: 0, overdue: 0 };
  return {
    title: t('问题'),
    key: 'problems',
    render: (_: unknown, r: R) => {
      const c = of(r);
      if (c.open === 0) return '—';
      return c.overdue > 0 ? (
        <Tag color="red" data-testid="board-overdue">
          {t('逾期 {n}/{open}', { n: c.overdue, open: c.open })}
        </Tag>
      ) : (
        <Tag color="orange">{t('未解决 {n}', { n: c.open })}</Tag>
      );
    },
    sorter: (a: R, b: R) => of(a).overdue - of(b).overdue || of(a).open - of(b).open,
  };
}

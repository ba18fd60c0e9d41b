// What the pickers choose from, and where a page starts: the user's own region (or the top of the tree)
// with the regions right below it, the newest period with data, and the indicator catalogue.
import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import { api, type Indicator, type Region, type User } from '../api.ts';
import { useRegionTree } from '../useRegionTree.ts';
import { useApi } from './useApi.ts';

/** The indicator catalogue (empty until it arrives). */
export function useIndicators(): Indicator[] {
  return useApi(() => api.indicators(), []).data ?? [];
}

/**
 * The regions a page offers — the user's own and those right below it, or the own one alone with
 * `ownOnly` — and the chosen one, starting at the user's region or the top of the tree.
 */
export function useRegionChoice(
  user: User,
  { ownOnly = false, preset = true }: { ownOnly?: boolean; preset?: boolean } = {},
) {
  const { root, children } = useRegionTree(user);
  const [regions, setRegions] = useState<Region[]>([]);
  const [region, setRegion] = useState<string | undefined>(
    preset ? (user.regionCode ?? undefined) : undefined,
  );
  useEffect(() => {
    if (!root) return;
    setRegions(ownOnly ? [root] : [root, ...children]);
    setRegion((r) => r ?? root.code);
  }, [root, children, ownOnly]);
  return { root, regions, setRegions, region, setRegion };
}

/**
 * The period a page shows: the newest one with data for `region`, until the user types another (a
 * typed period stays when the region changes).
 */
export function useLatestPeriod(
  region: string | undefined,
): [string | undefined, Dispatch<SetStateAction<string | undefined>>] {
  const [period, setPeriod] = useState<string | undefined>();
  useEffect(() => {
    if (!region) return;
    api.latestPeriod(region).then(
      (p) => setPeriod((old) => old ?? p ?? undefined),
      () => undefined,
    );
  }, [region]);
  return [period, setPeriod];
}

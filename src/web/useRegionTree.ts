// The region a page starts from — the user's own, or the top of the loaded tree — and the regions right below it.
import { useEffect, useState } from 'react';
import { api, type Region, type User } from './api.ts';

export function useRegionTree(user: User): { root: Region | undefined; children: Region[] } {
  const [tree, setTree] = useState<{ root: Region | undefined; children: Region[] }>({
    root: undefined,
    children: [],
  });
  useEffect(() => {
    (async () => {
      const root = user.regionCode ? await api.region(user.regionCode) : (await api.regions())[0];
      setTree({ root, children: root ? await api.regions(root.code) : [] });
    })().catch(() => setTree({ root: undefined, children: [] }));
  }, [user]);
  return tree;
}

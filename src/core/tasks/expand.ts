// 各乡镇（街道）: a collective subject of a speech ("各乡镇（街道）配合") becomes one child task per town or street of
// the task's region, each with its own progress, under a parent that keeps the named units.

/** 各乡镇（街道）, 各乡镇(街道), 各镇（街道）, 各镇街, 各乡镇街道, 各乡镇、街道, 各街道 … */
const TOWNS = /^各(?:乡镇|镇|乡|街道|镇街|乡镇街道|镇街道)(?:[、（(](?:街道|乡镇|镇)[)）]?)?$/;

export const isTownsCollective = (name: string): boolean => TOWNS.test(name.trim());

export interface Town {
  code: string;
  name: string;
}

export interface Expansion {
  /** The parent keeps the named units (its lead may be empty when the towns were the only leads). */
  parent: { lead: string[]; support: string[] };
  /** One child per town: the town leads its own part. */
  children: { town: Town; lead: string[]; support: string[] }[];
}

/** The expansion of a task naming 各乡镇（街道）, or null when it names no collective of towns. */
export function expandTowns(lead: string[], support: string[], towns: Town[]): Expansion | null {
  const inLead = lead.some(isTownsCollective);
  const inSupport = support.some(isTownsCollective);
  if (!inLead && !inSupport) return null;
  const named = (xs: string[]) => xs.filter((x) => !isTownsCollective(x));
  return {
    parent: { lead: named(lead), support: named(support) },
    children: towns.map((town) => ({ town, lead: [town.name], support: [] })),
  };
}

// A unit picker (单位选择): owners of a task are units of the catalogue, chosen from a searchable list — never
// typed as free text. 各乡镇（街道） stands for one task per town or street of the region.
import { Select } from 'antd';
import { supervision } from '../../contract/web.ts';
import { api, type SupervisionUnit } from '../api.ts';
import { useT } from '../i18n.ts';
import { useApi } from '../kit/index.ts';

export const TOWNS = supervision.TOWNS_COLLECTIVE;

export const unitLabel = (u: SupervisionUnit, t: ReturnType<typeof useT>) =>
  t('{name}（{region}）', { name: u.name, region: u.regionName });

export function UnitPicker(props: {
  region: string | undefined;
  value?: string[];
  onChange?: (v: string[]) => void;
  /** Offer 各乡镇（街道）. */
  towns?: boolean;
  testId?: string;
  placeholder?: string;
}) {
  const t = useT();
  const { data } = useApi(
    () => (props.region ? api.supervisionUnits({ region: props.region }) : Promise.resolve(null)),
    [props.region],
  );
  const options = [
    ...(props.towns ? [{ value: TOWNS, label: t('各乡镇（街道）：每个乡镇街道一项') }] : []),
    ...(data?.units ?? []).map((u) => ({ value: String(u.id), label: unitLabel(u, t) })),
  ];
  return (
    <Select
      mode="multiple"
      showSearch
      optionFilterProp="label"
      style={{ width: '100%' }}
      options={options}
      value={props.value}
      onChange={props.onChange}
      placeholder={props.placeholder ?? t('搜索并选择单位')}
      data-testid={props.testId}
    />
  );
}

/**
 * The catalogue's best unit for each name a speech gave (区经信 → 西湖区经济和信息化局), 各乡镇（街道） kept as the
 * collective; names nothing in the catalogue matches come back in `unmatched` for the reviewer to pick by hand.
 */
export async function pickFor(
  names: string[],
  region: string,
): Promise<{ ids: string[]; unmatched: string[]; why: string[] }> {
  const ids: string[] = [];
  const unmatched: string[] = [];
  const why: string[] = [];
  for (const name of names) {
    const r = await api.supervisionUnits({ region, name });
    if (r.collective?.kind === 'towns') ids.push(TOWNS);
    else if (r.units[0]) {
      ids.push(String(r.units[0].id));
      why.push(`${name} → ${r.units[0].name} (${r.units[0].why ?? ''})`);
    } else unmatched.push(name);
  }
  return { ids: [...new Set(ids)], unmatched, why };
}

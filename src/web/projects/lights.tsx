// A project's light as a coloured tag with its name, the light counts, and the numbers the project pages print.
import { Tag } from 'antd';
import { useT } from '../i18n.ts';
import type { ProjectRow } from '../projectsApi.ts';

export type Light = ProjectRow['light'];
export const LIGHT_COLOR: Record<Light, string> = { red: '#cf1322', yellow: '#d48806', green: '#389e0d' };
export const LIGHT_NAME: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };
export const LIGHT_ORDER: Record<Light, number> = { red: 0, yellow: 1, green: 2 };

export function LightTag({ light }: { light: Light }) {
  const t = useT();
  return (
    <Tag color={LIGHT_COLOR[light]} data-testid={`light-${light}`}>
      {t(LIGHT_NAME[light])}
    </Tag>
  );
}

/** Red / yellow / green counts, each in its colour (the rates' 红灯 / 黄灯 / 绿灯 figure). */
export function LightCounts(props: { counts: Record<Light, number>; testId?: string }) {
  const { red, yellow, green } = props.counts;
  return (
    <span data-testid={props.testId}>
      <span style={{ color: LIGHT_COLOR.red }}>{red}</span>
      {' / '}
      <span style={{ color: LIGHT_COLOR.yellow }}>{yellow}</span>
      {' / '}
      <span style={{ color: LIGHT_COLOR.green }}>{green}</span>
    </span>
  );
}

/** A number with at most two decimals, or a dash. */
export const num = (v: number | null | undefined, digits = 2): string =>
  v === null || v === undefined ? '—' : String(Math.round(v * 10 ** digits) / 10 ** digits);
/** A rate in per cent, or a dash. */
export const pct = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${num(v)}%`;

// A scoring rule's parameters as small inputs (the bands as their JSON list), and each kind's defaults.
import { Input, InputNumber, Space } from 'antd';

type Obj = Record<string, unknown>;
const numOrNull = (v: unknown) => (typeof v === 'number' ? v : null);

/** Each rule kind's parameters, with the defaults a new rule of that kind starts with. */
export const PARAMS: Record<string, Record<string, number>> = {
  rank: { step: 0.05 },
  deviation: { base: 0.8, perPoint: 0.05, min: 0, max: 1.2 },
  completion: { max: 1.2 },
  efficacy: { base: 0.6 },
  bands: {},
  scaled: { of: 100 },
  manual: {},
  veto: {},
};
/** A rule's numbers as small inputs; the bands as their JSON list. */
export function RuleParams({ rule, onChange }: { rule: Obj; onChange: (r: Obj) => void }) {
  const kind = String(rule.kind ?? '');
  if (kind === 'bands')
    return (
      <Input
        style={{ width: 320 }}
        defaultValue={JSON.stringify(rule.bands ?? [])}
        onBlur={(e) => {
          try {
            onChange({ ...rule, bands: JSON.parse(e.target.value) });
          } catch {
            onChange({ ...rule, bands: e.target.value });
          }
        }}
      />
    );
  return (
    <Space size={4} wrap>
      {Object.keys(PARAMS[kind] ?? {}).map((p) => (
        <Space.Compact key={p}>
          <span style={{ padding: '0 4px', lineHeight: '24px', color: '#666' }}>{p}</span>
          <InputNumber
            size="small"
            style={{ width: 80 }}
            value={numOrNull(rule[p])}
            onChange={(v) => onChange({ ...rule, [p]: v ?? undefined })}
          />
        </Space.Compact>
      ))}
    </Space>
  );
}

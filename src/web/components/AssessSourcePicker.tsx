// Where an input item's figures come from: entered by the office, or read at each run from the projects module
// (重点项目 or 招商项目 rates, a 项目拉练's scores). The scheme keeps it as the item's `source`.
import { Input, Select, Space } from 'antd';
import { LEAD_MEASURES, PROJECT_MEASURES } from '../../contract/web.ts';
import { useT } from '../i18n.ts';

type Obj = Record<string, unknown>;

export function AssessSourcePicker({
  source,
  onChange,
}: {
  source: Obj | null;
  onChange: (s: Obj | null) => void;
}) {
  const t = useT();
  const kind = typeof source?.kind === 'string' ? source.kind : 'entered';
  const measures = kind === 'projects' ? PROJECT_MEASURES : kind === 'leads' ? LEAD_MEASURES : null;
  const pick = (k: string) => {
    if (k === 'entered') onChange(null);
    else if (k === 'tour') onChange({ kind: 'tour', tour: '' });
    else onChange({ kind: k, measure: k === 'projects' ? 'startRate' : 'registerRate' });
  };
  return (
    <Space.Compact>
      <Select
        style={{ width: 110 }}
        value={kind}
        onChange={pick}
        data-testid="assess-source-kind"
        options={[
          { value: 'entered', label: t('录入') },
          { value: 'projects', label: t('重点项目') },
          { value: 'leads', label: t('招商项目') },
          { value: 'tour', label: t('项目拉练') },
        ]}
      />
      {measures && (
        <Select
          style={{ width: 150 }}
          value={String(source?.measure ?? '')}
          onChange={(measure) => onChange({ kind, measure })}
          options={Object.entries(measures).map(([value, label]) => ({ value, label: t(label) }))}
        />
      )}
      {kind === 'tour' && (
        <Input
          style={{ width: 150 }}
          placeholder={t('拉练名称')}
          value={String(source?.tour ?? '')}
          onChange={(e) => onChange({ kind: 'tour', tour: e.target.value })}
        />
      )}
    </Space.Compact>
  );
}

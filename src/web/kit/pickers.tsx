// The choosers at the top of the pages: a region, a period (YYYY-MM) and an indicator. Each page passes
// its own width and test id, so the pages look as before and the browser tests find them.
import { Input, Select } from 'antd';
import type { Indicator, Region } from '../api.ts';
import { isPeriod } from './period.ts';

export function RegionPicker({
  regions,
  value,
  onChange,
  width = 200,
  label = (r) => r.name,
  testId,
}: {
  regions: Region[];
  value: string | undefined;
  onChange: (code: string) => void;
  width?: number;
  /** How a region is named in the list: its name unless the page says otherwise (e.g. 西湖区下级). */
  label?: (r: Region) => string;
  testId?: string;
}) {
  return (
    <Select
      style={{ width }}
      value={value}
      onChange={onChange}
      options={regions.map((r) => ({ value: r.code, label: label(r) }))}
      data-testid={testId}
    />
  );
}

/**
 * A period box that only takes a whole YYYY-MM: what is typed in between is not passed on, so no request is
 * made for half a period. With `clearable`, emptying the box means "every period" (undefined). With
 * `lenient`, every keystroke is passed on and the page waits for a whole period (isPeriod) itself.
 */
export function PeriodPicker({
  value,
  onChange,
  width = 120,
  placeholder,
  clearable = false,
  lenient = false,
  testId,
}: {
  value: string | undefined;
  onChange: (period: string | undefined) => void;
  width?: number;
  placeholder?: string;
  clearable?: boolean;
  lenient?: boolean;
  testId?: string;
}) {
  return (
    <Input
      style={{ width }}
      value={value}
      allowClear={clearable || undefined}
      placeholder={placeholder}
      onChange={(e) => {
        const v = e.target.value;
        if (clearable && v === '') onChange(undefined);
        else if (lenient || isPeriod(v)) onChange(v);
      }}
      data-testid={testId}
    />
  );
}

/** Searchable by name; with `clearable`, clearing it calls `onChange(undefined)` (every indicator). */
export function IndicatorPicker<Clearable extends boolean = false>({
  indicators,
  value,
  onChange,
  width = 260,
  placeholder,
  clearable,
}: {
  indicators: Indicator[];
  value: string | undefined;
  onChange: (code: Clearable extends true ? string | undefined : string) => void;
  width?: number;
  placeholder?: string;
  clearable?: Clearable;
}) {
  return (
    <Select<string | undefined>
      allowClear={clearable || undefined}
      showSearch
      optionFilterProp="label"
      placeholder={placeholder}
      style={{ width }}
      value={value}
      onChange={(code) => onChange(code as string)}
      options={indicators.map((i) => ({ value: i.code, label: i.name }))}
    />
  );
}

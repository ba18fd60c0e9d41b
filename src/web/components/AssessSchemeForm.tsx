// The scheme editor's form: name, parent, full score, caps, red/black lists, groups, and every item with its
// source, weight, rule kind and the rule's parameters. It edits the scheme's JSON in place; the server checks it.
import { Button, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { Indicator } from '../api.ts';
import { useT } from '../i18n.ts';
import { PARAMS, RuleParams } from './AssessRuleParams.tsx';
import { AssessSourcePicker } from './AssessSourcePicker.tsx';

export type SchemeBody = Record<string, unknown>;
type Obj = Record<string, unknown>;
type Item = Obj & { name?: string; rule?: Obj };

const INPUT_KINDS = ['scaled', 'manual', 'veto'];
const KIND_LABEL: Record<string, string> = {
  rank: '排名（rank）',
  deviation: '目标偏差（deviation）',
  completion: '完成率（completion）',
  efficacy: '功效系数（efficacy）',
  bands: '分档（bands）',
  scaled: '折算录入（scaled）',
  manual: '直接录入分值（manual）',
  veto: '一票否决（veto）',
};

const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const numOrNull = (v: unknown) => (typeof v === 'number' ? v : null);

export function AssessSchemeForm({
  body,
  onChange,
  indicators,
}: {
  body: SchemeBody;
  onChange: (b: SchemeBody) => void;
  indicators: Indicator[];
}) {
  const t = useT();
  const items = (Array.isArray(body.items) ? body.items : []) as Item[];
  const set = (key: string, v: unknown) => {
    const next = { ...body };
    if (v === null || v === undefined || v === '') delete next[key];
    else next[key] = v;
    onChange(next);
  };
  const setItem = (i: number, change: Obj) =>
    set(
      'items',
      items.map((it, k) => (k === i ? { ...it, ...change } : it)),
    );
  const setKind = (i: number, kind: string) => {
    const input = INPUT_KINDS.includes(kind);
    const it = items[i] ?? {};
    const rule = kind === 'bands' ? { kind, bands: [{ min: 0, share: 1 }] } : { kind, ...PARAMS[kind] };
    const change: Obj = { rule, input: input || undefined };
    if (input) change.indicator = undefined;
    else if (!it.indicator) change.indicator = indicators[0]?.code;
    // Only scaled and manual items read a source; a veto is entered region by region.
    if (!input || kind === 'veto') change.source = undefined;
    setItem(i, change);
  };
  const cap = (key: 'bonus' | 'penalty') => numOrNull(obj(body[key]).max);
  const lists = obj(body.lists);
  const setList = (key: 'red' | 'black', field: 'top' | 'bottom', v: number | null) => {
    const next = { ...lists };
    if (v === null) delete next[key];
    else next[key] = { [field]: v };
    set('lists', Object.keys(next).length ? next : null);
  };
  const groups = obj(body.groups);
  const setGroups = (g: Obj) => set('groups', Object.keys(g).length ? g : null);
  const weightSum = items.reduce(
    (s, it) => s + (obj(it.rule).kind === 'veto' ? 0 : Number(it.weight ?? 0) || 0),
    0,
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="assess-form">
      <Space wrap>
        <span>{t('方案名称')}</span>
        <Input
          style={{ width: 280 }}
          value={String(body.name ?? '')}
          onChange={(e) => set('name', e.target.value)}
          data-testid="assess-name"
        />
        <span>{t('上级地区')}</span>
        <Input
          style={{ width: 120 }}
          value={String(body.parent ?? '')}
          onChange={(e) => set('parent', e.target.value)}
        />
        <span>{t('总分')}</span>
        <InputNumber value={numOrNull(body.total)} onChange={(v) => set('total', v)} />
        <span>{t('加分上限')}</span>
        <InputNumber
          min={0}
          value={cap('bonus')}
          onChange={(v) => set('bonus', v === null ? null : { max: v })}
        />
        <span>{t('减分上限')}</span>
        <InputNumber
          min={0}
          value={cap('penalty')}
          onChange={(v) => set('penalty', v === null ? null : { max: v })}
        />
        <span>{t('红榜前几名')}</span>
        <InputNumber
          min={1}
          precision={0}
          value={numOrNull(obj(lists.red).top)}
          onChange={(v) => setList('red', 'top', v)}
        />
        <span>{t('黑榜后几名')}</span>
        <InputNumber
          min={1}
          precision={0}
          value={numOrNull(obj(lists.black).bottom)}
          onChange={(v) => setList('black', 'bottom', v)}
        />
      </Space>
      <Typography.Text type="secondary">
        {t('分组（不填则上级地区的全部下级为一组；可填地区名称，或一个地区分组的名称）')}
      </Typography.Text>
      {Object.entries(groups).map(([name, members], k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the name is being typed; the place keeps the focus.
        <Space key={k} wrap>
          <Input
            style={{ width: 120 }}
            value={name}
            onChange={(e) =>
              setGroups(
                Object.fromEntries(
                  Object.entries(groups).map(([n, m]) => (n === name ? [e.target.value, m] : [n, m])),
                ),
              )
            }
          />
          <Select
            mode="tags"
            style={{ minWidth: 420 }}
            value={Array.isArray(members) ? (members as string[]) : [String(members)]}
            onChange={(v: string[]) =>
              setGroups({ ...groups, [name]: v.length === 1 && !Array.isArray(members) ? v[0] : v })
            }
          />
          <Button
            size="small"
            onClick={() => setGroups(Object.fromEntries(Object.entries(groups).filter(([n]) => n !== name)))}
          >
            {t('删除分组')}
          </Button>
        </Space>
      ))}
      <Button
        size="small"
        onClick={() => setGroups({ ...groups, [t('新分组{n}', { n: Object.keys(groups).length + 1 })]: [] })}
      >
        {t('添加分组')}
      </Button>
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={items}
        data-testid="assess-items"
        footer={() => (
          <Space>
            <Button
              size="small"
              onClick={() =>
                set('items', [
                  ...items,
                  {
                    name: t('新项目{n}', { n: items.length + 1 }),
                    input: true,
                    weight: 10,
                    rule: { kind: 'manual' },
                  },
                ])
              }
            >
              {t('添加项目')}
            </Button>
            <span data-testid="assess-weight-sum">
              {t('权重合计 {sum}', { sum: Math.round(weightSum * 100) / 100 })}
            </span>
          </Space>
        )}
        columns={[
          {
            title: t('项目'),
            render: (_: unknown, it: Item, i: number) => (
              <Input value={String(it.name ?? '')} onChange={(e) => setItem(i, { name: e.target.value })} />
            ),
          },
          {
            title: t('来源'),
            width: 270,
            render: (_: unknown, it: Item, i: number) =>
              it.input ? (
                obj(it.rule).kind === 'veto' ? (
                  <Typography.Text type="secondary">{t('录入')}</Typography.Text>
                ) : (
                  <AssessSourcePicker
                    source={it.source ? obj(it.source) : null}
                    onChange={(source) => setItem(i, { source: source ?? undefined })}
                  />
                )
              ) : (
                <Space.Compact>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    style={{ width: 180 }}
                    value={String(it.indicator ?? '')}
                    onChange={(v) => setItem(i, { indicator: v })}
                    options={indicators.map((x) => ({ value: x.code, label: x.name }))}
                  />
                  <Select
                    style={{ width: 80 }}
                    value={String(it.measure ?? (obj(it.rule).kind === 'completion' ? 'completion' : 'yoy'))}
                    onChange={(v) => setItem(i, { measure: v })}
                    options={[
                      { value: 'yoy', label: t('增速') },
                      { value: 'value', label: t('总量') },
                      { value: 'completion', label: t('完成率') },
                    ]}
                  />
                </Space.Compact>
              ),
          },
          {
            title: t('权重'),
            width: 100,
            render: (_: unknown, it: Item, i: number) =>
              obj(it.rule).kind === 'veto' ? (
                '—'
              ) : (
                <InputNumber
                  min={0}
                  value={numOrNull(it.weight)}
                  onChange={(v) => setItem(i, { weight: v ?? 0 })}
                  data-testid={`assess-weight-${i}`}
                />
              ),
          },
          {
            title: t('计分规则'),
            width: 190,
            render: (_: unknown, it: Item, i: number) => (
              <Select
                style={{ width: 180 }}
                value={String(obj(it.rule).kind ?? '')}
                onChange={(v) => setKind(i, v)}
                options={Object.keys(PARAMS).map((k) => ({ value: k, label: t(KIND_LABEL[k] ?? k) }))}
              />
            ),
          },
          {
            title: t('参数'),
            render: (_: unknown, it: Item, i: number) => (
              <RuleParams rule={obj(it.rule)} onChange={(rule) => setItem(i, { rule })} />
            ),
          },
          {
            title: '',
            width: 60,
            render: (_: unknown, _it: Item, i: number) => (
              <Button
                size="small"
                danger
                onClick={() =>
                  set(
                    'items',
                    items.filter((_x, k) => k !== i),
                  )
                }
              >
                {t('删除')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}

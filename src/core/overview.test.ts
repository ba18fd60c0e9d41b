import { describe, expect, it } from 'vitest';
import { builtinIndicators } from './catalog.ts';
import { inCatalogueOrder, type OverviewSource, overviewRow, type PeerFigure } from './overview.ts';
import { evaluateTarget } from './progress.ts';
import type { Indicator } from './types.ts';

const indicator = (code: string): Indicator => builtinIndicators.find((i) => i.code === code) as Indicator;
const published = (yoy: number) => ({ value: 100, yoy, lastValue: null });
const peer = (code: string, yoy: number | null, level = 3): PeerFigure => ({
  code,
  level,
  value: 100,
  yoy,
  lastValue: null,
});

const source = (s: Partial<OverviewSource>): OverviewSource => ({
  indicator: indicator('fai'),
  dataPeriod: '2025-06',
  figure: { value: 110, yoy: null, lastValue: 100 },
  previous: null,
  parent: null,
  peers: null,
  target: null,
  ...s,
});

describe('an overview row', () => {
  it('reads the growth as series does and the parent’s beside it', () => {
    // 110 against 100 → 10 %; the parent published 7.5 %.
    const row = overviewRow(source({ parent: published(7.5) }), 'B');
    expect(row).toMatchObject({
      indicator: 'fai',
      unit: '亿元',
      direction: 'up',
      value: 110,
      yoy: 10,
      parentYoy: 7.5,
    });
  });

  it('ranks by growth among the siblings, higher first, with the change since the last period', () => {
    // Now: A 12, B 10, C 3 → B 2nd of 3. Before: B 9, C 11, A 4 → B was 2nd → no change.
    const peers = {
      now: [peer('A', 12), peer('B', 10), peer('C', 3)],
      before: [peer('A', 4), peer('B', 9), peer('C', 11)],
    };
    expect(overviewRow(source({ peers }), 'B')).toMatchObject({ rank: 2, rankOf: 3, rankChange: 0 });
    // A was 3rd and is 1st now: up two places.
    expect(overviewRow(source({ peers }), 'A')).toMatchObject({ rank: 1, rankOf: 3, rankChange: 2 });
  });

  it('states a rate’s change from last year in 百分点 (4.4 % → 4.6 %: 0.2 points), and none for amounts', () => {
    const rate = source({
      indicator: indicator('unemployment_rate'),
      figure: { value: 4.6, yoy: null, lastValue: 4.4 },
    });
    expect(overviewRow(rate, 'A').yoyPoints).toBe(0.2);
    expect(overviewRow(source({}), 'A').yoyPoints).toBeNull();
  });

  it('ranks lowest first for a lower-is-better indicator (unemployment, energy use per unit of GDP)', () => {
    const peers = { now: [peer('A', -3), peer('B', 1), peer('C', 2.5)], before: [] };
    const unemployment = source({ indicator: indicator('unemployment_rate'), figure: published(-3), peers });
    expect(overviewRow(unemployment, 'A')).toMatchObject({ direction: 'down', rank: 1, rankOf: 3 });
    expect(overviewRow({ ...unemployment, figure: published(2.5) }, 'C').rank).toBe(3);
    const energy = source({ indicator: indicator('energy_intensity'), figure: published(-3), peers });
    expect(overviewRow(energy, 'A').rank).toBe(1);
  });

  it('ranks only siblings at the level most of them sit at, and none without siblings', () => {
    const peers = { now: [peer('A', 5), peer('B', 10), peer('P', 30, 4)], before: [] };
    expect(overviewRow(source({ peers }), 'A')).toMatchObject({ rank: 2, rankOf: 2 });
    expect(overviewRow(source({ peers: null }), 'A')).toMatchObject({
      rank: null,
      rankOf: null,
      rankChange: null,
    });
  });

  it('flags a swing when growth moved more than 5 points from the previous period', () => {
    // Previous 110/100 = 10 %, now 125/105 = 19.05 % → 9.05 points.
    const swung = source({
      figure: { value: 125, yoy: null, lastValue: 105 },
      previous: { value: 110, yoy: null, lastValue: 100 },
    });
    expect(overviewRow(swung, 'A').swing).toBe(true);
    expect(overviewRow({ ...swung, previous: published(15) }, 'A').swing).toBe(false);
  });

  it('carries the target fields of progress unchanged, and none without a target', () => {
    const unemployment = indicator('unemployment_rate');
    const target = evaluateTarget({
      target: {
        indicatorCode: 'unemployment_rate',
        regionCode: 'A',
        year: 2025,
        kind: 'ceiling',
        value: 5.5,
        cmp: '<=',
        strength: 'expected',
        trajectory: null,
        source: null,
        quote: null,
      },
      indicator: unemployment,
      month: 6,
      ytdValue: 8,
      ytdGrowth: null,
    });
    const row = overviewRow(
      source({ indicator: unemployment, figure: { value: 8, yoy: null, lastValue: null }, target }),
      'A',
    );
    // 8 % against a ceiling of 5.5 %: 2.5 points over → off track.
    expect(row).toMatchObject({
      target: 5.5,
      targetKind: 'ceiling',
      actual: 8,
      gap: -2.5,
      status: 'off_track',
    });
    expect(overviewRow(source({}), 'A')).toMatchObject({
      target: null,
      targetKind: null,
      status: null,
      gap: null,
    });
  });

  it('has no figure for an indicator with a target but nothing published yet', () => {
    expect(overviewRow(source({ figure: null, dataPeriod: null }), 'A')).toMatchObject({
      value: null,
      yoy: null,
      dataPeriod: null,
      swing: false,
    });
  });
});

describe('the overview’s indicator order', () => {
  it('follows the catalogue (GDP first), the deployment’s own indicators after it', () => {
    const codes = inCatalogueOrder([
      { code: 'unemployment_rate' },
      { code: 'zz_own' },
      { code: 'fai' },
      { code: 'gdp' },
    ]);
    expect(codes.map((i) => i.code)).toEqual(['gdp', 'fai', 'unemployment_rate', 'zz_own']);
  });
});

// The web kit: the pieces every page builds on — pickers, the explanation dialog, one fetching hook and its
// error display. Pages import from here, not from the files behind it.
export { useIndicators, useLatestPeriod, useRegionChoice } from './choices.ts';
export { ErrorAlert } from './ErrorAlert.tsx';
export {
  type Explanation,
  ExplanationDialog,
  ExplanationList,
  ExplanationTable,
} from './Explanation.tsx';
export { isPeriod, previousPeriod } from './period.ts';
export { IndicatorPicker, PeriodPicker, RegionPicker } from './pickers.tsx';
export { type ApiState, useApi } from './useApi.ts';

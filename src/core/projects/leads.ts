// The rates of investment leads (招商引资) at a period: over the leads signed in its year up to its end.
import { byEnd, monthEnd } from './dates.ts';
import { percent, round2 } from './numbers.ts';
import type { PeriodAt } from './rows.ts';
import type { Lead } from './types.ts';

export interface LeadRates {
  signed: number;
  contract: number;
  registered: number;
  started: number;
  producing: number;
  fundsArrived: number;
  registerRate: number | null;
  startRate: number | null;
  productionRate: number | null;
  fundsRate: number | null;
}

/**
 * `tiaodu lead rates`: a stage counts when its date is on or before the period's end; fundsRate = funds ÷
 * contract × 100, the other rates ÷ signed × 100.
 * @example leadRates(leads, { year: 2025, month: 6 }).signed // leads signed 2025-01-01 … 2025-06-30
 */
export function leadRates(leads: readonly Lead[], at: PeriodAt): LeadRates {
  const end = monthEnd(at.year, at.month);
  const yearStart = `${at.year}-01-01`;
  const signed = leads.filter((l) => byEnd(l.signed, end) && l.signed >= yearStart);
  const reached = (f: (l: Lead) => string | null) => signed.filter((l) => byEnd(f(l), end)).length;
  const contract = round2(signed.reduce((s, l) => s + l.contract, 0));
  const fundsArrived = round2(signed.reduce((s, l) => s + l.fundsArrived, 0));
  const registered = reached((l) => l.registered);
  const started = reached((l) => l.started);
  const producing = reached((l) => l.producing);
  return {
    signed: signed.length,
    contract,
    registered,
    started,
    producing,
    fundsArrived,
    registerRate: percent(registered, signed.length),
    startRate: percent(started, signed.length),
    productionRate: percent(producing, signed.length),
    fundsRate: percent(fundsArrived, contract),
  };
}

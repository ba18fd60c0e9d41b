// Key projects, investment leads and inspection tours: the pure rules (DESIGN.md, Contract part 2).
export * from './dates.ts';
export * from './leadReport.ts';
export * from './leads.ts';
export * from './notice.ts';
export * from './numbers.ts';
export * from './parsed.ts';
export * from './problems.ts';
export * from './rates.ts';
export * from './rows.ts';
export * from './settings.ts';
export * from './sinceStart.ts';
export * from './tour.ts';
export * from './types.ts';

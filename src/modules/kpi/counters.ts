import type { kpiDossierMonthly } from './schema.ts';

// The monthly counters of kpi_dossier_monthly, by their TypeScript names (the schema's columns).

type MonthlyColumns = typeof kpiDossierMonthly.$inferSelect;
export type DossierCounter = Exclude<
  keyof MonthlyColumns,
  'ownerUnitId' | 'month' | 'receivingAgencyId' | 'competentAgencyId' | 'procedureId'
>;

export const dossierCounters = [
  'receivedOnline',
  'receivedOffline',
  'receivedDigitised',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'resolvedUncounted',
  'indexOnTime',
  'indexLate',
  'resultsIssued',
  'resultsDigitised',
  'returned',
  'withdrawn',
  'stopped',
  'refused',
] as const satisfies readonly DossierCounter[];

// Fails to compile when a counter column is added to the table but not to the list.
type Missing = Exclude<DossierCounter, (typeof dossierCounters)[number]>;
const _complete: Missing extends never ? true : never = true;
void _complete;

export type CounterTotals = Record<DossierCounter, number>;

export function zeroTotals(): CounterTotals {
  return Object.fromEntries(dossierCounters.map((c) => [c, 0])) as CounterTotals;
}

/** snake_case column name of a counter (for raw SQL). */
export function counterColumn(counter: DossierCounter): string {
  return counter.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The dimensions every aggregate row is keyed by, besides its owning unit and month. */
export interface DossierDims {
  ownerUnitId: string;
  receivingAgencyId: string;
  competentAgencyId: string;
  procedureId: string;
}

/** One month's change to one aggregate row. */
export interface MonthlyDelta extends DossierDims {
  month: string;
  counts: Partial<CounterTotals>;
}

/** First day of the Vietnam-local month of an instant, e.g. 2026-03-01. */
export function vnMonthOf(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  const d = new Date(t + 7 * 3_600_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

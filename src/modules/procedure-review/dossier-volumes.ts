import type { Db } from '../../platform/db/connect.ts';
import { aggregateTotals } from '../kpi/aggregate-store.ts';
import { currentMonth, filterOf, scopeUnits } from '../kpi/figures.ts';

// How many dossiers of a procedure the system received over the last 12 months (this month and the 11 before
// it), from the kpi module's monthly aggregates: received online + received at the counter, every unit.

export function last12Months(now: Date): { from: string; to: string } {
  const to = currentMonth(now);
  const [y, m] = to.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - 11;
  const from = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return { from, to };
}

export async function dossiersLast12Months(db: Db, procedureId: string, now: Date) {
  const period = last12Months(now);
  const scope = await scopeUnits(db, undefined, 'current');
  if (!scope) return { ...period, received: 0 };
  const totals = await aggregateTotals(
    db,
    filterOf({ view: 'current', ...period, procedureId }, scope.unitIds),
  );
  return { ...period, received: totals.counters.receivedOnline + totals.counters.receivedOffline };
}

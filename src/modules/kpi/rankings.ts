import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { agencies } from '../org/schema.ts';
import { type GroupTotals, groupedTotals } from './aggregate-store.ts';
import { type CounterTotals, dossierCounters, zeroTotals } from './counters.ts';
import { type FigureQuery, filterOf, scopeUnits } from './figures.ts';
import { rate } from './formulas.ts';
import { unitsInScope } from './scope.ts';

// Rankings of the units under a unit (wards, or the city's own agencies' level) or of the agencies in it, by the
// plan's dossier indicators. Sorted by the on-time rate, then the satisfaction rate; units with no dossiers last.

export interface RankingRow {
  id: string;
  name: string;
  received: number;
  resolved: number;
  onTime: number | null;
  online: number | null;
  satisfaction: number | null;
  ratings: number;
}

function row(id: string, name: string, t: GroupTotals): RankingRow {
  const c = t.counters;
  const resolved = c.resolvedEarly + c.resolvedOnTime + c.resolvedLate;
  const received = c.receivedOnline + c.receivedOffline;
  return {
    id,
    name,
    received,
    resolved,
    onTime: rate(c.resolvedEarly + c.resolvedOnTime, resolved).value,
    online: rate(c.receivedOnline, received).value,
    satisfaction: rate(t.satisfied, t.ratings).value,
    ratings: t.ratings,
  };
}

function add(into: GroupTotals, t: GroupTotals | undefined): void {
  if (!t) return;
  for (const c of dossierCounters) into.counters[c] += t.counters[c];
  into.ratings += t.ratings;
  into.satisfied += t.satisfied;
}

const empty = (): GroupTotals => ({ counters: zeroTotals() as CounterTotals, ratings: 0, satisfied: 0 });

function byRates(a: RankingRow, b: RankingRow): number {
  const v = (x: number | null) => (x === null ? -1 : x);
  return (
    v(b.onTime) - v(a.onTime) || v(b.satisfaction) - v(a.satisfaction) || a.name.localeCompare(b.name, 'vi')
  );
}

export async function rankings(db: Db, q: FigureQuery, by: 'unit' | 'agency'): Promise<RankingRow[] | null> {
  const scope = await scopeUnits(db, q.unitId, q.view);
  if (!scope) return null;
  const f = filterOf(q, scope.unitIds);
  if (by === 'agency') {
    const totals = await groupedTotals(db, f, 'competent_agency_id');
    const ids = [...totals.keys()];
    if (ids.length === 0) return [];
    const names = await db
      .select({ id: agencies.id, name: agencies.name })
      .from(agencies)
      .where(inArray(agencies.id, ids));
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return ids.map((id) => row(id, nameOf.get(id) ?? id, totals.get(id) ?? empty())).sort(byRates);
  }
  const { tree } = scope;
  const perUnit = await groupedTotals(db, f, 'owner_unit_id');
  // The units directly under the scope's unit (or the top units), each with everything its own scope covers.
  const children = q.unitId
    ? [...(tree.children.get(q.unitId) ?? [])]
    : [...tree.units.values()].filter((u) => u.parentId === null).map((u) => u.id);
  const inView = children.filter((id) => {
    const u = tree.units.get(id);
    return q.view === 'historical' || !u?.validTo;
  });
  const rows = inView.map((id) => {
    const t = empty();
    for (const unit of unitsInScope(tree, id, q.view)) add(t, perUnit.get(unit));
    return row(id, tree.units.get(id)?.name ?? id, t);
  });
  // The scope unit's own agencies (e.g. the city's departments), beside its wards.
  if (q.unitId) {
    const own = perUnit.get(q.unitId);
    if (own) rows.push(row(q.unitId, `${tree.units.get(q.unitId)?.name ?? ''} (cấp mình)`, own));
  }
  return rows.sort(byRates);
}

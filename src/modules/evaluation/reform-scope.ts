// The administrative units a reform office covers: its agency's unit, every unit below it, and their successors
// after a reorganisation (Phường I, III, VII of Vị Thanh city → phường Vị Thanh of Cần Thơ in 2025), so the
// plan-era office keeps appraising the dossiers of the wards that took over its territory.
import { inArray } from 'drizzle-orm';
import type { Principal } from '../auth/permissions.ts';
import type { DbOrTx } from '../dossier/dossier-store.ts';
import { adminUnits, agencies, unitSuccessions } from '../org/schema.ts';

export interface UnitLinks {
  children: ReadonlyMap<string, readonly string[]>;
  successors: ReadonlyMap<string, readonly string[]>;
}

/** The closure of `roots` under "is below" and "is succeeded by" (pure). */
export function coveredUnits(roots: Iterable<string>, links: UnitLinks): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const id = todo.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(links.children.get(id) ?? []), ...(links.successors.get(id) ?? []));
  }
  return seen;
}

function group(pairs: [string, string][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [from, to] of pairs) map.set(from, [...(map.get(from) ?? []), to]);
  return map;
}

/** The units covered by the principal's `reform_officer` roles (empty without one). Reference tables only. */
export async function reformUnitsOf(db: DbOrTx, principal: Principal): Promise<Set<string>> {
  const agencyIds = principal.roles.flatMap((r) =>
    r.role === 'reform_officer' && r.agencyId ? [r.agencyId] : [],
  );
  if (agencyIds.length === 0) return new Set();
  const [roots, units, successions] = await Promise.all([
    db.select({ unitId: agencies.unitId }).from(agencies).where(inArray(agencies.id, agencyIds)),
    db.select({ id: adminUnits.id, parentId: adminUnits.parentId }).from(adminUnits),
    db.select({ from: unitSuccessions.predecessorId, to: unitSuccessions.successorId }).from(unitSuccessions),
  ]);
  return coveredUnits(
    roots.map((r) => r.unitId),
    {
      children: group(units.flatMap((u) => (u.parentId ? [[u.parentId, u.id] as [string, string]] : []))),
      successors: group(successions.map((s) => [s.from, s.to] as [string, string])),
    },
  );
}

import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/connect.ts';
import { adminUnits, agencies, unitSuccessions } from './schema.ts';

export interface UnitNode {
  id: string;
  code: string;
  name: string;
  kind: (typeof adminUnits.$inferSelect)['kind'];
  tier: number;
  validFrom: string | null;
  validTo: string | null;
  successorIds: string[];
  predecessorIds: string[];
  agencies: { id: string; name: string; kind: string }[];
  children: UnitNode[];
}

/** Rows valid on `at` (an ISO date), or all rows of every period when `at` is undefined. */
export function validOn(table: { validFrom: AnyPgColumn; validTo: AnyPgColumn }, at: string | undefined) {
  if (!at) return undefined;
  return and(
    or(isNull(table.validFrom), lte(table.validFrom, at)),
    or(isNull(table.validTo), gte(table.validTo, at)),
  );
}

/** The administrative-unit tree, with each unit's agencies and succession links. */
export async function unitTree(db: Db, at?: string): Promise<UnitNode[]> {
  const [units, links, agencyRows] = await Promise.all([
    db
      .select()
      .from(adminUnits)
      .where(validOn(adminUnits, at))
      .orderBy(asc(adminUnits.tier), asc(adminUnits.code)),
    db.select().from(unitSuccessions),
    db
      .select({ id: agencies.id, name: agencies.name, kind: agencies.kind, unitId: agencies.unitId })
      .from(agencies)
      .where(validOn(agencies, at))
      .orderBy(asc(agencies.name)),
  ]);
  const nodes = new Map<string, UnitNode>(
    units.map((u) => [
      u.id,
      {
        id: u.id,
        code: u.code,
        name: u.name,
        kind: u.kind,
        tier: u.tier,
        validFrom: u.validFrom,
        validTo: u.validTo,
        successorIds: links.filter((l) => l.predecessorId === u.id).map((l) => l.successorId),
        predecessorIds: links.filter((l) => l.successorId === u.id).map((l) => l.predecessorId),
        agencies: [],
        children: [],
      },
    ]),
  );
  for (const a of agencyRows) nodes.get(a.unitId)?.agencies.push({ id: a.id, name: a.name, kind: a.kind });
  const roots: UnitNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id);
    if (!node) continue;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

const agencyColumns = {
  id: agencies.id,
  slug: agencies.slug,
  name: agencies.name,
  kind: agencies.kind,
  unitId: agencies.unitId,
  unitName: adminUnits.name,
  validFrom: agencies.validFrom,
  validTo: agencies.validTo,
};

export async function listAgencies(
  db: Db,
  options: { at?: string | undefined; ids?: 'all' | Set<string> } = {},
) {
  const rows = await db
    .select(agencyColumns)
    .from(agencies)
    .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
    .where(validOn(agencies, options.at))
    .orderBy(asc(adminUnits.tier), asc(adminUnits.name), asc(agencies.name));
  const ids = options.ids ?? 'all';
  return ids === 'all' ? rows : rows.filter((r) => ids.has(r.id));
}

export async function getAgency(db: Db, id: string) {
  const [row] = await db
    .select(agencyColumns)
    .from(agencies)
    .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
    .where(eq(agencies.id, id));
  return row;
}

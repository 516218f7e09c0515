import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';

// Which owning units a figure covers. "historical": the unit and the units under it, as organised at the time
// (Vị Thanh city with its wards before 1 July 2025). "current": the same for today's unit, plus every unit it
// succeeded (transitively) and the units under those — phường Vị Thanh includes the old Phường I, III, IV, V, VII…
// The unit tree is small (hundreds of rows): read once a minute and walked in memory.

export type OrgView = 'historical' | 'current';

export interface UnitNode {
  id: string;
  code: string;
  name: string;
  kind: string;
  tier: number;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface UnitTree {
  units: Map<string, UnitNode>;
  children: Map<string, string[]>;
  predecessors: Map<string, string[]>;
}

/** Pure: the owning units a figure of `unitId` covers in the given view. */
export function unitsInScope(tree: UnitTree, unitId: string, view: OrgView): string[] {
  const seen = new Set<string>();
  const down = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const c of tree.children.get(id) ?? []) down(c);
  };
  down(unitId);
  if (view === 'current') {
    const queue = [...seen];
    const visitedPred = new Set<string>();
    while (queue.length > 0) {
      const id = queue.pop() as string;
      for (const p of tree.predecessors.get(id) ?? []) {
        if (visitedPred.has(p)) continue;
        visitedPred.add(p);
        const before = new Set(seen);
        down(p);
        for (const added of seen) if (!before.has(added)) queue.push(added);
      }
    }
  }
  return [...seen];
}

export function buildTree(
  units: UnitNode[],
  successions: { predecessorId: string; successorId: string }[],
): UnitTree {
  const tree: UnitTree = { units: new Map(), children: new Map(), predecessors: new Map() };
  for (const u of units) {
    tree.units.set(u.id, u);
    if (u.parentId) tree.children.set(u.parentId, [...(tree.children.get(u.parentId) ?? []), u.id]);
  }
  for (const s of successions)
    tree.predecessors.set(s.successorId, [...(tree.predecessors.get(s.successorId) ?? []), s.predecessorId]);
  return tree;
}

let cached: { at: number; db: Db; tree: UnitTree } | undefined;

export async function loadUnitTree(db: Db, now = Date.now()): Promise<UnitTree> {
  if (cached && cached.db === db && now - cached.at < 60_000) return cached.tree;
  const units = await rawRows<UnitNode>(
    db,
    sql`select id, code, name, kind, tier, parent_id as "parentId", valid_from::text as "validFrom",
      valid_to::text as "validTo" from admin_units`,
  );
  const successions = await rawRows<{ predecessorId: string; successorId: string }>(
    db,
    sql`select predecessor_id as "predecessorId", successor_id as "successorId" from unit_successions`,
  );
  const tree = buildTree(units, successions);
  cached = { at: now, db, tree };
  return tree;
}

/** Forgets the cached tree (after the organisation changes, and in tests). */
export function forgetUnitTree(): void {
  cached = undefined;
}

// Agency succession (agency_successions, a small reference table): tasks a plan-era agency owes roll up to the
// agency that took over its work after the 2025 reorganisation (e.g. an old ward's People's Committee → the new
// ward's), transitively.
import type { Db } from '../../platform/db/connect.ts';
import { agencySuccessions } from '../org/schema.ts';

export interface Succession {
  /** Every agency that (directly or through others) took over from `agencyId`. */
  successorsOf(agencyId: string): string[];
  /** Every agency whose work `agencyId` (directly or through others) took over. */
  predecessorsOf(agencyId: string): string[];
}

function closure(edges: Map<string, string[]>, start: string): string[] {
  const seen = new Set<string>();
  const stack = [...(edges.get(start) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (next === start || seen.has(next)) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return [...seen];
}

/** Pure: the succession relation from its links. */
export function successionOf(links: { predecessorId: string; successorId: string }[]): Succession {
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  for (const { predecessorId, successorId } of links) {
    forward.set(predecessorId, [...(forward.get(predecessorId) ?? []), successorId]);
    backward.set(successorId, [...(backward.get(successorId) ?? []), predecessorId]);
  }
  return {
    successorsOf: (id) => closure(forward, id),
    predecessorsOf: (id) => closure(backward, id),
  };
}

export async function loadSuccession(db: Db): Promise<Succession> {
  const links = await db
    .select({ predecessorId: agencySuccessions.predecessorId, successorId: agencySuccessions.successorId })
    .from(agencySuccessions);
  return successionOf(links);
}

// Who sees and acts on which feedback: the reform office (reform_officer role, or a deployment-wide
// administrator) classifies every item; the officers of the assigned agency see and answer that agency's items.
// Anyone else gets 403, whether or not the item exists (docs/ARCHITECTURE.md, "Access").
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { agencyScope, canSeeAgency, hasRole, isGlobalAdmin, type Principal } from '../auth/permissions.ts';
import type { FeedbackActor } from './feedback-rules.ts';
import { feedbackItems } from './schema.ts';

export type FeedbackRow = typeof feedbackItems.$inferSelect;

export const isClassifier = (p: Principal) => isGlobalAdmin(p) || hasRole(p, 'reform_officer');

export function actorsOf(principal: Principal, item: FeedbackRow): Set<FeedbackActor> {
  const roles = new Set<FeedbackActor>();
  if (isClassifier(principal)) roles.add('classifier');
  if (item.assignedAgencyId && canSeeAgency(principal, item.assignedAgencyId)) roles.add('agency');
  return roles;
}

/** The agencies whose queue the officer reads; 'all' for the reform office. */
export function feedbackScope(principal: Principal): 'all' | string[] {
  if (isClassifier(principal)) return 'all';
  const scope = agencyScope(principal);
  return scope === 'all' ? 'all' : [...scope];
}

const outOfScope = () => forbidden('Phản ánh này không thuộc phạm vi xử lý của cơ quan bạn.');

/** The item, if the officer may see it (403 otherwise, also for an unknown id). */
export async function loadVisibleItem(db: Db, principal: Principal, id: string): Promise<FeedbackRow> {
  const [row] = await db.select().from(feedbackItems).where(eq(feedbackItems.id, id)).limit(1);
  if (!row || actorsOf(principal, row).size === 0) throw outOfScope();
  return row;
}

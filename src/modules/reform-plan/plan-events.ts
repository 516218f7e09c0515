import type { Db } from '../../platform/db/connect.ts';
import type { Principal } from '../auth/permissions.ts';
import { reformPlanEvents } from './schema.ts';

/** Appends one step to a plan's history (never updated or deleted). */
export async function recordEvent(
  tx: Db,
  e: {
    ownerUnitId: string;
    planId: string;
    taskId?: string | null;
    action: string;
    actor: Principal | null;
    at: Date;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(reformPlanEvents).values({
    ownerUnitId: e.ownerUnitId,
    planId: e.planId,
    taskId: e.taskId ?? null,
    action: e.action,
    actorUserId: e.actor?.userId ?? null,
    actorName: e.actor?.fullName ?? null,
    at: e.at,
    data: e.data ?? {},
  });
}

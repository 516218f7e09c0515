import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { type Role, roleAssignments, users } from '../auth/schema.ts';
import { staleDossier } from './act-on-dossier.ts';
import { decideAssignment } from './assignment.ts';
import { canSeeDossier } from './dossier-access.ts';
import { appendEvent, type DbOrTx, loadDossierForUpdate } from './dossier-store.ts';
import { ROLE_LABELS } from './lifecycle/labels.ts';
import { queueHolder } from './queue-holder.ts';
import { dossiers } from './schema.ts';

const refusalStatus = { ILLEGAL_STATE: 'CONFLICT', FORBIDDEN: 'FORBIDDEN', RULE: 'RULE' } as const;

/** Active officers holding `role` in `agencyId`, by name (the assign picker). */
export async function officersWithRole(db: DbOrTx, agencyId: string, role: Role) {
  return db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(roleAssignments.agencyId, agencyId),
        eq(roleAssignments.role, role),
        eq(users.kind, 'officer'),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.fullName), asc(users.id));
}

/**
 * Claims, releases or assigns a dossier (see `assignment.ts` for who may). The assignment is a change of the
 * dossier like any action: it bumps the snapshot's and the row's `version` together (optimistic concurrency on
 * `version` holds for actions and assignments alike) and appends an `assign` event with the new assignee.
 */
export async function assignDossier(
  db: Db,
  principal: Principal,
  dossierId: string,
  version: number,
  targetUserId: string | null,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const row = await loadDossierForUpdate(tx, dossierId);
    if (!row || !canSeeDossier(principal, row.snapshot)) throw notFound('Không tìm thấy hồ sơ.');
    if (row.version !== version) {
      throw staleDossier();
    }
    const holder = queueHolder(row.snapshot);
    const decision = decideAssignment({
      holder,
      assigneeUserId: row.assigneeUserId,
      principal,
      targetUserId,
    });
    if (!decision.ok) throw new AppError(refusalStatus[decision.code], decision.message);
    let assigneeName: string | null = null;
    if (targetUserId && holder) {
      const [target] = (await officersWithRole(tx, holder.agencyId, holder.role)).filter(
        (o) => o.id === targetUserId,
      );
      if (!target) {
        throw forbidden(
          `Người được phân công phải là cán bộ đang hoạt động, giữ vai trò ${ROLE_LABELS[holder.role].toLowerCase()} tại cơ quan đang giữ hồ sơ.`,
        );
      }
      assigneeName = target.fullName;
    }
    const snapshot = { ...row.snapshot, version: row.snapshot.version + 1 };
    await tx
      .update(dossiers)
      .set({ snapshot, version: snapshot.version, assigneeUserId: targetUserId, updatedAt: now })
      .where(and(eq(dossiers.ownerUnitId, row.ownerUnitId), eq(dossiers.id, dossierId)));
    await appendEvent(tx, row.ownerUnitId, {
      dossierId,
      version: snapshot.version,
      action: 'assign',
      fromState: snapshot.state,
      toState: snapshot.state,
      at: now.toISOString(),
      actor: {
        kind: 'officer',
        userId: principal.userId,
        role: decision.actingRole,
        agencyId: holder?.agencyId ?? null,
        onBehalfOfApplicant: false,
      },
      reasons: [],
      comment: null,
      form: null,
      data: { assigneeUserId: targetUserId, assigneeName },
    });
    return snapshot;
  });
}

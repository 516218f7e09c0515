import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { AuditDraft } from './audit.types.ts';
import { auditEntries } from './schema.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Writes one raw audit entry: a single INSERT, in the caller's transaction when given one, so the entry commits
 * with the change it records or not at all. No lock is taken; the sealer chains it later.
 */
export async function recordAudit(db: Db | Tx, draft: AuditDraft): Promise<void> {
  await db.insert(auditEntries).values({
    unitId: draft.unitId,
    actorUserId: draft.actor.userId,
    actorRole: draft.actor.role,
    actorAgencyId: draft.actor.agencyId,
    action: draft.action,
    subjectType: draft.subjectType,
    subjectId: draft.subjectId,
    detail: draft.detail ?? {},
    ...(draft.occurredAt ? { occurredAt: draft.occurredAt } : {}),
  });
}

/** Where a record's owning unit is read from, by the record's id. */
const unitSources = {
  dossier: sql`select owner_unit_id from dossiers where id = `,
  feedback: sql`select owner_unit_id from feedback_items where id = `,
  agency: sql`select unit_id from agencies where id = `,
} as const;

/**
 * Writes one raw entry whose unit is looked up from a record (`unitOf`) in the same INSERT: one statement, and
 * nothing is written when the record does not exist.
 */
export async function recordAuditOf(
  db: Db | Tx,
  unitOf: { kind: keyof typeof unitSources; id: string },
  draft: Omit<AuditDraft, 'unitId' | 'occurredAt'>,
): Promise<void> {
  await db.execute(sql`insert into ${auditEntries} (unit_id, actor_user_id, actor_role, actor_agency_id, action,
      subject_type, subject_id, detail)
    select u.unit, ${draft.actor.userId}::uuid, ${draft.actor.role}::varchar, ${draft.actor.agencyId}::uuid,
      ${draft.action}::varchar, ${draft.subjectType}::varchar, ${draft.subjectId}::varchar,
      ${JSON.stringify(draft.detail ?? {})}::jsonb
    from (${unitSources[unitOf.kind]}${unitOf.id}::uuid) as u(unit)`);
}

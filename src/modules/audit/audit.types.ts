import type { Principal } from '../auth/permissions.ts';

/** The chain of deployment-wide events that belong to no administrative unit (officer accounts). */
export const SYSTEM_CHAIN = '00000000-0000-0000-0000-000000000000';

export const auditActions = [
  'dossier.transition',
  'dossier.personal_data_read',
  'dossier.tracking_book_read',
  'feedback.state_change',
  'feedback.personal_data_read',
  'account.create',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditActor {
  userId: string | null;
  role: string | null;
  agencyId: string | null;
}

/** What a caller records; the database adds the time, the transaction id and (later) the chain links. */
export interface AuditDraft {
  unitId: string;
  actor: AuditActor;
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  /** Small facts (ids, states, counts); never the personal data itself. */
  detail?: Record<string, unknown>;
  occurredAt?: Date;
}

/**
 * The officer as an audit actor: the role held in one of `agencyIds` (the agencies of the record acted on) when
 * there is one, else the first role. Citizens have no role.
 */
export function actorOf(principal: Principal, agencyIds: (string | null | undefined)[] = []): AuditActor {
  const wanted = new Set(agencyIds.filter(Boolean));
  const grant =
    principal.roles.find((r) => r.agencyId !== null && wanted.has(r.agencyId)) ?? principal.roles[0];
  return {
    userId: principal.userId,
    role: grant?.role ?? principal.kind,
    agencyId: grant?.agencyId ?? null,
  };
}

/** The operator's command line (create-user): no signed-in account. */
export const cliActor: AuditActor = { userId: null, role: 'cli', agencyId: null };

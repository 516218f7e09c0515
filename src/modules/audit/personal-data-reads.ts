import type { Db } from '../../platform/db/connect.ts';
import type { Principal } from '../auth/permissions.ts';
import { actorOf } from './audit.types.ts';
import { recordAuditOf } from './record.ts';

// Officers' reads of citizens' personal data, one entry per request, written before the data is answered (no
// entry, no answer). The entry names the record and what was shown, never the data.

export function recordDossierRead(
  db: Db,
  principal: Principal,
  dossier: { id: string; code?: string | null; agencyIds?: (string | null | undefined)[] },
  view: string,
): Promise<void> {
  return recordAuditOf(
    db,
    { kind: 'dossier', id: dossier.id },
    {
      actor: actorOf(principal, dossier.agencyIds),
      action: 'dossier.personal_data_read',
      subjectType: 'dossier',
      subjectId: dossier.id,
      detail: { view, ...(dossier.code ? { code: dossier.code } : {}) },
    },
  );
}

export function recordFeedbackRead(
  db: Db,
  principal: Principal,
  item: { id: string; code?: string | null },
): Promise<void> {
  return recordAuditOf(
    db,
    { kind: 'feedback', id: item.id },
    {
      actor: actorOf(principal),
      action: 'feedback.personal_data_read',
      subjectType: 'feedback',
      subjectId: item.id,
      detail: { view: 'detail', ...(item.code ? { code: item.code } : {}) },
    },
  );
}

/** The desk's tracking book lists every applicant of a period (name, address, phone). */
export function recordTrackingBookRead(
  db: Db,
  principal: Principal,
  query: { agencyId: string; from: string; to: string; format: string },
): Promise<void> {
  return recordAuditOf(
    db,
    { kind: 'agency', id: query.agencyId },
    {
      actor: actorOf(principal, [query.agencyId]),
      action: 'dossier.tracking_book_read',
      subjectType: 'agency',
      subjectId: query.agencyId,
      detail: { from: query.from, to: query.to, format: query.format },
    },
  );
}

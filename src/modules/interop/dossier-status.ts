import { and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { notFound } from '../../platform/http/errors.ts';
import { STATE_LABELS } from '../dossier/lifecycle/states.ts';
import { dossierEvents, dossiers } from '../dossier/schema.ts';
import { type InteropClient, InteropRejection } from './authenticate.ts';
import { clientCovers } from './file-dossier.ts';
import type { DossierStatus } from './interop.types.ts';
import { interopRequests } from './schema.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** A dossier's status and history for a client in scope, by its code (Mã hồ sơ) or, before receipt, its id. */
export async function dossierStatusFor(db: Db, client: InteropClient, ref: string): Promise<DossierStatus> {
  const [row] = await db
    .select()
    .from(dossiers)
    .where(uuidPattern.test(ref) ? or(eq(dossiers.id, ref), eq(dossiers.code, ref)) : eq(dossiers.code, ref))
    .limit(1);
  if (!row || row.state === 'draft') throw notFound(`Không tìm thấy hồ sơ ${ref}.`);
  const [agency] = [{ unitId: row.ownerUnitId, agencyId: row.receivingAgencyId }];
  if (!clientCovers(client, agency)) throw new InteropRejection('out_of_scope');
  const [request] = await db
    .select({ externalId: interopRequests.externalId })
    .from(interopRequests)
    .where(
      and(
        eq(interopRequests.ownerUnitId, row.ownerUnitId),
        eq(interopRequests.dossierId, row.id),
        eq(interopRequests.clientId, client.id),
      ),
    );
  const events = await db
    .select({
      action: dossierEvents.action,
      fromState: dossierEvents.fromState,
      toState: dossierEvents.toState,
      at: dossierEvents.at,
    })
    .from(dossierEvents)
    .where(and(eq(dossierEvents.ownerUnitId, row.ownerUnitId), eq(dossierEvents.dossierId, row.id)))
    .orderBy(asc(dossierEvents.id));
  const history = events.map((e, i) => ({
    sequence: i + 1,
    kind: `dossier.${e.action}`,
    fromState: e.fromState,
    toState: e.toState as DossierStatus['state'],
    at: e.at.toISOString(),
  }));
  const state = row.state as DossierStatus['state'];
  return {
    dossierId: row.id,
    code: row.code,
    externalId: request?.externalId ?? null,
    procedureCode: row.procedureCode,
    procedureName: row.procedureName,
    state,
    stateLabel: STATE_LABELS[state],
    receivedAt: isoOrNull(row.receivedAt),
    dueAt: isoOrNull(row.dueAt),
    resolvedAt: isoOrNull(row.resolvedAt),
    returnedAt: isoOrNull(row.returnedAt),
    sequence: history.length,
    history,
  };
}

// Writes the generated history: 200 dossiers per transaction, each table with multi-row inserts. The rows are
// the server's own (columnsOf for the dossier, eventRow for events), so the stored history is
// what the product would have stored.
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { columnsOf, type DbOrTx, eventRow } from '../modules/dossier/dossier-store.ts';
import { dossierCodeCounters, dossierDocuments, dossierEvents, dossiers } from '../modules/dossier/schema.ts';
import { derivedTrackingCheck } from '../modules/dossier/tracking-check.ts';
import type { Db } from '../platform/db/connect.ts';
import type { SimDossier } from './history-dossier.ts';
import { type CodeBook, codeKey } from './history-simulate.ts';

const BATCH = 200;
const ROWS_PER_INSERT = 1000;

function dossierRow(d: SimDossier) {
  const s = d.snapshot;
  const { procedure } = d.offer;
  const a = d.applicant;
  return {
    ownerUnitId: d.point.agency.unitId,
    id: s.id,
    procedureId: procedure.id,
    procedureCode: procedure.code,
    procedureName: procedure.name,
    field: procedure.field,
    receivingAgencyId: s.receivingAgencyId,
    competentAgencyId: s.competentAgencyId,
    assistingAgencyId: s.assistingAgencyId,
    applicantUserId: a.accountId,
    applicantKind: a.kind,
    applicantName: a.fullName,
    applicantCitizenId: a.citizenId,
    applicantPhone: a.phone,
    applicantEmail: a.email,
    applicantAddress: a.address,
    feeAmountVnd: procedure.feeAmountVnd,
    trackingCheck: derivedTrackingCheck(s.id),
    ...columnsOf(s),
    createdAt: new Date(s.createdAt),
    updatedAt: new Date(d.events.at(-1)?.at ?? s.createdAt),
  };
}

const documentRows = (d: SimDossier) =>
  d.offer.procedure.documents.map((doc) => ({
    ownerUnitId: d.point.agency.unitId,
    dossierId: d.snapshot.id,
    kind: 'submitted',
    ...doc,
    createdAt: new Date(d.snapshot.createdAt),
  }));

/**
 * A multi-row insert of drizzle-shaped rows sent as one jsonb parameter that Postgres expands
 * (jsonb_populate_recordset). Drizzle's builder spends tens of microseconds per bound parameter: over half
 * the CPU of a default history (~300 000 values). Columns left undefined in the first row keep their
 * defaults.
 */
async function insertRows(tx: DbOrTx, table: PgTable, rows: object[]) {
  const first = rows[0] as Record<string, unknown> | undefined;
  if (!first) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(first).filter((k) => first[k] !== undefined && columns[k]);
  const names = keys.map((k) => columns[k]?.name ?? k);
  const records = rows.map((row) => {
    const r = row as Record<string, unknown>;
    return Object.fromEntries(keys.map((k, i) => [names[i], r[k] ?? null]));
  });
  const list = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(records)}::jsonb)`,
  );
}

async function insertChunks(tx: DbOrTx, table: PgTable, rows: object[]) {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
    await insertRows(tx, table, rows.slice(i, i + ROWS_PER_INSERT));
}

/** The counters of the days this batch received on, at the last number drawn that day (never lowered). */
function counterRows(batch: SimDossier[], codes: CodeBook) {
  const keys = new Set(
    batch.flatMap((d) => {
      const s = d.snapshot;
      return s.receivedAt ? [codeKey(s.receivingAgencyId, Date.parse(s.receivedAt))] : [];
    }),
  );
  return [...keys].map((key) => {
    const [agencyId = '', day = ''] = key.split('|');
    return { agencyId, day, last: codes.counters.get(key) ?? 0 };
  });
}

async function insertBatch(db: Db, batch: SimDossier[], codes: CodeBook) {
  const events = batch.flatMap((d) => d.events.map((e) => eventRow(d.point.agency.unitId, e)));
  await db.transaction(async (tx) => {
    await insertRows(tx, dossiers, batch.map(dossierRow));
    await insertChunks(tx, dossierEvents, events);
    await insertChunks(tx, dossierDocuments, batch.flatMap(documentRows));
    const counters = counterRows(batch, codes);
    if (counters.length) {
      await tx
        .insert(dossierCodeCounters)
        .values(counters)
        .onConflictDoUpdate({
          target: [dossierCodeCounters.agencyId, dossierCodeCounters.day],
          set: { last: sql`greatest(${dossierCodeCounters.last}, excluded.last)` },
        });
    }
  });
}

/** Inserts the dossiers in order of creation, so event ids follow time; reports progress per batch. */
export async function insertHistory(
  db: Db,
  generated: SimDossier[],
  codes: CodeBook,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<number> {
  const ordered = [...generated].sort(
    (a, b) => Date.parse(a.snapshot.createdAt) - Date.parse(b.snapshot.createdAt),
  );
  let events = 0;
  for (let i = 0; i < ordered.length; i += BATCH) {
    const batch = ordered.slice(i, i + BATCH);
    await insertBatch(db, batch, codes);
    events += batch.reduce((sum, d) => sum + d.events.length, 0);
    onProgress(Math.min(i + BATCH, ordered.length), ordered.length);
  }
  return events;
}

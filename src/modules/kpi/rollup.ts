import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { commitHorizon } from '../../platform/db/xid8.ts';
import type { DossierSnapshot } from '../dossier/lifecycle/snapshot.ts';
import { applyCoarse, mergeDeltas } from './coarse.ts';
import { counterColumn, dossierCounters, type MonthlyDelta, vnMonthOf } from './counters.ts';
import { eventDelta } from './event-deltas.ts';

// The indicator roll-up: folds new dossier events and rating changes into the monthly aggregates, each change
// exactly once, in one transaction per batch with the read position — a crash loses nothing and counts nothing
// twice.
//
// Reading "what is new" by a sequence would skip rows: ids are taken before commit, so a slow transaction can
// commit id 7 after id 8 was read. Every source row therefore carries the id of the transaction that wrote it
// (`tx`, xid8). Below the oldest transaction of this database still running (`commitHorizon`,
// src/platform/db/xid8.ts), every row is final. The roll-up reads rows with `tx` below it, in (tx, key) order, and
// remembers where it stopped. Two processes serialise on the position row (FOR UPDATE).
// On Citus each worker node has its own transaction ids: there the roll-up runs per node (docs/kpi.md).

const BATCH = 2000;

export interface RollupResult {
  events: number;
  ratings: number;
}

interface Position {
  lastTx: string;
  lastKey: string;
}

async function lockPosition(tx: Db, source: string): Promise<Position> {
  await tx.execute(sql`insert into kpi_rollup_state (source, last_tx, last_key)
    values (${source}, '0'::xid8, '') on conflict (source) do nothing`);
  const [row] = await rawRows<{ last_tx: string; last_key: string }>(
    tx,
    sql`select last_tx::text, last_key from kpi_rollup_state where source = ${source} for update`,
  );
  if (!row) throw new Error(`roll-up position ${source} missing`);
  return { lastTx: row.last_tx, lastKey: row.last_key };
}

async function savePosition(tx: Db, source: string, p: Position): Promise<void> {
  await tx.execute(sql`update kpi_rollup_state set last_tx = ${p.lastTx}::xid8, last_key = ${p.lastKey},
    updated_at = now() where source = ${source}`);
}

/** Adds the deltas to the aggregate rows (merged per row first: one upsert per row touched). */
async function applyDeltas(tx: Db, deltas: MonthlyDelta[]): Promise<void> {
  const merged = mergeDeltas(deltas, (d) =>
    [d.ownerUnitId, d.month, d.receivingAgencyId, d.competentAgencyId, d.procedureId].join('|'),
  );
  if (merged.length === 0) return;
  await applyCoarse(tx, merged);
  const columns = dossierCounters.map((c) => sql.raw(counterColumn(c)));
  const values = merged.map(
    (d) =>
      sql`(${d.ownerUnitId}::uuid, ${d.month}::date, ${d.receivingAgencyId}::uuid, ${d.competentAgencyId}::uuid,
        ${d.procedureId}::uuid, ${sql.join(
          dossierCounters.map((c) => sql`${d.counts[c] ?? 0}::int`),
          sql`, `,
        )})`,
  );
  await tx.execute(sql`insert into kpi_dossier_monthly (owner_unit_id, month, receiving_agency_id,
      competent_agency_id, procedure_id, ${sql.join(columns, sql`, `)})
    values ${sql.join(values, sql`, `)}
    on conflict (owner_unit_id, month, receiving_agency_id, competent_agency_id, procedure_id) do update set
    ${sql.join(
      columns.map((c) => sql`${c} = kpi_dossier_monthly.${c} + excluded.${c}`),
      sql`, `,
    )}`);
}

interface EventRow {
  owner_unit_id: string;
  id: string;
  dossier_id: string;
  from_state: string | null;
  to_state: string;
  at: string | Date;
  tx: string;
}

interface DossierRow {
  owner_unit_id: string;
  id: string;
  procedure_id: string;
  receiving_agency_id: string;
  competent_agency_id: string;
  channel: string;
  snapshot: DossierSnapshot;
  digitised: boolean;
}

/** Dossiers by (unit, id), with whether a component was an electronic file at receipt. */
async function loadDossiers(tx: Db, keys: { unit: string; id: string }[]): Promise<Map<string, DossierRow>> {
  if (keys.length === 0) return new Map();
  const pairs = keys.map((k) => sql`(${k.unit}::uuid, ${k.id}::uuid)`);
  const rows = await rawRows<DossierRow>(
    tx,
    sql`select d.owner_unit_id, d.id, d.procedure_id, d.receiving_agency_id, d.competent_agency_id, d.channel,
      d.snapshot, ${digitisedAtReceipt(sql`d`)} as digitised
    from dossiers d where (d.owner_unit_id, d.id) in (${sql.join(pairs, sql`, `)})`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** SQL: a submitted component with a file existed at receipt (same rule in naive.ts). */
export function digitisedAtReceipt(d: SQL): SQL {
  return sql`exists (select 1 from dossier_documents dd where dd.owner_unit_id = ${d}.owner_unit_id
    and dd.dossier_id = ${d}.id and dd.kind = 'submitted' and dd.file_sha256 is not null
    and dd.created_at <= ${d}.received_at)`;
}

async function foldEvents(tx: Db): Promise<{ read: number; more: boolean }> {
  const source = 'dossier_events';
  const pos = await lockPosition(tx, source);
  const h = await commitHorizon(tx);
  const lastId = pos.lastKey === '' ? '0' : pos.lastKey;
  const events = await rawRows<EventRow>(
    tx,
    sql`select owner_unit_id, id::text as id, dossier_id, from_state, to_state, at, tx::text as tx
    from dossier_events
    where (tx, id) > (${pos.lastTx}::xid8, ${lastId}::bigint) and tx < ${h}::xid8
    order by tx, id limit ${BATCH}`,
  );
  const dossiers = await loadDossiers(tx, [
    ...new Map(events.map((e) => [e.dossier_id, { unit: e.owner_unit_id, id: e.dossier_id }])).values(),
  ]);
  const deltas: MonthlyDelta[] = [];
  for (const e of events) {
    const d = dossiers.get(e.dossier_id);
    if (!d) continue; // a dossier row is never deleted; nothing to count without it
    const delta = eventDelta(
      { fromState: e.from_state, toState: e.to_state, at: new Date(e.at) },
      {
        ownerUnitId: d.owner_unit_id,
        receivingAgencyId: d.receiving_agency_id,
        competentAgencyId: d.competent_agency_id,
        procedureId: d.procedure_id,
        channel: d.channel,
        snapshot: d.snapshot,
        digitisedAtReceipt: d.digitised,
      },
    );
    if (delta) deltas.push(delta);
  }
  await applyDeltas(tx, deltas);
  const last = events.at(-1);
  const more = events.length === BATCH;
  await savePosition(
    tx,
    source,
    more && last ? { lastTx: last.tx, lastKey: last.id } : { lastTx: h, lastKey: '' },
  );
  return { read: events.length, more };
}

interface RatingRow {
  owner_unit_id: string;
  dossier_id: string;
  receiving_agency_id: string;
  competent_agency_id: string;
  procedure_id: string;
  rated_at: string | Date;
  level: string;
  satisfied: boolean;
  counted_level: string | null;
  counted_satisfied: boolean | null;
  tx: string;
}

async function foldRatings(tx: Db): Promise<{ read: number; more: boolean }> {
  const source = 'dossier_ratings';
  const pos = await lockPosition(tx, source);
  const h = await commitHorizon(tx);
  const lastKey = pos.lastKey === '' ? '00000000-0000-0000-0000-000000000000' : pos.lastKey;
  const rows = await rawRows<RatingRow>(
    tx,
    sql`select r.owner_unit_id, r.dossier_id, r.receiving_agency_id, r.competent_agency_id, d.procedure_id,
      r.rated_at, r.level, r.satisfied, r.counted_level, r.counted_satisfied, r.tx::text as tx
    from dossier_ratings r
    join dossiers d on d.owner_unit_id = r.owner_unit_id and d.id = r.dossier_id
    where (r.tx, r.dossier_id) > (${pos.lastTx}::xid8, ${lastKey}::uuid) and r.tx < ${h}::xid8
    order by r.tx, r.dossier_id limit ${BATCH}`,
  );
  const changes = new Map<string, { row: RatingRow; level: string; satisfied: boolean; n: number }>();
  const add = (row: RatingRow, level: string, satisfied: boolean, n: number) => {
    const key = [
      row.owner_unit_id,
      vnMonthOf(new Date(row.rated_at)),
      row.receiving_agency_id,
      row.competent_agency_id,
      row.procedure_id,
      level,
      satisfied,
    ].join('|');
    const c = changes.get(key);
    if (c) c.n += n;
    else changes.set(key, { row, level, satisfied, n });
  };
  for (const r of rows) {
    if (r.counted_level === r.level && r.counted_satisfied === r.satisfied) continue;
    if (r.counted_level !== null && r.counted_satisfied !== null)
      add(r, r.counted_level, r.counted_satisfied, -1);
    add(r, r.level, r.satisfied, 1);
  }
  const values = [...changes.values()]
    .filter((c) => c.n !== 0)
    .map(
      (c) => sql`(${c.row.owner_unit_id}::uuid, ${vnMonthOf(new Date(c.row.rated_at))}::date,
        ${c.row.receiving_agency_id}::uuid, ${c.row.competent_agency_id}::uuid, ${c.row.procedure_id}::uuid,
        ${c.level}, ${c.satisfied}, ${c.n}::int)`,
    );
  await applyCoarse(
    tx,
    [...changes.values()].map((c) => ({
      ownerUnitId: c.row.owner_unit_id,
      month: vnMonthOf(new Date(c.row.rated_at)),
      receivingAgencyId: c.row.receiving_agency_id,
      competentAgencyId: c.row.competent_agency_id,
      counts: { ratings: c.n, ratingsSatisfied: c.satisfied ? c.n : 0 },
    })),
  );
  if (values.length > 0) {
    await tx.execute(sql`insert into kpi_rating_monthly (owner_unit_id, month, receiving_agency_id,
        competent_agency_id, procedure_id, level, satisfied, ratings)
      values ${sql.join(values, sql`, `)}
      on conflict (owner_unit_id, month, receiving_agency_id, competent_agency_id, procedure_id, level, satisfied)
      do update set ratings = kpi_rating_monthly.ratings + excluded.ratings`);
  }
  const counted = rows.filter((r) => r.counted_level !== r.level || r.counted_satisfied !== r.satisfied);
  if (counted.length > 0) {
    // Records what was counted; `tx` is left alone, so this write is not read back as a change.
    const list = counted.map(
      (r) =>
        sql`(${r.owner_unit_id}::uuid, ${r.dossier_id}::uuid, ${r.level}::varchar, ${r.satisfied}::boolean)`,
    );
    await tx.execute(sql`update dossier_ratings r set counted_level = v.level, counted_satisfied = v.satisfied
      from (values ${sql.join(list, sql`, `)}) as v(owner_unit_id, dossier_id, level, satisfied)
      where r.owner_unit_id = v.owner_unit_id and r.dossier_id = v.dossier_id`);
  }
  const last = rows.at(-1);
  const more = rows.length === BATCH;
  await savePosition(
    tx,
    source,
    more && last ? { lastTx: last.tx, lastKey: last.dossier_id } : { lastTx: h, lastKey: '' },
  );
  return { read: rows.length, more };
}

/** Folds everything committed so far (in batches); returns how many source rows were read. */
export async function rollupKpi(db: Db): Promise<RollupResult> {
  const total: RollupResult = { events: 0, ratings: 0 };
  for (;;) {
    const { read, more } = await db.transaction((tx) => foldEvents(tx as unknown as Db));
    total.events += read;
    if (!more) break;
  }
  for (;;) {
    const { read, more } = await db.transaction((tx) => foldRatings(tx as unknown as Db));
    total.ratings += read;
    if (!more) break;
  }
  return total;
}

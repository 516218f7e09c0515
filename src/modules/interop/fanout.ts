import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { commitHorizon } from '../../platform/db/xid8.ts';
import { STATE_LABELS } from '../dossier/lifecycle/states.ts';
import { clientCovers } from './file-dossier.ts';
import type { WebhookEvent } from './interop.types.ts';
import { interopClients, interopDeliveries, interopSubscriptions } from './schema.ts';

// The fan-out: turns dossier events into webhook deliveries, without a write on the transition's hot path
// (docs/decisions/0010-interop.md). Like the indicator roll-up (decision 0007) it reads `dossier_events` by the
// writing transaction's id below the oldest transaction of this database still running, in (tx, id) order, and
// moves its position in the same transaction as the deliveries it inserts: a crash loses nothing, and the unique
// key (unit, event, subscription) makes a repeated round insert nothing twice.

const BATCH = 1000;
const SOURCE = 'dossier_events';

interface EventRow {
  owner_unit_id: string;
  id: string;
  dossier_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  at: string | Date;
  tx: string;
  sequence: number;
  code: string | null;
  procedure_code: string;
  receiving_agency_id: string;
  due_at: string | Date | null;
}

type Subscription = typeof interopSubscriptions.$inferSelect & { client: typeof interopClients.$inferSelect };

async function activeSubscriptions(tx: Db): Promise<Subscription[]> {
  const rows = await tx
    .select({ s: interopSubscriptions, c: interopClients })
    .from(interopSubscriptions)
    .innerJoin(interopClients, eq(interopClients.id, interopSubscriptions.clientId))
    .where(sql`${interopSubscriptions.active} and ${interopClients.active}`);
  return rows.map((r) => ({ ...r.s, client: r.c }));
}

/** Whether a subscription wants this event. */
export function wants(
  s: Subscription,
  e: { kind: string; tx: bigint; ownerUnitId: string; receivingAgencyId: string; filedBy: readonly string[] },
): boolean {
  if (e.tx < BigInt(s.fromTx)) return false;
  if (s.eventKinds.length > 0 && !s.eventKinds.includes(e.kind)) return false;
  if (!clientCovers(s.client, { unitId: e.ownerUnitId, agencyId: e.receivingAgencyId })) return false;
  if (s.unitIds.length > 0 && !s.unitIds.includes(e.ownerUnitId)) return false;
  if (s.ownDossiersOnly && !e.filedBy.includes(s.clientId)) return false;
  return true;
}

const iso = (d: string | Date | null) => (d === null ? null : new Date(d).toISOString());

/** One round: reads up to a batch of final events and queues their deliveries. Returns how many were read. */
export async function fanOutOnce(db: Db): Promise<{ read: number; queued: number; more: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`insert into interop_fanout_state (source, last_tx, last_key)
      values (${SOURCE}, '0'::xid8, '') on conflict (source) do nothing`);
    const [pos] = await rawRows<{ last_tx: string; last_key: string }>(
      tx,
      sql`select last_tx::text, last_key from interop_fanout_state where source = ${SOURCE} for update`,
    );
    if (!pos) throw new Error('interop fan-out position missing');
    const horizon = await commitHorizon(tx);
    const subscriptions = await activeSubscriptions(tx);
    const save = (lastTx: string, lastKey: string) =>
      tx.execute(sql`update interop_fanout_state set last_tx = ${lastTx}::xid8, last_key = ${lastKey},
        updated_at = now() where source = ${SOURCE}`);
    if (subscriptions.length === 0) {
      // Nobody listens: nothing before now will ever be pushed (a new subscription starts at its creation).
      await save(horizon, '');
      return { read: 0, queued: 0, more: false };
    }
    const oldest = subscriptions.reduce(
      (m, s) => (BigInt(s.fromTx) < m ? BigInt(s.fromTx) : m),
      BigInt(horizon),
    );
    let startTx = pos.last_tx;
    let startId = pos.last_key === '' ? '0' : pos.last_key;
    if (BigInt(startTx) < oldest) {
      startTx = (oldest - 1n).toString();
      startId = '9223372036854775807';
    }
    const events = await rawRows<EventRow>(
      tx,
      sql`select e.owner_unit_id, e.id::text as id, e.dossier_id, e.action, e.from_state, e.to_state, e.at,
        e.tx::text as tx,
        (select count(*) from dossier_events e2 where e2.owner_unit_id = e.owner_unit_id
          and e2.dossier_id = e.dossier_id and e2.id <= e.id)::int as sequence,
        d.code, d.procedure_code, d.receiving_agency_id, d.due_at
      from dossier_events e
      join dossiers d on d.owner_unit_id = e.owner_unit_id and d.id = e.dossier_id
      where (e.tx, e.id) > (${startTx}::xid8, ${startId}::bigint) and e.tx < ${horizon}::xid8
      order by e.tx, e.id limit ${BATCH}`,
    );
    const dossierKeys = [
      ...new Map(
        events.map((e) => [e.dossier_id, sql`(${e.owner_unit_id}::uuid, ${e.dossier_id}::uuid)`]),
      ).values(),
    ];
    const filings = dossierKeys.length
      ? await rawRows<{ dossier_id: string; client_id: string; external_id: string }>(
          tx,
          sql`select dossier_id, client_id, external_id from interop_requests
            where (owner_unit_id, dossier_id) in (${sql.join(dossierKeys, sql`, `)})`,
        )
      : [];
    const rows: (typeof interopDeliveries.$inferInsert)[] = [];
    for (const e of events) {
      const kind = `dossier.${e.action}`;
      const mine = filings.filter((f) => f.dossier_id === e.dossier_id);
      const facts = {
        kind,
        tx: BigInt(e.tx),
        ownerUnitId: e.owner_unit_id,
        receivingAgencyId: e.receiving_agency_id,
        filedBy: mine.map((f) => f.client_id),
      };
      for (const s of subscriptions.filter((x) => wants(x, facts))) {
        const state = e.to_state as WebhookEvent['dossier']['state'];
        const payload: WebhookEvent = {
          eventId: `${e.owner_unit_id}:${e.id}`,
          kind,
          sequence: e.sequence,
          occurredAt: new Date(e.at).toISOString(),
          dossier: {
            dossierId: e.dossier_id,
            code: e.code,
            externalId: mine.find((f) => f.client_id === s.clientId)?.external_id ?? null,
            procedureCode: e.procedure_code,
            state,
            stateLabel: STATE_LABELS[state] ?? state,
            fromState: e.from_state,
            dueAt: iso(e.due_at),
          },
        };
        rows.push({
          ownerUnitId: e.owner_unit_id,
          subscriptionId: s.id,
          dossierId: e.dossier_id,
          eventId: Number(e.id),
          sequence: e.sequence,
          kind,
          payload,
        });
      }
    }
    if (rows.length) await tx.insert(interopDeliveries).values(rows).onConflictDoNothing();
    const last = events.at(-1);
    const more = events.length === BATCH;
    if (more && last) await save(last.tx, last.id);
    else await save(horizon, '');
    return { read: events.length, queued: rows.length, more };
  });
}

/** Runs rounds until the events below the horizon are all read. */
export async function fanOut(db: Db): Promise<number> {
  let queued = 0;
  for (;;) {
    const round = await fanOutOnce(db);
    queued += round.queued;
    if (!round.more) return queued;
  }
}

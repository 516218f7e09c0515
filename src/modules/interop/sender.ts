import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { retryDelayMs } from '../notify/backoff.ts';
import { interopDeliveries, interopSubscriptions } from './schema.ts';
import { headerNames, webhookSignature } from './signing.ts';

// Sends queued webhook deliveries: claimed in one statement (FOR UPDATE SKIP LOCKED, with a lease so a sender
// killed mid-call leaves its rows to another), sent without holding a transaction, outcome recorded. Per dossier
// and subscription only the oldest undelivered event is sent (the others wait behind it), so a receiver gets a
// dossier's events in order; each carries its sequence number as well. Retries back off exponentially with
// jitter for `retryWindowMs` (default 6 hours, an hour-long outage is ridden out), then the delivery is failed
// and waits for an administrator's «Gửi lại».

/** Where each delivery's outcome is logged, with its ids (the worker passes the server's logger). */
export interface DeliveryLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface SenderOptions {
  log?: DeliveryLog;
  leaseMs?: number;
  batchSize?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  retryWindowMs?: number;
  timeoutMs?: number;
  /** The clock (tests move it forward instead of sleeping). */
  now?: () => Date;
  fetch?: typeof fetch;
  random?: () => number;
}

interface Claimed {
  owner_unit_id: string;
  id: string;
  subscription_id: string;
  attempts: number;
  first_attempt_at: string | Date;
  payload: Record<string, unknown>;
  url: string;
  secret: string;
}

export const defaultRetryWindowMs = 6 * 3_600_000;

async function claim(db: Db, now: Date, limit: number, leaseMs: number): Promise<Claimed[]> {
  const d = interopDeliveries;
  return rawRows<Claimed>(
    db,
    sql`with claimed as (
      update ${d} set locked_until = ${now}::timestamptz + ${leaseMs} * interval '1 millisecond',
        attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, ${now}::timestamptz)
      where (owner_unit_id, id) in (
        select x.owner_unit_id, x.id from ${d} x
        where x.status = 'pending' and x.next_attempt_at <= ${now}::timestamptz
          and (x.locked_until is null or x.locked_until < ${now}::timestamptz)
          and not exists (select 1 from ${d} y where y.owner_unit_id = x.owner_unit_id
            and y.dossier_id = x.dossier_id and y.subscription_id = x.subscription_id
            and y.event_id < x.event_id and y.status <> 'delivered')
        order by x.next_attempt_at limit ${limit}
        for update skip locked)
      returning owner_unit_id, id::text as id, subscription_id, attempts, first_attempt_at, payload)
    select c.owner_unit_id, c.id, c.subscription_id::text as subscription_id, c.attempts, c.first_attempt_at, c.payload, s.url, s.secret
    from claimed c join ${interopSubscriptions} s on s.id = c.subscription_id`,
  );
}

/** Claims and sends due deliveries until none is due; returns how many calls were made. */
export async function sendDue(db: Db, options: SenderOptions = {}): Promise<number> {
  const {
    leaseMs = 60_000,
    batchSize = 20,
    retryWindowMs = defaultRetryWindowMs,
    timeoutMs = 10_000,
    now = () => new Date(),
    fetch: send = fetch,
    random = Math.random,
    log,
  } = options;
  const backoff = { baseMs: options.retryBaseMs ?? 30_000, maxMs: options.retryMaxMs ?? 900_000 };
  let calls = 0;
  for (;;) {
    const rows = await claim(db, now(), batchSize, leaseMs);
    if (rows.length === 0) return calls;
    calls += rows.length;
    await Promise.all(
      rows.map(async (row) => {
        const where = sql`owner_unit_id = ${row.owner_unit_id} and id = ${row.id}`;
        const body = JSON.stringify(row.payload);
        let statusCode: number | null = null;
        let problem: string | null = null;
        try {
          const response = await send(row.url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              [headerNames.eventId]: String(row.payload.eventId),
              'x-motcua-sequence': String(row.payload.sequence),
              [headerNames.signature]: webhookSignature(row.secret, now().getTime() / 1000, body),
            },
            body,
            signal: AbortSignal.timeout(timeoutMs),
          });
          statusCode = response.status;
          await response.arrayBuffer().catch(() => undefined);
          if (!response.ok) problem = `HTTP ${response.status}`;
        } catch (error) {
          problem = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
        }
        const at = now();
        const job = {
          deliveryId: row.id,
          subscriptionId: row.subscription_id,
          eventId: row.payload.eventId,
          attempts: row.attempts,
          statusCode,
        };
        if (problem === null) {
          log?.info(job, 'interop webhook delivered');
          await db.execute(sql`update ${interopDeliveries} set status = 'delivered', delivered_at = ${at}::timestamptz,
            locked_until = null, last_status_code = ${statusCode}, last_error = null where ${where}`);
          return;
        }
        const next = new Date(at.getTime() + retryDelayMs(row.attempts, backoff, random));
        const giveUp = next.getTime() - new Date(row.first_attempt_at).getTime() > retryWindowMs;
        log?.warn({ ...job, giveUp, err: problem }, 'interop webhook delivery failed');
        await db.execute(sql`update ${interopDeliveries} set status = ${giveUp ? 'failed' : 'pending'},
          next_attempt_at = ${next}::timestamptz, locked_until = null, last_status_code = ${statusCode},
          last_error = ${problem} where ${where}`);
      }),
    );
  }
}

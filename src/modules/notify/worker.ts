// Drains the outbox: claims due deliveries in one statement, sends each through its channel, records the outcome.
// No transaction is held while sending (PGlite has one connection; a slow provider must not block the app).
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { startPollingLoop } from '../../platform/polling-loop.ts';
import { type DeliveryAdapters, type OutgoingMessage, PermanentDeliveryError } from './adapters/types.ts';
import { retryDelayMs } from './backoff.ts';
import { type NotificationChannel, notificationDeliveries, notifications } from './schema.ts';

export interface WorkerLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface WorkerOptions {
  db: Db;
  adapters: DeliveryAdapters;
  /** Pause between polls when the outbox is empty. */
  pollMs?: number;
  /** How long a claim lasts: a worker killed mid-send leaves its rows to others after this. */
  leaseMs?: number;
  /** Tries before a delivery is marked failed. */
  maxAttempts?: number;
  batchSize?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  log?: WorkerLog;
}

export interface NotificationWorker {
  /** Stops polling and waits for the sends in flight to be recorded. */
  stop(): Promise<void>;
  /** Polls now (e.g. right after a transaction that enqueued deliveries committed). */
  nudge(): void;
}

interface Claimed {
  owner_unit_id: string;
  id: string | number;
  channel: NotificationChannel;
  address: string;
  idempotency_key: string;
  attempts: number;
  data: { text?: string } | null;
  title: string;
  body: string;
}

const silent: WorkerLog = { info() {}, warn() {}, error() {} };

/** Claims up to `limit` due deliveries: one statement, skipping rows another worker holds. */
async function claim(db: Db, limit: number, leaseMs: number): Promise<Claimed[]> {
  const d = notificationDeliveries;
  const result = await db.execute(sql`
    with claimed as (
      update ${d} set locked_until = now() + ${leaseMs} * interval '1 millisecond', attempts = attempts + 1
      where (owner_unit_id, id) in (
        select owner_unit_id, id from ${d}
        where status = 'pending' and next_attempt_at <= now() and (locked_until is null or locked_until < now())
        order by next_attempt_at limit ${limit}
        for update skip locked)
      returning owner_unit_id, id, notification_id, channel, address, idempotency_key, attempts, data)
    select c.owner_unit_id, c.id, c.channel, c.address, c.idempotency_key, c.attempts, c.data, n.title, n.body
    from claimed c join ${notifications} n on n.owner_unit_id = c.owner_unit_id and n.id = c.notification_id`);
  return (result as unknown as { rows: Claimed[] }).rows;
}

export function startNotificationWorker(options: WorkerOptions): NotificationWorker {
  const {
    db,
    adapters,
    pollMs = 2_000,
    leaseMs = 60_000,
    maxAttempts = 8,
    batchSize = 20,
    log = silent,
  } = options;
  const backoff = { baseMs: options.retryBaseMs ?? 30_000, maxMs: options.retryMaxMs ?? 3_600_000 };

  async function deliver(row: Claimed): Promise<void> {
    const where = sql`owner_unit_id = ${row.owner_unit_id} and id = ${row.id}`;
    const adapter = adapters[row.channel];
    const message: OutgoingMessage = {
      channel: row.channel,
      address: row.address,
      idempotencyKey: row.idempotency_key,
      title: row.title,
      body: row.body,
      text: row.data?.text,
    };
    try {
      if (!adapter) throw new PermanentDeliveryError(`Kênh ${row.channel} chưa được cấu hình trên máy chủ.`);
      const { providerMessageId } = await adapter.send(message);
      await db.execute(sql`update ${notificationDeliveries}
        set status = 'sent', sent_at = now(), provider_message_id = ${providerMessageId.slice(0, 200)},
          locked_until = null, last_error = null
        where ${where}`);
      log.info(
        {
          deliveryId: row.id,
          ownerUnitId: row.owner_unit_id,
          channel: row.channel,
          idempotencyKey: row.idempotency_key,
          attempts: row.attempts,
          providerMessageId,
        },
        'notification delivered',
      );
    } catch (error) {
      const permanent = error instanceof PermanentDeliveryError;
      const giveUp = permanent || row.attempts >= maxAttempts;
      const text = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const delay = retryDelayMs(row.attempts, backoff);
      await db.execute(sql`update ${notificationDeliveries}
        set status = ${giveUp ? 'failed' : 'pending'}, last_error = ${text}, locked_until = null,
          next_attempt_at = now() + ${delay} * interval '1 millisecond'
        where ${where}`);
      log.warn(
        { deliveryId: row.id, channel: row.channel, attempts: row.attempts, giveUp, err: text },
        'notification delivery failed',
      );
    }
  }

  /** Claims and sends batches until the outbox has nothing due (or the worker stops). */
  async function drain(stopping: AbortSignal): Promise<void> {
    while (!stopping.aborted) {
      const rows = await claim(db, batchSize, leaseMs);
      if (rows.length === 0) return;
      await Promise.all(rows.map(deliver));
      if (rows.length < batchSize) return;
    }
  }

  // Not unref'd: a process that runs the worker stays up while it waits for the next poll.
  return startPollingLoop({
    round: drain,
    intervalMs: pollMs,
    firstDelayMs: 0,
    onError: (error) => log.error({ err: error }, 'notification worker poll failed'),
    keepAlive: true,
  });
}

import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { GatewayUnavailableError, type PaymentProvider } from './payment-provider.ts';
import { paymentNotifications, paymentOrders } from './schema.ts';
import { orderKey, touch } from './start-payment.ts';
import { TRANSACTION_STATUS_LABELS } from './vnpay-protocol.ts';

// Orders still pending after their payment page expired are asked about with querydr, by a Postgres-backed job:
// due orders are claimed with a lease in one statement (skip locked), so a crashed process leaves them to the
// next poll; a gateway timeout is recorded and the order checked again later. querydr never marks a fee paid
// (only the signed IPN does): when the gateway says paid and no IPN came, the order carries a note for
// reconciliation and is checked again, since the gateway retries its IPN.

export interface CheckLog {
  info?(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface PendingCheckOptions {
  db: Db;
  provider: PaymentProvider;
  pollMs?: number;
  leaseMs?: number;
  /** First retry delay after a timeout or an unfinished answer; doubled each attempt up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Checks before the job gives up on an order (it stays pending with its note, for reconciliation). */
  maxAttempts?: number;
  log?: CheckLog;
}

type Order = typeof paymentOrders.$inferSelect;

async function claim(db: Db, limit: number, leaseMs: number): Promise<Order[]> {
  const o = paymentOrders;
  const claimed = await db
    .update(o)
    .set({
      lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
      checkAttempts: sql`${o.checkAttempts} + 1`,
    })
    .where(
      sql`(${o.ownerUnitId}, ${o.id}) in (select owner_unit_id, id from ${o}
        where state = 'pending' and next_check_at <= now() and (locked_until is null or locked_until < now())
        order by next_check_at limit ${limit} for update skip locked)`,
    )
    .returning();
  return claimed;
}

export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** Asks the gateway about one claimed order and records what it said. */
export async function checkOrder(
  db: Db,
  provider: PaymentProvider,
  order: Order,
  options: { retryMs: number; maxRetryMs: number; maxAttempts: number; now?: Date },
): Promise<'timeout' | 'expired' | 'failed' | 'gateway_paid' | 'waiting'> {
  const now = options.now ?? new Date();
  const later = (attempts: number) =>
    attempts >= options.maxAttempts
      ? null
      : new Date(now.getTime() + retryDelay(attempts, options.retryMs, options.maxRetryMs));
  const base = { ownerUnitId: order.ownerUnitId, kind: 'querydr', txnRef: order.txnRef, orderId: order.id };
  try {
    const answer = await provider.queryTransaction(order, now);
    await db.insert(paymentNotifications).values({
      ...base,
      signatureValid: answer.signatureValid,
      verdict: answer.responseCode.slice(0, 20),
      message: answer.transactionStatus
        ? `${answer.message}; ${TRANSACTION_STATUS_LABELS[answer.transactionStatus] ?? answer.transactionStatus}`
        : answer.message,
      params: answer.request,
      response: answer.raw,
    });
    // The order may have been confirmed by an IPN while the call was in flight: only a pending order changes.
    const pendingOnly = and(orderKey(order), eq(paymentOrders.state, 'pending'));
    const expired = order.expiresAt <= now;
    if (!answer.signatureValid) {
      await db
        .update(paymentOrders)
        .set({
          lockedUntil: null,
          nextCheckAt: later(order.checkAttempts),
          lastCheckError: 'Chữ ký trả lời querydr không hợp lệ',
          ...touch,
        })
        .where(pendingOnly);
      return 'waiting';
    }
    if (answer.found && answer.transactionStatus === '00') {
      await db
        .update(paymentOrders)
        .set({
          lockedUntil: null,
          nextCheckAt: later(order.checkAttempts),
          lastCheckError: null,
          gatewayNote:
            answer.amountVnd === order.amountVnd
              ? 'Cổng thanh toán báo giao dịch thành công (querydr) nhưng chưa nhận được IPN xác nhận.'
              : `Cổng thanh toán báo giao dịch thành công với số tiền ${answer.amountVnd ?? '—'} đồng, khác đơn hàng.`,
          ...touch,
        })
        .where(pendingOnly);
      return 'gateway_paid';
    }
    const failedAtGateway = answer.found && ['02', '04', '07', '09'].includes(answer.transactionStatus ?? '');
    if (failedAtGateway || (expired && (!answer.found || answer.transactionStatus === '01'))) {
      const state = failedAtGateway ? 'failed' : 'expired';
      await db
        .update(paymentOrders)
        .set({
          state,
          lockedUntil: null,
          nextCheckAt: null,
          lastCheckError: null,
          transactionStatus: answer.transactionStatus,
          ...touch,
        })
        .where(pendingOnly);
      return state;
    }
    await db
      .update(paymentOrders)
      .set({ lockedUntil: null, nextCheckAt: later(order.checkAttempts), lastCheckError: null, ...touch })
      .where(pendingOnly);
    return 'waiting';
  } catch (error) {
    const message = (error as Error).message.slice(0, 1000);
    await db.insert(paymentNotifications).values({
      ...base,
      signatureValid: null,
      verdict: 'timeout',
      message,
      params: error instanceof GatewayUnavailableError ? error.request : {},
    });
    await db
      .update(paymentOrders)
      .set({ lockedUntil: null, nextCheckAt: later(order.checkAttempts), lastCheckError: message, ...touch })
      .where(and(orderKey(order), eq(paymentOrders.state, 'pending')));
    return 'timeout';
  }
}

export interface PendingCheck {
  stop(): Promise<void>;
  /** Runs one poll now and waits for it (tests, and right after start). */
  runOnce(): Promise<number>;
}

export function startPendingCheck(options: PendingCheckOptions): PendingCheck {
  const { db, provider, pollMs = 30_000, leaseMs = 120_000, log } = options;
  const retry = {
    retryMs: options.retryMs ?? 60_000,
    maxRetryMs: options.maxRetryMs ?? 3_600_000,
    maxAttempts: options.maxAttempts ?? 20,
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function poll(): Promise<number> {
    let checked = 0;
    while (!stopped) {
      const orders = await claim(db, 10, leaseMs);
      for (const order of orders) {
        const outcome = await checkOrder(db, provider, order, retry);
        log?.info?.(
          { orderId: order.id, txnRef: order.txnRef, attempts: order.checkAttempts, outcome },
          'payment order checked with the gateway',
        );
        checked++;
      }
      if (orders.length < 10) break;
    }
    return checked;
  }

  function runOnce(): Promise<number> {
    if (!running) {
      running = poll()
        .catch((error) => {
          log?.error({ err: error }, 'payment check poll failed');
          return 0;
        })
        .finally(() => {
          running = undefined;
        });
    }
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => void runOnce().finally(schedule), pollMs);
  }
  schedule();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

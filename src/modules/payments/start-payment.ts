import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { dossiers } from '../dossier/schema.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { loadPaymentFacts, paymentStatusOf } from './payment-status.ts';
import { paymentOrders } from './schema.ts';
import { plainOrderInfo, vnpDate } from './vnpay-protocol.ts';

/** How long the gateway's page accepts the payment (vnp_ExpireDate). */
export const PAYMENT_TTL_MS = 15 * 60_000;

/** vnp_TxnRef: "MC", the Vietnam-time second and 8 random hex digits (unique per merchant in practice). */
export function newTxnRef(now: Date): string {
  return `MC${vnpDate(now).slice(2)}${randomBytes(4).toString('hex').toUpperCase()}`;
}

export interface StartPaymentInput {
  ipAddr: string;
  returnUrl: string;
  now?: Date;
  /** How long after expiry the background check asks the gateway about a still pending order. */
  checkDelayMs?: number;
}

/**
 * The applicant starts paying the fee: a new order (or the still open one) and the gateway's signed page URL.
 * Only one order is open at a time: the dossier row is locked while deciding, so two clicks give one order.
 */
export async function startPayment(
  db: Db,
  /** Resolved only once the caller is known to own the dossier: a stranger learns nothing from the answer. */
  provider: () => PaymentProvider,
  principal: Principal,
  dossierId: string,
  input: StartPaymentInput,
): Promise<{ paymentUrl: string; txnRef: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, dossierId)).for('update');
    if (!row || principal.kind !== 'citizen' || row.applicantUserId !== principal.userId)
      throw notFound('Không tìm thấy hồ sơ.');
    const gateway = provider();
    const { facts, orders } = await loadPaymentFacts(tx, row);
    const open = orders.find((o) => o.state === 'pending' && o.expiresAt > now);
    if (open) return { paymentUrl: open.paymentUrl, txnRef: open.txnRef, expiresAt: open.expiresAt };
    const { status, payable, note } = paymentStatusOf(facts, now);
    if (status === 'paid') throw new AppError('RULE', 'Lệ phí của hồ sơ này đã được nộp.');
    if (!payable) throw new AppError('RULE', note ?? 'Hồ sơ chưa đến lúc nộp lệ phí trực tuyến.');
    const amountVnd = row.feeAmountVnd ?? 0;
    const txnRef = newTxnRef(now);
    const expiresAt = new Date(now.getTime() + PAYMENT_TTL_MS);
    const orderInfo = plainOrderInfo(`Nop le phi ho so ${row.code ?? row.id.slice(0, 8)} ${txnRef}`);
    const { url, gatewayCreateDate } = gateway.paymentUrl({
      txnRef,
      amountVnd,
      orderInfo,
      createdAt: now,
      expiresAt,
      ipAddr: input.ipAddr,
      returnUrl: input.returnUrl,
    });
    await tx.insert(paymentOrders).values({
      ownerUnitId: row.ownerUnitId,
      txnRef,
      dossierId: row.id,
      dossierCode: row.code,
      receivingAgencyId: row.receivingAgencyId,
      provider: gateway.name,
      amountVnd,
      state: 'pending',
      orderInfo,
      gatewayCreateDate,
      paymentUrl: url,
      expiresAt,
      createdBy: principal.userId,
      createdAt: now,
      nextCheckAt: new Date(expiresAt.getTime() + (input.checkDelayMs ?? 60_000)),
    });
    return { paymentUrl: url, txnRef, expiresAt };
  });
}

/** The order a gateway message names (by vnp_TxnRef alone: on Citus a fan-out to each shard's index). */
export async function orderByTxnRef(db: Pick<Db, 'select'>, txnRef: string) {
  const [order] = await db.select().from(paymentOrders).where(eq(paymentOrders.txnRef, txnRef)).limit(1);
  return order;
}

export const orderKey = (o: { ownerUnitId: string; id: string }) =>
  and(eq(paymentOrders.ownerUnitId, o.ownerUnitId), eq(paymentOrders.id, o.id));

export const touch = { updatedAt: sql`now()` };

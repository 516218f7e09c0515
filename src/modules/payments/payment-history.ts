import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../dossier/dossier-store.ts';
import { ORDER_STATE_LABELS } from './payment-status.ts';
import { paymentNotifications, paymentOrders } from './schema.ts';
import { PAYMENT_RESPONSE_MESSAGES } from './vnpay-protocol.ts';

type DossierKey = { ownerUnitId: string; id: string };

/** The officer's audit view: every order of the dossier and every gateway message about them. */
export async function dossierPaymentHistory(db: DbOrTx, dossier: DossierKey) {
  const orders = await db
    .select()
    .from(paymentOrders)
    .where(and(eq(paymentOrders.ownerUnitId, dossier.ownerUnitId), eq(paymentOrders.dossierId, dossier.id)))
    .orderBy(desc(paymentOrders.createdAt));
  const messages = orders.length
    ? await db
        .select()
        .from(paymentNotifications)
        .where(
          and(
            eq(paymentNotifications.ownerUnitId, dossier.ownerUnitId),
            inArray(
              paymentNotifications.orderId,
              orders.map((o) => o.id),
            ),
          ),
        )
        .orderBy(asc(paymentNotifications.id))
    : [];
  return {
    orders: orders.map((o) => ({
      txnRef: o.txnRef,
      amountVnd: o.amountVnd,
      state: o.state,
      stateLabel: ORDER_STATE_LABELS[o.state],
      createdAt: o.createdAt,
      expiresAt: o.expiresAt,
      confirmedAt: o.confirmedAt,
      transactionNo: o.transactionNo,
      bankCode: o.bankCode,
      responseCode: o.responseCode,
      checkAttempts: o.checkAttempts,
      nextCheckAt: o.nextCheckAt,
      lastCheckError: o.lastCheckError,
      gatewayNote: o.gatewayNote,
      refundedAt: o.refundedAt,
      refundReason: o.refundReason,
    })),
    messages: messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      txnRef: m.txnRef,
      receivedAt: m.receivedAt,
      signatureValid: m.signatureValid,
      verdict: m.verdict,
      message: m.message,
    })),
  };
}

/** What the gateway told the browser on its way back (the return URL), for the applicant's page. */
export async function lastReturnOf(db: DbOrTx, dossier: DossierKey, txnRef: string) {
  const [order] = await db
    .select({ id: paymentOrders.id })
    .from(paymentOrders)
    .where(
      and(
        eq(paymentOrders.ownerUnitId, dossier.ownerUnitId),
        eq(paymentOrders.dossierId, dossier.id),
        eq(paymentOrders.txnRef, txnRef),
      ),
    );
  if (!order) return null;
  const [message] = await db
    .select()
    .from(paymentNotifications)
    .where(
      and(
        eq(paymentNotifications.ownerUnitId, dossier.ownerUnitId),
        eq(paymentNotifications.orderId, order.id),
        eq(paymentNotifications.kind, 'return'),
      ),
    )
    .orderBy(desc(paymentNotifications.id))
    .limit(1);
  if (!message) return null;
  const valid = message.signatureValid === true;
  return {
    txnRef,
    signatureValid: valid,
    success: valid && message.verdict === '00',
    message: valid
      ? (PAYMENT_RESPONSE_MESSAGES[message.verdict] ?? 'Cổng thanh toán trả kết quả không xác định.')
      : 'Thông tin trả về không có chữ ký hợp lệ.',
  };
}

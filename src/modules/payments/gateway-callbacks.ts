import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { paymentNotifications, paymentOrders } from './schema.ts';
import { orderKey, touch } from './start-payment.ts';
import { IPN_ANSWERS, type IpnAnswer, PAYMENT_RESPONSE_MESSAGES } from './vnpay-protocol.ts';

// The gateway's two callbacks. The IPN (server to server, signed) is the only thing that marks a fee paid; the
// return URL only brings the browser back and shows what the gateway said.

export const NO_UNIT = '00000000-0000-0000-0000-000000000000';

/**
 * Handles an IPN as the protocol orders the checks: signature (97), order exists (01), amount matches (04),
 * not confirmed yet (02), then records the outcome (00). Every notification is kept with its verdict. A replay
 * changes nothing and answers 02.
 */
export async function handleIpn(
  db: Db,
  provider: PaymentProvider,
  params: Record<string, string>,
  now = new Date(),
): Promise<IpnAnswer> {
  const callback = provider.readCallback(params);
  const record = (ownerUnitId: string, orderId: string | null, answer: IpnAnswer, message?: string) => ({
    ownerUnitId,
    kind: 'ipn',
    txnRef: callback.txnRef?.slice(0, 100) ?? null,
    orderId,
    receivedAt: now,
    signatureValid: callback.signatureValid,
    verdict: answer.RspCode,
    message: message ?? answer.Message,
    params,
    response: { ...answer },
  });
  try {
    if (!callback.signatureValid || !callback.merchantMatches) {
      const answer = IPN_ANSWERS.invalidSignature;
      await db.insert(paymentNotifications).values(record(NO_UNIT, null, answer));
      return answer;
    }
    return await db.transaction(async (tx) => {
      const [order] = callback.txnRef
        ? await tx
            .select()
            .from(paymentOrders)
            .where(eq(paymentOrders.txnRef, callback.txnRef))
            .limit(1)
            .for('update')
        : [];
      if (!order) {
        const answer = IPN_ANSWERS.orderNotFound;
        await tx.insert(paymentNotifications).values(record(NO_UNIT, null, answer));
        return answer;
      }
      if (callback.amountVnd !== order.amountVnd) {
        const answer = IPN_ANSWERS.invalidAmount;
        const message = `Số tiền cổng báo (${params.vnp_Amount ?? '—'}) khác số tiền đơn hàng (${order.amountVnd * 100}).`;
        await tx.insert(paymentNotifications).values(record(order.ownerUnitId, order.id, answer, message));
        await tx
          .update(paymentOrders)
          .set({ gatewayNote: message, ...touch })
          .where(orderKey(order));
        return answer;
      }
      if (order.confirmedAt !== null) {
        const answer = IPN_ANSWERS.alreadyConfirmed;
        await tx.insert(paymentNotifications).values(record(order.ownerUnitId, order.id, answer));
        return answer;
      }
      const state = callback.success ? 'paid' : callback.cancelled ? 'cancelled' : 'failed';
      await tx
        .update(paymentOrders)
        .set({
          state,
          confirmedAt: now,
          transactionNo: callback.transactionNo,
          bankCode: callback.bankCode,
          bankTranNo: callback.bankTranNo,
          cardType: callback.cardType,
          payDate: callback.payDate,
          responseCode: callback.responseCode,
          transactionStatus: callback.transactionStatus,
          nextCheckAt: null,
          lockedUntil: null,
          ...(state === 'paid' ? { gatewayNote: null } : {}),
          ...touch,
        })
        .where(orderKey(order));
      const answer = IPN_ANSWERS.confirmed;
      await tx
        .insert(paymentNotifications)
        .values(record(order.ownerUnitId, order.id, answer, `${answer.Message}: ${state}`));
      return answer;
    });
  } catch (error) {
    const answer = IPN_ANSWERS.unknownError;
    await db
      .insert(paymentNotifications)
      .values(record(NO_UNIT, null, answer, (error as Error).message.slice(0, 1000)))
      .catch(() => undefined);
    return answer;
  }
}

/**
 * The browser comes back from the gateway: the parameters are checked and recorded, nothing else changes. Answers
 * where to send the browser (the applicant's dossier page, which shows the result and waits for the IPN).
 */
export async function handleReturn(
  db: Db,
  provider: PaymentProvider,
  params: Record<string, string>,
  now = new Date(),
): Promise<string> {
  const callback = provider.readCallback(params);
  const order = callback.txnRef
    ? (await db.select().from(paymentOrders).where(eq(paymentOrders.txnRef, callback.txnRef)).limit(1))[0]
    : undefined;
  const valid = callback.signatureValid && callback.merchantMatches;
  await db.insert(paymentNotifications).values({
    ownerUnitId: order?.ownerUnitId ?? NO_UNIT,
    kind: 'return',
    txnRef: callback.txnRef?.slice(0, 100) ?? null,
    orderId: order?.id ?? null,
    receivedAt: now,
    signatureValid: valid,
    verdict: valid ? (callback.responseCode ?? '') : 'invalid',
    message: valid ? (PAYMENT_RESPONSE_MESSAGES[callback.responseCode ?? ''] ?? null) : 'Chữ ký không hợp lệ',
    params,
  });
  if (!order) return '/ho-so-cua-toi';
  return `/ho-so-cua-toi/${order.dossierId}?thanh-toan=${encodeURIComponent(order.txnRef)}`;
}

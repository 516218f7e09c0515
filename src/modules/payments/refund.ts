import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { GatewayUnavailableError, type PaymentProvider } from './payment-provider.ts';
import { requireRefunder, visibleDossier } from './payments-access.ts';
import { paymentNotifications, paymentOrders } from './schema.ts';
import { orderKey, touch } from './start-payment.ts';

/**
 * An authorised officer refunds a paid fee in full through the gateway, with a reason. The order becomes
 * refunded only when the gateway accepts (signed answer, code 00); every call is recorded.
 */
export async function refundPayment(
  db: Db,
  /** Resolved only once the caller may refund this dossier's fee. */
  provider: () => PaymentProvider,
  principal: Principal,
  dossierId: string,
  reason: string,
  now = new Date(),
) {
  const dossier = await visibleDossier(db, principal, dossierId);
  requireRefunder(principal, dossier.receivingAgencyId);
  const gateway = provider();
  const [order] = await db
    .select()
    .from(paymentOrders)
    .where(
      and(
        eq(paymentOrders.ownerUnitId, dossier.ownerUnitId),
        eq(paymentOrders.dossierId, dossier.id),
        eq(paymentOrders.state, 'paid'),
      ),
    )
    .orderBy(desc(paymentOrders.createdAt))
    .limit(1);
  if (!order) throw new AppError('RULE', 'Hồ sơ không có khoản lệ phí đã thanh toán trực tuyến để hoàn.');
  const base = { ownerUnitId: order.ownerUnitId, kind: 'refund', txnRef: order.txnRef, orderId: order.id };
  let result: Awaited<ReturnType<PaymentProvider['refund']>>;
  try {
    result = await gateway.refund(order, { amountVnd: order.amountVnd, createdBy: principal.fullName }, now);
  } catch (error) {
    if (!(error instanceof GatewayUnavailableError)) throw error;
    await db.insert(paymentNotifications).values({
      ...base,
      verdict: 'timeout',
      message: `${error.message} Lý do hoàn: ${reason}`,
      params: error.request,
    });
    throw new AppError(
      'CONFLICT',
      'Cổng thanh toán chưa trả lời yêu cầu hoàn tiền. Chưa ghi nhận hoàn tiền; vui lòng kiểm tra lại trong báo cáo đối soát rồi thử lại.',
    );
  }
  await db.insert(paymentNotifications).values({
    ...base,
    signatureValid: result.signatureValid,
    verdict: result.signatureValid ? result.responseCode.slice(0, 20) : 'invalid',
    message: `${result.message}. Lý do hoàn: ${reason}`,
    params: result.request,
    response: result.raw,
  });
  if (!result.accepted) {
    throw new AppError(
      'RULE',
      result.signatureValid
        ? `Cổng thanh toán từ chối hoàn tiền: ${result.message}.`
        : 'Trả lời của cổng thanh toán có chữ ký không hợp lệ; chưa ghi nhận hoàn tiền.',
    );
  }
  await db
    .update(paymentOrders)
    .set({ state: 'refunded', refundedAt: now, refundedBy: principal.userId, refundReason: reason, ...touch })
    .where(and(orderKey(order), eq(paymentOrders.state, 'paid')));
}

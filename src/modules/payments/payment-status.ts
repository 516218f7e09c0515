import { and, desc, eq } from 'drizzle-orm';
import { procedureFlags } from '../catalog/schema.ts';
import type { DbOrTx } from '../dossier/dossier-store.ts';
import type { dossiers } from '../dossier/schema.ts';
import { type PaymentOrderState, paymentOrders, paymentProcedureSettings } from './schema.ts';

// A dossier's payment state, derived from its fee, its procedure's setting and its payment orders. The dossier
// views call `dossierPayment` (exported through index.ts); nothing in the dossier's own tables changes.

export const paymentStatuses = ['not_required', 'due', 'pending', 'paid', 'refunded'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  not_required: 'Không phải nộp trực tuyến',
  due: 'Chưa nộp lệ phí',
  pending: 'Đang chờ cổng thanh toán xác nhận',
  paid: 'Đã nộp lệ phí',
  refunded: 'Đã hoàn tiền',
};

export const ORDER_STATE_LABELS: Record<PaymentOrderState, string> = {
  pending: 'Đang chờ xác nhận',
  paid: 'Đã thanh toán',
  failed: 'Không thành công',
  cancelled: 'Người nộp đã hủy',
  expired: 'Hết hạn, không thanh toán',
  refunded: 'Đã hoàn tiền',
};

type DossierRow = Pick<
  typeof dossiers.$inferSelect,
  | 'ownerUnitId'
  | 'id'
  | 'procedureId'
  | 'feeAmountVnd'
  | 'receivedAt'
  | 'submittedAt'
  | 'state'
  | 'applicantUserId'
>;
export type OrderRow = typeof paymentOrders.$inferSelect;

export interface PaymentFacts {
  feeAmountVnd: number | null;
  payableAt: 'receipt' | 'submission';
  onlinePayment: boolean;
  feeDoubtful: boolean;
  /** The dossier has an applicant account (online applications): only they can pay online. */
  onlineApplicant: boolean;
  received: boolean;
  submitted: boolean;
  orders: Pick<OrderRow, 'state' | 'expiresAt' | 'createdAt'>[];
}

/** Pure: the status and what the applicant may do, from the facts (orders newest first). */
export function paymentStatusOf(f: PaymentFacts, now: Date) {
  const fee = f.feeAmountVnd ?? 0;
  if (f.orders.some((o) => o.state === 'paid'))
    return { status: 'paid' as const, payable: false, note: null };
  if (f.orders.some((o) => o.state === 'refunded'))
    return { status: 'refunded' as const, payable: false, note: null };
  if (fee <= 0)
    return { status: 'not_required' as const, payable: false, note: 'Thủ tục không thu phí, lệ phí.' };
  if (!f.onlinePayment || !f.onlineApplicant)
    return {
      status: 'not_required' as const,
      payable: false,
      note: f.onlineApplicant
        ? 'Phí, lệ phí của thủ tục này nộp trực tiếp tại Bộ phận Một cửa.'
        : 'Hồ sơ không có tài khoản người nộp: phí, lệ phí nộp trực tiếp tại Bộ phận Một cửa.',
    };
  const open = f.payableAt === 'submission' ? f.submitted || f.received : f.received;
  if (!open) {
    return {
      status: 'not_required' as const,
      payable: false,
      note:
        f.payableAt === 'submission'
          ? 'Lệ phí nộp trực tuyến sau khi nộp hồ sơ.'
          : 'Lệ phí nộp trực tuyến sau khi hồ sơ được tiếp nhận.',
    };
  }
  if (f.orders.some((o) => o.state === 'pending' && o.expiresAt > now))
    return { status: 'pending' as const, payable: false, note: null };
  if (f.feeDoubtful) {
    return {
      status: 'due' as const,
      payable: false,
      note: 'Mức phí, lệ phí của thủ tục đang được rà soát; vui lòng nộp tại Bộ phận Một cửa hoặc chờ cập nhật.',
    };
  }
  return { status: 'due' as const, payable: true, note: null };
}

const closedStates = new Set(['refused', 'withdrawn', 'draft']);

export async function loadPaymentFacts(db: DbOrTx, row: DossierRow) {
  // One after the other: `db` may be a transaction's single connection, where queries sent together queue in
  // the driver anyway (and node-postgres deprecates it).
  const orders = await db
    .select()
    .from(paymentOrders)
    .where(and(eq(paymentOrders.ownerUnitId, row.ownerUnitId), eq(paymentOrders.dossierId, row.id)))
    .orderBy(desc(paymentOrders.createdAt));
  const [setting] = await db
    .select()
    .from(paymentProcedureSettings)
    .where(eq(paymentProcedureSettings.procedureId, row.procedureId));
  const [flag] = await db
    .select({ id: procedureFlags.id })
    .from(procedureFlags)
    .where(
      and(
        eq(procedureFlags.procedureId, row.procedureId),
        eq(procedureFlags.attribute, 'fee'),
        eq(procedureFlags.status, 'open'),
      ),
    )
    .limit(1);
  const facts: PaymentFacts = {
    feeAmountVnd: row.feeAmountVnd,
    payableAt: setting?.payableAt ?? 'receipt',
    onlinePayment: setting?.onlinePayment ?? true,
    feeDoubtful: flag !== undefined,
    onlineApplicant: row.applicantUserId !== null,
    received: row.receivedAt !== null && !closedStates.has(row.state),
    submitted: row.submittedAt !== null && !closedStates.has(row.state),
    orders,
  };
  return { facts, orders };
}

/** The payment part of a dossier page (office and "Hồ sơ của tôi"). */
export async function dossierPayment(db: DbOrTx, row: DossierRow, now = new Date()) {
  const { facts, orders } = await loadPaymentFacts(db, row);
  const { status, payable, note } = paymentStatusOf(facts, now);
  const paid = orders.find((o) => o.state === 'paid') ?? orders.find((o) => o.state === 'refunded');
  const pending = orders.find((o) => o.state === 'pending' && o.expiresAt > now);
  return {
    status,
    statusLabel: PAYMENT_STATUS_LABELS[status],
    amountVnd: row.feeAmountVnd,
    payable,
    note,
    paidAt: paid?.confirmedAt ?? null,
    txnRef: (paid ?? pending)?.txnRef ?? null,
    transactionNo: paid?.transactionNo ?? null,
    bankCode: paid?.bankCode ?? null,
    receiptAvailable: paid !== undefined,
    refund: paid?.refundedAt ? { at: paid.refundedAt, reason: paid.refundReason ?? '' } : null,
    pending: pending
      ? { txnRef: pending.txnRef, paymentUrl: pending.paymentUrl, expiresAt: pending.expiresAt }
      : null,
  };
}
export type DossierPayment = Awaited<ReturnType<typeof dossierPayment>>;

import { and, asc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db } from '../../platform/db/connect.ts';
import { agencies } from '../org/schema.ts';
import { GatewayUnavailableError, type PaymentProvider } from './payment-provider.ts';
import { ORDER_STATE_LABELS } from './payment-status.ts';
import { type PaymentOrderState, paymentNotifications, paymentOrderStates, paymentOrders } from './schema.ts';
import { TRANSACTION_STATUS_LABELS } from './vnpay-protocol.ts';

// The daily reconciliation ("Đối soát thanh toán"): the day's orders by state with totals, each compared with
// the gateway's own record (querydr), and the day's rejected notifications (amount mismatches, bad signatures).

/** The instants bounding a Vietnam-local day. */
export function vnDayBounds(day: string): { from: Date; to: Date } {
  const from = new Date(`${day}T00:00:00+07:00`);
  return { from, to: new Date(from.getTime() + 86_400_000) };
}

export interface GatewayView {
  status: 'ok' | 'unavailable' | 'not_found' | 'bad_signature';
  transactionStatus: string | null;
  amountVnd: number | null;
}

/** Pure: what disagrees between our order and the gateway's record (null when they agree). */
export function mismatchOf(
  order: { state: PaymentOrderState; amountVnd: number },
  gateway: GatewayView,
): string | null {
  if (gateway.status === 'unavailable') return null;
  if (gateway.status === 'bad_signature') return 'Trả lời của cổng thanh toán có chữ ký không hợp lệ.';
  const gatewayPaid = gateway.status === 'ok' && gateway.transactionStatus === '00';
  const gatewayRefund = gateway.status === 'ok' && ['05', '06'].includes(gateway.transactionStatus ?? '');
  if (order.state === 'paid' && !gatewayPaid)
    return 'Hệ thống ghi đã thanh toán, cổng thanh toán không ghi nhận.';
  if (order.state === 'refunded' && !gatewayRefund && !gatewayPaid)
    return 'Hệ thống ghi đã hoàn tiền, cổng thanh toán không ghi nhận giao dịch.';
  if (order.state === 'refunded' && gatewayPaid)
    return 'Hệ thống ghi đã hoàn tiền, cổng thanh toán chưa hoàn.';
  if (order.state !== 'paid' && order.state !== 'refunded' && (gatewayPaid || gatewayRefund))
    return 'Cổng thanh toán ghi nhận đã thanh toán, hệ thống chưa nhận IPN xác nhận.';
  if ((gatewayPaid || gatewayRefund) && gateway.amountVnd !== null && gateway.amountVnd !== order.amountVnd)
    return `Số tiền khác nhau: hệ thống ${order.amountVnd}, cổng thanh toán ${gateway.amountVnd}.`;
  return null;
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return out;
}

export async function reconciliation(
  db: Db,
  provider: PaymentProvider | undefined,
  scope: 'all' | string[],
  day: string,
) {
  const { from, to } = vnDayBounds(day);
  const inScope: SQL[] = scope === 'all' ? [] : [inArray(paymentOrders.receivingAgencyId, scope)];
  const orders =
    scope !== 'all' && scope.length === 0
      ? []
      : await db
          .select()
          .from(paymentOrders)
          .where(and(gte(paymentOrders.createdAt, from), lt(paymentOrders.createdAt, to), ...inScope))
          .orderBy(asc(paymentOrders.createdAt));
  const names = new Map(
    orders.length
      ? (
          await db
            .select({ id: agencies.id, name: agencies.name })
            .from(agencies)
            .where(inArray(agencies.id, [...new Set(orders.map((o) => o.receivingAgencyId))]))
        ).map((a) => [a.id, a.name])
      : [],
  );
  const gatewayViews = await mapLimited(orders, 4, async (order): Promise<GatewayView> => {
    if (!provider) return { status: 'unavailable', transactionStatus: null, amountVnd: null };
    try {
      const answer = await provider.queryTransaction(order);
      if (!answer.signatureValid)
        return { status: 'bad_signature', transactionStatus: null, amountVnd: null };
      return {
        status: answer.found ? 'ok' : 'not_found',
        transactionStatus: answer.transactionStatus,
        amountVnd: answer.amountVnd,
      };
    } catch (error) {
      if (error instanceof GatewayUnavailableError)
        return { status: 'unavailable', transactionStatus: null, amountVnd: null };
      throw error;
    }
  });
  const rows = orders.map((o, i) => {
    const gateway = gatewayViews[i] as GatewayView;
    return {
      txnRef: o.txnRef,
      dossierId: o.dossierId,
      dossierCode: o.dossierCode,
      agencyName: names.get(o.receivingAgencyId) ?? '',
      createdAt: o.createdAt,
      amountVnd: o.amountVnd,
      state: o.state,
      stateLabel: ORDER_STATE_LABELS[o.state],
      confirmedAt: o.confirmedAt,
      transactionNo: o.transactionNo,
      bankCode: o.bankCode,
      gatewayStatus: gateway.status,
      gatewayTransactionStatus: gateway.transactionStatus,
      gatewayTransactionLabel: gateway.transactionStatus
        ? (TRANSACTION_STATUS_LABELS[gateway.transactionStatus] ?? gateway.transactionStatus)
        : gateway.status === 'not_found'
          ? 'Không có giao dịch'
          : gateway.status === 'unavailable'
            ? 'Không truy vấn được'
            : '',
      gatewayAmountVnd: gateway.amountVnd,
      mismatch: mismatchOf(o, gateway),
      note: o.gatewayNote,
    };
  });
  const byState = paymentOrderStates.map((state) => {
    const of = orders.filter((o) => o.state === state);
    return {
      state,
      label: ORDER_STATE_LABELS[state],
      count: of.length,
      amountVnd: of.reduce((sum, o) => sum + o.amountVnd, 0),
    };
  });
  const orderIds = orders.map((o) => o.id);
  const rejected = (
    await db
      .select()
      .from(paymentNotifications)
      .where(
        and(
          eq(paymentNotifications.kind, 'ipn'),
          gte(paymentNotifications.receivedAt, from),
          lt(paymentNotifications.receivedAt, to),
          inArray(paymentNotifications.verdict, ['01', '04', '97', '99']),
        ),
      )
      .orderBy(asc(paymentNotifications.id))
  ).filter((n) => scope === 'all' || (n.orderId !== null && orderIds.includes(n.orderId)));
  return {
    day,
    totals: {
      orders: orders.length,
      paidVnd: byState.find((s) => s.state === 'paid')?.amountVnd ?? 0,
      refundedVnd: byState.find((s) => s.state === 'refunded')?.amountVnd ?? 0,
      mismatches: rows.filter((r) => r.mismatch).length,
      gatewayUnavailable: rows.filter((r) => r.gatewayStatus === 'unavailable').length,
    },
    byState,
    rows,
    rejectedNotifications: rejected.map((n) => ({
      receivedAt: n.receivedAt,
      txnRef: n.txnRef,
      verdict: n.verdict,
      message: n.message,
      amount: typeof n.params.vnp_Amount === 'string' ? n.params.vnp_Amount : null,
    })),
  };
}
export type Reconciliation = Awaited<ReturnType<typeof reconciliation>>;

const vnTime = (d: Date | null) =>
  d
    ? new Intl.DateTimeFormat('vi-VN', {
        timeZone: 'Asia/Ho_Chi_Minh',
        dateStyle: 'short',
        timeStyle: 'medium',
      }).format(d)
    : '';

export async function reconciliationXlsx(report: Reconciliation): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  const summary = workbook.addWorksheet('Tổng hợp');
  summary.columns = [
    { header: 'Trạng thái', key: 'label', width: 28 },
    { header: 'Số giao dịch', key: 'count', width: 14 },
    { header: 'Số tiền (đồng)', key: 'amountVnd', width: 18 },
  ];
  summary.getRow(1).font = { bold: true };
  for (const s of report.byState) summary.addRow(s);
  summary.addRow({});
  summary.addRow({ label: `Ngày đối soát: ${report.day}` });
  summary.addRow({ label: 'Số chênh lệch với cổng thanh toán', count: report.totals.mismatches });
  summary.addRow({ label: 'Không truy vấn được cổng', count: report.totals.gatewayUnavailable });
  const detail = workbook.addWorksheet('Giao dịch', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = [
    { header: 'Mã giao dịch (vnp_TxnRef)', key: 'txnRef', width: 24 },
    { header: 'Mã hồ sơ', key: 'dossierCode', width: 24 },
    { header: 'Cơ quan tiếp nhận', key: 'agencyName', width: 36 },
    { header: 'Thời điểm tạo', key: 'createdAt', width: 20 },
    { header: 'Số tiền (đồng)', key: 'amountVnd', width: 14 },
    { header: 'Trạng thái hệ thống', key: 'stateLabel', width: 22 },
    { header: 'Mã GD cổng', key: 'transactionNo', width: 14 },
    { header: 'Ngân hàng', key: 'bankCode', width: 12 },
    { header: 'Cổng thanh toán ghi nhận', key: 'gatewayTransactionLabel', width: 30 },
    { header: 'Số tiền theo cổng', key: 'gatewayAmountVnd', width: 16 },
    { header: 'Chênh lệch', key: 'mismatch', width: 50 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const r of report.rows) detail.addRow({ ...r, createdAt: vnTime(r.createdAt) });
  const rejected = workbook.addWorksheet('Thông báo bị từ chối');
  rejected.columns = [
    { header: 'Thời điểm nhận', key: 'receivedAt', width: 20 },
    { header: 'Mã giao dịch', key: 'txnRef', width: 24 },
    { header: 'Mã trả lời', key: 'verdict', width: 10 },
    { header: 'Số tiền gửi (×100)', key: 'amount', width: 18 },
    { header: 'Nội dung', key: 'message', width: 60 },
  ];
  rejected.getRow(1).font = { bold: true };
  for (const n of report.rejectedNotifications) rejected.addRow({ ...n, receivedAt: vnTime(n.receivedAt) });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

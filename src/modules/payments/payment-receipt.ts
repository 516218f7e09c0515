import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { agencyInfos } from '../dossier/dossier-forms-context.ts';
import { formatDateTime, formatVnd } from '../forms/format.ts';
import type { RuleProfile } from '../forms/forms.types.ts';
import { fieldLines, headingBlock, paragraph, renderPdf, signatureRow, titleBlock } from '../forms/pdf.ts';
import { visibleDossier } from './payments-access.ts';
import { paymentOrders } from './schema.ts';
import { parseVnpDate } from './vnpay-protocol.ts';

// Biên lai thu phí, lệ phí điện tử: one per paid (or later refunded) dossier fee, printed with the embedded
// Vietnamese font of the forms module, from the IPN-confirmed order only.

export interface ReceiptData {
  header: { agency: string; parentAgency?: string | undefined; place: string };
  ruleProfile: RuleProfile;
  receiptNumber: string;
  payerName: string;
  payerAddress: string | null;
  dossierCode: string;
  procedureName: string;
  amountVnd: number;
  paidAt: Date;
  gateway: string;
  transactionNo: string | null;
  bankCode: string | null;
  refunded: { at: Date; reason: string } | null;
}

export async function receiptPdf(r: ReceiptData): Promise<Buffer> {
  const spec = {
    kind: 'report' as const,
    title: 'Biên lai thu phí, lệ phí điện tử',
    profile: r.ruleProfile,
    header: {
      ...r.header,
      nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
    },
    generatedAt: r.paidAt,
  };
  return renderPdf(spec, (doc) => {
    headingBlock(doc, spec.header, { documentNumber: r.receiptNumber, date: r.paidAt });
    titleBlock(doc, 'BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ', [`Số biên lai: ${r.receiptNumber}`]);
    fieldLines(doc, [
      ['Người nộp', r.payerName],
      ...(r.payerAddress ? ([['Địa chỉ', r.payerAddress]] as [string, string][]) : []),
      ['Mã hồ sơ', r.dossierCode],
      ['Nội dung thu', `Phí, lệ phí giải quyết thủ tục hành chính: ${r.procedureName}`],
      ['Số tiền', formatVnd(r.amountVnd)],
      ['Hình thức nộp', `Thanh toán trực tuyến qua ${r.gateway}`],
      ['Mã giao dịch cổng thanh toán', r.transactionNo ?? '—'],
      ['Ngân hàng', r.bankCode ?? '—'],
      ['Thời điểm thanh toán', formatDateTime(r.paidAt)],
    ]);
    if (r.refunded) {
      paragraph(
        doc,
        `Khoản thu này đã được hoàn trả ngày ${formatDateTime(r.refunded.at)}. Lý do: ${r.refunded.reason}`,
        { face: 'bold' },
      );
    }
    paragraph(
      doc,
      'Biên lai được lập tự động khi cổng thanh toán xác nhận giao dịch (IPN có chữ ký số hợp lệ).',
      { face: 'italic' },
    );
    signatureRow(doc, { heading: 'ĐƠN VỊ THU', note: '(Biên lai điện tử, không cần chữ ký tay)' });
  });
}

/** The receipt of a dossier's confirmed payment, for its applicant or an officer who may see the dossier. */
export async function dossierReceipt(db: Db, principal: Principal, dossierId: string) {
  const dossier = await visibleDossier(db, principal, dossierId);
  const [order] = await db
    .select()
    .from(paymentOrders)
    .where(
      and(
        eq(paymentOrders.ownerUnitId, dossier.ownerUnitId),
        eq(paymentOrders.dossierId, dossier.id),
        inArray(paymentOrders.state, ['paid', 'refunded']),
      ),
    )
    .orderBy(desc(paymentOrders.createdAt))
    .limit(1);
  if (!order?.confirmedAt)
    throw new AppError('NOT_FOUND', 'Hồ sơ chưa có khoản lệ phí đã thanh toán trực tuyến.');
  const agency = (await agencyInfos(db, [dossier.receivingAgencyId])).get(dossier.receivingAgencyId);
  const pdf = await receiptPdf({
    header: {
      agency: agency?.name ?? '',
      parentAgency: agency?.parentName?.toLocaleUpperCase('vi') ?? undefined,
      place: agency?.place ?? '',
    },
    ruleProfile: dossier.snapshot.ruleProfile,
    receiptNumber: order.txnRef,
    payerName: dossier.applicantName,
    payerAddress: dossier.applicantAddress,
    dossierCode: dossier.code ?? dossier.id,
    procedureName: dossier.procedureName,
    amountVnd: order.amountVnd,
    paidAt: parseVnpDate(order.payDate ?? undefined) ?? order.confirmedAt,
    gateway: order.provider === 'vnpay' ? 'VNPAY' : order.provider,
    transactionNo: order.transactionNo,
    bankCode: order.bankCode,
    refunded: order.refundedAt ? { at: order.refundedAt, reason: order.refundReason ?? '' } : null,
  });
  return { pdf, filename: `bien-lai-${order.txnRef}.pdf` };
}

import { applicantLines, procedureText } from './common-fields.ts';
import { formatDateTime, formatDuration, formatVnd, resultChannelLabel } from './format.ts';
import { type Receipt, type ReceiptInput, receiptInputSchema } from './forms.types.ts';
import {
  fieldLines,
  formMark,
  headingBlock,
  paragraph,
  qrPng,
  renderPdf,
  signatureRow,
  titleBlock,
} from './pdf.ts';
import { drawTable } from './pdf-table.ts';
import { formTitle } from './profiles.ts';

// Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (rules.md §1.2), numbered as in the 2018 form.

export async function receiptPdf(input: ReceiptInput): Promise<Buffer> {
  const r: Receipt = receiptInputSchema.parse(input);
  const qr = r.lookupUrl ? await qrPng(r.lookupUrl) : undefined;
  const spec = { kind: 'receipt', profile: r.ruleProfile, header: r.header } as const;

  return renderPdf({ ...spec, generatedAt: r.generatedAt ?? r.issuedAt }, (doc) => {
    formMark(doc, { ...spec, legalBasis: r.legalBasis });
    headingBlock(doc, r.header, { documentNumber: r.documentNumber, date: r.issuedAt });
    titleBlock(doc, formTitle(r.ruleProfile, 'receipt'), [
      `Mã hồ sơ: ${r.dossierCode}`,
      ...(r.trackingCheck ? [`Mã kiểm tra (tra cứu trực tuyến): ${r.trackingCheck}`] : []),
    ]);

    fieldLines(
      doc,
      [
        ...applicantLines(r.applicant, 'Tiếp nhận hồ sơ của'),
        ['Nội dung yêu cầu giải quyết', procedureText(r.procedure)],
      ],
      qr,
    );

    paragraph(doc, '1. Thành phần hồ sơ nộp gồm:', { face: 'bold' });
    drawTable(doc, {
      columns: [
        { header: 'STT', width: 5, align: 'center' },
        { header: 'Tên giấy tờ', width: 40 },
        { header: 'Bản chính', width: 8, align: 'center' },
        { header: 'Bản sao chứng thực', width: 11, align: 'center' },
        { header: 'Bản sao', width: 8, align: 'center' },
      ],
      rows: r.documents.map((d, i) => [
        String(i + 1),
        d.name,
        String(d.originals),
        String(d.certifiedCopies),
        String(d.copies),
      ]),
      fontSize: 8,
    });

    fieldLines(doc, [
      ['2. Số lượng hồ sơ', `${r.setCount} (bộ)`],
      [
        '3. Thời gian giải quyết hồ sơ theo quy định',
        formatDuration(r.processingTime.amount, r.processingTime.unit),
      ],
      ['4. Thời gian nhận hồ sơ', formatDateTime(r.receivedAt)],
      ['5. Thời gian trả kết quả giải quyết hồ sơ', formatDateTime(r.appointmentAt)],
      [
        '6. Nhận kết quả tại',
        [resultChannelLabel(r.resultChannel), r.resultChannelNote].filter(Boolean).join(': '),
      ],
      ...(r.fee
        ? [['Phí, lệ phí', [formatVnd(r.fee.amountVnd), r.fee.note].filter(Boolean).join(' - ')] as const]
        : []),
    ]);
    if (r.bookEntry) {
      paragraph(
        doc,
        `Vào Sổ theo dõi hồ sơ, Quyển số: ${r.bookEntry.bookNumber}, Số thứ tự: ${r.bookEntry.sequence}`,
        { face: 'italic' },
      );
    }

    signatureRow(
      doc,
      { heading: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: r.officer.name },
      { heading: 'NGƯỜI NỘP HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: r.applicant.name },
    );
    const hotline = r.hotline ? ` Đường dây nóng: ${r.hotline}.` : '';
    paragraph(
      doc,
      `Ghi chú: Ông/bà giữ Giấy này để nhận kết quả và tra cứu tình trạng hồ sơ theo mã hồ sơ.${hotline}`,
      { face: 'italic' },
    );
  });
}

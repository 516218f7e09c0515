import { addresseeLines, procedureText } from './common-fields.ts';
import { formatDate, formatDateTime } from './format.ts';
import { type Apology, type ApologyInput, apologyInputSchema } from './forms.types.ts';
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
import { decreeCitation, formTitle } from './profiles.ts';

// Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả (Decree 61 art. 19(9)); under Decree 118 the
// "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết". The timing rules (at least one working day
// before the due date, a new date only once) belong to the workflow, not to this printer.

export async function apologyPdf(input: ApologyInput): Promise<Buffer> {
  const r: Apology = apologyInputSchema.parse(input);
  const qr = r.lookupUrl ? await qrPng(r.lookupUrl) : undefined;
  const spec = { kind: 'apology', profile: r.ruleProfile, header: r.header } as const;
  const late = r.resolvingAgency ?? r.header.agency;

  return renderPdf({ ...spec, generatedAt: r.generatedAt ?? r.issuedAt }, (doc) => {
    formMark(doc, { ...spec, legalBasis: r.legalBasis });
    headingBlock(doc, r.header, { documentNumber: r.documentNumber, date: r.issuedAt });
    titleBlock(doc, formTitle(r.ruleProfile, 'apology'), [`Mã hồ sơ: ${r.dossierCode}`]);
    fieldLines(doc, [...addresseeLines(r.applicant)], qr);
    paragraph(doc, `Thực hiện ${decreeCitation(r.ruleProfile)};`);
    paragraph(
      doc,
      `Ngày ${formatDate(r.receivedAt)}, ${r.header.agency} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính "${procedureText(r.procedure)}" của ông/bà, mã hồ sơ ${r.dossierCode}. Thời gian hẹn trả kết quả giải quyết hồ sơ: ${formatDateTime(r.originalAppointmentAt)}.`,
    );
    paragraph(
      doc,
      r.ruleProfile === 'nd61-2018'
        ? `Tuy nhiên, đến nay ${late} chưa trả kết quả giải quyết hồ sơ cho ông/bà.`
        : `Tuy nhiên, ${late} không thể trả kết quả giải quyết hồ sơ đúng thời gian đã hẹn.`,
    );
    fieldLines(doc, [['Lý do', r.reason]]);
    paragraph(doc, closing(r));
    paragraph(doc, 'Xin trân trọng cảm ơn sự hợp tác của ông/bà./.');
    signatureRow(
      doc,
      {
        authority: r.signer.authority ? [r.signer.authority] : [],
        heading: r.signer.position,
        note: '(Ký, ghi rõ họ tên và đóng dấu)',
        name: r.signer.name,
      },
      { recipients: r.recipients },
    );
  });
}

function closing(r: Apology): string {
  const at = formatDateTime(r.newAppointmentAt);
  return r.ruleProfile === 'nd61-2018'
    ? `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${r.header.agency} xin lỗi ông/bà và hẹn lại thời gian trả kết quả vào ${at}.`
    : `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${r.header.agency} xin lỗi ông/bà và đề nghị gia hạn thời gian giải quyết hồ sơ đến ${at}.`;
}

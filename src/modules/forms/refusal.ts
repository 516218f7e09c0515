import { applicantLines, procedureText } from './common-fields.ts';
import { formatDateTime } from './format.ts';
import { type Refusal, type RefusalInput, refusalInputSchema } from './forms.types.ts';
import {
  fieldLines,
  formMark,
  headingBlock,
  list,
  paragraph,
  renderPdf,
  signatureRow,
  titleBlock,
} from './pdf.ts';
import { formTitle } from './profiles.ts';

// Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ, with the specific reasons (rules.md §1.2).

export async function refusalPdf(input: RefusalInput): Promise<Buffer> {
  const r: Refusal = refusalInputSchema.parse(input);
  const spec = { kind: 'refusal', profile: r.ruleProfile, header: r.header } as const;

  return renderPdf({ ...spec, generatedAt: r.generatedAt ?? r.issuedAt }, (doc) => {
    formMark(doc, { ...spec, legalBasis: r.legalBasis });
    headingBlock(doc, r.header, { documentNumber: r.documentNumber, date: r.issuedAt });
    titleBlock(doc, formTitle(r.ruleProfile, 'refusal'), r.dossierCode ? [`Mã hồ sơ: ${r.dossierCode}`] : []);
    paragraph(doc, `${r.header.agency} tiếp nhận hồ sơ của:`);
    fieldLines(doc, [
      ...applicantLines(r.applicant, 'Ông/bà'),
      ['Nội dung yêu cầu giải quyết', procedureText(r.procedure)],
      ['Thời gian tiếp nhận hồ sơ', r.receivedAt && formatDateTime(r.receivedAt)],
    ]);
    paragraph(
      doc,
      `Sau khi kiểm tra, đối chiếu với quy định, ${r.header.agency} từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
    );
    list(doc, r.reasons, (i) => `${i + 1}.`);
    if (r.guidance) paragraph(doc, r.guidance);
    paragraph(doc, 'Xin thông báo để ông/bà được biết và thực hiện./.');
    signatureRow(
      doc,
      { heading: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: r.officer.name },
      { heading: 'NGƯỜI NỘP HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: r.applicant.name },
    );
  });
}

import { applicantLines, procedureText } from './common-fields.ts';
import { formatDateTime } from './format.ts';
import {
  type SupplementRequest,
  type SupplementRequestInput,
  supplementRequestInputSchema,
} from './forms.types.ts';
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

// Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. The whole request is given in one go (Decree 61
// art. 11(2)(c); Decree 118 art. 17(2)(a)), so every item is listed with what to add and the reason.

const INTRO = {
  intake:
    'Sau khi kiểm tra, hồ sơ của ông/bà chưa đầy đủ, hợp lệ. Đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
  appraisal:
    'Qua thẩm định, hồ sơ của ông/bà chưa đủ điều kiện giải quyết. Đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
} as const;

export async function supplementRequestPdf(input: SupplementRequestInput): Promise<Buffer> {
  const r: SupplementRequest = supplementRequestInputSchema.parse(input);
  const qr = r.lookupUrl ? await qrPng(r.lookupUrl) : undefined;
  const spec = { kind: 'supplement-request', profile: r.ruleProfile, header: r.header } as const;

  return renderPdf({ ...spec, generatedAt: r.generatedAt ?? r.issuedAt }, (doc) => {
    formMark(doc, { ...spec, legalBasis: r.legalBasis });
    headingBlock(doc, r.header, { documentNumber: r.documentNumber, date: r.issuedAt });
    titleBlock(
      doc,
      formTitle(r.ruleProfile, 'supplement-request'),
      r.dossierCode ? [`Mã hồ sơ: ${r.dossierCode}`] : [],
    );
    fieldLines(
      doc,
      [
        ...applicantLines(r.applicant, 'Hồ sơ của'),
        ['Nội dung yêu cầu giải quyết', procedureText(r.procedure)],
        ['Thời gian tiếp nhận hồ sơ', r.receivedAt && formatDateTime(r.receivedAt)],
      ],
      qr,
    );
    paragraph(doc, INTRO[r.stage]);
    drawTable(doc, {
      columns: [
        { header: 'TT', width: 4, align: 'center' },
        { header: 'Thành phần hồ sơ', width: 20 },
        { header: 'Nội dung cần bổ sung, hoàn thiện', width: 22 },
        { header: 'Bản chính', width: 7, align: 'center' },
        { header: 'Bản chứng thực', width: 9, align: 'center' },
        { header: 'Bản sao', width: 7, align: 'center' },
      ],
      rows: r.items.map((item, i) => [
        String(i + 1),
        item.name,
        item.requirement ?? '',
        String(item.originals),
        String(item.certifiedCopies),
        String(item.copies),
      ]),
    });
    fieldLines(doc, [['Lý do', r.reason]]);
    if (r.guidanceSource) {
      paragraph(doc, `Quy định về thủ tục hành chính được công khai tại: ${r.guidanceSource}.`);
    }
    const phone = r.contact.phone ? `, số điện thoại ${r.contact.phone}` : '';
    paragraph(
      doc,
      `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ ${r.contact.name}${phone} để được hướng dẫn.`,
    );
    signatureRow(doc, { heading: 'NGƯỜI HƯỚNG DẪN', note: '(Ký và ghi rõ họ tên)', name: r.officer.name });
  });
}

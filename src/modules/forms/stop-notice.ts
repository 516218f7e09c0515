import { addresseeLines, procedureText } from './common-fields.ts';
import { formatDateTime } from './format.ts';
import { type StopNotice, type StopNoticeInput, stopNoticeInputSchema } from './forms.types.ts';
import {
  fieldLines,
  formMark,
  headingBlock,
  list,
  paragraph,
  qrPng,
  renderPdf,
  signatureRow,
  titleBlock,
} from './pdf.ts';
import { formTitle, requireFormNumber } from './profiles.ts';

// Mẫu 05 of Circular 03/2025 — Thông báo dừng giải quyết hồ sơ. New with Decree 118/2025: a dossier under
// the Decree 61/2018 profile cannot be stopped this way, so that profile is refused.

export async function stopNoticePdf(input: StopNoticeInput): Promise<Buffer> {
  const r: StopNotice = stopNoticeInputSchema.parse(input);
  requireFormNumber(r.ruleProfile, 'stop-notice');
  const qr = r.lookupUrl ? await qrPng(r.lookupUrl) : undefined;
  const spec = { kind: 'stop-notice', profile: r.ruleProfile, header: r.header } as const;

  return renderPdf({ ...spec, generatedAt: r.generatedAt ?? r.issuedAt }, (doc) => {
    formMark(doc, { ...spec, legalBasis: r.legalBasis });
    headingBlock(doc, r.header, { documentNumber: r.documentNumber, date: r.issuedAt });
    titleBlock(doc, formTitle(r.ruleProfile, 'stop-notice'), [`Mã hồ sơ: ${r.dossierCode}`]);
    fieldLines(
      doc,
      [
        ...addresseeLines(r.applicant),
        ['Nội dung yêu cầu giải quyết', procedureText(r.procedure)],
        ['Thời gian tiếp nhận hồ sơ', formatDateTime(r.receivedAt)],
      ],
      qr,
    );
    paragraph(
      doc,
      `${r.header.agency} thông báo dừng giải quyết hồ sơ nêu trên kể từ ${formatDateTime(r.stoppedAt ?? r.issuedAt)}, với lý do như sau:`,
    );
    list(doc, r.reasons, (i) => `${i + 1}.`);
    if (r.legalGround) fieldLines(doc, [['Căn cứ', r.legalGround]]);
    if (r.guidance) paragraph(doc, r.guidance);
    paragraph(doc, 'Thông báo để ông/bà được biết./.');
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

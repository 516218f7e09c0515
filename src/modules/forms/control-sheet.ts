import { applicantLines, procedureText } from './common-fields.ts';
import { formatDateTime, formatDateTimeShort, stepResultLabel } from './format.ts';
import { type ControlSheet, type ControlSheetInput, controlSheetInputSchema } from './forms.types.ts';
import { fieldLines, formMark, headingBlock, qrPng, renderPdf, titleBlock } from './pdf.ts';
import { drawTable } from './pdf-table.ts';
import { formTitle } from './profiles.ts';

// Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05 of 2018, Mẫu 06 of 2025): one row per hand-over,
// giver and receiver, when, the step's deadline and whether it was early, on time or late.

function party(p: { agency: string; person?: string | undefined }): string {
  return p.person ? `${p.agency} (${p.person})` : p.agency;
}

export async function controlSheetPdf(input: ControlSheetInput): Promise<Buffer> {
  const r: ControlSheet = controlSheetInputSchema.parse(input);
  const qr = r.lookupUrl ? await qrPng(r.lookupUrl) : undefined;
  const spec = { kind: 'control-sheet', profile: r.ruleProfile, header: r.header } as const;
  const attached = r.receiptNumber
    ? [`(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: ${r.receiptNumber})`]
    : [];

  return renderPdf(
    { ...spec, generatedAt: r.generatedAt ?? r.issuedAt },
    (doc) => {
      formMark(doc, { ...spec, legalBasis: r.legalBasis });
      headingBlock(doc, r.header, { documentNumber: r.documentNumber, date: r.issuedAt });
      titleBlock(doc, formTitle(r.ruleProfile, 'control-sheet'), [`Mã hồ sơ: ${r.dossierCode}`, ...attached]);
      fieldLines(
        doc,
        [
          ...applicantLines(r.applicant, 'Người nộp hồ sơ'),
          ['Thủ tục hành chính', procedureText(r.procedure)],
          [
            ['Nhận hồ sơ', formatDateTime(r.receivedAt)],
            ['Hẹn trả', formatDateTime(r.appointmentAt)],
          ],
          ['Cơ quan chủ trì giải quyết', r.leadAgency],
          [
            'Cơ quan phối hợp giải quyết',
            r.coordinatingAgencies.length > 0 ? r.coordinatingAgencies.join('; ') : undefined,
          ],
        ],
        qr,
      );
      drawTable(doc, {
        columns: [
          { header: 'TT', width: 4, align: 'center' },
          { header: 'Bước xử lý, tên cơ quan giao, nhận', width: 33 },
          { header: 'Thời gian giao, nhận hồ sơ', width: 11, align: 'center' },
          { header: 'Hạn xử lý của bước', width: 11, align: 'center' },
          { header: 'Kết quả (Trước hạn, Đúng hạn, Quá hạn)', width: 11, align: 'center' },
          { header: 'Ghi chú', width: 8 },
        ],
        rows: r.handovers.map((h, i) => [
          String(i + 1),
          `${h.stepName}\n1. Giao: ${party(h.from)}\n2. Nhận: ${party(h.to)}`,
          formatDateTimeShort(h.at),
          h.stepDeadline ? formatDateTimeShort(h.stepDeadline) : '',
          stepResultLabel(h.result),
          h.note ?? '',
        ]),
        fontSize: 7.5,
        headerFontSize: 7,
      });
    },
    `Mã hồ sơ ${r.dossierCode}`,
  );
}

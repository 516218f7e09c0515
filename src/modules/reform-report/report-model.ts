import { z } from 'zod';

// Inputs of the yearly reform report routes; every message is Vietnamese.

export const yearSchema = z.coerce
  .number('Năm phải là số.')
  .int('Năm phải là số nguyên.')
  .min(2000, 'Năm không hợp lệ (từ 2000).')
  .max(2100, 'Năm không hợp lệ (đến 2100).');
const planId = z.uuid('Mã kế hoạch không hợp lệ.');
const version = z.int('Phiên bản phải là số nguyên.').min(1, 'Phiên bản không hợp lệ.');
const longText = (label: string) => z.string().max(20_000, `${label} tối đa 20.000 ký tự.`);

export const yearQuery = z.object({ year: yearSchema, planId: planId.optional() });

export const createReportBody = z.object({
  agencyId: z.uuid('Mã cơ quan không hợp lệ.'),
  year: yearSchema,
  planId: planId.optional(),
});
export type CreateReportInput = z.infer<typeof createReportBody>;

export const updateReportBody = z.object({
  version,
  areaTexts: z.record(z.uuid('Mã lĩnh vực không hợp lệ.'), longText('Nội dung lĩnh vực')).optional(),
  summary: longText('Đánh giá chung').optional(),
  difficulties: longText('Tồn tại, hạn chế').optional(),
  proposals: longText('Kiến nghị, đề xuất').optional(),
});
export type UpdateReportInput = z.infer<typeof updateReportBody>;

export const versionBody = z.object({ version });

export const returnBody = z.object({
  version,
  comment: z
    .string('Vui lòng nhập ý kiến khi trả lại báo cáo.')
    .trim()
    .min(5, 'Vui lòng nhập ý kiến khi trả lại báo cáo (ít nhất 5 ký tự).')
    .max(5000, 'Ý kiến tối đa 5.000 ký tự.'),
});

export const consolidatedFileQuery = yearQuery.extend({
  document: z.enum(['report', 'review'], 'Tài liệu phải là "report" hoặc "review".'),
  format: z.enum(['docx', 'pdf'], 'Định dạng phải là "docx" hoặc "pdf".'),
});

import { z } from 'zod';
import { normalizePhone } from '../auth/identifiers.ts';
import { MAX_RESPONSE_DAYS } from './feedback-deadline.ts';
import { feedbackSubjectKinds } from './schema.ts';

// Inputs of the feedback routes; every message is Vietnamese.

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => v || undefined)
    .optional();

export const fileIdSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'Mã tệp phải là 64 ký tự thập lục phân (SHA-256).')
  .transform((v) => v.toLowerCase());

export const feedbackTextInput = z.object({
  title: z
    .string('Vui lòng nhập tiêu đề.')
    .trim()
    .min(5, 'Vui lòng nhập tiêu đề (ít nhất 5 ký tự).')
    .max(200, 'Tiêu đề tối đa 200 ký tự.'),
  content: z
    .string('Vui lòng trình bày nội dung phản ánh, kiến nghị.')
    .trim()
    .min(20, 'Vui lòng trình bày nội dung phản ánh, kiến nghị (ít nhất 20 ký tự).')
    .max(5000, 'Nội dung tối đa 5.000 ký tự.'),
});

export const submitFeedbackBody = z.strictObject({
  subjectKind: z.enum(feedbackSubjectKinds, 'Vui lòng chọn nội dung phản ánh về vấn đề gì.'),
  procedureCode: optionalText(30, 'Mã thủ tục không hợp lệ.'),
  agencyId: z.uuid('Cơ quan không hợp lệ.').optional(),
  ...feedbackTextInput.shape,
  senderName: optionalText(200, 'Họ tên tối đa 200 ký tự.'),
  senderPhone: z
    .string()
    .trim()
    .max(20)
    .transform((v, ctx) => {
      if (!v) return undefined;
      const phone = normalizePhone(v);
      if (!phone) {
        ctx.addIssue({ code: 'custom', message: 'Số điện thoại di động không hợp lệ (ví dụ 0912345678).' });
        return z.NEVER;
      }
      return phone;
    })
    .optional(),
  senderEmail: z
    .string()
    .trim()
    .max(254, 'Email tối đa 254 ký tự.')
    .transform((v, ctx) => {
      if (!v) return undefined;
      if (!z.email().safeParse(v).success) {
        ctx.addIssue({ code: 'custom', message: 'Email không hợp lệ (ví dụ ten@example.vn).' });
        return z.NEVER;
      }
      return v.toLowerCase();
    })
    .optional(),
  senderAddress: optionalText(500, 'Địa chỉ tối đa 500 ký tự.'),
  consentToPublish: z.boolean('Vui lòng cho biết bạn có đồng ý công khai nội dung hay không.'),
  attachments: z
    .array(z.strictObject({ fileId: fileIdSchema, name: z.string().trim().min(1).max(200) }))
    .max(5, 'Tối đa 5 tệp đính kèm.')
    .default([]),
});
export type SubmitFeedbackInput = z.infer<typeof submitFeedbackBody>;

const reason = (what: string) =>
  z
    .string(`Vui lòng nhập ${what}.`)
    .trim()
    .min(5, `Vui lòng nhập ${what} (ít nhất 5 ký tự).`)
    .max(2000, `${what} tối đa 2.000 ký tự.`);

export const feedbackActionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('assign'),
      subjectKind: z.enum(feedbackSubjectKinds).optional(),
      field: optionalText(200, 'Lĩnh vực tối đa 200 ký tự.'),
      agencyId: z.uuid('Vui lòng chọn cơ quan xử lý.'),
      responseDays: z
        .number()
        .int('Thời hạn là số ngày làm việc nguyên.')
        .min(1, 'Thời hạn trả lời ít nhất 1 ngày làm việc.')
        .max(MAX_RESPONSE_DAYS, `Thời hạn trả lời tối đa ${MAX_RESPONSE_DAYS} ngày làm việc.`)
        .optional(),
      note: optionalText(2000, 'Ghi chú tối đa 2.000 ký tự.'),
    }),
    z.strictObject({
      type: z.literal('reassign'),
      agencyId: z.uuid('Vui lòng chọn cơ quan xử lý.'),
      responseDays: z.number().int().min(1).max(MAX_RESPONSE_DAYS).optional(),
      reason: reason('lý do chuyển'),
    }),
    z.strictObject({ type: z.literal('reject'), reason: reason('lý do từ chối') }),
    z.strictObject({
      type: z.literal('mark_duplicate'),
      duplicateOfCode: z
        .string('Vui lòng nhập mã phản ánh bị trùng.')
        .trim()
        .min(1, 'Vui lòng nhập mã phản ánh bị trùng.')
        .max(20),
    }),
    z.strictObject({
      type: z.literal('answer'),
      answer: z
        .string('Vui lòng nhập nội dung trả lời.')
        .trim()
        .min(20, 'Vui lòng nhập nội dung trả lời (ít nhất 20 ký tự).')
        .max(10000, 'Nội dung trả lời tối đa 10.000 ký tự.'),
      containsPersonalData: z.boolean('Vui lòng cho biết câu trả lời có chứa thông tin cá nhân không.'),
      publicContent: optionalText(5000, 'Nội dung công khai tối đa 5.000 ký tự.'),
      publicAnswer: optionalText(10000, 'Câu trả lời công khai tối đa 10.000 ký tự.'),
    }),
    z.strictObject({
      type: z.literal('publish'),
      publicContent: optionalText(5000, 'Nội dung công khai tối đa 5.000 ký tự.'),
      publicAnswer: optionalText(10000, 'Câu trả lời công khai tối đa 10.000 ký tự.'),
    }),
  ],
  'Thao tác không hợp lệ.',
);
export type FeedbackAction = z.infer<typeof feedbackActionSchema>;

export const satisfactionBody = z.strictObject({
  satisfaction: z.enum(['satisfied', 'dissatisfied'], 'Vui lòng chọn hài lòng hoặc không hài lòng.'),
  comment: optionalText(1000, 'Góp ý tối đa 1.000 ký tự.'),
});
export type SatisfactionInput = z.infer<typeof satisfactionBody>;

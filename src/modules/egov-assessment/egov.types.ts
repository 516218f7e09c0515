import { z } from 'zod';
import { criterionKinds, systemSources } from './schema.ts';

// Inputs of the e-government self-assessment routes; every message is Vietnamese.

export const yearSchema = z.coerce
  .number('Năm phải là số.')
  .int('Năm phải là số nguyên.')
  .min(2000, 'Năm không hợp lệ (từ 2000).')
  .max(2100, 'Năm không hợp lệ (đến 2100).');
const version = z.int('Phiên bản không hợp lệ.').min(1, 'Phiên bản không hợp lệ.');

const criterionFields = {
  code: z
    .string('Vui lòng nhập số thứ tự tiêu chí.')
    .trim()
    .min(1, 'Vui lòng nhập số thứ tự tiêu chí.')
    .max(12, 'Số thứ tự tối đa 12 ký tự.'),
  groupName: z
    .string('Vui lòng nhập nhóm tiêu chí.')
    .trim()
    .min(2, 'Vui lòng nhập nhóm tiêu chí.')
    .max(200, 'Tên nhóm tối đa 200 ký tự.'),
  title: z
    .string('Vui lòng nhập nội dung tiêu chí.')
    .trim()
    .min(5, 'Vui lòng nhập nội dung tiêu chí (ít nhất 5 ký tự).')
    .max(500, 'Nội dung tiêu chí tối đa 500 ký tự.'),
  kind: z.enum(criterionKinds, 'Loại tiêu chí phải là số liệu hệ thống, số nhập, có/không hoặc mức độ.'),
  source: z.enum(systemSources, 'Nguồn số liệu hệ thống không hợp lệ.').nullable().optional(),
  unit: z.string().trim().max(20, 'Đơn vị tính tối đa 20 ký tự.').default(''),
  target: z
    .number('Chỉ tiêu phải là số.')
    .min(0, 'Chỉ tiêu không được âm.')
    .max(1_000_000, 'Chỉ tiêu quá lớn.'),
  weight: z.number('Trọng số phải là số.').min(0, 'Trọng số không được âm.').max(100, 'Trọng số tối đa 100.'),
  maxLevel: z
    .int('Mức tối đa phải là số nguyên.')
    .min(1, 'Mức tối đa từ 1.')
    .max(10, 'Mức tối đa đến 10.')
    .nullable()
    .optional(),
  forAgencies: z.boolean().default(true),
  forUnit: z.boolean().default(true),
  note: z.string().trim().max(1000, 'Ghi chú tối đa 1.000 ký tự.').nullable().optional(),
};

const kindCheck = (c: { kind?: string; source?: string | null; maxLevel?: number | null }) =>
  c.kind === undefined || (c.kind === 'system') === Boolean(c.source);
const kindMessage = {
  message: 'Tiêu chí lấy số liệu hệ thống phải chọn nguồn số liệu; tiêu chí khác không có nguồn.',
  path: ['source'],
};

export const createCriterionBody = z
  .strictObject({ year: yearSchema.pipe(z.int()), ...criterionFields })
  .refine(kindCheck, kindMessage);
export type CreateCriterionInput = z.infer<typeof createCriterionBody>;

export const updateCriterionBody = z
  .strictObject({
    version,
    ...(Object.fromEntries(
      Object.entries(criterionFields).map(([k, v]) => [k, (v as z.ZodType).optional()]),
    ) as { [K in keyof typeof criterionFields]: z.ZodOptional<(typeof criterionFields)[K]> }),
  })
  .refine(kindCheck, kindMessage);
export type UpdateCriterionInput = z.infer<typeof updateCriterionBody>;

export const copyCriteriaBody = z.strictObject({ fromYear: yearSchema, toYear: yearSchema });

export const openAssessmentBody = z
  .strictObject({
    year: yearSchema,
    agencyId: z.uuid('Mã cơ quan không hợp lệ.').optional(),
    unitId: z.uuid('Mã đơn vị hành chính không hợp lệ.').optional(),
  })
  .refine((b) => Boolean(b.agencyId) !== Boolean(b.unitId), {
    message: 'Chọn một cơ quan, hoặc đơn vị hành chính cho bản tự đánh giá chung.',
    path: ['agencyId'],
  });
export type OpenAssessmentInput = z.infer<typeof openAssessmentBody>;

export const saveValuesBody = z.strictObject({
  version,
  values: z
    .array(
      z.strictObject({
        criterionId: z.uuid('Mã tiêu chí không hợp lệ.'),
        value: z.number('Giá trị phải là số.').nullable(),
        evidence: z.string().trim().max(2000, 'Minh chứng tối đa 2.000 ký tự.').nullable().optional(),
      }),
    )
    .max(200, 'Tối đa 200 tiêu chí.'),
});
export type SaveValuesInput = z.infer<typeof saveValuesBody>;

export const versionBody = z.strictObject({ version });

export const reviewBody = z.strictObject({
  version,
  decision: z.enum(['accept', 'return'], 'Chọn chấp nhận hoặc trả lại.'),
  note: z.string().trim().max(2000, 'Ý kiến tối đa 2.000 ký tự.').nullable().optional(),
});
export type ReviewInput = z.infer<typeof reviewBody>;

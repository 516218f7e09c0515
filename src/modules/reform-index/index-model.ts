import { z } from 'zod';
import { indicatorKeys } from '../kpi/formulas.ts';
import { nodeKinds, yearStatuses } from './schema.ts';

// Request bodies of the reform index API, each validated on its route (OpenAPI is generated from them).

const points = z
  .number('Điểm phải là một số.')
  .min(0, 'Điểm không được âm.')
  .max(100, 'Điểm không được vượt quá 100.');
const percent = z
  .number('Ngưỡng phải là một số.')
  .min(0, 'Ngưỡng từ 0 đến 100.')
  .max(100, 'Ngưỡng từ 0 đến 100.');
const comment = z.string().trim().max(2000, 'Nhận xét tối đa 2000 ký tự.');
export const fileIdSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'Mã tệp phải là 64 ký tự thập lục phân (SHA-256).')
  .transform((v) => v.toLowerCase());

export const scaleSchema = z
  .array(
    z.object({
      min: percent,
      share: z
        .number('Tỷ lệ điểm phải là một số.')
        .min(0, 'Tỷ lệ điểm từ 0 đến 1.')
        .max(1, 'Tỷ lệ điểm từ 0 đến 1.'),
    }),
  )
  .min(1, 'Thang điểm cần ít nhất một mức.')
  .max(10, 'Thang điểm tối đa 10 mức.');

export const gradeBandsSchema = z
  .array(z.object({ min: percent, label: z.string().trim().min(1, 'Vui lòng nhập tên xếp loại.').max(40) }))
  .min(1, 'Cần ít nhất một mức xếp loại.')
  .max(10, 'Tối đa 10 mức xếp loại.');

export const rewardRuleSchema = z.object({
  grades: z.array(z.string().trim().min(1).max(40)).max(10),
  topN: z
    .number()
    .int('Số đơn vị phải là số nguyên.')
    .min(1, 'Số đơn vị tối thiểu là 1.')
    .max(100)
    .nullable(),
});

const yearNumber = z
  .number('Năm không hợp lệ.')
  .int('Năm không hợp lệ.')
  .min(2000, 'Năm không hợp lệ.')
  .max(2100, 'Năm không hợp lệ.');
const isoDate = z.iso.date('Ngày không hợp lệ (YYYY-MM-DD).');

export const createYearBody = z.object({
  year: yearNumber,
  title: z.string().trim().min(3, 'Vui lòng nhập tên kỳ đánh giá.').max(300),
  /** Copy the criteria tree, bands, reward rule and agencies of this year; without it, start empty. */
  copyFromYearId: z.uuid('Mã kỳ không hợp lệ.').optional(),
  /** The agencies assessed; with a copy, defaults to those of the copied year. */
  agencyIds: z.array(z.uuid('Mã cơ quan không hợp lệ.')).max(500).optional(),
});
export type CreateYearInput = z.infer<typeof createYearBody>;

export const updateYearBody = z.object({
  version: z.number().int(),
  title: z.string().trim().min(3, 'Vui lòng nhập tên kỳ đánh giá.').max(300).optional(),
  selfDeadline: isoDate.nullable().optional(),
  gradeBands: gradeBandsSchema.optional(),
  rewardRule: rewardRuleSchema.optional(),
  agencyIds: z
    .array(z.uuid('Mã cơ quan không hợp lệ.'))
    .min(1, 'Cần ít nhất một cơ quan được đánh giá.')
    .max(500)
    .optional(),
});
export type UpdateYearInput = z.infer<typeof updateYearBody>;

export const transitionBody = z.object({
  version: z.number().int(),
  to: z.enum(yearStatuses, 'Trạng thái không hợp lệ.'),
});

const nodeFields = {
  title: z.string().trim().min(2, 'Vui lòng nhập tên tiêu chí.').max(1000),
  maxPoints: points,
  evidenceRequired: z.boolean().optional(),
  guidance: z.string().trim().max(4000).nullable().optional(),
  indicatorKey: z.enum(indicatorKeys, 'Chỉ tiêu không hợp lệ.').nullable().optional(),
  scale: scaleSchema.nullable().optional(),
};

export const createNodeBody = z.object({
  parentId: z.uuid('Mã mục cha không hợp lệ.').nullable(),
  code: z.string().trim().min(1, 'Vui lòng nhập số thứ tự.').max(16),
  kind: z.enum(nodeKinds, 'Loại tiêu chí không hợp lệ.'),
  ...nodeFields,
});
export type CreateNodeInput = z.infer<typeof createNodeBody>;

export const updateNodeBody = z.object({
  code: z.string().trim().min(1, 'Vui lòng nhập số thứ tự.').max(16).optional(),
  title: nodeFields.title.optional(),
  maxPoints: points.optional(),
  evidenceRequired: z.boolean().optional(),
  guidance: nodeFields.guidance,
  indicatorKey: nodeFields.indicatorKey,
  scale: nodeFields.scale,
});
export type UpdateNodeInput = z.infer<typeof updateNodeBody>;

export const selfScoreBody = z.object({
  /** The row version read (0 when the agency has not scored this criterion yet). */
  version: z.number().int(),
  score: points,
  comment: comment.nullable().optional(),
  evidence: z
    .array(z.object({ fileId: fileIdSchema, name: z.string().trim().min(1).max(200) }))
    .max(20, 'Tối đa 20 tệp minh chứng.')
    .optional(),
});
export type SelfScoreInput = z.infer<typeof selfScoreBody>;

export const appraiseBody = z.object({
  version: z.number().int(),
  score: points,
  comment: comment.nullable().optional(),
});
export type AppraiseInput = z.infer<typeof appraiseBody>;

export const respondBody = z.object({
  version: z.number().int(),
  comment: comment.min(3, 'Vui lòng nhập ý kiến giải trình.'),
});

import { z } from 'zod';
import { indicatorKeys } from '../kpi/formulas.ts';
import { areaKinds, occurrenceStatuses, planStatuses, recurrences, targetMeasures } from './schema.ts';

// Inputs of the reform-plan routes; every message is Vietnamese.

const year = z
  .int('Năm phải là số nguyên.')
  .min(2000, 'Năm không hợp lệ (từ 2000).')
  .max(2100, 'Năm không hợp lệ (đến 2100).');
const isoDate = z.iso.date('Ngày phải có dạng YYYY-MM-DD.');
const optionalText = (max: number, message: string) =>
  z.string().trim().max(max, message).nullable().optional();
const agencyId = z.uuid('Mã cơ quan không hợp lệ.');

export const fileIdSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'Mã tệp phải là 64 ký tự thập lục phân (SHA-256).')
  .transform((v) => v.toLowerCase());

export const evidenceInput = z
  .array(
    z.strictObject({
      fileId: fileIdSchema,
      name: z.string().trim().min(1, 'Vui lòng nhập tên tệp.').max(200, 'Tên tệp tối đa 200 ký tự.'),
    }),
  )
  .max(10, 'Tối đa 10 tệp minh chứng mỗi lần.')
  .default([]);

const areaInput = z.strictObject({
  kind: z.enum(areaKinds, 'Loại lĩnh vực phải là nhiệm vụ hoặc giải pháp.'),
  code: z.string().trim().min(1, 'Vui lòng nhập số thứ tự lĩnh vực.').max(12),
  title: z.string().trim().min(3, 'Vui lòng nhập tên lĩnh vực.').max(300, 'Tên lĩnh vực tối đa 300 ký tự.'),
});

const planFields = {
  title: z
    .string('Vui lòng nhập tên kế hoạch.')
    .trim()
    .min(5, 'Vui lòng nhập tên kế hoạch (ít nhất 5 ký tự).')
    .max(300, 'Tên kế hoạch tối đa 300 ký tự.'),
  fromYear: year,
  toYear: year,
  decisionNumber: optionalText(60, 'Số quyết định tối đa 60 ký tự.'),
  decisionDate: isoDate.nullable().optional(),
  issuingAgencyId: agencyId.nullable().optional(),
  coordinatingAgencyId: agencyId.nullable().optional(),
  summary: optionalText(5000, 'Tóm tắt tối đa 5.000 ký tự.'),
};

const periodCheck = (p: { fromYear?: number; toYear?: number }) =>
  p.fromYear === undefined ||
  p.toYear === undefined ||
  (p.toYear >= p.fromYear && p.toYear - p.fromYear <= 10);
const periodMessage = {
  message: 'Giai đoạn không hợp lệ: năm kết thúc phải từ năm bắt đầu trở đi, tối đa 10 năm.',
  path: ['toYear'],
};

export const createPlanBody = z
  .strictObject({
    ...planFields,
    unitId: z.uuid('Vui lòng chọn đơn vị hành chính của kế hoạch.'),
    status: z.enum(planStatuses, 'Trạng thái kế hoạch không hợp lệ.').default('draft'),
    /** Omitted: the seven task areas and six solution lines of the 2021–2025 master plan. */
    areas: z.array(areaInput).max(40, 'Tối đa 40 lĩnh vực.').optional(),
  })
  .refine(periodCheck, periodMessage);
export type CreatePlanInput = z.infer<typeof createPlanBody>;

/**
 * The version the editor read (optimistic concurrency): a stale one is refused with 409 and changes nothing.
 * Optional for scripts that set one field (e.g. the status) without reading first.
 */
const expectedVersion = z.int('Phiên bản không hợp lệ.').min(1, 'Phiên bản không hợp lệ.');

export const updatePlanBody = z
  .strictObject({
    ...planFields,
    status: z.enum(planStatuses, 'Trạng thái kế hoạch không hợp lệ.'),
    version: expectedVersion,
  })
  .partial()
  .refine(periodCheck, periodMessage);
export type UpdatePlanInput = z.infer<typeof updatePlanBody>;

export const copyPlanBody = z
  .strictObject({
    title: planFields.title,
    fromYear: year,
    toYear: year.optional(),
  })
  .refine(periodCheck, periodMessage);
export type CopyPlanInput = z.infer<typeof copyPlanBody>;

export const addAreaBody = areaInput;

const targetFields = {
  code: z.string().trim().min(1, 'Vui lòng nhập số thứ tự mục tiêu.').max(8, 'Số thứ tự tối đa 8 ký tự.'),
  title: z
    .string()
    .trim()
    .min(5, 'Vui lòng nhập nội dung mục tiêu.')
    .max(1000, 'Mục tiêu tối đa 1.000 ký tự.'),
  measure: z.enum(targetMeasures, 'Cách đo phải là tỷ lệ phần trăm hoặc đạt/không đạt.'),
  op: z.enum(['>', '>='], 'Phép so sánh phải là > hoặc >=.').nullable().optional(),
  targetValue: z
    .number('Giá trị mục tiêu phải là số.')
    .min(0, 'Giá trị mục tiêu từ 0 đến 100.')
    .max(100, 'Giá trị mục tiêu từ 0 đến 100.')
    .nullable()
    .optional(),
  indicatorKey: z.enum(indicatorKeys, 'Chỉ số không hợp lệ.').nullable().optional(),
};
const targetCheck = (t: { measure?: string; op?: string | null; targetValue?: number | null }) =>
  t.measure !== 'percent' || (t.op != null && t.targetValue != null);
const targetMessage = {
  message: 'Mục tiêu tính theo tỷ lệ cần phép so sánh và giá trị cần đạt.',
  path: ['targetValue'],
};

export const createTargetBody = z.strictObject(targetFields).refine(targetCheck, targetMessage);
export type CreateTargetInput = z.infer<typeof createTargetBody>;
export const updateTargetBody = z.strictObject(targetFields).partial();
export type UpdateTargetInput = z.infer<typeof updateTargetBody>;

export const actualBody = z.strictObject({
  value: z
    .number('Vui lòng nhập kết quả đạt được.')
    .min(0, 'Kết quả từ 0 đến 100.')
    .max(100, 'Kết quả từ 0 đến 100.'),
  note: optionalText(2000, 'Ghi chú tối đa 2.000 ký tự.'),
  evidence: evidenceInput,
});
export type ActualInput = z.infer<typeof actualBody>;

const taskFields = {
  areaId: z.uuid('Vui lòng chọn lĩnh vực của nhiệm vụ.'),
  description: z
    .string('Vui lòng nhập nội dung nhiệm vụ.')
    .trim()
    .min(5, 'Vui lòng nhập nội dung nhiệm vụ (ít nhất 5 ký tự).')
    .max(3000, 'Nội dung nhiệm vụ tối đa 3.000 ký tự.'),
  leadAgencyId: z.uuid('Vui lòng chọn cơ quan chủ trì.'),
  coordinatingAgencyIds: z.array(agencyId).max(50, 'Tối đa 50 cơ quan phối hợp.').default([]),
  recurrence: z.enum(recurrences, 'Thời hạn phải là một lần, hằng năm hoặc hằng quý.'),
  dueDate: isoDate.nullable().optional(),
  dueMonth: z
    .int('Tháng phải là số nguyên.')
    .min(1, 'Tháng từ 1 đến 12.')
    .max(12, 'Tháng từ 1 đến 12.')
    .nullable()
    .optional(),
  dueDay: z
    .int('Ngày phải là số nguyên.')
    .min(1, 'Ngày từ 1 đến 31.')
    .max(31, 'Ngày từ 1 đến 31.')
    .nullable()
    .optional(),
  expectedOutput: optionalText(1000, 'Sản phẩm dự kiến tối đa 1.000 ký tự.'),
};
type ScheduleFields = {
  recurrence?: string;
  dueDate?: string | null;
  dueMonth?: number | null;
  dueDay?: number | null;
};
const scheduleIssue = (t: ScheduleFields): { message: string; path: string[] } | null => {
  if (t.recurrence === 'once' && !t.dueDate)
    return { message: 'Nhiệm vụ thực hiện một lần cần có hạn hoàn thành.', path: ['dueDate'] };
  if (t.recurrence === 'yearly' && (!t.dueMonth || !t.dueDay))
    return { message: 'Nhiệm vụ hằng năm cần ngày và tháng đến hạn (ví dụ 30/10).', path: ['dueDay'] };
  if (t.recurrence === 'quarterly' && !t.dueDay)
    return { message: 'Nhiệm vụ hằng quý cần ngày đến hạn trong tháng cuối quý.', path: ['dueDay'] };
  return null;
};
const withSchedule = <T extends z.ZodType<ScheduleFields>>(schema: T) =>
  schema.superRefine((t, ctx) => {
    if (t.recurrence === undefined) return;
    const issue = scheduleIssue(t);
    if (issue) ctx.addIssue({ code: 'custom', ...issue });
  });

export const createTaskBody = withSchedule(z.strictObject(taskFields));
export type CreateTaskInput = z.infer<typeof createTaskBody>;
// No default for the coordinating agencies here: a change that does not mention them keeps them.
export const updateTaskBody = withSchedule(
  z
    .strictObject({
      ...taskFields,
      coordinatingAgencyIds: z.array(agencyId).max(50, 'Tối đa 50 cơ quan phối hợp.'),
      version: expectedVersion,
    })
    .partial(),
);
export type UpdateTaskInput = z.infer<typeof updateTaskBody>;

export const progressBody = z.strictObject({
  occurrenceId: z.uuid('Vui lòng chọn kỳ thực hiện.'),
  status: z.enum(occurrenceStatuses, 'Trạng thái không hợp lệ.'),
  percent: z
    .int('Tiến độ phải là số nguyên.')
    .min(0, 'Tiến độ từ 0 đến 100%.')
    .max(100, 'Tiến độ từ 0 đến 100%.'),
  note: optionalText(3000, 'Ghi chú tối đa 3.000 ký tự.'),
  evidence: evidenceInput,
});
export type ProgressInput = z.infer<typeof progressBody>;

export const taskFilterQuery = z.object({
  areaId: z.uuid('Lĩnh vực không hợp lệ.').optional(),
  agencyId: z.uuid('Cơ quan không hợp lệ.').optional(),
  state: z.enum(['open', 'overdue', 'done'], 'Bộ lọc trạng thái không hợp lệ.').optional(),
  q: z.string().trim().max(200).optional(),
});
export type TaskFilter = z.infer<typeof taskFilterQuery>;

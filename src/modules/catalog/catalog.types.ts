import { z } from 'zod';
import {
  documentGroupSchema,
  onlineModeSchema,
  procedureLevelSchema,
  processStepSchema,
  submissionChannelSchema,
  timeUnitSchema,
} from './procedure.types.ts';

const pageParams = {
  page: z.coerce.number().int().min(1, 'Số trang phải từ 1 trở lên.').max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, 'Mỗi trang tối đa 100 dòng.').default(20),
};

export const searchQuery = z.object({
  q: z.string().max(200, 'Từ khóa tìm kiếm tối đa 200 ký tự.').optional(),
  field: z.string().max(300).optional(),
  level: procedureLevelSchema.optional(),
  online: onlineModeSchema.optional(),
  agency: z.uuid('Mã cơ quan không hợp lệ.').optional(),
  ...pageParams,
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const adminSearchQuery = searchQuery.extend({
  published: z.enum(['true', 'false']).optional(),
  flagged: z.enum(['true', 'false']).optional(),
});

export const procedureSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  levels: z.array(z.string()),
  onlineMode: onlineModeSchema,
  processingTimeValue: z.number().nullable(),
  processingTimeUnit: timeUnitSchema.nullable(),
  processingTimeText: z.string().nullable(),
  feeText: z.string().nullable(),
});
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;

export const adminProcedureSummarySchema = procedureSummarySchema.extend({
  published: z.boolean(),
  openFlags: z.number().int(),
});

export const flagSchema = z.object({
  id: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  attribute: z.string(),
  rawValue: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['open', 'confirmed', 'corrected']),
  resolutionNote: z.string().nullable(),
});

export const procedureDetailSchema = procedureSummarySchema.extend({
  procedureType: z.string().nullable(),
  subjects: z.string().nullable(),
  implementingAgencyText: z.string().nullable(),
  competentAgencyText: z.string().nullable(),
  resultText: z.string().nullable(),
  conditions: z.string().nullable(),
  decisionNo: z.string().nullable(),
  channels: z.array(submissionChannelSchema),
  feeAmountVnd: z.number().nullable(),
  requiredDocuments: z.array(documentGroupSchema),
  legalBasis: z.array(z.string()),
  onlineLevel: z.number().nullable(),
  internalProcess: z.array(processStepSchema),
  internalProcessIsDefault: z.boolean(),
  published: z.boolean(),
  sourceUrl: z.string().nullable(),
  sourceNote: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.date(),
  agencies: z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string() })),
});
export type ProcedureDetail = z.infer<typeof procedureDetailSchema>;

export const adminProcedureDetailSchema = procedureDetailSchema.extend({ flags: z.array(flagSchema) });

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const procedureInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z.\-_]{3,30}$/, 'Mã thủ tục chỉ gồm chữ, số, dấu chấm, gạch; 3–30 ký tự.'),
    name: z.string().trim().min(5, 'Tên thủ tục quá ngắn.').max(1000),
    field: z.string().trim().min(2, 'Vui lòng nhập lĩnh vực.').max(300),
    levels: z.array(procedureLevelSchema).min(1, 'Chọn ít nhất một cấp thực hiện.').max(5),
    processingTimeValue: z.number().min(0).max(3650).nullable(),
    processingTimeUnit: timeUnitSchema.nullable(),
    processingTimeText: optionalText(500),
    feeText: optionalText(2000),
    feeAmountVnd: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
    requiredDocuments: z.array(documentGroupSchema).max(50),
    legalBasis: z.array(z.string().trim().min(1).max(300)).max(100),
    onlineMode: onlineModeSchema,
    onlineLevel: z.number().int().min(1).max(4).nullable().optional(),
    internalProcess: z.array(processStepSchema).max(50),
    resultText: optionalText(3000),
    conditions: optionalText(10000),
    subjects: optionalText(3000),
    competentAgencyText: optionalText(1000),
    implementingAgencyText: optionalText(1000),
    decisionNo: optionalText(100),
    agencyIds: z.array(z.uuid('Mã cơ quan không hợp lệ.')).max(500),
  })
  .strict();
export type ProcedureInput = z.infer<typeof procedureInput>;

export const procedureUpdate = procedureInput.extend({ version: z.number().int().min(1) }).strict();

export const resolveFlagBody = z
  .object({ status: z.enum(['confirmed', 'corrected']), note: z.string().trim().max(1000).optional() })
  .strict();

export const codeParams = z.object({ code: z.string().max(30, 'Mã thủ tục không hợp lệ.') });

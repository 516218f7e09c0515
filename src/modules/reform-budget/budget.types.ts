import { z } from 'zod';
import { budgetActions } from './budget-flow.ts';
import { budgetSources, budgetStatuses } from './schema.ts';

// Request and response shapes of the reform budget API. Amounts are whole đồng.

export const MAX_AMOUNT = 1_000_000_000_000;
const amount = (what: string) =>
  z
    .number(`Vui lòng nhập ${what}.`)
    .int(`${what[0]?.toUpperCase()}${what.slice(1)} phải là số đồng nguyên.`)
    .positive(`${what[0]?.toUpperCase()}${what.slice(1)} phải lớn hơn 0.`)
    .max(MAX_AMOUNT, `${what[0]?.toUpperCase()}${what.slice(1)} tối đa 1.000 tỷ đồng.`);
const text = (min: number, max: number, what: string) =>
  z
    .string(`Vui lòng nhập ${what.toLowerCase()}.`)
    .trim()
    .min(min, `Vui lòng nhập ${what.toLowerCase()}.`)
    .max(max, `${what} tối đa ${max} ký tự.`);
const isoDate = (what: string) => z.iso.date(`${what} không hợp lệ (định dạng YYYY-MM-DD).`);
const version = z
  .number('Thiếu phiên bản dữ liệu.')
  .int('Phiên bản không hợp lệ.')
  .min(1, 'Phiên bản không hợp lệ.');
export const yearSchema = z
  .number('Vui lòng chọn năm.')
  .int('Năm không hợp lệ.')
  .min(2000, 'Năm không hợp lệ.')
  .max(2100, 'Năm không hợp lệ.');

const lineFields = {
  source: z.enum(budgetSources, 'Vui lòng chọn nguồn kinh phí.'),
  description: text(5, 2000, 'Nội dung dự toán'),
  proposedAmount: amount('số tiền đề xuất'),
};

export const lineInput = z.strictObject({
  taskId: z.uuid('Vui lòng chọn nhiệm vụ.'),
  year: yearSchema,
  ...lineFields,
});
export type LineInput = z.infer<typeof lineInput>;
export const lineEdit = z.strictObject({ ...lineFields, version });
export type LineEdit = z.infer<typeof lineEdit>;

export const actionBodies = {
  propose: z.strictObject({ version }),
  cancel: z.strictObject({ version, comment: text(0, 1000, 'Lý do').optional() }),
  return: z.strictObject({ version, comment: text(5, 1000, 'Lý do trả lại') }),
  appraise: z.strictObject({
    version,
    appraisedAmount: amount('số tiền thẩm định'),
    comment: text(0, 2000, 'Ý kiến thẩm định').optional(),
  }),
  approve: z.strictObject({
    version,
    approvedAmount: amount('số tiền phê duyệt'),
    decisionNumber: text(3, 60, 'Số quyết định'),
    decisionDate: isoDate('Ngày quyết định'),
  }),
  disburse: z.strictObject({
    version,
    amount: amount('số tiền giải ngân'),
    paidOn: isoDate('Ngày giải ngân'),
    document: text(2, 120, 'Số chứng từ'),
  }),
  settle: z.strictObject({
    version,
    settledAmount: z
      .number('Vui lòng nhập số tiền quyết toán.')
      .int('Số tiền quyết toán phải là số đồng nguyên.')
      .min(0, 'Số tiền quyết toán không được âm.')
      .max(MAX_AMOUNT, 'Số tiền quyết toán tối đa 1.000 tỷ đồng.'),
    document: text(2, 120, 'Số văn bản quyết toán'),
    settledOn: isoDate('Ngày quyết toán'),
  }),
} as const;
export type StepAction = keyof typeof actionBodies;
export const stepActions = Object.keys(actionBodies) as StepAction[];

export const settingsInput = z.strictObject({
  financeAgencyId: z.uuid('Vui lòng chọn Phòng Tài chính – Kế hoạch.'),
  approvingAgencyId: z.uuid('Vui lòng chọn cơ quan phê duyệt.'),
  unspentPercent: z
    .number('Vui lòng nhập tỷ lệ.')
    .int('Tỷ lệ phải là số nguyên.')
    .min(1, 'Tỷ lệ từ 1% đến 100%.')
    .max(100, 'Tỷ lệ từ 1% đến 100%.'),
  unspentMonth: z.number().int().min(1, 'Tháng không hợp lệ.').max(12, 'Tháng không hợp lệ.'),
  unspentDay: z.number().int().min(1, 'Ngày không hợp lệ.').max(31, 'Ngày không hợp lệ.'),
  version: z.number('Thiếu phiên bản dữ liệu.').int().min(0),
});
export type SettingsInput = z.infer<typeof settingsInput>;

export const linesQuery = z.object({
  year: z.coerce
    .number('Năm không hợp lệ.')
    .int('Năm không hợp lệ.')
    .min(2000, 'Năm không hợp lệ.')
    .max(2100, 'Năm không hợp lệ.')
    .optional(),
  planId: z.uuid('Mã kế hoạch không hợp lệ.').optional(),
  areaId: z.uuid('Mã lĩnh vực không hợp lệ.').optional(),
  agencyId: z.uuid('Mã cơ quan không hợp lệ.').optional(),
  status: z.enum(budgetStatuses, 'Trạng thái không hợp lệ.').optional(),
});
export type LinesQuery = z.infer<typeof linesQuery>;

export const figuresView = z.object({
  proposed: z.number(),
  appraised: z.number(),
  approved: z.number(),
  disbursed: z.number(),
  spent: z.number(),
  remaining: z.number(),
  overrun: z.boolean(),
  unspent: z.boolean(),
});

export const lineView = z.object({
  id: z.string(),
  planId: z.string(),
  taskId: z.string(),
  taskDescription: z.string(),
  areaId: z.string(),
  areaCode: z.string(),
  areaTitle: z.string(),
  leadAgencyId: z.string(),
  leadAgencyName: z.string(),
  year: z.number(),
  status: z.enum(budgetStatuses),
  source: z.enum(budgetSources),
  description: z.string(),
  proposedAmount: z.number(),
  appraisedAmount: z.number().nullable(),
  appraisalComment: z.string().nullable(),
  approvedAmount: z.number().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  settledAmount: z.number().nullable(),
  settlementDocument: z.string().nullable(),
  settledOn: z.string().nullable(),
  version: z.number(),
  figures: figuresView,
  actions: z.array(z.enum(budgetActions)),
});
export type LineView = z.infer<typeof lineView>;

export const lineDetail = z.object({
  line: lineView,
  disbursements: z.array(
    z.object({ id: z.string(), amount: z.number(), paidOn: z.string(), document: z.string() }),
  ),
  history: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actorName: z.string().nullable(),
      at: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  unspentCheckDate: z.string(),
});

const totals = z.object({
  lines: z.number(),
  proposed: z.number(),
  appraised: z.number(),
  approved: z.number(),
  disbursed: z.number(),
  spent: z.number(),
  remaining: z.number(),
  overrun: z.number(),
  unspent: z.number(),
});
export const summaryGroup = totals.extend({ key: z.string(), label: z.string() });
export const summaryView = z.object({
  year: z.number(),
  unspentRule: z.object({ percent: z.number(), checkDate: z.string() }),
  byTask: z.array(summaryGroup.extend({ areaCode: z.string(), agencyName: z.string() })),
  byArea: z.array(summaryGroup),
  byAgency: z.array(summaryGroup),
  total: totals,
});
export type SummaryView = z.infer<typeof summaryView>;

export const settingsView = z.object({
  financeAgencyId: z.string().nullable(),
  approvingAgencyId: z.string().nullable(),
  unspentPercent: z.number(),
  unspentMonth: z.number(),
  unspentDay: z.number(),
  version: z.number(),
  canEdit: z.boolean(),
});

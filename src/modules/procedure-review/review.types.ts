import { z } from 'zod';
import {
  burdenKinds,
  proposalKinds,
  proposalStatuses,
  reviewItemStatuses,
  reviewPlanStatuses,
} from './schema.ts';

// Inputs of the procedure-review routes; every message is Vietnamese.

const year = z
  .int('Năm phải là số nguyên.')
  .min(2000, 'Năm không hợp lệ (từ 2000).')
  .max(2100, 'Năm không hợp lệ (đến 2100).');
const isoDate = z.iso.date('Ngày phải có dạng YYYY-MM-DD.');
const version = z.int('Phiên bản không hợp lệ.').min(1, 'Phiên bản không hợp lệ.');
const vnd = (what: string) =>
  z
    .int(`${what} phải là số nguyên (đồng).`)
    .min(0, `${what} không được âm.`)
    .max(1_000_000_000, `${what} tối đa 1 tỷ đồng.`);

export const createPlanBody = z.strictObject({
  unitId: z.uuid('Vui lòng chọn đơn vị hành chính.'),
  year,
  title: z
    .string('Vui lòng nhập tên kế hoạch rà soát.')
    .trim()
    .min(5, 'Vui lòng nhập tên kế hoạch rà soát (ít nhất 5 ký tự).')
    .max(300, 'Tên kế hoạch tối đa 300 ký tự.'),
  citizenDayValueVnd: vnd('Giá trị một ngày công').default(200_000),
  visitCostVnd: vnd('Chi phí một lần đi lại').default(50_000),
});
export type CreatePlanInput = z.infer<typeof createPlanBody>;

export const updatePlanBody = z.strictObject({
  version,
  title: createPlanBody.shape.title.optional(),
  status: z.enum(reviewPlanStatuses, 'Trạng thái kế hoạch không hợp lệ.').optional(),
  citizenDayValueVnd: vnd('Giá trị một ngày công').optional(),
  visitCostVnd: vnd('Chi phí một lần đi lại').optional(),
});
export type UpdatePlanInput = z.infer<typeof updatePlanBody>;

export const procedureCode = z
  .string('Vui lòng chọn thủ tục hành chính.')
  .trim()
  .min(1, 'Vui lòng chọn thủ tục hành chính.')
  .max(30, 'Mã thủ tục tối đa 30 ký tự.');

const officerName = z.string().trim().max(200, 'Tên người rà soát tối đa 200 ký tự.').nullable().optional();

export const addItemBody = z.strictObject({
  /** The procedure's national code (mã TTHC), as the catalog shows it. */
  procedureCode: procedureCode,
  agencyId: z.uuid('Vui lòng chọn cơ quan rà soát.'),
  officerName,
  dueDate: isoDate,
});
export type AddItemInput = z.infer<typeof addItemBody>;

export const updateItemBody = z.strictObject({
  version,
  agencyId: z.uuid('Vui lòng chọn cơ quan rà soát.').optional(),
  officerName,
  dueDate: isoDate.optional(),
  status: z.enum(reviewItemStatuses, 'Trạng thái rà soát không hợp lệ.').optional(),
  burdens: z
    .array(
      z.strictObject({
        kind: z.enum(burdenKinds, 'Loại gánh nặng phải là giấy tờ, bước, đi lại, thời gian hoặc chi phí.'),
        description: z
          .string('Vui lòng mô tả gánh nặng.')
          .trim()
          .min(3, 'Vui lòng mô tả gánh nặng (ít nhất 3 ký tự).')
          .max(1000, 'Mô tả gánh nặng tối đa 1.000 ký tự.'),
      }),
    )
    .max(50, 'Tối đa 50 gánh nặng mỗi thủ tục.')
    .optional(),
  conclusion: z.string().trim().max(5000, 'Kết luận tối đa 5.000 ký tự.').nullable().optional(),
});
export type UpdateItemInput = z.infer<typeof updateItemBody>;

const proposalFields = {
  kind: z.enum(
    proposalKinds,
    'Loại đề xuất phải là bãi bỏ, gộp, rút ngắn thời gian, trực tuyến hoặc liên thông.',
  ),
  description: z
    .string('Vui lòng nhập nội dung đề xuất.')
    .trim()
    .min(5, 'Vui lòng nhập nội dung đề xuất (ít nhất 5 ký tự).')
    .max(3000, 'Nội dung đề xuất tối đa 3.000 ký tự.'),
  daysSaved: z
    .number('Số ngày rút ngắn phải là số.')
    .min(0, 'Số ngày rút ngắn không được âm.')
    .max(365, 'Số ngày rút ngắn tối đa 365.')
    .default(0),
  visitsSaved: z
    .int('Số lần đi lại giảm phải là số nguyên.')
    .min(0, 'Số lần đi lại giảm không được âm.')
    .max(20, 'Số lần đi lại giảm tối đa 20.')
    .default(0),
  feeReductionVnd: vnd('Phí, lệ phí giảm').default(0),
};

export const createProposalBody = z.strictObject(proposalFields);
export type CreateProposalInput = z.infer<typeof createProposalBody>;

export const updateProposalBody = z.strictObject({
  version,
  kind: proposalFields.kind.optional(),
  description: proposalFields.description.optional(),
  daysSaved: proposalFields.daysSaved.unwrap().optional(),
  visitsSaved: proposalFields.visitsSaved.unwrap().optional(),
  feeReductionVnd: proposalFields.feeReductionVnd.unwrap().optional(),
  status: z.enum(proposalStatuses, 'Trạng thái đề xuất không hợp lệ.').optional(),
  decisionNumber: z.string().trim().max(60, 'Số quyết định tối đa 60 ký tự.').nullable().optional(),
  decisionDate: isoDate.nullable().optional(),
});
export type UpdateProposalInput = z.infer<typeof updateProposalBody>;

export const interlinkBody = z.strictObject({
  agencyIds: z
    .array(z.uuid('Mã cơ quan không hợp lệ.'))
    .min(2, 'Thủ tục liên thông cần ít nhất hai cơ quan theo thứ tự.')
    .max(10, 'Tối đa 10 cơ quan.')
    .refine((ids) => new Set(ids).size === ids.length, 'Mỗi cơ quan chỉ xuất hiện một lần.'),
  note: z.string().trim().max(1000, 'Ghi chú tối đa 1.000 ký tự.').nullable().optional(),
  /** The version read; absent when adding a procedure to the list. */
  version: version.optional(),
});
export type InterlinkInput = z.infer<typeof interlinkBody>;

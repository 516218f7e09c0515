import { z } from 'zod';
import { counterpartKinds, documentDirections, documentStatuses } from './schema.ts';

// One register entry as entered by hand or read from an imported row: the same rules either way.

const isoDate = (label: string) =>
  z
    .string({ error: `Vui lòng nhập ${label}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label[0]?.toUpperCase()}${label.slice(1)} không hợp lệ (YYYY-MM-DD).`)
    .refine(
      (v) =>
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      {
        message: `${label[0]?.toUpperCase()}${label.slice(1)} không tồn tại.`,
      },
    );

export const documentInput = z
  .strictObject({
    direction: z.enum(documentDirections, { error: 'Loại văn bản phải là «đến» hoặc «đi».' }),
    number: z
      .string({ error: 'Vui lòng nhập số văn bản.' })
      .trim()
      .min(1, 'Vui lòng nhập số văn bản.')
      .max(20, 'Số văn bản tối đa 20 ký tự.'),
    symbol: z
      .string({ error: 'Vui lòng nhập ký hiệu văn bản.' })
      .trim()
      .min(1, 'Vui lòng nhập ký hiệu văn bản.')
      .max(60, 'Ký hiệu văn bản tối đa 60 ký tự.'),
    issuedOn: isoDate('ngày văn bản'),
    summary: z
      .string({ error: 'Vui lòng nhập trích yếu.' })
      .trim()
      .min(3, 'Trích yếu quá ngắn.')
      .max(1000, 'Trích yếu tối đa 1.000 ký tự.'),
    counterpartKind: z.enum(counterpartKinds, { error: 'Loại cơ quan gửi/nhận không hợp lệ.' }),
    counterpartAgencyId: z.uuid('Cơ quan gửi/nhận không hợp lệ.').nullable().optional(),
    counterpartName: z.string().trim().max(300, 'Tên cơ quan gửi/nhận tối đa 300 ký tự.').optional(),
    electronic: z.boolean({ error: 'Vui lòng cho biết văn bản điện tử hay giấy.' }),
    digitallySigned: z.boolean({ error: 'Vui lòng cho biết văn bản có ký số hay không.' }),
    dueOn: isoDate('hạn xử lý').nullable().optional(),
    handler: z.string().trim().max(120, 'Tên người xử lý tối đa 120 ký tự.').nullable().optional(),
    status: z.enum(documentStatuses, { error: 'Trạng thái không hợp lệ.' }).default('pending'),
  })
  .superRefine((d, ctx) => {
    if (!d.counterpartAgencyId && !d.counterpartName) {
      ctx.addIssue({
        code: 'custom',
        path: ['counterpartName'],
        message: d.direction === 'incoming' ? 'Vui lòng nhập cơ quan gửi.' : 'Vui lòng nhập cơ quan nhận.',
      });
    }
    if (d.digitallySigned && !d.electronic) {
      ctx.addIssue({
        code: 'custom',
        path: ['digitallySigned'],
        message: 'Văn bản giấy không thể có chữ ký số.',
      });
    }
    if (d.dueOn && d.dueOn < d.issuedOn) {
      ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'Hạn xử lý không được trước ngày văn bản.' });
    }
  });

export type DocumentInput = z.infer<typeof documentInput>;

/** The first message of a failed parse, for the one-line reason of a rejected import row. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Dữ liệu không hợp lệ.';
}

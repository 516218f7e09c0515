import { z } from 'zod';
import { attendanceStates } from './schema.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày không hợp lệ (YYYY-MM-DD).');
const instant = (label: string) => z.iso.datetime({ offset: true, message: `${label} không hợp lệ.` });

export const agendaItemInput = z.strictObject({
  /** An existing item keeps its conclusion and tasks; absent for a new item. */
  id: z.uuid().optional(),
  title: z
    .string('Vui lòng nhập nội dung chương trình.')
    .trim()
    .min(3, 'Mỗi nội dung chương trình cần ít nhất 3 ký tự.')
    .max(300),
  presenter: z
    .string()
    .trim()
    .max(200)
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export const meetingInput = z
  .strictObject({
    agencyId: z.uuid('Vui lòng chọn cơ quan tổ chức.'),
    title: z
      .string('Vui lòng nhập tên cuộc họp.')
      .trim()
      .min(5, 'Tên cuộc họp cần ít nhất 5 ký tự.')
      .max(300, 'Tên cuộc họp tối đa 300 ký tự.'),
    startsAt: instant('Thời gian bắt đầu'),
    endsAt: instant('Thời gian kết thúc').optional().nullable(),
    place: z.string('Vui lòng nhập địa điểm.').trim().min(2, 'Vui lòng nhập địa điểm.').max(300),
    onlineLink: z
      .url({ protocol: /^https$/, message: 'Đường dẫn phòng họp trực tuyến phải là địa chỉ https://.' })
      .max(500)
      .optional()
      .nullable()
      .or(z.literal('').transform(() => null)),
    agenda: z.array(agendaItemInput).min(1, 'Cuộc họp cần ít nhất một nội dung chương trình.').max(50),
    participantIds: z.array(z.uuid('Người được mời không hợp lệ.')).max(200, 'Tối đa 200 người được mời.'),
  })
  .refine((m) => !m.endsAt || m.endsAt > m.startsAt, {
    message: 'Thời gian kết thúc phải sau thời gian bắt đầu.',
    path: ['endsAt'],
  });
export type MeetingInput = z.infer<typeof meetingInput>;

export const updateMeetingBody = z.intersection(meetingInput, z.object({ version: z.number().int().min(1) }));
export type UpdateMeetingInput = z.infer<typeof updateMeetingBody>;

export const attendanceBody = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        userId: z.uuid(),
        attendance: z.enum(attendanceStates, 'Trạng thái dự họp không hợp lệ.'),
      }),
    )
    .min(1)
    .max(200),
});

export const conclusionBody = z.strictObject({
  version: z.number().int().min(1),
  conclusion: z.string().trim().max(5000, 'Kết luận tối đa 5.000 ký tự.'),
});

export const taskBody = z.strictObject({
  version: z.number().int().min(1),
  agendaItemId: z.uuid('Vui lòng chọn nội dung chương trình.'),
  description: z
    .string('Vui lòng nhập nội dung nhiệm vụ.')
    .trim()
    .min(5, 'Nội dung nhiệm vụ cần ít nhất 5 ký tự.')
    .max(1000),
  agencyId: z.uuid('Vui lòng chọn cơ quan thực hiện.'),
  dueDate: day,
  reformTaskId: z.uuid('Nhiệm vụ trong kế hoạch CCHC không hợp lệ.').optional().nullable(),
});
export type TaskInput = z.infer<typeof taskBody>;

export const documentQuery = z.object({
  title: z.string().trim().min(2, 'Vui lòng nhập tên tài liệu.').max(300, 'Tên tài liệu tối đa 300 ký tự.'),
});

export const listQuery = z.object({ when: z.enum(['upcoming', 'past']).default('upcoming') });

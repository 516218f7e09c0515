import { z } from 'zod';
import { degreeLevels, politicalTheoryLevels, staffCategories, trainingResults } from './schema.ts';

// Request and response shapes of the staff API (docs/api.md "Staff capacity").

const isoDate = (what: string) => z.iso.date(`${what} không hợp lệ (định dạng YYYY-MM-DD).`);
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} tối đa ${max} ký tự.`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const officialInput = z
  .strictObject({
    agencyId: z.uuid('Vui lòng chọn cơ quan, đơn vị.'),
    fullName: z
      .string()
      .trim()
      .min(2, 'Vui lòng nhập họ và tên.')
      .max(120, 'Họ và tên tối đa 120 ký tự.')
      .regex(/^[^\d]+$/, 'Họ và tên không được chứa chữ số.'),
    birthDate: isoDate('Ngày sinh'),
    position: optionalText(200, 'Chức vụ'),
    category: z.enum(staffCategories, 'Vui lòng chọn ngạch, loại cán bộ.'),
    degreeLevel: z.enum(degreeLevels, 'Vui lòng chọn trình độ chuyên môn.'),
    fieldOfStudy: optionalText(200, 'Chuyên ngành'),
    politicalTheory: z
      .enum(politicalTheoryLevels, 'Trình độ lý luận chính trị không hợp lệ.')
      .nullable()
      .optional(),
    startDate: isoDate('Ngày bắt đầu công tác'),
    endDate: isoDate('Ngày thôi việc').nullable().optional(),
    userId: z.uuid('Tài khoản không hợp lệ.').nullable().optional(),
  })
  .refine((v) => v.startDate > v.birthDate, {
    path: ['startDate'],
    message: 'Ngày bắt đầu công tác phải sau ngày sinh.',
  })
  .refine((v) => !v.endDate || v.endDate >= v.startDate, {
    path: ['endDate'],
    message: 'Ngày thôi việc không được trước ngày bắt đầu công tác.',
  });
export type OfficialInput = z.infer<typeof officialInput>;

export const officialView = z.object({
  id: z.string(),
  ownerUnitId: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  position: z.string().nullable(),
  category: z.enum(staffCategories),
  degreeLevel: z.enum(degreeLevels),
  fieldOfStudy: z.string().nullable(),
  politicalTheory: z.enum(politicalTheoryLevels).nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  /** Completed an online-service-software course (as of today). */
  trainedOnline: z.boolean(),
  canEdit: z.boolean(),
});
export type OfficialView = z.infer<typeof officialView>;

export const scopeQuery = z.object({
  agencyId: z.uuid('Mã cơ quan không hợp lệ.').optional(),
  unitId: z.uuid('Mã đơn vị hành chính không hợp lệ.').optional(),
  view: z.enum(['historical', 'current']).default('current'),
});

export const officialsQuery = scopeQuery.extend({
  q: z.string().trim().max(120).optional(),
  status: z.enum(['serving', 'left', 'all']).default('serving'),
  degreeLevel: z.enum(degreeLevels).optional(),
  trainedOnline: z.enum(['yes', 'no']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OfficialsQuery = z.infer<typeof officialsQuery>;

export const courseInput = z
  .strictObject({
    name: z.string().trim().min(3, 'Vui lòng nhập tên lớp, khóa học.').max(300, 'Tên lớp tối đa 300 ký tự.'),
    organiser: z.string().trim().min(2, 'Vui lòng nhập đơn vị tổ chức.').max(200),
    topicKey: z.string().trim().min(1, 'Vui lòng chọn chủ đề.').max(40),
    startDate: isoDate('Ngày bắt đầu'),
    endDate: isoDate('Ngày kết thúc'),
    location: optionalText(200, 'Địa điểm'),
  })
  .refine((v) => v.endDate >= v.startDate, {
    path: ['endDate'],
    message: 'Ngày kết thúc không được trước ngày bắt đầu.',
  });
export type CourseInput = z.infer<typeof courseInput>;

export const courseView = z.object({
  id: z.string(),
  name: z.string(),
  organiser: z.string(),
  topicKey: z.string(),
  topicLabel: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  location: z.string().nullable(),
  participants: z.number(),
  completed: z.number(),
});
export type CourseView = z.infer<typeof courseView>;

export const participantView = z.object({
  officialId: z.string(),
  fullName: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  position: z.string().nullable(),
  result: z.enum(trainingResults),
  certificateNo: z.string().nullable(),
  canEdit: z.boolean(),
});

export const participantsInput = z.strictObject({
  participants: z
    .array(
      z.strictObject({
        officialId: z.uuid('Mã cán bộ không hợp lệ.'),
        result: z.enum(trainingResults, 'Kết quả chỉ là hoàn thành hoặc không hoàn thành.'),
        certificateNo: optionalText(60, 'Số chứng nhận'),
      }),
    )
    .min(1, 'Vui lòng chọn ít nhất một học viên.')
    .max(500, 'Mỗi lần ghi tối đa 500 học viên.'),
});

export const topicView = z.object({ key: z.string(), label: z.string(), active: z.boolean() });
export const topicInput = z.strictObject({
  label: z.string().trim().min(2, 'Vui lòng nhập tên chủ đề.').max(200),
  active: z.boolean().default(true),
});

export const trainingOfOfficial = z.object({
  courseId: z.string(),
  courseName: z.string(),
  topicLabel: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  result: z.enum(trainingResults),
  certificateNo: z.string().nullable(),
});

const figure = z.object({
  key: z.enum(['trained_online', 'university_degree']),
  serving: z.number(),
  counted: z.number(),
  share: z.number().nullable(),
  targetShare: z.number(),
  met: z.boolean(),
});
export const indicatorsView = z.object({
  asOf: z.string(),
  scopeName: z.string(),
  targets: z.array(
    z.object({ key: z.string(), label: z.string(), targetShare: z.number(), dueBy: z.string() }),
  ),
  total: z.array(figure),
  agencies: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), figures: z.array(figure) })),
});

export const importReport = z.object({
  total: z.number(),
  inserted: z.number(),
  updated: z.number(),
  rejected: z.array(z.object({ row: z.number(), fullName: z.string(), reasons: z.array(z.string()) })),
});

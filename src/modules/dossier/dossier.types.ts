import { z } from 'zod';
import { dossierActionSchema } from './lifecycle/action-schema.ts';

const text = (max: number) => z.string().trim().max(max);

export const applicantInput = z
  .object({
    kind: z.enum(['person', 'organisation']).default('person'),
    fullName: text(200).min(2, 'Vui lòng nhập họ tên người nộp (hoặc tên tổ chức).'),
    citizenId: text(12).optional().or(z.literal('')),
    phone: text(20).optional().or(z.literal('')),
    email: text(254).email('Email không hợp lệ.').optional().or(z.literal('')),
    address: text(500).optional().or(z.literal('')),
  })
  .strict();
export type ApplicantInput = z.infer<typeof applicantInput>;

export const documentLine = z
  .object({
    name: text(3000).min(1, 'Tên giấy tờ không được để trống.'),
    originals: z.number().int().min(0).max(99),
    copies: z.number().int().min(0).max(99),
  })
  .strict();

export const intakeBody = z
  .object({
    procedureCode: text(30).min(1, 'Vui lòng chọn thủ tục.'),
    /** The desk receiving the dossier (must be one of the officer's agencies). */
    receivingAgencyId: z.uuid('Mã cơ quan tiếp nhận không hợp lệ.'),
    /** Defaults to the agency of the receiving unit that carries out the procedure. */
    competentAgencyId: z.uuid('Mã cơ quan giải quyết không hợp lệ.').optional(),
    channel: z.enum(['counter', 'post']).default('counter'),
    applicant: applicantInput,
    documents: z.array(documentLine).max(100),
    feeAmountVnd: z.number().int().min(0).max(1_000_000_000).optional(),
    /** Complete → received with a receipt at once; otherwise the reasons go on a supplement request (Mẫu 02). */
    complete: z.boolean(),
    supplementReasons: z.array(text(1000).min(1)).max(30).optional(),
  })
  .strict();
export type IntakeBody = z.infer<typeof intakeBody>;

export const actionBody = z
  .object({ version: z.number().int().min(1), action: dossierActionSchema })
  .strict();

export const listQuery = z.object({
  agencyId: z.uuid('Mã cơ quan không hợp lệ.').optional(),
  scope: z.enum(['queue', 'mine', 'all']).default('queue'),
  state: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListQuery = z.infer<typeof listQuery>;

export const dossierSummarySchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  channel: z.string(),
  currentAgencyId: z.string().nullable(),
  currentAgencyName: z.string().nullable(),
  currentRole: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  receivedAt: z.date().nullable(),
  dueAt: z.date().nullable(),
  urgency: z.enum(['within', 'due_soon', 'overdue']).nullable(),
  version: z.number().int(),
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;

export const assignBody = z
  .object({
    version: z.number().int().min(1),
    /** The officer to work on the dossier (oneself to claim it); null puts it back in the queue. */
    userId: z.uuid('Mã cán bộ không hợp lệ.').nullable(),
  })
  .strict();

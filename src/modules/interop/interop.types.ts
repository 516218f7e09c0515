import { z } from 'zod';
import { applicantInput } from '../dossier/dossier.types.ts';
import { dossierStates } from '../dossier/lifecycle/states.ts';

// The shapes of the interop API, version 1 (OpenAPI generated from them: docs/interop/openapi-v1.json).

const text = (max: number) => z.string().trim().max(max);
const cidr = text(50).min(2, 'Vui lòng nhập dải địa chỉ IP (CIDR).');

export const externalId = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'Mã hồ sơ bên gửi gồm 1–100 ký tự chữ, số, dấu chấm, gạch, hai chấm.');

export const inboundDocument = z
  .object({
    /** Checklist item answered (`<group>.<document>` of the procedure's required documents). */
    slot: text(20).optional(),
    name: text(3000).optional(),
    fileName: text(200).optional(),
    /** The file, base64; its type is checked by content (PDF, JPEG, PNG). */
    contentBase64: z.string().min(4, 'Tệp đính kèm rỗng.').max(30_000_000),
  })
  .strict();

export const inboundDossier = z
  .object({
    /** The dossier's id in the sending system: unique per client. */
    externalId,
    /** The system the applicant filed on (e.g. DVCQG). */
    sourceSystem: text(60).min(2, 'Vui lòng ghi hệ thống nguồn.'),
    procedureCode: text(30).min(1, 'Vui lòng ghi mã thủ tục.'),
    receivingAgencyId: z.uuid('Mã cơ quan tiếp nhận không hợp lệ.'),
    applicant: applicantInput,
    formData: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
    documents: z.array(inboundDocument).max(30).default([]),
  })
  .strict();
export type InboundDossier = z.infer<typeof inboundDossier>;

export const dossierState = z.enum(dossierStates);

export const filedDossier = z.object({
  dossierId: z.uuid(),
  /** Mã hồ sơ: assigned when the desk receives the dossier (null until then). */
  code: z.string().nullable(),
  externalId: z.string(),
  state: dossierState,
  /** Where to ask for the status (by code once received, by dossier id before). */
  statusUrl: z.string(),
});
export type FiledDossier = z.infer<typeof filedDossier>;

export const duplicateAnswer = z.object({
  error: z.object({ code: z.literal('CONFLICT'), message: z.string(), dossier: filedDossier }),
});

export const errorAnswer = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const statusEvent = z.object({
  sequence: z.number().int(),
  kind: z.string(),
  fromState: z.string().nullable(),
  toState: dossierState,
  at: z.string(),
});

export const dossierStatus = z.object({
  dossierId: z.uuid(),
  code: z.string().nullable(),
  externalId: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  state: dossierState,
  stateLabel: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  /** The sequence number of the last event (the same number webhooks carry). */
  sequence: z.number().int(),
  history: z.array(statusEvent),
});
export type DossierStatus = z.infer<typeof dossierStatus>;

/** The body of a webhook call (documented in the contract; sent by the server, not received). */
export const webhookEvent = z.object({
  /** Stable per event and subscription: a retried delivery carries the same id. */
  eventId: z.string(),
  kind: z.string(),
  sequence: z.number().int(),
  occurredAt: z.string(),
  dossier: z.object({
    dossierId: z.uuid(),
    code: z.string().nullable(),
    externalId: z.string().nullable(),
    procedureCode: z.string(),
    state: dossierState,
    stateLabel: z.string(),
    fromState: z.string().nullable(),
    dueAt: z.string().nullable(),
  }),
});
export type WebhookEvent = z.infer<typeof webhookEvent>;

// Administration («Kết nối hệ thống»).

export const clientInput = z
  .object({
    name: text(200).min(2, 'Vui lòng nhập tên hệ thống.'),
    allowedCidrs: z.array(cidr).max(50).default([]),
    unitIds: z.array(z.uuid('Mã đơn vị không hợp lệ.')).max(500).default([]),
    agencyIds: z.array(z.uuid('Mã cơ quan không hợp lệ.')).max(500).default([]),
    active: z.boolean().default(true),
  })
  .strict();
export type ClientInput = z.infer<typeof clientInput>;

export const subscriptionInput = z
  .object({
    url: z
      .string()
      .trim()
      .max(2000)
      .refine(
        (u) => URL.canParse(u) && /^https?:\/\//.test(u),
        'Địa chỉ nhận (URL) phải bắt đầu bằng http:// hoặc https://.',
      ),
    eventKinds: z.array(text(60)).max(30).default([]),
    unitIds: z.array(z.uuid('Mã đơn vị không hợp lệ.')).max(500).default([]),
    ownDossiersOnly: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict();
export type SubscriptionInput = z.infer<typeof subscriptionInput>;

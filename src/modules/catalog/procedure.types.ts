import { z } from 'zod';

// The shapes of a procedure's structured parts. Stored as jsonb, validated at the edge with these schemas.

export const timeUnits = ['working_days', 'calendar_days', 'hours', 'working_hours'] as const;
export const timeUnitSchema = z.enum(timeUnits);
export type TimeUnit = z.infer<typeof timeUnitSchema>;

export const procedureLevels = ['ministry', 'province', 'district', 'commune', 'other'] as const;
export const procedureLevelSchema = z.enum(procedureLevels);

export const onlineModes = ['full', 'partial', 'none'] as const;
export const onlineModeSchema = z.enum(onlineModes);
export type OnlineMode = z.infer<typeof onlineModeSchema>;

export const channelKinds = ['counter', 'online', 'post'] as const;
export const channelKindSchema = z.enum(channelKinds);

/** One row of the national catalog's "Cách thức thực hiện" table. */
export const submissionChannelSchema = z.object({
  channel: channelKindSchema,
  processingTimeValue: z.number().nonnegative().nullable(),
  processingTimeUnit: timeUnitSchema.nullable(),
  processingTimeText: z.string().max(500).nullable(),
  feeAmountVnd: z.number().int().nonnegative().nullable(),
  feeText: z.string().max(2000).nullable(),
  note: z.string().max(5000).nullable(),
});
export type SubmissionChannel = z.infer<typeof submissionChannelSchema>;

export const requiredDocumentSchema = z.object({
  name: z.string().min(1).max(3000),
  originals: z.number().int().min(0).max(99),
  copies: z.number().int().min(0).max(99),
  /** Name of the form template (mẫu đơn, tờ khai), when the catalog lists one. */
  formName: z.string().max(500).nullable(),
  formUrl: z.string().url().max(2000).nullable(),
});
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;

export const documentGroupSchema = z.object({
  group: z.string().max(2000).nullable(),
  documents: z.array(requiredDocumentSchema).max(200),
});
export type DocumentGroup = z.infer<typeof documentGroupSchema>;

export const stepActors = [
  'desk_officer',
  'specialist',
  'head_of_office',
  'signing_leader',
  'clerk',
] as const;

/** A step of the internal process (quy trình nội bộ): who does what, with its time budget. */
export const processStepSchema = z.object({
  name: z.string().min(1).max(300),
  actorRole: z.enum(stepActors),
  /** Which agency of the dossier acts: where it was received, or the competent one. */
  agencyRole: z.enum(['receiving', 'competent']),
  durationValue: z.number().positive().max(10000),
  durationUnit: z.enum(['working_days', 'working_hours']),
});
export type ProcessStep = z.infer<typeof processStepSchema>;

export const procedureSourceSchema = z.object({
  url: z.string().nullable(),
  note: z.string().nullable(),
});

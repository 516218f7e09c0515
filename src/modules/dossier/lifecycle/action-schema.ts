// Runtime validation of actions arriving as JSON (the server parses with this before calling transition()).
import { z } from 'zod';
import { stepActors } from '../../catalog/procedure.types.ts';
import type { DossierAction } from './actions.ts';

const text = z.string().max(2000);
const list = z.array(text).max(50).readonly();
const id = z.string().min(1).max(200);

export const dossierActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('submit') }),
  z.strictObject({
    type: z.literal('request_intake_supplement'),
    reasons: list,
    documents: list.optional(),
    applicantAtFault: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('supply_supplement'), note: text.optional(), documents: list.optional() }),
  z.strictObject({ type: z.literal('refuse'), reasons: list }),
  z.strictObject({ type: z.literal('receive'), dossierCode: z.string().max(100) }),
  z.strictObject({ type: z.literal('start_step') }),
  z.strictObject({ type: z.literal('complete_step'), comment: text }),
  z.strictObject({
    type: z.literal('transfer'),
    toAgencyId: id,
    stepName: z.string().max(300),
    actorRole: z.enum(stepActors),
    budgetHours: z.number().positive().max(10000),
    comment: text,
  }),
  z.strictObject({
    type: z.literal('request_supplement'),
    reasons: list,
    documents: list.optional(),
    exception: z.strictObject({ legalBasis: text }).optional(),
  }),
  z.strictObject({ type: z.literal('apologise'), reason: text, newDueDate: z.string().max(10) }),
  z.strictObject({ type: z.literal('stop'), reason: text, legalBasis: text.optional() }),
  z.strictObject({
    type: z.literal('approve'),
    comment: text.optional(),
    decisionNo: z.string().max(100).optional(),
  }),
  z.strictObject({ type: z.literal('reject'), reasons: list, comment: text.optional() }),
  z.strictObject({ type: z.literal('issue_result'), resultFileId: id }),
  z.strictObject({ type: z.literal('return_result'), channel: z.enum(['counter', 'online', 'post']) }),
  z.strictObject({ type: z.literal('withdraw'), reason: text.optional() }),
]);

// Compile-time guard: the schema and the DossierAction union must describe the same values.
type Parsed = z.infer<typeof dossierActionSchema>;
export const schemaMatchesUnion: [Parsed] extends [DossierAction]
  ? [DossierAction] extends [Parsed]
    ? true
    : false
  : false = true;

import { z } from 'zod';
import { receiveUpload } from '../../platform/files/receive-upload.ts';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { SlidingWindowLimiter } from '../../platform/http/rate-limit.ts';
import { recordFeedbackRead } from '../audit/personal-data-reads.ts';
import { requireOfficer, requireUser } from '../auth/guards.ts';
import { actOnFeedback } from './act-on-feedback.ts';
import {
  feedbackActionSchema,
  fileIdSchema,
  satisfactionBody,
  submitFeedbackBody,
} from './feedback.types.ts';
import { feedbackScope } from './feedback-access.ts';
import { feedbackIndicators } from './feedback-indicators.ts';
import { findSimilar, publicSimilar } from './find-similar.ts';
import { listOfficeFeedback, officeAttachment, viewOfficeFeedback } from './office-feedback.ts';
import { listPublishedFeedback, viewPublishedFeedback } from './public-feedback.ts';
import { feedbackStatuses, feedbackSubjectKinds } from './schema.ts';
import {
  listMyFeedback,
  lookupFeedback,
  rateByLookup,
  rateMyFeedback,
  viewMyFeedback,
} from './sender-feedback.ts';
import { submitFeedback } from './submit-feedback.ts';

// Citizens' feedback (docs/api.md, "Feedback"): send without an account, follow by code + check value, rate the
// answer; the reform office classifies and assigns; the assigned agency answers; answers are published.

const tags = ['feedback'];
const looseObject = z.object({}).loose();
const idParams = z.object({ id: z.uuid('Mã phản ánh không hợp lệ.') });
const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'Idempotency-Key gồm 8–100 ký tự chữ, số, dấu chấm, gạch.')
    .optional(),
});
const codeCheck = {
  code: z.string().trim().min(6, 'Vui lòng nhập mã phản ánh (ví dụ PAKN-2026-000123).').max(20),
  check: z.string().trim().min(4, 'Vui lòng nhập mã kiểm tra.').max(12),
};
const paging = {
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
};
const similarList = z.array(
  z.object({ code: z.string(), title: z.string().nullable(), published: z.boolean(), score: z.number() }),
);

const count = z.number().int();
const indicatorsView = z.object({
  total: count,
  withinCompetence: count,
  answered: count,
  answeredOnTime: count,
  overdueOpen: count,
  dissatisfied: count,
  dissatisfiedOrLate: count,
  handledOnTimeRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
});

const throttle = (limiter: SlidingWindowLimiter, key: string) => {
  if (!limiter.hit(key))
    throw new AppError(
      'THROTTLED',
      'Bạn thao tác quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút.',
    );
};

export function registerFeedbackRoutes(app: ZodApp, context: AppContext): void {
  const { db } = context;
  // Anonymous writes, per client and process: 30 uploads or submissions per 10 minutes (a one-stop centre's
  // kiosk shares one address), 60 similarity checks a minute.
  const uploads = new SlidingWindowLimiter(30, 10 * 60_000);
  const submissions = new SlidingWindowLimiter(30, 10 * 60_000);
  const similarChecks = new SlidingWindowLimiter(60, 60_000);

  app.post(
    '/api/feedback/files',
    {
      schema: {
        tags,
        summary: 'Upload an attachment for feedback (no sign-in; PDF, JPEG, PNG checked by content)',
        response: {
          201: z.object({
            fileId: z.string(),
            mime: z.string(),
            sizeBytes: z.number().int(),
            originalSizeBytes: z.number().int(),
            name: z.string(),
            shrunk: z.boolean(),
          }),
        },
      },
    },
    async (request, reply) => {
      throttle(uploads, request.ip);
      return reply.status(201).send(await receiveUpload(request, context));
    },
  );

  app.post(
    '/api/feedback/similar',
    {
      schema: {
        tags,
        summary: 'Existing feedback that may be about the same matter (before sending)',
        body: z.strictObject({
          title: z.string().trim().max(200).default(''),
          content: z.string().trim().max(5000).default(''),
        }),
        response: { 200: z.object({ items: similarList }) },
      },
    },
    async (request) => {
      throttle(similarChecks, request.ip);
      return { items: publicSimilar(await findSimilar(db, request.body)) };
    },
  );

  app.post(
    '/api/feedback',
    {
      schema: {
        tags,
        summary: 'Send feedback (no sign-in needed; linked to the account when signed in as a citizen)',
        description:
          'Answers the code and the check value that let the sender follow it. With an `Idempotency-Key` header, repeating the request answers the same item.',
        headers: idempotencyHeaders,
        body: submitFeedbackBody,
        response: {
          201: z.object({ code: z.string(), check: z.string(), similar: similarList }),
        },
      },
    },
    async (request, reply) => {
      throttle(submissions, request.ip);
      const { code, check, similar } = await submitFeedback(
        context,
        request.principal,
        request.body,
        request.headers['idempotency-key'],
      );
      return reply.status(201).send({ code, check, similar });
    },
  );

  app.get(
    '/api/feedback/lookup',
    {
      schema: {
        tags,
        summary: "The sender's view of an item from its code and check value (no sign-in)",
        description:
          'A wrong code and a wrong check get the same 404. 30 look-ups a minute, 10 failures in 15 minutes per client.',
        querystring: z.object(codeCheck),
        response: { 200: looseObject },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return lookupFeedback(db, request.query.code, request.query.check, request.ip);
    },
  );

  app.put(
    '/api/feedback/lookup/satisfaction',
    {
      schema: {
        tags,
        summary: 'The sender says whether the answer satisfied them (by code and check value)',
        body: satisfactionBody.extend(codeCheck),
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const { code, check, ...input } = request.body;
      return rateByLookup(db, code, check, request.ip, input);
    },
  );

  app.get(
    '/api/feedback/published',
    {
      schema: {
        tags,
        summary: 'Published feedback and answers, newest answers first (no personal data)',
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          kind: z.enum(feedbackSubjectKinds).optional(),
          agencyId: z.uuid('Cơ quan không hợp lệ.').optional(),
          ...paging,
        }),
        response: { 200: looseObject },
      },
    },
    async (request) => listPublishedFeedback(db, request.query),
  );

  app.get(
    '/api/feedback/published/:code',
    {
      schema: {
        tags,
        summary: 'One published item and its answer',
        params: z.object({ code: z.string().trim().min(1).max(20) }),
        response: { 200: looseObject },
      },
    },
    async (request) => viewPublishedFeedback(db, request.params.code),
  );

  app.get(
    '/api/my/feedback',
    {
      schema: {
        tags,
        summary: 'Feedback sent from my account, newest first',
        querystring: z.object(paging),
        response: { 200: looseObject },
      },
    },
    async (request) => listMyFeedback(db, requireUser(request), request.query.page, request.query.pageSize),
  );

  app.get(
    '/api/my/feedback/:id',
    { schema: { tags, summary: 'One item I sent', params: idParams, response: { 200: looseObject } } },
    async (request) => viewMyFeedback(db, requireUser(request), request.params.id),
  );

  app.put(
    '/api/my/feedback/:id/satisfaction',
    {
      schema: {
        tags,
        summary: 'Say whether the answer to my feedback satisfied me (changeable for 7 days)',
        params: idParams,
        body: satisfactionBody,
        response: { 200: looseObject },
      },
    },
    async (request) => rateMyFeedback(db, requireUser(request), request.params.id, request.body),
  );

  app.get(
    '/api/office/feedback',
    {
      schema: {
        tags,
        summary: 'The feedback queue: all items for the reform office, the assigned ones for an agency',
        querystring: z.object({
          status: z.enum([...feedbackStatuses, 'open']).optional(),
          overdue: z.enum(['true', 'false']).optional(),
          q: z.string().trim().max(200).optional(),
          page: paging.page,
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const { overdue, ...rest } = request.query;
      return listOfficeFeedback(db, requireOfficer(request), { ...rest, overdue: overdue === 'true' });
    },
  );

  app.get(
    '/api/office/feedback/:id',
    {
      schema: {
        tags,
        summary:
          'One item: text, sender, classification, answer, history, possible duplicates, allowed actions',
        params: idParams,
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      const view = await viewOfficeFeedback(db, principal, request.params.id);
      await recordFeedbackRead(db, principal, view);
      return view;
    },
  );

  app.post(
    '/api/office/feedback/:id/actions',
    {
      schema: {
        tags,
        summary: 'Assign, re-assign, reject, mark as duplicate, answer or publish (optimistic version check)',
        params: idParams,
        body: z.strictObject({ version: z.number().int().min(1), action: feedbackActionSchema }),
        response: { 200: looseObject },
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      await actOnFeedback(db, principal, request.params.id, request.body.version, request.body.action);
      return viewOfficeFeedback(db, principal, request.params.id);
    },
  );

  app.get(
    '/api/office/feedback/:id/attachments/:fileId',
    {
      schema: {
        tags,
        summary: 'An attachment of an item the officer may see',
        params: idParams.extend({ fileId: fileIdSchema }),
      },
    },
    async (request, reply) => {
      const attachment = await officeAttachment(
        db,
        requireOfficer(request),
        request.params.id,
        request.params.fileId,
      );
      const bytes = await context.files.get(attachment.fileId);
      return reply
        .type(attachment.mime)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(attachment.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );

  app.get(
    '/api/office/feedback-indicators',
    {
      schema: {
        tags,
        summary:
          'Decision 766 group 5 figures on feedback for a period (the officer’s agencies, or all for the reform office)',
        querystring: z.object({
          from: z.coerce.date('Ngày bắt đầu không hợp lệ.'),
          to: z.coerce.date('Ngày kết thúc không hợp lệ.'),
        }),
        response: { 200: indicatorsView },
      },
    },
    async (request) => {
      const scope = feedbackScope(requireOfficer(request));
      const { from, to } = request.query;
      if (to <= from) throw new AppError('VALIDATION', 'Ngày kết thúc phải sau ngày bắt đầu.');
      return feedbackIndicators(db, { from, to, ...(scope === 'all' ? {} : { agencyIds: scope }) });
    },
  );
}

import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { SlidingWindowLimiter } from '../../platform/http/rate-limit.ts';
import { requireOfficer } from '../auth/guards.ts';
import { answerPublicSurvey, enterPaperResponse, publicSurvey } from './responses.ts';
import { roundResults } from './results.ts';
import { vietnamDayEnd, vietnamDayStart } from './round-status.ts';
import {
  closeRound,
  createRound,
  listRounds,
  roundForOfficer,
  roundQrPng,
  roundView,
  sampleList,
} from './rounds.ts';
import { requireSurveyManager } from './survey-access.ts';
import { roundWorkbook } from './survey-export.ts';
import { surveyIndex } from './survey-index.ts';
import { answersSchema, templateContentSchema } from './survey-model.ts';
import { blankTemplate } from './template-preset.ts';
import { createTemplate, listTemplates, loadTemplate, templateView, updateTemplate } from './templates.ts';

// Satisfaction surveys (docs/api.md, "Surveys"): templates and rounds for the reform office, paper entry and
// results for officers, and the public questionnaire behind the round's link and QR code.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TOO_MANY = 'Bạn đã gửi quá nhiều phiếu trong thời gian ngắn. Vui lòng thử lại sau ít phút.';

const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
const tokenParams = z.object({ token: z.string().trim().min(1).max(40) });
const isoDate = z.iso.date('Ngày phải có dạng YYYY-MM-DD.');
const limitedAnswers = answersSchema.refine(
  (a) => Object.keys(a).length <= 300,
  'Phiếu có quá nhiều câu trả lời.',
);

const roundBody = z.strictObject({
  templateId: z.uuid('Vui lòng chọn mẫu phiếu.'),
  name: z.string().trim().min(1, 'Vui lòng nhập tên đợt khảo sát.').max(300, 'Tên đợt tối đa 300 ký tự.'),
  agencyIds: z
    .array(z.uuid('Mã cơ quan không hợp lệ.'))
    .min(1, 'Vui lòng chọn ít nhất một cơ quan được khảo sát.')
    .max(200, 'Tối đa 200 cơ quan trong một đợt.'),
  opensAt: z.coerce.date('Thời điểm bắt đầu không hợp lệ.'),
  closesAt: z.coerce.date('Thời điểm kết thúc không hợp lệ.'),
  openLink: z.boolean().default(true),
  sample: z
    .strictObject({
      from: isoDate,
      to: isoDate,
      agencyRole: z.enum(['receiving', 'competent'], 'Vai trò cơ quan phải là tiếp nhận hoặc giải quyết.'),
      size: z
        .int('Cỡ mẫu phải là số nguyên.')
        .min(0, 'Cỡ mẫu không được âm.')
        .max(2000, 'Cỡ mẫu tối đa 2.000 hồ sơ.'),
      seed: z.int('Hạt giống phải là số nguyên.').min(1).max(2_147_483_647).optional(),
    })
    .optional(),
});

const paperBody = z.strictObject({
  agencyId: z.uuid('Vui lòng chọn cơ quan được đánh giá.'),
  dossierCode: z.string().trim().max(60, 'Mã hồ sơ tối đa 60 ký tự.').optional(),
  answeredOn: isoDate.optional(),
  answers: limitedAnswers,
});

const publicBody = z.strictObject({
  respondentToken: z.string().trim().max(40).optional(),
  agencyId: z.uuid('Vui lòng chọn cơ quan mà ông/bà đã đến giải quyết thủ tục.').optional(),
  answers: limitedAnswers,
});

const indexQuery = z.object({
  roundId: z.uuid('Mã đợt khảo sát không hợp lệ.').optional(),
  agencyId: z.uuid('Mã cơ quan không hợp lệ.').optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export function registerSurveyRoutes(app: ZodApp, { db }: AppContext): void {
  const tags = ['surveys'];
  // Per process (see rate-limit.ts): 20 answers per client IP in 10 minutes.
  const perClient = new SlidingWindowLimiter(20, 10 * 60_000);

  app.get(
    '/api/office/survey-templates',
    { schema: { tags, summary: 'The latest version of every survey template' } },
    async (request) => {
      requireSurveyManager(requireOfficer(request));
      return listTemplates(db);
    },
  );

  app.get(
    '/api/office/survey-templates/preset',
    {
      schema: {
        tags,
        summary: 'A new template: the five SIPAS elements as sections, the default index settings',
      },
    },
    async (request) => {
      requireSurveyManager(requireOfficer(request));
      return blankTemplate();
    },
  );

  app.post(
    '/api/office/survey-templates',
    { schema: { tags, summary: 'Create a survey template (version 1)', body: templateContentSchema } },
    async (request, reply) => {
      const principal = requireSurveyManager(requireOfficer(request));
      return reply.status(201).send(await createTemplate(db, request.body, principal.userId));
    },
  );

  app.get(
    '/api/office/survey-templates/:id',
    { schema: { tags, summary: 'One template version', params: idParams } },
    async (request) => {
      requireSurveyManager(requireOfficer(request));
      return templateView(await loadTemplate(db, request.params.id));
    },
  );

  app.put(
    '/api/office/survey-templates/:id',
    {
      schema: {
        tags,
        summary: 'Edit the latest version: in place while no round uses it, otherwise as a new version',
        params: idParams,
        body: templateContentSchema,
      },
    },
    async (request) => {
      const principal = requireSurveyManager(requireOfficer(request));
      return updateTemplate(db, request.params.id, request.body, principal.userId);
    },
  );

  app.get(
    '/api/office/survey-rounds',
    { schema: { tags, summary: 'Survey rounds about my agencies (all of them for the reform office)' } },
    async (request) => listRounds(db, requireOfficer(request)),
  );

  app.post(
    '/api/office/survey-rounds',
    {
      schema: {
        tags,
        summary: 'Open a survey round; draws its sample from the dossiers resolved in a period',
        body: roundBody,
      },
    },
    async (request, reply) => {
      const principal = requireSurveyManager(requireOfficer(request));
      const round = await createRound(db, principal, request.body);
      return reply.status(201).send(await roundView(db, round));
    },
  );

  app.get(
    '/api/office/survey-rounds/:id',
    {
      schema: {
        tags,
        summary: 'A round with its questionnaire and the agencies I may enter forms for',
        params: idParams,
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      const { round, visible } = await roundForOfficer(db, principal, request.params.id);
      const template = await loadTemplate(db, round.templateId);
      return { ...(await roundView(db, round)), questionnaire: template.content, myAgencyIds: visible };
    },
  );

  app.post(
    '/api/office/survey-rounds/:id/close',
    { schema: { tags, summary: 'Close a round now', params: idParams } },
    async (request) => {
      requireSurveyManager(requireOfficer(request));
      return roundView(db, await closeRound(db, request.params.id));
    },
  );

  app.get(
    '/api/office/survey-rounds/:id/sample',
    {
      schema: {
        tags,
        summary: "The sampled dossiers with the applicants' contact and personal links",
        params: idParams,
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return sampleList(db, requireOfficer(request), request.params.id);
    },
  );

  app.get(
    '/api/office/survey-rounds/:id/qr.png',
    { schema: { tags, summary: "The round's public link as a QR code (PNG)", params: idParams } },
    async (request, reply) => {
      const { round } = await roundForOfficer(db, requireOfficer(request), request.params.id);
      return reply.type('image/png').send(await roundQrPng(round));
    },
  );

  app.get(
    '/api/office/survey-rounds/:id/results',
    {
      schema: {
        tags,
        summary: 'Counts, response rates, distributions and the index per element and agency',
        params: idParams,
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return roundResults(db, requireOfficer(request), request.params.id);
    },
  );

  app.get(
    '/api/office/survey-rounds/:id/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The responses (one row each) and the index as an Excel workbook',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await roundWorkbook(db, requireOfficer(request), request.params.id);
      return reply
        .type(XLSX)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .send(file.data);
    },
  );

  app.post(
    '/api/office/survey-rounds/:id/paper-responses',
    {
      schema: {
        tags,
        summary: 'Enter a paper questionnaire (channel paper, with who entered it)',
        params: idParams,
        body: paperBody,
      },
    },
    async (request, reply) => {
      const result = await enterPaperResponse(db, requireOfficer(request), request.params.id, request.body);
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/office/survey-index',
    {
      schema: {
        tags,
        summary: 'The satisfaction index over rounds, agencies and dates (the reform office)',
        querystring: indexQuery,
      },
    },
    async (request) => {
      requireSurveyManager(requireOfficer(request));
      const q = request.query;
      return surveyIndex(db, {
        roundId: q.roundId,
        agencyIds: q.agencyId ? [q.agencyId] : undefined,
        from: q.from ? vietnamDayStart(q.from) : undefined,
        to: q.to ? vietnamDayEnd(q.to) : undefined,
      });
    },
  );

  app.get(
    '/api/public/surveys/:token',
    {
      schema: {
        tags,
        summary:
          'The public questionnaire of a round (no sign-in); `ma` is a sampled respondent’s personal token',
        params: tokenParams,
        querystring: z.object({ ma: z.string().trim().max(40).optional() }),
      },
    },
    async (request) => publicSurvey(db, request.params.token, request.query.ma || undefined),
  );

  app.post(
    '/api/public/surveys/:token/responses',
    {
      schema: {
        tags,
        summary: 'Answer a round (no sign-in; limited per client address)',
        params: tokenParams,
        body: publicBody,
      },
    },
    async (request, reply) => {
      if (!perClient.hit(request.ip)) throw new AppError('THROTTLED', TOO_MANY);
      const result = await answerPublicSurvey(db, request.params.token, request.body);
      return reply.status(201).send(result);
    },
  );
}

import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { requireAdmin, requireOfficer, requireUser } from '../auth/guards.ts';
import {
  rateAtCounter,
  rateLinkedDossier,
  rateMyDossier,
  viewCounterRating,
  viewLinkedRating,
  viewMyRating,
} from './dossier-ratings.ts';
import { dossierIdOfToken } from './rating-link.ts';
import { scaleProblems } from './rating-rules.ts';
import { linkSecretOf, ratingSettingsOf, saveRatingScale } from './rating-settings.ts';

// Per-dossier satisfaction ratings (docs/api.md, "Ratings"): the applicant on the portal, anyone holding the
// notification's signed link, the counter tablet of the receiving desk, and the administrator's scale.

const levelSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/, 'Mã mức gồm chữ thường không dấu, số, gạch dưới (tối đa 40).'),
  label: z.string().trim().min(1, 'Vui lòng nhập tên mức đánh giá.').max(60, 'Tên mức tối đa 60 ký tự.'),
  satisfied: z.boolean(),
});
const ratingBody = z.strictObject({
  level: z.string().trim().min(1, 'Vui lòng chọn mức đánh giá.').max(40),
  comment: z.string().trim().max(1000, 'Góp ý tối đa 1.000 ký tự.').optional(),
});
const ratingView = z.object({
  dossierCode: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  agencyName: z.string(),
  canRate: z.boolean(),
  levels: z.array(levelSchema),
  rating: z
    .object({
      level: z.string(),
      levelLabel: z.string(),
      comment: z.string().nullable(),
      channel: z.enum(['portal', 'counter', 'link']),
      ratedAt: z.date(),
      updatedAt: z.date(),
      changeableUntil: z.date().nullable(),
    })
    .nullable(),
});
const idParams = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ.') });
const tokenParams = z.object({ token: z.string().max(100) });
const codeSchema = z.string().trim().min(1, 'Vui lòng nhập mã hồ sơ.').max(60);

export function registerRatingRoutes(app: ZodApp, context: AppContext): void {
  const { db } = context;
  const tags = ['ratings'];
  const fromToken = async (token: string) => dossierIdOfToken(token, await linkSecretOf(db));

  app.get(
    '/api/my/dossiers/:id/rating',
    {
      schema: {
        tags,
        summary: 'The rating of one of my dossiers, the scale and whether I can rate or change it now',
        params: idParams,
        response: { 200: ratingView },
      },
    },
    async (request) => viewMyRating(db, requireUser(request), request.params.id),
  );

  app.put(
    '/api/my/dossiers/:id/rating',
    {
      schema: {
        tags,
        summary: 'Rate one of my dossiers after its result (changeable for 7 days after the first rating)',
        params: idParams,
        body: ratingBody,
        response: { 200: ratingView },
      },
    },
    async (request) => rateMyDossier(db, requireUser(request), request.params.id, request.body),
  );

  app.get(
    '/api/ratings/by-link/:token',
    {
      schema: {
        tags,
        summary: "The rating page of a notification's signed link (no sign-in; no personal data)",
        params: tokenParams,
        response: { 200: ratingView },
      },
    },
    async (request) => viewLinkedRating(db, await fromToken(request.params.token)),
  );

  app.put(
    '/api/ratings/by-link/:token',
    {
      schema: {
        tags,
        summary: "Rate through a notification's signed link (no sign-in)",
        params: tokenParams,
        body: ratingBody,
        response: { 200: ratingView },
      },
    },
    async (request) => rateLinkedDossier(db, await fromToken(request.params.token), request.body),
  );

  app.get(
    '/api/office/ratings',
    {
      schema: {
        tags,
        summary: 'Counter tablet: find a dossier of my desk by its code, to show what the citizen rates',
        querystring: z.object({ code: codeSchema }),
        response: { 200: ratingView },
      },
    },
    async (request) => viewCounterRating(db, requireOfficer(request), request.query.code),
  );

  app.post(
    '/api/office/ratings',
    {
      schema: {
        tags,
        summary: "Counter tablet: the citizen's rating of a dossier of my desk, entered by its code",
        body: ratingBody.extend({ code: codeSchema }),
        response: { 200: ratingView },
      },
    },
    async (request) => {
      const { code, ...input } = request.body;
      return rateAtCounter(db, requireOfficer(request), code, input);
    },
  );

  app.get(
    '/api/admin/rating-scale',
    {
      schema: {
        tags,
        summary: 'The rating scale in force',
        response: { 200: z.object({ levels: z.array(levelSchema) }) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return { levels: (await ratingSettingsOf(db)).levels };
    },
  );

  app.put(
    '/api/admin/rating-scale',
    {
      schema: {
        tags,
        summary: 'Replace the rating scale (ratings already given keep the label they were given with)',
        body: z.strictObject({ levels: z.array(levelSchema).min(2).max(7) }),
        response: { 200: z.object({ levels: z.array(levelSchema) }) },
      },
    },
    async (request) => {
      const principal = requireAdmin(request);
      const problems = scaleProblems(request.body.levels);
      if (problems.length > 0) throw new AppError('VALIDATION', problems.join(' '));
      await saveRatingScale(db, request.body.levels, principal.userId);
      return { levels: (await ratingSettingsOf(db)).levels };
    },
  );
}

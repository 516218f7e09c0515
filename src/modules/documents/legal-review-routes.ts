import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireOfficer } from '../auth/guards.ts';
import { addReviewItem, createPlan, legalReviewOverview } from './legal-review.ts';
import { reviewActions, reviewResults } from './schema.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label} không hợp lệ (YYYY-MM-DD).`);
const year = z.coerce.number().int().min(2000, 'Năm không hợp lệ.').max(2100, 'Năm không hợp lệ.');

const planView = z.object({
  id: z.string(),
  agencyId: z.string(),
  year: z.number(),
  title: z.string(),
  reference: z.string().nullable(),
  createdAt: z.date(),
});
const itemView = z.object({
  id: z.string(),
  planId: z.string(),
  number: z.string(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  result: z.enum(reviewResults),
  action: z.enum(reviewActions),
  actionNote: z.string().nullable(),
  reviewedOn: z.string(),
  createdAt: z.date(),
});

export function registerLegalReviewRoutes(app: ZodApp, { db }: AppContext): void {
  const tags = ['documents'];
  app.get(
    '/api/office/legal-review',
    {
      schema: {
        tags,
        summary: 'Review plans of legal normative documents, the documents reviewed and the counts per year',
        querystring: z.object({ year: year.optional() }),
        response: {
          200: z.object({
            years: z.array(
              z.object({
                year: z.number(),
                reviewed: z.number(),
                inForceFit: z.number(),
                expired: z.number(),
                unfit: z.number(),
                actions: z.record(z.string(), z.number()),
              }),
            ),
            plans: z.array(
              planView.extend({ agencyName: z.string(), canEdit: z.boolean(), items: z.array(itemView) }),
            ),
          }),
        },
      },
    },
    async (request) => legalReviewOverview(db, requireOfficer(request), request.query.year),
  );
  app.post(
    '/api/office/legal-review/plans',
    {
      schema: {
        tags,
        summary: "The justice office's review plan for a year (one per office and year)",
        body: z.strictObject({
          agencyId: z.uuid('Mã cơ quan không hợp lệ.'),
          year,
          title: z.string().trim().min(3, 'Vui lòng nhập tên kế hoạch.').max(500),
          reference: z.string().trim().max(60).nullable().optional(),
        }),
        response: { 201: planView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPlan(db, requireOfficer(request), request.body)),
  );
  app.post(
    '/api/office/legal-review/plans/:planId/items',
    {
      schema: {
        tags,
        summary: 'A document reviewed under the plan: its result and the action taken',
        params: z.object({ planId: z.uuid('Mã kế hoạch không hợp lệ.') }),
        body: z
          .strictObject({
            number: z.string().trim().min(1, 'Vui lòng nhập số, ký hiệu văn bản.').max(60),
            title: z.string().trim().min(3, 'Vui lòng nhập tên văn bản.').max(1000),
            issuer: z.string().trim().min(2, 'Vui lòng nhập cơ quan ban hành.').max(300),
            issuedOn: day('Ngày ban hành'),
            result: z.enum(reviewResults, { error: 'Vui lòng chọn kết quả rà soát.' }),
            action: z.enum(reviewActions, { error: 'Vui lòng chọn hình thức xử lý.' }),
            actionNote: z.string().trim().max(2000).nullable().optional(),
            reviewedOn: day('Ngày rà soát'),
          })
          .refine((b) => b.reviewedOn >= b.issuedOn, {
            message: 'Ngày rà soát không được trước ngày ban hành.',
            path: ['reviewedOn'],
          }),
        response: { 201: itemView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addReviewItem(db, requireOfficer(request), request.params.planId, request.body)),
  );
}

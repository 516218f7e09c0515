import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireOfficer } from '../auth/guards.ts';
import { listInterlinked, removeInterlinked, saveInterlinked } from './interlinked.ts';
import {
  addItemBody,
  createPlanBody,
  createProposalBody,
  interlinkBody,
  procedureCode,
  updateItemBody,
  updatePlanBody,
  updateProposalBody,
} from './review.types.ts';
import { requireReviewManager } from './review-access.ts';
import { reviewReportPdf, reviewReportXlsx } from './review-export.ts';
import {
  addReviewItem,
  createReviewPlan,
  listReviewPlans,
  loadReviewItem,
  loadReviewPlan,
  reviewPlanView,
  updateReviewItem,
  updateReviewPlan,
} from './review-plans.ts';
import { createProposal, reviewItemView, updateProposal } from './review-records.ts';

// Procedure review and simplification (README): yearly plans, the review of each procedure with burdens,
// proposals and the estimated saving, the Excel report, and the list of interlinked procedures.

const tags = ['procedure-review'];
const loose = z.object({}).loose();
const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
const base = '/api/office/procedure-reviews';

export function registerProcedureReviewRoutes(app: ZodApp, { db }: AppContext): void {
  const ok = { 200: loose };
  const created = { 201: loose };

  app.get(
    base,
    { schema: { tags, summary: 'Review plans the officer sees', response: ok } },
    async (request) => listReviewPlans(db, requireOfficer(request)),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Create a yearly review plan (reform office)',
        body: createPlanBody,
        response: created,
      },
    },
    async (request, reply) => {
      const principal = requireReviewManager(requireOfficer(request));
      const plan = await createReviewPlan(db, request.body);
      return reply.status(201).send(await reviewPlanView(db, principal, plan.id));
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'A review plan with the items the officer sees',
        params: idParams,
        response: ok,
      },
    },
    async (request) => reviewPlanView(db, requireOfficer(request), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Edit a plan (version checked)',
        params: idParams,
        body: updatePlanBody,
        response: ok,
      },
    },
    async (request) => {
      const principal = requireReviewManager(requireOfficer(request));
      const plan = await loadReviewPlan(db, request.params.id);
      await updateReviewPlan(db, plan, request.body);
      return reviewPlanView(db, principal, plan.id);
    },
  );

  app.post(
    `${base}/:id/items`,
    {
      schema: {
        tags,
        summary: 'Add a procedure to review: reviewing agency, officer, due date',
        params: idParams,
        body: addItemBody,
        response: created,
      },
    },
    async (request, reply) => {
      requireReviewManager(requireOfficer(request));
      const plan = await loadReviewPlan(db, request.params.id);
      return reply.status(201).send(await addReviewItem(db, plan, request.body));
    },
  );

  app.get(
    `${base}/:id/report.xlsx`,
    { schema: { tags, summary: 'The review report of a plan (Excel)', params: idParams } },
    async (request, reply) => {
      const { buffer, year } = await reviewReportXlsx(db, requireOfficer(request), request.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="ra-soat-tthc-${year}.xlsx"`)
        .send(buffer);
    },
  );

  app.get(
    `${base}/:id/report.pdf`,
    { schema: { tags, summary: 'The review report of a plan (PDF)', params: idParams } },
    async (request, reply) => {
      const { buffer, year } = await reviewReportPdf(db, requireOfficer(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="ra-soat-tthc-${year}.pdf"`)
        .send(buffer);
    },
  );

  app.get(
    `${base}/items/:id`,
    {
      schema: {
        tags,
        summary:
          'The review of one procedure: burdens, proposals, dossiers of 12 months and estimated saving',
        params: idParams,
        response: ok,
      },
    },
    async (request) => reviewItemView(db, requireOfficer(request), request.params.id),
  );

  app.patch(
    `${base}/items/:id`,
    {
      schema: {
        tags,
        summary: 'Record burdens, conclusion, status (reviewing agency); re-assign (reform office)',
        params: idParams,
        body: updateItemBody,
        response: ok,
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      const item = await loadReviewItem(db, request.params.id);
      await updateReviewItem(db, principal, item, request.body);
      return reviewItemView(db, principal, item.id);
    },
  );

  app.post(
    `${base}/items/:id/proposals`,
    {
      schema: {
        tags,
        summary: 'Add a proposal',
        params: idParams,
        body: createProposalBody,
        response: created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createProposal(db, requireOfficer(request), request.params.id, request.body)),
  );

  app.patch(
    `${base}/proposals/:id`,
    {
      schema: {
        tags,
        summary:
          'Edit a proposal or move it: proposed → submitted → approved/rejected (decision) → implemented',
        params: idParams,
        body: updateProposalBody,
        response: ok,
      },
    },
    async (request) => updateProposal(db, requireOfficer(request), request.params.id, request.body),
  );

  const interlinkBase = '/api/office/interlinked-procedures';
  const procedureParams = z.object({ code: procedureCode });

  app.get(
    interlinkBase,
    {
      schema: {
        tags,
        summary: 'Procedures that must be processed interlinked, with their agencies in order',
        response: ok,
      },
    },
    async (request) => {
      requireOfficer(request);
      return listInterlinked(db);
    },
  );

  app.put(
    `${interlinkBase}/:code`,
    {
      schema: {
        tags,
        summary: 'Add or change an interlinked procedure (version required when changing)',
        params: procedureParams,
        body: interlinkBody,
        response: ok,
      },
    },
    async (request) => {
      requireReviewManager(requireOfficer(request));
      return saveInterlinked(db, request.params.code, request.body);
    },
  );

  app.delete(
    `${interlinkBase}/:code`,
    { schema: { tags, summary: 'Remove a procedure from the interlinked list', params: procedureParams } },
    async (request, reply) => {
      requireReviewManager(requireOfficer(request));
      await removeInterlinked(db, request.params.code);
      return reply.status(204).send();
    },
  );
}

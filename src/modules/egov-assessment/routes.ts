import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireOfficer } from '../auth/guards.ts';
import {
  assessmentView,
  gapOverview,
  listAssessments,
  openAssessment,
  reviewAssessment,
  saveValues,
  submitAssessment,
} from './assessments.ts';
import { copyCriteria, createCriterion, deleteCriterion, listCriteria, updateCriterion } from './criteria.ts';
import {
  copyCriteriaBody,
  createCriterionBody,
  openAssessmentBody,
  reviewBody,
  saveValuesBody,
  updateCriterionBody,
  versionBody,
  yearSchema,
} from './egov.types.ts';
import { requireEgovManager } from './egov-access.ts';
import { gapsXlsx } from './egov-export.ts';

// E-government self-assessment (README): the yearly criteria, the agencies' and the unit's self-assessments,
// the reform office's review and the gap list (screen and Excel).

const tags = ['egov-assessment'];
const loose = z.object({}).loose();
const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
const yearQuery = z.object({ year: yearSchema });
const base = '/api/office/egov-assessments';

export function registerEgovAssessmentRoutes(app: ZodApp, { db }: AppContext): void {
  const ok = { 200: loose };

  app.get(
    `${base}/criteria`,
    { schema: { tags, summary: 'The criteria of a year', querystring: yearQuery, response: ok } },
    async (request) => {
      requireOfficer(request);
      return { year: request.query.year, items: await listCriteria(db, request.query.year) };
    },
  );

  app.post(
    `${base}/criteria`,
    {
      schema: {
        tags,
        summary: 'Add a criterion (reform office)',
        body: createCriterionBody,
        response: { 201: loose },
      },
    },
    async (request, reply) => {
      requireEgovManager(requireOfficer(request));
      return reply.status(201).send(await createCriterion(db, request.body));
    },
  );

  app.post(
    `${base}/criteria/copy`,
    {
      schema: {
        tags,
        summary: "Copy a year's criteria into a year without any",
        body: copyCriteriaBody,
        response: { 201: loose },
      },
    },
    async (request, reply) => {
      requireEgovManager(requireOfficer(request));
      const items = await copyCriteria(db, request.body.fromYear, request.body.toYear);
      return reply.status(201).send({ year: request.body.toYear, items });
    },
  );

  app.patch(
    `${base}/criteria/:id`,
    {
      schema: {
        tags,
        summary: 'Edit a criterion (version checked)',
        params: idParams,
        body: updateCriterionBody,
        response: ok,
      },
    },
    async (request) => {
      requireEgovManager(requireOfficer(request));
      return updateCriterion(db, request.params.id, request.body);
    },
  );

  app.delete(
    `${base}/criteria/:id`,
    { schema: { tags, summary: 'Remove a criterion nobody has assessed yet', params: idParams } },
    async (request, reply) => {
      requireEgovManager(requireOfficer(request));
      await deleteCriterion(db, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    `${base}/gaps`,
    {
      schema: {
        tags,
        summary: 'Criteria below target per agency and for the unit (reform office)',
        querystring: yearQuery,
        response: ok,
      },
    },
    async (request) => gapOverview(db, requireOfficer(request), request.query.year),
  );

  app.get(
    `${base}/gaps.xlsx`,
    { schema: { tags, summary: 'The gap list as Excel', querystring: yearQuery } },
    async (request, reply) => {
      const buffer = await gapsXlsx(db, requireOfficer(request), request.query.year);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="cqdt-ton-tai-${request.query.year}.xlsx"`)
        .send(buffer);
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Self-assessments of a year the officer sees',
        querystring: yearQuery,
        response: ok,
      },
    },
    async (request) => listAssessments(db, requireOfficer(request), request.query.year),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Open (or find) a year's self-assessment of an agency, or of a unit as a whole",
        body: openAssessmentBody,
        response: { 201: loose },
      },
    },
    async (request, reply) => {
      const principal = requireOfficer(request);
      const a = await openAssessment(db, principal, request.body);
      return reply.status(201).send(await assessmentView(db, principal, a.id));
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'A self-assessment: criteria, values, score, gaps',
        params: idParams,
        response: ok,
      },
    },
    async (request) => assessmentView(db, requireOfficer(request), request.params.id),
  );

  app.put(
    `${base}/:id/values`,
    {
      schema: {
        tags,
        summary: 'Save entered values with evidence',
        params: idParams,
        body: saveValuesBody,
        response: ok,
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      await saveValues(db, principal, request.params.id, request.body);
      return assessmentView(db, principal, request.params.id);
    },
  );

  app.post(
    `${base}/:id/submit`,
    {
      schema: {
        tags,
        summary: 'Submit to the reform office (system figures frozen)',
        params: idParams,
        body: versionBody,
        response: ok,
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      await submitAssessment(db, principal, request.params.id, request.body.version);
      return assessmentView(db, principal, request.params.id);
    },
  );

  app.post(
    `${base}/:id/review`,
    {
      schema: {
        tags,
        summary: 'Accept or return a submitted self-assessment (reform office)',
        params: idParams,
        body: reviewBody,
        response: ok,
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      await reviewAssessment(db, principal, request.params.id, request.body);
      return assessmentView(db, principal, request.params.id);
    },
  );
}

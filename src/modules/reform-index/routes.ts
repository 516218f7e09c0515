import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { receiveUpload } from '../../platform/files/receive-upload.ts';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { notFound } from '../../platform/http/errors.ts';
import { requireOfficer } from '../auth/guards.ts';
import { isCouncil, requireCouncil } from './index-access.ts';
import {
  appraiseBody,
  createNodeBody,
  createYearBody,
  fileIdSchema,
  respondBody,
  selfScoreBody,
  transitionBody,
  updateNodeBody,
  updateYearBody,
} from './index-model.ts';
import { createNode, deleteNode, loadNode, updateNode } from './nodes.ts';
import { yearResults } from './results.ts';
import { reformIndexYears } from './schema.ts';
import { agencyContext, agencySheet, appraise, respond, scoreEvidence, selfScore } from './scores.ts';
import {
  councilUnit,
  createYear,
  listYears,
  loadYear,
  transitionYear,
  updateYear,
  yearView,
} from './years.ts';

// The reform index of agencies (docs/api.md, "Reform index"): the council (reform office, admins) runs the
// years and the criteria tree and appraises; agencies self-score and respond for themselves; published results
// are public.

const tags = ['reform-index'];
const loose = z.object({}).loose();
const ok = { 200: loose };
const idParams = z.object({ id: z.uuid('Mã không hợp lệ.') });
const sheetParams = idParams.extend({ agencyId: z.uuid('Mã cơ quan không hợp lệ.') });
const scoreParams = sheetParams.extend({ nodeId: z.uuid('Mã tiêu chí không hợp lệ.') });
const base = '/api/office/reform-index';

export function registerReformIndexRoutes(app: ZodApp, context: AppContext): void {
  const { db } = context;

  app.get(
    `${base}/years`,
    { schema: { tags, summary: 'Assessment years, newest first', response: ok } },
    async (request) => {
      requireOfficer(request);
      return listYears(db);
    },
  );

  app.post(
    `${base}/years`,
    {
      schema: {
        tags,
        summary:
          'Open a new year as a draft (council); `copyFromYearId` copies a year’s tree, bands and agencies',
        body: createYearBody,
        response: { 201: loose },
      },
    },
    async (request, reply) => {
      const principal = requireCouncil(requireOfficer(request));
      const year = await createYear(db, await councilUnit(db, principal), request.body);
      return reply.status(201).send(await yearView(db, year));
    },
  );

  app.get(
    `${base}/years/:id`,
    {
      schema: {
        tags,
        summary: 'A year: status, criteria tree, agencies, and those the caller scores for',
        params: idParams,
        response: ok,
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      const year = await loadYear(db, request.params.id);
      const { own } = await agencyContext(db, principal, year);
      return { ...(await yearView(db, year)), isCouncil: isCouncil(principal), myAgencyIds: [...own] };
    },
  );

  app.patch(
    `${base}/years/:id`,
    {
      schema: {
        tags,
        summary: 'Edit a year: title, self-scoring deadline, grade bands, reward rule, agencies (draft)',
        params: idParams,
        body: updateYearBody,
        response: ok,
      },
    },
    async (request) => {
      requireCouncil(requireOfficer(request));
      await updateYear(db, await loadYear(db, request.params.id), request.body);
      return yearView(db, await loadYear(db, request.params.id));
    },
  );

  app.post(
    `${base}/years/:id/transition`,
    {
      schema: {
        tags,
        summary:
          'Move a year one step forward (draft → self_assessment → appraisal → response → final_appraisal → published)',
        params: idParams,
        body: transitionBody,
        response: ok,
      },
    },
    async (request) => {
      requireCouncil(requireOfficer(request));
      const year = await loadYear(db, request.params.id);
      await transitionYear(db, year, request.body.to, request.body.version);
      return yearView(db, await loadYear(db, year.id));
    },
  );

  app.post(
    `${base}/years/:id/nodes`,
    {
      schema: {
        tags,
        summary: 'Add an area, criterion or sub-criterion to a draft year’s tree',
        params: idParams,
        body: createNodeBody,
        response: { 201: loose },
      },
    },
    async (request, reply) => {
      requireCouncil(requireOfficer(request));
      const node = await createNode(db, await loadYear(db, request.params.id), request.body);
      return reply.status(201).send({ ...node });
    },
  );

  app.patch(
    `${base}/nodes/:id`,
    {
      schema: {
        tags,
        summary: 'Edit a node of a draft year’s tree',
        params: idParams,
        body: updateNodeBody,
        response: ok,
      },
    },
    async (request) => {
      requireCouncil(requireOfficer(request));
      const node = await loadNode(db, request.params.id);
      const year = await loadYear(db, node.yearId);
      await updateNode(db, year, node, request.body);
      return yearView(db, year);
    },
  );

  app.delete(
    `${base}/nodes/:id`,
    {
      schema: {
        tags,
        summary: 'Delete a node and everything under it (draft year)',
        params: idParams,
        response: ok,
      },
    },
    async (request) => {
      requireCouncil(requireOfficer(request));
      const node = await loadNode(db, request.params.id);
      const year = await loadYear(db, node.yearId);
      await deleteNode(db, year, node);
      return yearView(db, year);
    },
  );

  app.get(
    `${base}/years/:id/agencies/:agencyId`,
    {
      schema: {
        tags,
        summary: 'The scoring sheet of one agency (the agency itself and the council)',
        params: sheetParams,
        response: ok,
      },
    },
    async (request) =>
      agencySheet(
        db,
        requireOfficer(request),
        await loadYear(db, request.params.id),
        request.params.agencyId,
      ),
  );

  app.put(
    `${base}/years/:id/agencies/:agencyId/scores/:nodeId/self`,
    {
      schema: {
        tags,
        summary: 'Self-score a manual criterion with comment and evidence (the agency, until the deadline)',
        params: scoreParams,
        body: selfScoreBody,
        response: ok,
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      const year = await loadYear(db, request.params.id);
      const { agencyId, nodeId } = request.params;
      await selfScore(db, context.files, principal, year, agencyId, nodeId, request.body);
      return agencySheet(db, principal, year, agencyId);
    },
  );

  app.put(
    `${base}/years/:id/agencies/:agencyId/scores/:nodeId/appraisal`,
    {
      schema: {
        tags,
        summary: 'Council score for a criterion with comment (a computed criterion only with a reason)',
        params: scoreParams,
        body: appraiseBody,
        response: ok,
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      const year = await loadYear(db, request.params.id);
      const { agencyId, nodeId } = request.params;
      await appraise(db, principal, year, agencyId, nodeId, request.body);
      return agencySheet(db, principal, year, agencyId);
    },
  );

  app.post(
    `${base}/years/:id/agencies/:agencyId/scores/:nodeId/response`,
    {
      schema: {
        tags,
        summary: 'The agency’s response to the appraisal of a criterion (once)',
        params: scoreParams,
        body: respondBody,
        response: ok,
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      const year = await loadYear(db, request.params.id);
      const { agencyId, nodeId } = request.params;
      await respond(db, principal, year, agencyId, nodeId, request.body);
      return agencySheet(db, principal, year, agencyId);
    },
  );

  app.get(
    `${base}/years/:id/agencies/:agencyId/scores/:nodeId/evidence/:fileId`,
    {
      schema: {
        tags,
        summary: 'An evidence file of a self-score',
        params: scoreParams.extend({ fileId: fileIdSchema }),
      },
    },
    async (request, reply) => {
      const principal = requireOfficer(request);
      const { id, agencyId, nodeId, fileId } = request.params;
      const file = await scoreEvidence(db, principal, await loadYear(db, id), agencyId, nodeId, fileId);
      return reply
        .type(file.mime)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(await context.files.get(file.fileId));
    },
  );

  app.post(
    `${base}/files`,
    {
      schema: {
        tags,
        summary: 'Upload an evidence file (officers; PDF, JPEG, PNG checked by content)',
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
      requireOfficer(request);
      return reply.status(201).send(await receiveUpload(request, context));
    },
  );

  app.get(
    `${base}/years/:id/results`,
    {
      schema: {
        tags,
        summary:
          'Totals, grades, ranking, year-on-year change, proposed rewards (council any time; others once published)',
        params: idParams,
        response: ok,
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      return yearResults(db, await loadYear(db, request.params.id), { publicOnly: !isCouncil(principal) });
    },
  );

  app.get(
    '/api/public/reform-index',
    { schema: { tags, summary: 'Published reform index years (public)', response: ok } },
    async () => listYears(db, true),
  );

  app.get(
    '/api/public/reform-index/:year',
    {
      schema: {
        tags,
        summary: 'The published ranking of a year (public)',
        params: z.object({ year: z.coerce.number().int('Năm không hợp lệ.').min(2000).max(2100) }),
        response: ok,
      },
    },
    async (request) => {
      const [year] = await db
        .select()
        .from(reformIndexYears)
        .where(and(eq(reformIndexYears.year, request.params.year), eq(reformIndexYears.status, 'published')))
        .limit(1);
      if (!year) throw notFound('Chưa công bố Chỉ số CCHC của năm này.');
      return yearResults(db, year, { publicOnly: true });
    },
  );
}

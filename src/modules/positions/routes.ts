import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireOfficer } from '../auth/guards.ts';
import { agenciesInScope, agenciesInScopeView } from '../staff/staff-access.ts';
import {
  agencyPositions,
  assignHolder,
  createPosition,
  deletePosition,
  endHolder,
  updatePosition,
} from './positions.ts';
import {
  agencyQuery,
  agencyView,
  holderInput,
  positionInput,
  positionUpdate,
  quotaInput,
  streamliningInput,
  summaryQuery,
  summaryView,
} from './positions.types.ts';
import { saveQuota, saveStreamlining } from './quotas.ts';
import { headcountSummary, headcountXlsx } from './summary.ts';

// Job positions and headcount (plan III.4): positions per agency and their holders, the province's quota per
// year, the streamlining plan, and the figures for an agency or a unit with the units under it.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idParams = z.object({ id: z.uuid('Mã vị trí không hợp lệ.') });
const agencyParams = z.object({ agencyId: z.uuid('Mã cơ quan không hợp lệ.') });
const quotaParams = agencyParams.extend({
  year: z.coerce
    .number('Năm không hợp lệ.')
    .int('Năm không hợp lệ.')
    .min(2000, 'Năm không hợp lệ.')
    .max(2100, 'Năm không hợp lệ.'),
});
const holderParams = idParams.extend({ officialId: z.uuid('Mã cán bộ không hợp lệ.') });
const ok = z.object({ ok: z.literal(true) });

export function registerPositionRoutes(app: ZodApp, context: AppContext): void {
  const { db } = context;
  const tags = ['job positions and headcount'];

  app.get(
    '/api/office/positions/agencies',
    {
      schema: {
        tags,
        summary: 'The agencies whose positions I may read, and whether I may change them or enter quotas',
        response: { 200: agenciesInScopeView },
      },
    },
    async (request) => agenciesInScope(db, requireOfficer(request)),
  );

  app.get(
    '/api/office/positions/agency/:agencyId',
    {
      schema: {
        tags,
        summary:
          "An agency's positions with holders and balances, its quota for the year, its streamlining plan",
        params: agencyParams,
        querystring: agencyQuery,
        response: { 200: agencyView },
      },
    },
    async (request) =>
      agencyPositions(db, requireOfficer(request), request.params.agencyId, request.query.year),
  );

  app.post(
    '/api/office/positions',
    {
      schema: {
        tags,
        summary: 'Define a job position of an agency (its head, the reform office, administrators)',
        body: positionInput,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPosition(db, requireOfficer(request), request.body)),
  );

  app.put(
    '/api/office/positions/:id',
    {
      schema: {
        tags,
        summary: 'Edit a job position (409 when the version read is stale)',
        params: idParams,
        body: positionUpdate,
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (request) => updatePosition(db, requireOfficer(request), request.params.id, request.body),
  );

  app.delete(
    '/api/office/positions/:id',
    { schema: { tags, summary: 'Remove a position nobody holds', params: idParams, response: { 200: ok } } },
    async (request) => {
      await deletePosition(db, requireOfficer(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/office/positions/:id/holders',
    {
      schema: {
        tags,
        summary: 'Place a serving official of the agency in the position (moving them from another one)',
        params: idParams,
        body: holderInput,
        response: { 200: ok },
      },
    },
    async (request) => {
      await assignHolder(db, requireOfficer(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/office/positions/:id/holders/:officialId',
    {
      schema: {
        tags,
        summary: 'End an official’s holding of the position today (kept as history)',
        params: holderParams,
        response: { 200: ok },
      },
    },
    async (request) => {
      await endHolder(db, requireOfficer(request), request.params.id, request.params.officialId);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/office/positions/quotas/:agencyId/:year',
    {
      schema: {
        tags,
        summary:
          "Enter the province's headcount quota of an agency for a year (reform office; version 0 = new)",
        params: quotaParams,
        body: quotaInput,
        response: { 200: ok },
      },
    },
    async (request) => {
      const { agencyId, year } = request.params;
      await saveQuota(db, requireOfficer(request), agencyId, year, request.body);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/office/positions/streamlining/:agencyId',
    {
      schema: {
        tags,
        summary:
          "Set an agency's streamlining plan: target share and planned reductions by year (reform office)",
        params: agencyParams,
        body: streamliningInput,
        response: { 200: ok },
      },
    },
    async (request) => {
      await saveStreamlining(db, requireOfficer(request), request.params.agencyId, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/office/positions/summary',
    {
      schema: {
        tags,
        summary: 'Figures by agency and in total for a unit with the units under it (or every agency I read)',
        querystring: summaryQuery,
        response: { 200: summaryView },
      },
    },
    async (request) => headcountSummary(db, requireOfficer(request), request.query),
  );

  app.get(
    '/api/office/positions/summary.xlsx',
    {
      schema: {
        tags,
        summary: 'The summary as Excel: figures with a totals row, and every position with its holders',
        querystring: summaryQuery,
      },
    },
    async (request, reply) => {
      const { bytes, year } = await headcountXlsx(db, requireOfficer(request), request.query);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="vi-tri-viec-lam-bien-che-${year}.xlsx"`)
        .send(bytes);
    },
  );
}

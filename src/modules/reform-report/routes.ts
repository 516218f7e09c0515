import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireOfficer } from '../auth/guards.ts';
import { consolidatedDocx, consolidatedPdf } from './consolidated-documents.ts';
import { loadConsolidation } from './consolidation-store.ts';
import { requireReviewer } from './report-access.ts';
import {
  consolidatedFileQuery,
  createReportBody,
  returnBody,
  updateReportBody,
  versionBody,
  yearQuery,
} from './report-model.ts';
import {
  acceptReport,
  createReport,
  listReports,
  loadReport,
  refreshFigures,
  reportView,
  returnReport,
  submitReport,
  updateReport,
} from './reports.ts';

// Yearly reform reports (docs/api.md, "Yearly reform reports"): each agency or ward fills its report for the
// year with the figures the system knows, the reform office reviews, returns or accepts, then downloads the
// city's consolidated report and the 30 November review as DOCX or PDF.

const tags = ['reform-reports'];
const loose = z.object({}).loose();
const idParams = z.object({ id: z.uuid('Mã báo cáo không hợp lệ.') });
const base = '/api/office/reform-reports';
const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function registerReformReportRoutes(app: ZodApp, context: AppContext): void {
  const { db } = context;
  const ok = { 200: loose };

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "A year's reports the reader may see, with deadline and late flag; agencies still to start",
        querystring: yearQuery,
        response: ok,
      },
    },
    async (request) => listReports(db, requireOfficer(request), request.query.year, request.query.planId),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Start an agency's report for a year (figures computed now); the agency's officers",
        body: createReportBody,
        response: { 201: loose },
      },
    },
    async (request, reply) => {
      const principal = requireOfficer(request);
      const report = await createReport(db, principal, request.body);
      return reply.status(201).send(await reportView(db, principal, report));
    },
  );

  app.get(
    `${base}/consolidated`,
    {
      schema: {
        tags,
        summary:
          "The city's consolidated figures and text for a year (accepted reports); reform office, admins",
        querystring: yearQuery,
        response: ok,
      },
    },
    async (request) => {
      requireReviewer(requireOfficer(request));
      return (await loadConsolidation(db, request.query.year, request.query.planId, new Date()))
        .consolidation;
    },
  );

  app.get(
    `${base}/consolidated/file`,
    {
      schema: {
        tags,
        summary:
          'Download the consolidated report (`report`) or the 30 November review (`review`) as DOCX or PDF',
        querystring: consolidatedFileQuery,
      },
    },
    async (request, reply) => {
      requireReviewer(requireOfficer(request));
      const { year, planId, document, format } = request.query;
      const now = new Date();
      const { consolidation, issuer } = await loadConsolidation(db, year, planId, now);
      const bytes =
        format === 'docx'
          ? await consolidatedDocx(document, consolidation, now)
          : await consolidatedPdf(document, consolidation, issuer, now);
      const name = `${document === 'report' ? 'bao-cao-tong-hop-cchc' : 'so-ket-cchc'}-${year}.${format}`;
      return reply
        .header('content-type', MIME[format])
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(bytes);
    },
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'A report with its task areas, history and allowed actions',
        params: idParams,
        response: ok,
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      return reportView(db, principal, await loadReport(db, request.params.id));
    },
  );

  app.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Save the text of a draft or returned report (fields left out are kept; `version` as read)',
        params: idParams,
        body: updateReportBody,
        response: ok,
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      const report = await updateReport(db, principal, await loadReport(db, request.params.id), request.body);
      return reportView(db, principal, report);
    },
  );

  const step = (path: string, summary: string, run: typeof refreshFigures) =>
    app.post(
      `${base}/:id/${path}`,
      { schema: { tags, summary, params: idParams, body: versionBody, response: ok } },
      async (request) => {
        const principal = requireOfficer(request);
        const report = await run(
          db,
          principal,
          await loadReport(db, request.params.id),
          request.body.version,
        );
        return reportView(db, principal, report);
      },
    );
  step('refresh-figures', 'Recompute the figures of a draft or returned report', refreshFigures);
  step('submit', "Submit (or resubmit) the report; the agency's heads and leaders", submitReport);
  step('accept', 'Accept a submitted report; reform office, admins', acceptReport);

  app.post(
    `${base}/:id/return`,
    {
      schema: {
        tags,
        summary: 'Return a submitted report for correction with comments; reform office, admins',
        params: idParams,
        body: returnBody,
        response: ok,
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      const report = await returnReport(db, principal, await loadReport(db, request.params.id), request.body);
      return reportView(db, principal, report);
    },
  );
}

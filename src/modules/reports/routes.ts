import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireOfficer } from '../auth/guards.ts';
import { procedureHandlingPdf, procedureHandlingXlsx } from './procedure-handling-files.ts';
import {
  drillDownQuery,
  procedureHandlingDossiers,
  procedureHandlingTable,
  reportQuery,
} from './procedure-handling-store.ts';

// Periodic reports (docs/api.md, "Reports"): Biểu 06 of Circular 01/2020/TT-VPCP and its drill-down.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerReportRoutes(app: ZodApp, { db }: AppContext): void {
  app.get(
    '/api/office/reports/procedure-handling',
    {
      schema: {
        tags: ['reports'],
        summary: 'Procedure handling over a period (Biểu 06/VPCP/KSTT) as JSON, XLSX or PDF',
        querystring: reportQuery,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const now = new Date();
      const { report, scope } = await procedureHandlingTable(db, requireOfficer(request), q, now);
      reply.header('cache-control', 'private, no-store');
      if (q.format === 'json') return report;
      const input = {
        scopeName: scope.name,
        parentName: scope.parentName,
        place: scope.place,
        period: report.period,
        rows: report.rows,
        levels: report.levels,
        totals: report.totals,
        generatedAt: now,
      };
      const filename = `bao-cao-giai-quyet-tthc-${report.period.from}-${report.period.to}.${q.format}`;
      if (q.format === 'xlsx') {
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(await procedureHandlingXlsx(input));
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .send(await procedureHandlingPdf(input));
    },
  );

  app.get(
    '/api/office/reports/procedure-handling/dossiers',
    {
      schema: {
        tags: ['reports'],
        summary: 'The dossiers behind one cell of the procedure-handling report',
        querystring: drillDownQuery,
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return procedureHandlingDossiers(db, requireOfficer(request), request.query);
    },
  );
}

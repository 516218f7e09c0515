import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { requireOfficer } from '../auth/guards.ts';
import { hasRole, isGlobalAdmin } from '../auth/permissions.ts';
import { drillDown, drillDownXlsx } from './drill-down.ts';
import { feedbackCounts } from './feedback-source.ts';
import { computeFigures, type FigureQuery, filterOf, scopeUnits } from './figures.ts';
import { defaultPeriod, drillQuerySchema, type FigureQueryInput, figureQuerySchema } from './query.ts';
import { rankings } from './rankings.ts';
import { kpiSettingsSchema, loadKpiSettings, saveKpiSettings } from './settings.ts';

// Indicators (docs/api.md, "Indicators"): public figures and rankings from the aggregates; the dossiers behind a
// figure for officers; the deployment's targets and Decision 766 weights.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const unitNotFound = () => notFound('Không tìm thấy đơn vị hành chính.');

function figureQuery(q: FigureQueryInput, now: Date): FigureQuery {
  const d = defaultPeriod(now);
  return {
    unitId: q.unit,
    view: q.view,
    from: q.from ?? (q.to && q.to < d.from ? `${q.to.slice(0, 4)}-01` : d.from),
    to: q.to ?? (q.from && q.from > d.to ? q.from : d.to),
    agencyId: q.agency,
    procedureId: q.procedure,
    field: q.field,
  };
}

export function kpiRoutes() {
  return function registerKpiRoutes(app: ZodApp, { db }: AppContext): void {
    app.get(
      '/api/kpi/figures',
      {
        schema: {
          tags: ['indicators'],
          summary:
            "A unit's indicators against the plan's targets, the Decision 766 index and the monthly trend",
          querystring: figureQuerySchema,
        },
      },
      async (request, reply) => {
        const now = new Date();
        const figures = await computeFigures(db, figureQuery(request.query, now), now, feedbackCounts);
        if (!figures) throw unitNotFound();
        reply.header('cache-control', 'public, max-age=30');
        return figures;
      },
    );

    app.get(
      '/api/kpi/rankings',
      {
        schema: {
          tags: ['indicators'],
          summary: 'The units under a unit, or its agencies, ranked by the on-time and satisfaction rates',
          querystring: figureQuerySchema.and(
            z.object({ by: z.enum(['unit', 'agency'], 'Xếp hạng theo unit hoặc agency.').default('unit') }),
          ),
        },
      },
      async (request, reply) => {
        const now = new Date();
        const rows = await rankings(db, figureQuery(request.query, now), request.query.by);
        if (!rows) throw unitNotFound();
        reply.header('cache-control', 'public, max-age=30');
        return { rows };
      },
    );

    app.get(
      '/api/office/kpi/dossiers',
      {
        schema: {
          tags: ['indicators'],
          summary: 'The dossiers behind a figure (its numerator or denominator), as JSON pages or Excel',
          querystring: drillQuerySchema,
        },
      },
      async (request, reply) => {
        const principal = requireOfficer(request);
        const q = request.query;
        const fq = figureQuery({ ...q, view: q.view }, new Date());
        const scope = await scopeUnits(db, q.unit, q.view);
        if (!scope) throw unitNotFound();
        const filter = filterOf(fq, scope.unitIds);
        reply.header('cache-control', 'private, no-store');
        if (q.format === 'xlsx') {
          const title = `Danh sách hồ sơ — ${scope.name}, tháng ${q.from} đến ${q.to}`;
          return reply
            .type(XLSX)
            .header('content-disposition', `attachment; filename="ho-so-${q.from}-${q.to}.xlsx"`)
            .send(await drillDownXlsx(db, principal, q.metrics, filter, title));
        }
        return drillDown(db, principal, q.metrics, filter, { page: q.page, pageSize: q.pageSize });
      },
    );

    app.get(
      '/api/kpi/settings',
      {
        schema: { tags: ['indicators'], summary: "The plan's targets and the Decision 766 weights in force" },
      },
      async () => loadKpiSettings(db),
    );

    app.put(
      '/api/office/kpi/settings',
      {
        schema: {
          tags: ['indicators'],
          summary: 'Changes the targets and the Decision 766 weights (administrators, the reform office)',
          body: kpiSettingsSchema,
        },
      },
      async (request) => {
        const principal = requireOfficer(request);
        if (!isGlobalAdmin(principal) && !hasRole(principal, 'reform_officer')) throw forbidden();
        return saveKpiSettings(db, request.body, principal.userId);
      },
    );
  };
}

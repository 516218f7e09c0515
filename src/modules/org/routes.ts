import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import { listOfficers } from '../auth/accounts.ts';
import { requireOfficer } from '../auth/guards.ts';
import { agencyScope, canSeeAgency } from '../auth/permissions.ts';
import { procedureSummarySchema } from '../catalog/catalog.types.ts';
import { proceduresOfAgency } from '../catalog/procedures.ts';
import { getAgency, listAgencies, type UnitNode, unitTree } from './units.ts';

const isoDate = z.iso.date('Ngày phải có dạng YYYY-MM-DD.');
const atQuery = z.object({ at: isoDate.optional() });

const agencySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

const unitNodeSchema: z.ZodType<UnitNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(['province', 'city', 'district', 'town', 'ward', 'commune', 'township']),
    tier: z.number(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    successorIds: z.array(z.string()),
    predecessorIds: z.array(z.string()),
    agencies: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
    children: z.array(unitNodeSchema),
  }),
);

export function registerOrgRoutes(app: ZodApp, { db }: AppContext): void {
  app.get(
    '/api/units',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Administrative-unit tree (optionally as on a date)',
        querystring: atQuery,
        response: { 200: z.array(unitNodeSchema) },
      },
    },
    async (request) => unitTree(db, request.query.at),
  );

  app.get(
    '/api/agencies',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Agencies (optionally as on a date)',
        querystring: atQuery,
        response: { 200: z.array(agencySchema) },
      },
    },
    async (request) => listAgencies(db, { at: request.query.at }),
  );

  app.get(
    '/api/office/agencies',
    {
      schema: {
        tags: ['back office'],
        summary: "Agencies the officer's roles cover",
        response: { 200: z.array(agencySchema) },
      },
    },
    async (request) => listAgencies(db, { ids: agencyScope(requireOfficer(request)) }),
  );

  app.get(
    '/api/office/agencies/:id',
    {
      schema: {
        tags: ['back office'],
        summary: 'An agency with its staff and procedures',
        params: z.object({ id: z.uuid('Mã cơ quan không hợp lệ.') }),
        response: {
          200: z.object({
            agency: agencySchema,
            staff: z.array(
              z.object({
                id: z.string(),
                fullName: z.string(),
                email: z.string().nullable(),
                phone: z.string().nullable(),
                roles: z.array(z.string()),
              }),
            ),
            procedures: z.array(procedureSummarySchema),
          }),
        },
      },
    },
    async (request) => {
      const principal = requireOfficer(request);
      // Check scope before existence, so ids outside the officer's scope reveal nothing.
      if (!canSeeAgency(principal, request.params.id)) {
        throw forbidden('Bạn không có quyền xem dữ liệu của cơ quan này.');
      }
      const agency = await getAgency(db, request.params.id);
      if (!agency) throw notFound('Không tìm thấy cơ quan.');
      const [officers, procedures] = await Promise.all([
        listOfficers(db, agency.id),
        proceduresOfAgency(db, agency.id),
      ]);
      const staff = officers.map((o) => ({
        id: o.id,
        fullName: o.fullName,
        email: o.email,
        phone: o.phone,
        roles: o.roles.filter((r) => r.agencyId === agency.id).map((r) => r.role),
      }));
      return { agency, staff, procedures };
    },
  );
}

import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireOfficer } from '../auth/guards.ts';
import {
  addIsoAudit,
  isoDetail,
  isoOverview,
  saveIsoProcedures,
  saveIsoRegistration,
  updateIsoAudit,
} from './iso-register.ts';

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label} không hợp lệ (YYYY-MM-DD).`);
const agencyParams = z.object({ agencyId: z.uuid('Mã cơ quan không hợp lệ.') });
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

const registrationView = z.object({
  agencyId: z.string(),
  scope: z.string(),
  basis: z.enum(['certificate', 'declaration']),
  effectiveOn: z.string(),
  certifyingBody: z.string().nullable(),
  endedOn: z.string().nullable(),
  updatedAt: z.date(),
  updatedBy: z.string().nullable(),
});
const auditView = z.object({
  id: z.string(),
  agencyId: z.string(),
  auditedOn: z.string(),
  kind: z.enum(['internal', 'external']),
  findings: z.string(),
  correctiveActions: z.string().nullable(),
  closedOn: z.string().nullable(),
  createdAt: z.date(),
});
const detailView = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  registration: registrationView.nullable(),
  canEdit: z.boolean(),
  procedures: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), stepCount: z.number() }),
  ),
  audits: z.array(auditView),
});
const registrationBody = z
  .strictObject({
    scope: z
      .string()
      .trim()
      .min(3, 'Vui lòng nhập phạm vi áp dụng.')
      .max(2000, 'Phạm vi tối đa 2.000 ký tự.'),
    basis: z.enum(['certificate', 'declaration'], { error: 'Vui lòng chọn chứng nhận hoặc công bố.' }),
    effectiveOn: day('Ngày chứng nhận/công bố'),
    certifyingBody: z.string().trim().max(300).nullable().optional(),
    endedOn: day('Ngày ngừng áp dụng').nullable().optional(),
  })
  .refine((b) => b.basis !== 'certificate' || !!b.certifyingBody, {
    message: 'Vui lòng nhập tổ chức chứng nhận.',
    path: ['certifyingBody'],
  })
  .refine((b) => !b.endedOn || b.endedOn > b.effectiveOn, {
    message: 'Ngày ngừng áp dụng phải sau ngày chứng nhận/công bố.',
    path: ['endedOn'],
  });
const auditBody = z
  .strictObject({
    auditedOn: day('Ngày đánh giá'),
    kind: z.enum(['internal', 'external'], { error: 'Vui lòng chọn đánh giá nội bộ hoặc bên ngoài.' }),
    findings: z.string().trim().min(3, 'Vui lòng nhập kết quả đánh giá (phát hiện).').max(4000),
    correctiveActions: z.string().trim().max(4000).nullable().optional(),
    closedOn: day('Ngày khắc phục xong').nullable().optional(),
  })
  .refine((b) => !b.closedOn || b.closedOn >= b.auditedOn, {
    message: 'Ngày khắc phục xong không được trước ngày đánh giá.',
    path: ['closedOn'],
  });

export function registerIsoRoutes(app: ZodApp, { db }: AppContext): void {
  const tags = ['documents'];
  app.get(
    '/api/office/iso',
    {
      schema: {
        tags,
        summary: 'ISO 9001:2015 register of the agencies I see, and the share in force (target 100%)',
        querystring: z.object({ at: day('Ngày').optional() }),
        response: {
          200: z.object({
            at: z.string(),
            coverage: z.object({
              agencies: z.number(),
              inForce: z.number(),
              share: z.number().nullable(),
              meetsTarget: z.boolean().nullable(),
            }),
            agencies: z.array(
              z.object({
                agencyId: z.string(),
                agencyName: z.string(),
                registration: registrationView.nullable(),
                inForce: z.boolean(),
                procedureCount: z.number(),
                auditCount: z.number(),
                openAudits: z.number(),
                lastAuditOn: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => isoOverview(db, requireOfficer(request), request.query.at ?? today()),
  );
  app.get(
    '/api/office/iso/:agencyId',
    {
      schema: {
        tags,
        summary: "One agency's ISO record, procedures and audits",
        params: agencyParams,
        response: { 200: detailView },
      },
    },
    async (request) => isoDetail(db, requireOfficer(request), request.params.agencyId),
  );
  app.put(
    '/api/office/iso/:agencyId',
    {
      schema: {
        tags,
        summary: "Record or change my agency's ISO 9001:2015 certificate or declaration",
        params: agencyParams,
        body: registrationBody,
        response: { 200: detailView },
      },
    },
    async (request) =>
      saveIsoRegistration(db, requireOfficer(request), request.params.agencyId, request.body),
  );
  app.put(
    '/api/office/iso/:agencyId/procedures',
    {
      schema: {
        tags,
        summary: 'Replace the catalog procedures whose internal process my agency runs under ISO',
        params: agencyParams,
        body: z.strictObject({
          procedureCodes: z.array(z.string().trim().min(1).max(30, 'Mã thủ tục không hợp lệ.')).max(1000),
        }),
        response: { 200: detailView },
      },
    },
    async (request) =>
      saveIsoProcedures(db, requireOfficer(request), request.params.agencyId, request.body.procedureCodes),
  );
  app.post(
    '/api/office/iso/:agencyId/audits',
    {
      schema: {
        tags,
        summary: 'Record an internal or external audit',
        params: agencyParams,
        body: auditBody,
        response: { 200: detailView },
      },
    },
    async (request) => addIsoAudit(db, requireOfficer(request), request.params.agencyId, request.body),
  );
  app.patch(
    '/api/office/iso/:agencyId/audits/:auditId',
    {
      schema: {
        tags,
        summary: "An audit's corrective actions and closing date",
        params: agencyParams.extend({ auditId: z.uuid('Mã đợt đánh giá không hợp lệ.') }),
        body: z.strictObject({
          correctiveActions: z.string().trim().max(4000).nullable().optional(),
          closedOn: day('Ngày khắc phục xong').nullable().optional(),
        }),
        response: { 200: detailView },
      },
    },
    async (request) =>
      updateIsoAudit(
        db,
        requireOfficer(request),
        request.params.agencyId,
        request.params.auditId,
        request.body,
      ),
  );
}

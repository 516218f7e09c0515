import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rawRows } from '../../platform/db/raw-rows.ts';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireOfficer } from '../auth/guards.ts';
import { SYSTEM_CHAIN } from './audit.types.ts';
import { auditScope } from './audit-scope.ts';
import { auditListQuery, listAuditEntries } from './list-entries.ts';
import { verifyAuditLog } from './verify.ts';

const tags = ['audit'];
const entrySchema = z.object({
  id: z.number().int(),
  unitId: z.string(),
  unitName: z.string().nullable(),
  seq: z.number().int().nullable(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorAgencyName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  summary: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  dossierCode: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string().nullable(),
});
const verifySchema = z.object({
  ok: z.boolean(),
  sealedNow: z.number().int(),
  pending: z.number().int(),
  chains: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string().nullable(),
      checked: z.number().int(),
      headSeq: z.number().int().nullable(),
      headHash: z.string().nullable(),
      broken: z
        .object({
          seq: z.number().int().nullable(),
          entryId: z.string().nullable(),
          kind: z.string(),
          problem: z.string(),
          problemVi: z.string(),
        })
        .nullable(),
    }),
  ),
});

/** The back office's audit log: entries of the reader's units, and an integrity check of their chains. */
export function registerAuditRoutes(app: ZodApp, { db }: AppContext): void {
  app.get(
    '/api/office/audit/entries',
    {
      schema: {
        tags,
        summary: 'Audit log entries, newest first (keyset pagination on id)',
        querystring: auditListQuery,
        response: { 200: z.object({ items: z.array(entrySchema), nextCursor: z.number().int().nullable() }) },
      },
    },
    async (request, reply) => {
      const scope = await auditScope(db, requireOfficer(request));
      reply.header('cache-control', 'private, no-store');
      return listAuditEntries(db, scope, request.query);
    },
  );

  app.get(
    '/api/office/audit/units',
    {
      schema: {
        tags,
        summary: 'The units (chains) whose audit log I may read',
        response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) },
      },
    },
    async (request) => {
      const scope = await auditScope(db, requireOfficer(request));
      const units = await rawRows<{ id: string; name: string }>(
        db,
        sql`select id::text, name from admin_units ${
          scope === 'all'
            ? sql``
            : sql`where id in (${
                scope.length
                  ? sql.join(
                      scope.map((u) => sql`${u}::uuid`),
                      sql`, `,
                    )
                  : sql`null`
              })`
        } order by tier, name`,
      );
      return scope === 'all' ? [{ id: SYSTEM_CHAIN, name: 'Toàn hệ thống (tài khoản)' }, ...units] : units;
    },
  );

  app.post(
    '/api/office/audit/verify',
    {
      schema: {
        tags,
        summary: 'Seal pending entries, then check the hash chains of my units',
        response: { 200: verifySchema },
      },
    },
    async (request) => {
      const scope = await auditScope(db, requireOfficer(request));
      return verifyAuditLog(db, scope === 'all' ? {} : { unitIds: scope });
    },
  );
}

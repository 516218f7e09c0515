import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { procedures } from '../catalog/schema.ts';
import { agencies } from '../org/schema.ts';
import { canKeepAgency, canReadAgency, readScope } from './documents-access.ts';
import { isoCoverage, isoInForce } from './kpi-formulas.ts';
import { isoAudits, isoProcedures, isoRegistrations } from './schema.ts';

// ISO 9001:2015 register per agency (docs/api.md, "Documents, ISO and legal review"). The 100% target counts
// the administrative agencies in force on the day: people's committees, specialised offices and public service
// centres (one-stop desks belong to their committee; police are outside the city's system).

export const ISO_AGENCY_KINDS = ['people_committee', 'specialised_office', 'public_service_centre'] as const;

const outOfScope = () => forbidden('Hồ sơ ISO này không thuộc cơ quan của bạn.');

export interface IsoInput {
  scope: string;
  basis: 'certificate' | 'declaration';
  effectiveOn: string;
  certifyingBody?: string | null | undefined;
  endedOn?: string | null | undefined;
}
export interface AuditInput {
  auditedOn: string;
  kind: 'internal' | 'external';
  findings: string;
  correctiveActions?: string | null | undefined;
  closedOn?: string | null | undefined;
}

async function keptAgency(db: Db, principal: Principal, agencyId: string) {
  if (!canKeepAgency(principal, agencyId)) throw outOfScope();
  const [agency] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
  if (!agency) throw outOfScope();
}

export async function isoOverview(db: Db, principal: Principal, at: string) {
  const scope = readScope(principal);
  const inScope = await db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind })
    .from(agencies)
    .where(
      and(
        inArray(agencies.kind, [...ISO_AGENCY_KINDS]),
        or(isNull(agencies.validFrom), lte(agencies.validFrom, at)),
        or(isNull(agencies.validTo), gte(agencies.validTo, at)),
        scope === 'all' ? undefined : scope.size > 0 ? inArray(agencies.id, [...scope]) : sql`false`,
      ),
    )
    .orderBy(asc(agencies.name));
  const ids = inScope.map((a) => a.id);
  if (ids.length === 0) return { at, coverage: isoCoverage([], new Map(), at), agencies: [] };
  const [regs, procCounts, auditCounts] = await Promise.all([
    db.select().from(isoRegistrations).where(inArray(isoRegistrations.agencyId, ids)),
    db
      .select({ agencyId: isoProcedures.agencyId, n: count() })
      .from(isoProcedures)
      .where(inArray(isoProcedures.agencyId, ids))
      .groupBy(isoProcedures.agencyId),
    db
      .select({
        agencyId: isoAudits.agencyId,
        n: count(),
        open: sql<number>`count(*) filter (where ${isoAudits.closedOn} is null)`.mapWith(Number),
        last: sql<string | null>`max(${isoAudits.auditedOn})`,
      })
      .from(isoAudits)
      .where(inArray(isoAudits.agencyId, ids))
      .groupBy(isoAudits.agencyId),
  ]);
  const byAgency = new Map(regs.map((r) => [r.agencyId, r]));
  const procs = new Map(procCounts.map((r) => [r.agencyId, r.n]));
  const audits = new Map(auditCounts.map((r) => [r.agencyId, r]));
  return {
    at,
    coverage: isoCoverage(ids, byAgency, at),
    agencies: inScope.map((a) => {
      const registration = byAgency.get(a.id) ?? null;
      return {
        agencyId: a.id,
        agencyName: a.name,
        registration,
        inForce: isoInForce(registration, at),
        procedureCount: procs.get(a.id) ?? 0,
        auditCount: audits.get(a.id)?.n ?? 0,
        openAudits: audits.get(a.id)?.open ?? 0,
        lastAuditOn: audits.get(a.id)?.last ?? null,
      };
    }),
  };
}

export async function isoDetail(db: Db, principal: Principal, agencyId: string) {
  if (!canReadAgency(principal, agencyId)) throw outOfScope();
  const [agency] = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency) throw notFound('Không tìm thấy cơ quan.');
  const [[registration], procs, audits] = await Promise.all([
    db.select().from(isoRegistrations).where(eq(isoRegistrations.agencyId, agencyId)),
    db
      .select({
        id: procedures.id,
        code: procedures.code,
        name: procedures.name,
        steps: procedures.internalProcess,
      })
      .from(isoProcedures)
      .innerJoin(procedures, eq(procedures.id, isoProcedures.procedureId))
      .where(eq(isoProcedures.agencyId, agencyId))
      .orderBy(asc(procedures.code)),
    db.select().from(isoAudits).where(eq(isoAudits.agencyId, agencyId)).orderBy(desc(isoAudits.auditedOn)),
  ]);
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    registration: registration ?? null,
    canEdit: canKeepAgency(principal, agencyId),
    procedures: procs.map((p) => ({ id: p.id, code: p.code, name: p.name, stepCount: p.steps.length })),
    audits,
  };
}

export async function saveIsoRegistration(db: Db, principal: Principal, agencyId: string, input: IsoInput) {
  await keptAgency(db, principal, agencyId);
  const values = {
    scope: input.scope,
    basis: input.basis,
    effectiveOn: input.effectiveOn,
    certifyingBody: input.certifyingBody ?? null,
    endedOn: input.endedOn ?? null,
    updatedAt: new Date(),
    updatedBy: principal.userId,
  };
  await db
    .insert(isoRegistrations)
    .values({ agencyId, ...values })
    .onConflictDoUpdate({ target: isoRegistrations.agencyId, set: values });
  return isoDetail(db, principal, agencyId);
}

/** Replaces the agency's ISO procedures, named by their national catalog codes (e.g. `1.001193`). */
export async function saveIsoProcedures(db: Db, principal: Principal, agencyId: string, codes: string[]) {
  await keptAgency(db, principal, agencyId);
  const wanted = [...new Set(codes)];
  const found = wanted.length
    ? await db
        .select({ id: procedures.id, code: procedures.code })
        .from(procedures)
        .where(inArray(procedures.code, wanted))
    : [];
  const unknown = wanted.filter((c) => !found.some((f) => f.code === c));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION',
      `Không có thủ tục mã ${unknown.slice(0, 5).join(', ')} trong danh mục thủ tục hành chính.`,
    );
  }
  await db.transaction(async (tx) => {
    await tx.delete(isoProcedures).where(eq(isoProcedures.agencyId, agencyId));
    if (found.length) {
      await tx.insert(isoProcedures).values(found.map((f) => ({ agencyId, procedureId: f.id })));
    }
  });
  return isoDetail(db, principal, agencyId);
}

export async function addIsoAudit(db: Db, principal: Principal, agencyId: string, input: AuditInput) {
  await keptAgency(db, principal, agencyId);
  await db.insert(isoAudits).values({ agencyId, ...input });
  return isoDetail(db, principal, agencyId);
}

export async function updateIsoAudit(
  db: Db,
  principal: Principal,
  agencyId: string,
  auditId: string,
  input: { correctiveActions?: string | null | undefined; closedOn?: string | null | undefined },
) {
  await keptAgency(db, principal, agencyId);
  const [audit] = await db
    .select()
    .from(isoAudits)
    .where(and(eq(isoAudits.id, auditId), eq(isoAudits.agencyId, agencyId)));
  if (!audit) throw notFound('Không tìm thấy đợt đánh giá.');
  if (input.closedOn && input.closedOn < audit.auditedOn) {
    throw new AppError('VALIDATION', 'Ngày khắc phục xong không được trước ngày đánh giá.');
  }
  await db
    .update(isoAudits)
    .set({
      ...(input.correctiveActions !== undefined ? { correctiveActions: input.correctiveActions } : {}),
      ...(input.closedOn !== undefined ? { closedOn: input.closedOn } : {}),
    })
    .where(eq(isoAudits.id, auditId));
  return isoDetail(db, principal, agencyId);
}

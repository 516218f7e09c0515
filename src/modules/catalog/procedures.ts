import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { foldText } from '../../platform/text/normalize.ts';
import { adminUnits, agencies } from '../org/schema.ts';
import type { ProcedureDetail, ProcedureInput } from './catalog.types.ts';
import { procedureAgencies, procedureFlags, procedures } from './schema.ts';
import { summaryColumns } from './search-procedures.ts';

type ProcedureRow = typeof procedures.$inferSelect;

/** The folded strings search runs on (see search-procedures.ts). */
export function searchColumns(p: { code: string; name: string; field: string; resultText?: string | null }) {
  return {
    searchName: foldText(p.name),
    searchText: foldText([p.name, p.field, p.code, p.resultText ?? ''].join(' ')),
  };
}

async function detailOf(db: Db, row: ProcedureRow): Promise<ProcedureDetail> {
  const where = await db
    .select({ id: agencies.id, name: agencies.name, unitName: adminUnits.name })
    .from(procedureAgencies)
    .innerJoin(agencies, eq(agencies.id, procedureAgencies.agencyId))
    .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
    .where(eq(procedureAgencies.procedureId, row.id))
    .orderBy(asc(adminUnits.name), asc(agencies.name));
  const { id: _id, searchName: _n, searchText: _t, createdAt: _c, publishedAt: _p, ...rest } = row;
  return { ...rest, agencies: where };
}

async function rowByCode(db: Db, code: string): Promise<ProcedureRow | undefined> {
  const [row] = await db.select().from(procedures).where(eq(procedures.code, code)).limit(1);
  return row;
}

const missing = (code: string) => notFound(`Không tìm thấy thủ tục có mã ${code}.`);

export async function getPublishedProcedure(db: Db, code: string): Promise<ProcedureDetail> {
  const row = await rowByCode(db, code);
  if (!row?.published) throw missing(code);
  return detailOf(db, row);
}

export async function getProcedureForAdmin(db: Db, code: string) {
  const row = await rowByCode(db, code);
  if (!row) throw missing(code);
  const flags = await db
    .select({
      id: procedureFlags.id,
      attribute: procedureFlags.attribute,
      rawValue: procedureFlags.rawValue,
      reason: procedureFlags.reason,
      status: procedureFlags.status,
      resolutionNote: procedureFlags.resolutionNote,
    })
    .from(procedureFlags)
    .where(eq(procedureFlags.procedureId, row.id))
    .orderBy(asc(procedureFlags.attribute));
  return {
    ...(await detailOf(db, row)),
    flags: flags.map((f) => ({ ...f, procedureCode: row.code, procedureName: row.name })),
  };
}

async function assertAgenciesExist(db: Db, ids: string[]) {
  if (ids.length === 0) return;
  const found = await db.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, ids));
  const known = new Set(found.map((a) => a.id));
  const index = ids.findIndex((id) => !known.has(id));
  if (index >= 0) throw invalid(`agencyIds.${index}`, 'Không tìm thấy cơ quan.');
}

function columnsOf(input: ProcedureInput) {
  const { agencyIds: _a, ...fields } = input;
  return {
    ...fields,
    processingTimeText: fields.processingTimeText ?? null,
    feeText: fields.feeText ?? null,
    feeAmountVnd: fields.feeAmountVnd ?? null,
    onlineLevel: fields.onlineLevel ?? null,
    resultText: fields.resultText ?? null,
    conditions: fields.conditions ?? null,
    subjects: fields.subjects ?? null,
    competentAgencyText: fields.competentAgencyText ?? null,
    implementingAgencyText: fields.implementingAgencyText ?? null,
    decisionNo: fields.decisionNo ?? null,
    ...searchColumns(fields),
  };
}

/** Administrators add procedures unpublished; they become public when published. */
export async function createProcedure(db: Db, input: ProcedureInput) {
  if (await rowByCode(db, input.code)) throw conflict(`Mã thủ tục ${input.code} đã tồn tại.`);
  await assertAgenciesExist(db, input.agencyIds);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(procedures)
      .values({
        ...columnsOf(input),
        channels: [],
        internalProcessIsDefault: false,
        published: false,
        sourceNote: 'Nhập bởi quản trị viên',
      })
      .returning({ id: procedures.id });
    if (!row) throw new Error('insert returned nothing');
    if (input.agencyIds.length) {
      await tx
        .insert(procedureAgencies)
        .values(input.agencyIds.map((agencyId) => ({ procedureId: row.id, agencyId })));
    }
  });
  return getProcedureForAdmin(db, input.code);
}

/** Optimistic concurrency: the update applies only to the version the administrator edited. */
export async function updateProcedure(db: Db, code: string, input: ProcedureInput & { version: number }) {
  const current = await rowByCode(db, code);
  if (!current) throw missing(code);
  if (input.code !== code && (await rowByCode(db, input.code))) {
    throw conflict(`Mã thủ tục ${input.code} đã tồn tại.`);
  }
  await assertAgenciesExist(db, input.agencyIds);
  const { version, ...rest } = input;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(procedures)
      .set({
        ...columnsOf(rest),
        internalProcessIsDefault:
          current.internalProcessIsDefault &&
          JSON.stringify(current.internalProcess) === JSON.stringify(rest.internalProcess),
        version: sql`${procedures.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(procedures.id, current.id), eq(procedures.version, version)))
      .returning({ id: procedures.id });
    if (updated.length === 0) {
      throw conflict('Thủ tục đã được người khác cập nhật trong lúc bạn sửa. Vui lòng tải lại và sửa lại.');
    }
    await tx.delete(procedureAgencies).where(eq(procedureAgencies.procedureId, current.id));
    if (rest.agencyIds.length) {
      await tx
        .insert(procedureAgencies)
        .values(rest.agencyIds.map((agencyId) => ({ procedureId: current.id, agencyId })));
    }
  });
  return getProcedureForAdmin(db, input.code);
}

export async function setPublished(db: Db, code: string, published: boolean) {
  const current = await rowByCode(db, code);
  if (!current) throw missing(code);
  await db
    .update(procedures)
    .set({
      published,
      publishedAt: published ? new Date() : null,
      version: sql`${procedures.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(procedures.id, current.id));
  return getProcedureForAdmin(db, code);
}

/** Procedures an agency carries out, for the back office. */
export async function proceduresOfAgency(db: Db, agencyId: string) {
  return db
    .select(summaryColumns)
    .from(procedureAgencies)
    .innerJoin(procedures, eq(procedures.id, procedureAgencies.procedureId))
    .where(eq(procedureAgencies.agencyId, agencyId))
    .orderBy(sql`${procedures.searchName} collate "C"`);
}

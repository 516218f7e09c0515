import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, invalid } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';
import { type ImportAgency, validateImportRows } from './import-rows.ts';
import { staffOfficials } from './schema.ts';
import { manageableAgencies, within } from './staff-access.ts';
import { vietnamDate } from './staff-indicators.ts';
import { officialsTemplateXlsx, readOfficialRows } from './staff-xlsx.ts';

// Import of officials from the Excel template: every row validated, the rejected ones reported with their row
// number and reasons, the valid ones upserted on (agency, folded full name, birth date) in one transaction —
// an unexpected error leaves nothing half written.

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 5000;

async function importAgencies(db: Db, principal: Principal): Promise<(ImportAgency & { unitId: string })[]> {
  const manageable = manageableAgencies(principal);
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, unitId: agencies.unitId, validTo: agencies.validTo })
    .from(agencies)
    .orderBy(agencies.name);
  return rows.map((a) => ({
    id: a.id,
    name: a.name,
    unitId: a.unitId,
    manageable: within(manageable, a.id),
  }));
}

export async function templateFor(db: Db, principal: Principal, today: string): Promise<Buffer> {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, validTo: agencies.validTo })
    .from(agencies)
    .orderBy(agencies.name);
  const manageable = manageableAgencies(principal);
  // The drop-down offers the agencies the importer manages that still exist; older names are still accepted.
  const names = rows
    .filter((a) => within(manageable, a.id) && (!a.validTo || a.validTo >= today))
    .map((a) => a.name);
  return officialsTemplateXlsx(names);
}

export async function receiveXlsx(request: FastifyRequest): Promise<Buffer> {
  const part = await request
    .file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } })
    .catch(() => undefined);
  if (!part) throw invalid('file', 'Vui lòng chọn tệp Excel (.xlsx) để nhập.');
  return part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn: tệp nhập danh sách cán bộ tối đa 5 MB.');
    throw error;
  });
}

export async function importOfficials(db: Db, principal: Principal, bytes: Buffer, now = new Date()) {
  const rows = await readOfficialRows(bytes);
  if (rows.length === 0) throw invalid('file', 'Tệp không có dòng dữ liệu nào (dữ liệu bắt đầu từ dòng 2).');
  if (rows.length > MAX_ROWS) throw invalid('file', `Mỗi lần nhập tối đa ${MAX_ROWS} dòng.`);
  const known = await importAgencies(db, principal);
  const { valid, rejected } = validateImportRows(rows, known, vietnamDate(now));
  const unitOf = new Map(known.map((a) => [a.id, a.unitId]));
  let inserted = 0;
  let updated = 0;
  await db.transaction(async (tx) => {
    for (const { value } of valid) {
      const ownerUnitId = unitOf.get(value.agencyId) as string;
      const [existing] = await tx
        .select({ id: staffOfficials.id })
        .from(staffOfficials)
        .where(
          and(
            eq(staffOfficials.ownerUnitId, ownerUnitId),
            eq(staffOfficials.agencyId, value.agencyId),
            eq(staffOfficials.nameKey, value.nameKey),
            eq(staffOfficials.birthDate, value.birthDate),
          ),
        );
      if (existing) {
        // The account link is kept: the file does not carry it.
        await tx
          .update(staffOfficials)
          .set({ ...value, updatedAt: sql`now()` })
          .where(and(eq(staffOfficials.ownerUnitId, ownerUnitId), eq(staffOfficials.id, existing.id)));
        updated++;
      } else {
        await tx.insert(staffOfficials).values({ ownerUnitId, ...value });
        inserted++;
      }
    }
  });
  return { total: rows.length, inserted, updated, rejected };
}

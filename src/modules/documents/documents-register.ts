import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import { foldText } from '../../platform/text/normalize.ts';
import type { Principal } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';
import type { DocumentInput } from './document-input.ts';
import { canKeepAgency, readScope } from './documents-access.ts';
import { documentKey, markFileDuplicates, type ParsedRow } from './register-rows.ts';
import { officialDocuments } from './schema.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type DbOrTx = Db | Tx;
export type DocumentRow = typeof officialDocuments.$inferSelect;

const outOfScope = () => forbidden('Sổ văn bản này không thuộc cơ quan của bạn.');
const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const directionLabel = { incoming: 'đến', outgoing: 'đi' } as const;

export async function agencyOf(db: DbOrTx, agencyId: string) {
  const [agency] = await db
    .select({ id: agencies.id, unitId: agencies.unitId, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  return agency;
}

/** The agency an officer keeps the register of (403 outside their agencies, also for an unknown id). */
async function keptAgency(db: DbOrTx, principal: Principal, agencyId: string) {
  if (!canKeepAgency(principal, agencyId)) throw outOfScope();
  const agency = await agencyOf(db, agencyId);
  if (!agency) throw outOfScope();
  return agency;
}

export const duplicateMessage = (d: DocumentInput) =>
  `Văn bản ${directionLabel[d.direction]} số ${d.number}/${d.symbol} ngày ${vnDate(d.issuedOn)} đã có trong sổ của cơ quan.`;

/** Counterpart agency and name: a system agency's own name wins over what was typed. */
export async function resolveCounterpart(db: DbOrTx, input: DocumentInput) {
  if (!input.counterpartAgencyId) {
    return {
      counterpartAgencyId: null,
      counterpartName: input.counterpartName ?? '',
      counterpartKind: input.counterpartKind,
    };
  }
  const agency = await agencyOf(db, input.counterpartAgencyId);
  if (!agency) throw new AppError('VALIDATION', 'Cơ quan gửi/nhận không có trong hệ thống.');
  return { counterpartAgencyId: agency.id, counterpartName: agency.name, counterpartKind: 'agency' as const };
}

function rowValues(
  agency: { id: string; unitId: string },
  input: DocumentInput,
  counterpart: Awaited<ReturnType<typeof resolveCounterpart>>,
  source: 'manual' | 'import',
  userId: string,
) {
  return {
    ownerUnitId: agency.unitId,
    agencyId: agency.id,
    direction: input.direction,
    number: input.number,
    symbol: input.symbol,
    issuedOn: input.issuedOn,
    summary: input.summary,
    ...counterpart,
    electronic: input.electronic,
    digitallySigned: input.digitallySigned,
    dueOn: input.dueOn ?? null,
    handler: input.handler ?? null,
    status: input.status,
    source,
    createdBy: userId,
  };
}

export const isUniqueViolation = (error: unknown): boolean => {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
};

export async function createDocument(db: Db, principal: Principal, agencyId: string, input: DocumentInput) {
  const agency = await keptAgency(db, principal, agencyId);
  const counterpart = await resolveCounterpart(db, input);
  const [existing] = await db
    .select({ id: officialDocuments.id })
    .from(officialDocuments)
    .where(
      and(
        eq(officialDocuments.ownerUnitId, agency.unitId),
        eq(officialDocuments.agencyId, agency.id),
        eq(officialDocuments.direction, input.direction),
        eq(officialDocuments.number, input.number),
        eq(officialDocuments.symbol, input.symbol),
        eq(officialDocuments.issuedOn, input.issuedOn),
      ),
    );
  if (existing) throw conflict(duplicateMessage(input));
  try {
    const [row] = await db
      .insert(officialDocuments)
      .values(rowValues(agency, input, counterpart, 'manual', principal.userId))
      .returning();
    return row as DocumentRow;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(duplicateMessage(input));
    throw error;
  }
}

export type ImportMode = 'all_or_nothing' | 'valid_rows';
export interface ImportReport {
  mode: ImportMode;
  total: number;
  imported: number;
  rejected: { row: number; reason: string }[];
}

/**
 * Imports parsed rows into one agency's register in one transaction. `all_or_nothing` (the default) writes
 * nothing when any row is rejected; `valid_rows` writes the valid rows and reports the others. Either way a
 * failure while writing rolls everything back: nothing is ever half imported.
 */
export async function importDocuments(
  db: Db,
  principal: Principal,
  agencyId: string,
  parsed: ParsedRow[],
  mode: ImportMode,
): Promise<ImportReport> {
  const agency = await keptAgency(db, principal, agencyId);
  let rows = markFileDuplicates(parsed);
  const valid = rows.flatMap((r) => (r.ok ? [r.input] : []));
  if (valid.length > 0) {
    const dates = valid.map((d) => d.issuedOn).sort();
    const existing = await db
      .select({
        direction: officialDocuments.direction,
        number: officialDocuments.number,
        symbol: officialDocuments.symbol,
        issuedOn: officialDocuments.issuedOn,
      })
      .from(officialDocuments)
      .where(
        and(
          eq(officialDocuments.ownerUnitId, agency.unitId),
          eq(officialDocuments.agencyId, agency.id),
          gte(officialDocuments.issuedOn, dates[0] as string),
          lte(officialDocuments.issuedOn, dates.at(-1) as string),
        ),
      );
    const taken = new Set(existing.map(documentKey));
    rows = rows.map((r) =>
      r.ok && taken.has(documentKey(r.input))
        ? { row: r.row, ok: false, reason: 'Văn bản đã có trong sổ của cơ quan (trùng số, ký hiệu và ngày).' }
        : r,
    );
  }
  const rejected = rows.flatMap((r) => (r.ok ? [] : [{ row: r.row, reason: r.reason }]));
  const report = { mode, total: rows.length, imported: 0, rejected };
  if (rejected.length > 0 && mode === 'all_or_nothing') return report;
  const accepted = rows.flatMap((r) => (r.ok ? [r.input] : []));
  if (accepted.length === 0) return report;

  // Names of system agencies link the counterpart to the agency (small reference table, read once).
  const byName = new Map(
    (await db.select({ id: agencies.id, name: agencies.name }).from(agencies)).map((a) => [
      foldText(a.name),
      a,
    ]),
  );
  const values = accepted.map((input) => {
    const match = input.counterpartName ? byName.get(foldText(input.counterpartName)) : undefined;
    const counterpart = match
      ? { counterpartAgencyId: match.id, counterpartName: match.name, counterpartKind: 'agency' as const }
      : {
          counterpartAgencyId: null,
          counterpartName: input.counterpartName ?? '',
          counterpartKind: input.counterpartKind,
        };
    return rowValues(agency, input, counterpart, 'import', principal.userId);
  });
  try {
    await db.transaction(async (tx) => {
      for (let i = 0; i < values.length; i += 500) {
        await tx.insert(officialDocuments).values(values.slice(i, i + 500));
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        'Một số văn bản vừa được nhập vào sổ bởi người khác; chưa nhập dòng nào. Vui lòng thử lại.',
      );
    }
    throw error;
  }
  return { ...report, imported: values.length };
}

export interface DocumentFilters {
  agencyId?: string | undefined;
  direction?: 'incoming' | 'outgoing' | undefined;
  /** `YYYY-MM`: the documents of that month (the drill-down of the exchange figure). */
  month?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  electronic?: boolean | undefined;
  counterpartKind?: 'agency' | 'other' | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** Units of the agencies in scope, so every query on the large table filters by its owner unit. */
export async function scopeFilter(db: Db, principal: Principal, agencyId?: string): Promise<SQL | undefined> {
  const scope = readScope(principal);
  if (agencyId) {
    if (scope !== 'all' && !scope.has(agencyId)) throw outOfScope();
    const agency = await agencyOf(db, agencyId);
    if (!agency) throw notFound('Không tìm thấy cơ quan.');
    return and(eq(officialDocuments.ownerUnitId, agency.unitId), eq(officialDocuments.agencyId, agencyId));
  }
  if (scope === 'all') return undefined;
  const ids = [...scope];
  if (ids.length === 0) return sql`false`;
  const units = await db.select({ unitId: agencies.unitId }).from(agencies).where(inArray(agencies.id, ids));
  return and(
    inArray(officialDocuments.ownerUnitId, [...new Set(units.map((u) => u.unitId))]),
    inArray(officialDocuments.agencyId, ids),
  );
}

export function monthRange(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${month}-01`, `${next}-01`];
}

export async function listDocuments(db: Db, principal: Principal, f: DocumentFilters) {
  const conditions: (SQL | undefined)[] = [
    await scopeFilter(db, principal, f.agencyId),
    isNull(officialDocuments.archivedAt),
  ];
  if (f.direction) conditions.push(eq(officialDocuments.direction, f.direction));
  if (f.month) {
    const [start, end] = monthRange(f.month);
    conditions.push(gte(officialDocuments.issuedOn, start), lt(officialDocuments.issuedOn, end));
  }
  if (f.from) conditions.push(gte(officialDocuments.issuedOn, f.from));
  if (f.to) conditions.push(sql`${officialDocuments.issuedOn} <= ${f.to}`);
  if (f.electronic !== undefined) conditions.push(eq(officialDocuments.electronic, f.electronic));
  if (f.counterpartKind) conditions.push(eq(officialDocuments.counterpartKind, f.counterpartKind));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(officialDocuments.number, like),
        ilike(officialDocuments.symbol, like),
        ilike(officialDocuments.summary, like),
        ilike(officialDocuments.counterpartName, like),
      ),
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ document: officialDocuments, agencyName: agencies.name })
      .from(officialDocuments)
      .innerJoin(agencies, eq(agencies.id, officialDocuments.agencyId))
      .where(where)
      .orderBy(desc(officialDocuments.issuedOn), asc(officialDocuments.symbol), asc(officialDocuments.number))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(officialDocuments).where(where),
  ]);
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({ ...r.document, agencyName: r.agencyName })),
  };
}

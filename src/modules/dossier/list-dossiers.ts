import { and, asc, desc, eq, ilike, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { agencyScope, type Principal } from '../auth/permissions.ts';
import { workingCalendar } from '../calendar/calendar-store.ts';
import { agencies } from '../org/schema.ts';
import type { DossierSummary, ListQuery } from './dossier.types.ts';
import { STATE_LABELS } from './lifecycle/states.ts';
import { urgencyOf } from './queue-holder.ts';
import { dossiers } from './schema.ts';

/**
 * Work queues and dossier lists for officers. `queue`: dossiers waiting for one of the officer's roles in one of
 * their agencies, most urgent first. `all`: every dossier received or resolved by the officer's agencies, newest
 * first. Both are limited to the officer's agencies; an agency outside them is refused.
 */
export async function listDossiers(db: Db, principal: Principal, query: ListQuery, now = new Date()) {
  const scope = agencyScope(principal);
  if (query.agencyId && scope !== 'all' && !scope.has(query.agencyId)) {
    throw forbidden('Bạn không có quyền xem hồ sơ của cơ quan này.');
  }
  const agencyIds = query.agencyId ? [query.agencyId] : scope === 'all' ? null : [...scope];
  if (agencyIds && agencyIds.length === 0) return { items: [], total: 0 };
  const filters: (SQL | undefined)[] = [];
  if (query.scope === 'queue') {
    filters.push(isNotNull(dossiers.currentAgencyId));
    if (scope !== 'all') {
      // Only the roles the officer holds in that agency.
      const pairs = principal.roles
        .filter((r) => r.agencyId && (!query.agencyId || r.agencyId === query.agencyId))
        .map((r) =>
          and(eq(dossiers.currentAgencyId, r.agencyId as string), eq(dossiers.currentRole, r.role)),
        );
      filters.push(pairs.length ? or(...pairs) : sql`false`);
    } else if (agencyIds) filters.push(inArray(dossiers.currentAgencyId, agencyIds));
  } else if (agencyIds) {
    filters.push(
      or(inArray(dossiers.receivingAgencyId, agencyIds), inArray(dossiers.competentAgencyId, agencyIds)),
    );
  }
  if (query.state) filters.push(eq(dossiers.state, query.state));
  if (query.q) {
    const q = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    filters.push(
      or(ilike(dossiers.code, q), ilike(dossiers.applicantName, q), ilike(dossiers.procedureName, q)),
    );
  }
  const rows = await db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      procedureCode: dossiers.procedureCode,
      procedureName: dossiers.procedureName,
      applicantName: dossiers.applicantName,
      state: dossiers.state,
      channel: dossiers.channel,
      currentAgencyId: dossiers.currentAgencyId,
      currentAgencyName: agencies.name,
      currentRole: dossiers.currentRole,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
      version: dossiers.version,
    })
    .from(dossiers)
    .leftJoin(agencies, eq(agencies.id, dossiers.currentAgencyId))
    .where(and(...filters))
    .orderBy(
      ...(query.scope === 'queue'
        ? [sql`${dossiers.dueAt} asc nulls last`, asc(dossiers.id)]
        : [desc(dossiers.createdAt), asc(dossiers.id)]),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const calendar = await workingCalendar(db);
  const open = new Set(['received', 'in_progress', 'supplement_requested']);
  const items: DossierSummary[] = rows.map((r) => ({
    ...r,
    stateLabel: STATE_LABELS[r.state as keyof typeof STATE_LABELS] ?? r.state,
    urgency: open.has(r.state) ? urgencyOf(r.dueAt, now, calendar) : null,
  }));
  return { items, total: await cappedCount(db, and(...filters)) };
}

/** Counting a large agency's whole history would dominate the page time: count up to a cap and say "at least". */
export const countCap = 10_000;
async function cappedCount(db: Db, where: SQL | undefined): Promise<number> {
  const limited = db.select({ one: sql`1` }).from(dossiers).where(where).limit(countCap).as('limited');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(limited);
  return Number(row?.n ?? 0);
}

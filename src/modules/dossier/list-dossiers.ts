import {
  and,
  asc,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  ne,
  notInArray,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { forbidden } from '../../platform/http/errors.ts';
import { agencyScope, type Principal } from '../auth/permissions.ts';
import { users } from '../auth/schema.ts';
import { workingCalendar } from '../calendar/calendar-store.ts';
import { agencies } from '../org/schema.ts';
import type { DossierSummary, ListQuery } from './dossier.types.ts';
import { STATE_LABELS } from './lifecycle/states.ts';
import { urgencyOf } from './queue-holder.ts';
import { dossiers } from './schema.ts';

/** Counting a large agency's whole history would dominate the page time: totals stop at this cap. */
export const countCap = 1000;

const summaryColumns = {
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
  assigneeUserId: dossiers.assigneeUserId,
  assigneeName: users.fullName,
  receivedAt: dossiers.receivedAt,
  dueAt: dossiers.dueAt,
  version: dossiers.version,
  createdAt: dossiers.createdAt,
};

/**
 * Work queues and dossier lists for officers. `queue`: dossiers waiting for one of the officer's roles in one of
 * their agencies, most urgent first (index on holding agency, role, due date). `all`: dossiers received or
 * resolved by the officer's agencies, newest first — two index-ordered reads (receiving side, competent side)
 * merged, so a page stays fast with millions of rows. `mine`: open dossiers assigned to the officer (still held
 * by an agency), most urgent first. Totals are capped at `countCap`.
 */
export async function listDossiers(db: Db, principal: Principal, query: ListQuery, now = new Date()) {
  const scope = agencyScope(principal);
  if (query.agencyId && scope !== 'all' && !scope.has(query.agencyId)) {
    throw forbidden('Bạn không có quyền xem hồ sơ của cơ quan này.');
  }
  const agencyIds = query.agencyId ? [query.agencyId] : scope === 'all' ? null : [...scope];
  if (agencyIds && agencyIds.length === 0) return { items: [], total: 0, totalIsCapped: false };
  // Online drafts are the applicants' private work until submitted.
  const common: (SQL | undefined)[] = [ne(dossiers.state, 'draft')];
  if (query.state) common.push(eq(dossiers.state, query.state));
  if (query.q) {
    const q = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    common.push(
      or(ilike(dossiers.code, q), ilike(dossiers.applicantName, q), ilike(dossiers.procedureName, q)),
    );
  }
  const offset = (query.page - 1) * query.pageSize;
  let rows: Awaited<ReturnType<typeof read>>;
  let total: number;
  if (query.scope === 'queue' || query.scope === 'mine') {
    const filter =
      query.scope === 'queue'
        ? queueFilter(principal, scope, agencyIds, query.agencyId)
        : and(
            eq(dossiers.assigneeUserId, principal.userId),
            isNotNull(dossiers.currentAgencyId),
            query.agencyId ? eq(dossiers.currentAgencyId, query.agencyId) : undefined,
          );
    const where = and(filter, ...common);
    rows = await read(
      db,
      where,
      [sql`${dossiers.dueAt} asc nulls last`, asc(dossiers.id)],
      query.pageSize,
      offset,
    );
    total = await cappedCount(db, where);
  } else if (!agencyIds) {
    const where = and(...common);
    rows = await read(db, where, [desc(dossiers.createdAt), asc(dossiers.id)], query.pageSize, offset);
    total = await cappedCount(db, where);
  } else {
    const sides = [
      and(inArray(dossiers.receivingAgencyId, agencyIds), ...common),
      and(
        inArray(dossiers.competentAgencyId, agencyIds),
        ne(dossiers.competentAgencyId, dossiers.receivingAgencyId), // lets the partial index serve this side
        notInArray(dossiers.receivingAgencyId, agencyIds),
        ...common,
      ),
    ];
    const order = [desc(dossiers.createdAt), asc(dossiers.id)];
    const [a, b] = await Promise.all(
      sides.map((where) => read(db, where, order, offset + query.pageSize, 0)),
    );
    rows = [...(a ?? []), ...(b ?? [])]
      .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || x.id.localeCompare(y.id))
      .slice(offset, offset + query.pageSize);
    const counts = await Promise.all(sides.map((where) => cappedCount(db, where)));
    total = Math.min(
      countCap,
      counts.reduce((sum, n) => sum + n, 0),
    );
  }
  const calendar = await workingCalendar(db);
  const items: DossierSummary[] = rows.map(({ createdAt: _c, ...r }) => ({
    ...r,
    stateLabel: STATE_LABELS[r.state as keyof typeof STATE_LABELS] ?? r.state,
    urgency: urgencyOf(r.state, r.dueAt, now, calendar),
  }));
  return { items, total, totalIsCapped: total >= countCap };
}

function queueFilter(
  principal: Principal,
  scope: ReturnType<typeof agencyScope>,
  agencyIds: string[] | null,
  agencyId: string | undefined,
): SQL | undefined {
  if (scope === 'all') {
    return and(
      isNotNull(dossiers.currentAgencyId),
      agencyIds ? inArray(dossiers.currentAgencyId, agencyIds) : undefined,
    );
  }
  // Only the roles the officer holds in that agency.
  const pairs = principal.roles
    .filter((r) => r.agencyId && (!agencyId || r.agencyId === agencyId))
    .map((r) => and(eq(dossiers.currentAgencyId, r.agencyId as string), eq(dossiers.currentRole, r.role)));
  return pairs.length ? or(...pairs) : sql`false`;
}

function read(db: Db, where: SQL | undefined, order: SQL[], limit: number, offset: number) {
  return db
    .select(summaryColumns)
    .from(dossiers)
    .leftJoin(agencies, eq(agencies.id, dossiers.currentAgencyId))
    .leftJoin(users, eq(users.id, dossiers.assigneeUserId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
}

async function cappedCount(db: Db, where: SQL | undefined): Promise<number> {
  const limited = db.select({ one: sql`1` }).from(dossiers).where(where).limit(countCap).as('limited');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(limited);
  return Number(row?.n ?? 0);
}

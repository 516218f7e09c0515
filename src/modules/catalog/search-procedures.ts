import { and, eq, exists, like, not, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { foldText, searchTokens } from '../../platform/text/normalize.ts';
import type { ProcedureSummary, SearchQuery } from './catalog.types.ts';
import { procedureAgencies, procedureFlags, procedures } from './schema.ts';

export const summaryColumns = {
  code: procedures.code,
  name: procedures.name,
  field: procedures.field,
  levels: procedures.levels,
  onlineMode: procedures.onlineMode,
  processingTimeValue: procedures.processingTimeValue,
  processingTimeUnit: procedures.processingTimeUnit,
  processingTimeText: procedures.processingTimeText,
  feeText: procedures.feeText,
};

export interface SearchOptions extends SearchQuery {
  /** Administrators also see unpublished procedures. */
  published?: boolean | undefined;
  flagged?: boolean | undefined;
}

/**
 * Diacritic- and case-insensitive, word-order tolerant search: every query word must occur in the folded text
 * (trigram-indexed LIKE). Ranked: the whole phrase in the name, then all words in the name, then the rest;
 * within a rank the shortest name first (pg_trgm's similarity() ranked alike but cost 20 ms a query on PGlite). Ties end on ASCII-folded name and code so that PGlite and
 * PostgreSQL (whatever their collations) return the same order.
 */
export async function searchProcedures(db: Db, options: SearchOptions) {
  const tokens = searchTokens(options.q ?? '');
  const phrase = foldText(options.q ?? '');
  const hasOpenFlags = exists(
    db
      .select({ one: sql`1` })
      .from(procedureFlags)
      .where(and(eq(procedureFlags.procedureId, procedures.id), eq(procedureFlags.status, 'open'))),
  );
  const filters: (SQL | undefined)[] = [
    options.published === undefined ? undefined : eq(procedures.published, options.published),
    ...tokens.map((t) => like(procedures.searchText, `%${t}%`)),
    options.field ? eq(procedures.field, options.field) : undefined,
    options.level ? sql`${options.level} = any(${procedures.levels})` : undefined,
    options.online ? eq(procedures.onlineMode, options.online) : undefined,
    options.agency
      ? exists(
          db
            .select({ one: sql`1` })
            .from(procedureAgencies)
            .where(
              and(
                eq(procedureAgencies.procedureId, procedures.id),
                eq(procedureAgencies.agencyId, options.agency),
              ),
            ),
        )
      : undefined,
    options.flagged === undefined ? undefined : options.flagged ? hasOpenFlags : not(hasOpenFlags),
  ];
  const nameHasAll = tokens.length
    ? sql.join(
        tokens.map((t) => sql`${procedures.searchName} like ${`%${t}%`}`),
        sql` and `,
      )
    : sql`true`;
  const ranking = phrase
    ? [
        sql`case when ${procedures.searchName} like ${`%${phrase}%`} then 0 when ${nameHasAll} then 1 else 2 end`,
        // Shorter names are the more exact matches ("đăng ký khai sinh" before "… khai sinh lưu động").
        sql`length(${procedures.searchName})`,
      ]
    : [sql`${procedures.field} collate "C"`];
  const rows = await db
    .select({
      ...summaryColumns,
      published: procedures.published,
      // Only administrators (who also see unpublished rows) need the review count; the portal skips the subquery.
      openFlags:
        options.published === true
          ? sql<number>`0`
          : sql<number>`(${db
              .select({ n: sql`count(*)::int` })
              .from(procedureFlags)
              .where(
                and(eq(procedureFlags.procedureId, procedures.id), eq(procedureFlags.status, 'open')),
              )})`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(procedures)
    .where(and(...filters))
    .orderBy(...ranking, sql`${procedures.searchName} collate "C"`, procedures.code)
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const total = rows[0] ? Number(rows[0].total) : await countMatches(db, and(...filters));
  return {
    total,
    items: rows.map(({ total: _total, openFlags, ...item }) => ({ ...item, openFlags: Number(openFlags) })),
  };
}

/** Only needed when the requested page is past the last row. */
async function countMatches(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(procedures).where(where);
  return Number(row?.n ?? 0);
}

export async function listFields(db: Db) {
  const rows = await db
    .select({ field: procedures.field, count: sql<number>`count(*)::int` })
    .from(procedures)
    .where(eq(procedures.published, true))
    .groupBy(procedures.field)
    .orderBy(sql`count(*) desc`, sql`${procedures.field} collate "C"`);
  return rows.map((r) => ({ field: r.field, count: Number(r.count) }));
}

export type { ProcedureSummary };

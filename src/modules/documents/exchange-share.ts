import { and, count, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { Principal } from '../auth/permissions.ts';
import { nextMonth } from '../calendar/day.ts';
import { agencies } from '../org/schema.ts';
import { scopeFilter } from './documents-register.ts';
import { E_EXCHANGE_TARGET, meetsTarget, ratio } from './kpi-formulas.ts';
import { officialDocuments } from './schema.ts';

// The share of official documents between state agencies exchanged electronically, per agency and month
// (docs/kpi.md, "Electronic exchange share"): documents whose counterpart is a state agency count; those with
// citizens or businesses do not. The month is the document's date.

export interface ExchangeQuery {
  /** `YYYY-MM`, inclusive. */
  from: string;
  to: string;
  agencyId?: string | undefined;
}

export async function exchangeShare(db: Db, principal: Principal, q: ExchangeQuery) {
  const month = sql<string>`to_char(${officialDocuments.issuedOn}, 'YYYY-MM')`;
  const where = and(
    await scopeFilter(db, principal, q.agencyId),
    eq(officialDocuments.counterpartKind, 'agency'),
    isNull(officialDocuments.archivedAt),
    gte(officialDocuments.issuedOn, `${q.from}-01`),
    lt(officialDocuments.issuedOn, nextMonth(q.to)),
  );
  const counts = await db
    .select({
      agencyId: officialDocuments.agencyId,
      month,
      total: count(),
      electronic: sql<number>`count(*) filter (where ${officialDocuments.electronic})`.mapWith(Number),
      signed: sql<number>`count(*) filter (where ${officialDocuments.digitallySigned})`.mapWith(Number),
    })
    .from(officialDocuments)
    .where(where)
    .groupBy(officialDocuments.agencyId, month);
  const names = new Map(
    (await db.select({ id: agencies.id, name: agencies.name }).from(agencies)).map((a) => [a.id, a.name]),
  );
  const withShare = <T extends { total: number; electronic: number }>(r: T) => {
    const share = ratio(r.electronic, r.total);
    return { ...r, share, meetsTarget: meetsTarget(share, E_EXCHANGE_TARGET) };
  };
  const rows = counts
    .map((r) => withShare({ ...r, agencyName: names.get(r.agencyId) ?? '' }))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'vi') || a.month.localeCompare(b.month));
  const byMonth = new Map<string, { total: number; electronic: number }>();
  const byAgency = new Map<string, { total: number; electronic: number }>();
  for (const r of rows) {
    for (const [map, key] of [
      [byMonth, r.month],
      [byAgency, r.agencyId],
    ] as const) {
      const sum = map.get(key) ?? { total: 0, electronic: 0 };
      map.set(key, { total: sum.total + r.total, electronic: sum.electronic + r.electronic });
    }
  }
  const total = rows.reduce((s, r) => s + r.total, 0);
  const electronic = rows.reduce((s, r) => s + r.electronic, 0);
  const signed = rows.reduce((s, r) => s + r.signed, 0);
  return {
    target: E_EXCHANGE_TARGET,
    overall: withShare({ total, electronic }),
    /** Of the same documents, those digitally signed (e-government self-assessment). */
    signed: { total, signed, share: ratio(signed, total) },
    months: [...byMonth]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([m, s]) => withShare({ month: m, ...s })),
    agencies: [...byAgency].map(([id, s]) =>
      withShare({ agencyId: id, agencyName: names.get(id) ?? '', ...s }),
    ),
    rows,
  };
}

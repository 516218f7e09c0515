import { sql } from 'drizzle-orm';
import { DEFAULT_RATING_LEVELS } from '../modules/ratings/rating-rules.ts';
import type { Db } from '../platform/db/connect.ts';

// Ratings of the demo history: about 45% of the returned dossiers were rated a few hours after the return, on
// the portal for online dossiers and on the counter tablet otherwise; 62% «Rất hài lòng», 31% «Hài lòng», 7%
// «Không hài lòng» — below the plan's 90% target in some units, as real figures are. Chosen by a hash of the
// dossier id, so the same history always gets the same ratings.

export async function seedHistoryRatings(db: Db, dossierIds: string[]): Promise<number> {
  if (dossierIds.length === 0) return 0;
  const level = (key: string) => DEFAULT_RATING_LEVELS.find((l) => l.key === key) ?? DEFAULT_RATING_LEVELS[0];
  const [very, satisfied, unsatisfied] = ['very_satisfied', 'satisfied', 'unsatisfied'].map(level);
  const result = await db.execute(sql`
    insert into dossier_ratings (owner_unit_id, dossier_id, level, level_label, satisfied, comment, channel,
      receiving_agency_id, competent_agency_id, rated_at, updated_at)
    select d.owner_unit_id, d.id, l.key, l.label, l.satisfied, null,
      case when d.channel = 'online' then 'portal' else 'counter' end,
      d.receiving_agency_id, d.competent_agency_id, at.t, at.t
    from dossiers d
    cross join lateral (select abs(hashtext(d.id::text)) % 1000 as h) x
    cross join lateral (select least(d.returned_at + interval '3 hours', now()) as t) at
    cross join lateral (select case
        when x.h % 100 < 7 then ${unsatisfied?.key}
        when x.h % 100 < 38 then ${satisfied?.key}
        else ${very?.key} end as key) k
    cross join lateral (select k.key,
        case k.key when ${unsatisfied?.key} then ${unsatisfied?.label} when ${satisfied?.key} then ${satisfied?.label}
          else ${very?.label} end as label,
        k.key <> ${unsatisfied?.key} as satisfied) l
    where d.id = any(${sql`array[${sql.join(
      dossierIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}]`}) and d.state = 'returned' and d.returned_at is not null and x.h / 10 < 45
    on conflict do nothing`);
  return (result as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? 0;
}

import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { horizonSql } from '../../platform/db/xid8.ts';
import { coarseColumn, coarseCounters } from './coarse.ts';
import { counterColumn, dossierCounters } from './counters.ts';
import { aggregateRowsOf } from './raw-facts.ts';
import { rollupKpi } from './rollup.ts';

// `npx motcua generate --dossiers N`: synthetic history at volume, for the indicator benchmark (docs/kpi.md).
// Written set-based by PostgreSQL (generate_series), 200,000 dossiers a statement, each statement also adding
// its dossiers to the aggregates (the same facts as the roll-up: raw-facts.ts), so the figures are ready when
// it ends. Shapes follow the demo: the Vị Thanh desks and ward committees of each era (before / after
// 1 July 2025), their real procedures and statutory times; volume grows over the years, the online share rises
// from 5 % (2021) to 85 %, about 6 % are decided late, recent dossiers are still open, 1 % are withdrawn, and
// 40 % of returned dossiers are rated (93 % satisfied). The rows are complete for the lists and the figures but
// have no event history (the demo history of `seed-history` does); their codes start with "SYN-".

const CHUNK = 200_000;
const START = '2021-01-01T00:00:00+07:00';
const REORGANISED = '2025-07-01T00:00:00+07:00';

export interface GenerateOptions {
  dossiers: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

async function prepare(db: Db): Promise<{ points: [number, number] }> {
  await db.execute(sql`drop table if exists synthetic_points, synthetic_procedures`);
  // (desk, committee) pairs of one unit, numbered per era; the committee carries out the procedures.
  await db.execute(sql`create unlogged table synthetic_points as
    select (row_number() over (partition by era order by desk.id) - 1)::int as n, era, desk.unit_id as owner_unit_id,
      desk.id as receiving_agency_id, c.id as competent_agency_id,
      (select count(*) from procedure_agencies pa where pa.agency_id = c.id)::int as procedures
    from agencies desk
    join admin_units u on u.id = desk.unit_id
    join agencies c on c.unit_id = desk.unit_id and c.kind = 'people_committee'
    cross join lateral (select case when u.valid_to is not null then 0 else 1 end as era) e
    where desk.kind in ('public_service_centre', 'one_stop_desk')
      and exists (select 1 from procedure_agencies pa where pa.agency_id = c.id)`);
  await db.execute(sql`create unlogged table synthetic_procedures as
    select pa.agency_id, (row_number() over (partition by pa.agency_id order by p.code) - 1)::int as k,
      p.id, p.code, p.name, p.field,
      greatest(1, coalesce(case when p.processing_time_unit = 'working_days' then p.processing_time_value end, 5))::int
        as days
    from procedure_agencies pa join procedures p on p.id = pa.procedure_id`);
  await db.execute(sql`create index on synthetic_procedures (agency_id, k)`);
  const counts = await rawRows<{ era: number; n: number }>(
    db,
    sql`select era, count(*)::int as n from synthetic_points group by era`,
  );
  const of = (era: number) => counts.find((c) => c.era === era)?.n ?? 0;
  if (of(0) === 0 || of(1) === 0)
    throw new Error('Chưa có dữ liệu mẫu Vị Thanh: chạy "npx motcua seed" trước.');
  return { points: [of(0), of(1)] };
}

function chunkSql(first: number, last: number, points: [number, number], now: Date) {
  const names = dossierCounters.map((c) => sql.raw(counterColumn(c)));
  const coarse = coarseCounters.map((c) => sql.raw(coarseColumn(c)));
  return sql`
  with r as (
    select g, gen_random_uuid() as id, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5, random() as r6,
      random() as r7
    from generate_series(${first}::int, ${last}::int) g
  ), t as (
    select r.*, ${START}::timestamptz + sqrt(r1) * (${now.toISOString()}::timestamptz - ${START}::timestamptz) as received
    from r
  ), p as (
    select t.*, pt.owner_unit_id, pt.receiving_agency_id, pt.competent_agency_id, pt.procedures
    from t join synthetic_points pt
      on pt.era = case when t.received < ${REORGANISED}::timestamptz then 0 else 1 end
      and pt.n = floor(t.r2 * case when t.received < ${REORGANISED}::timestamptz then ${points[0]}::int
        else ${points[1]}::int end)::int
  ), q as (
    select p.*, sp.id as procedure_id, sp.code as procedure_code, sp.name as procedure_name, sp.field,
      p.received + (sp.days * 1.4) * interval '1 day' as due,
      case when p.r4 < least(0.85, 0.05 + 0.17 * (extract(year from p.received) - 2021)) then 'online'
        when p.r4 > 0.98 then 'post' else 'counter' end as channel
    from p join synthetic_procedures sp
      on sp.agency_id = p.competent_agency_id
      and sp.k = floor(p.r3 * p.procedures)::int
  ), s as (
    select q.*,
      case when q.r5 < 0.01 then 'withdrawn'
        when q.due > ${now.toISOString()}::timestamptz and q.r5 < 0.6 then 'in_progress'
        else 'returned' end as state
    from q
  ), v as (
    select s.*,
      case when s.state = 'returned' then s.received + (s.due - s.received) * (0.2 + s.r6 * 0.85) end as resolved
    from s
  ), d as (
    insert into dossiers (owner_unit_id, id, code, procedure_id, procedure_code, procedure_name, field,
      rule_profile, state, channel, receiving_agency_id, competent_agency_id, applicant_kind, applicant_name,
      submitted_at, received_at, due_at, resolved_at, returned_at, snapshot, version, created_at, updated_at)
    select v.owner_unit_id, v.id, 'SYN-' || v.g, v.procedure_id, v.procedure_code, v.procedure_name,
      v.field, case when v.received < ${REORGANISED}::timestamptz then 'nd61-2018' else 'nd118-2025' end,
      v.state, v.channel, v.receiving_agency_id, v.competent_agency_id,
      case when v.r7 < 0.1 then 'organisation' else 'person' end, 'Người nộp thử nghiệm ' || v.g,
      v.received, v.received, v.due, v.resolved,
      case when v.resolved is not null then least(v.resolved + interval '2 days', ${now.toISOString()}::timestamptz) end,
      jsonb_build_object(
        'id', v.id, 'code', 'SYN-' || v.g, 'procedureCode', v.procedure_code, 'state', v.state, 'channel', v.channel,
        'receivingAgencyId', v.receiving_agency_id, 'competentAgencyId', v.competent_agency_id,
        'assistingAgencyId', null, 'statutory', jsonb_build_object('value', 5, 'unit', 'working_days'),
        'receivedAt', v.received, 'submittedAt', v.received, 'createdAt', v.received, 'dueAt', v.due,
        'clocks', jsonb_build_object(
          'legal', jsonb_build_object('policy', 'restart', 'periodStartedAt', v.received, 'originalDueAt', v.due,
            'pausedAt', null, 'pausedHours', 0, 'restarts', 0),
          'index', jsonb_build_object('appointmentAt', v.due, 'supplementHours', 0, 'pausedAt', null,
            'dueAt', v.due, 'supplementRequests', 0)),
        'decision', case when v.resolved is not null then jsonb_build_object('outcome', 'approved',
          'at', v.resolved, 'by', 'synthetic', 'reasons', '[]'::jsonb, 'comment', null, 'decisionNo', null) end,
        'result', case when v.resolved is not null then jsonb_build_object('fileId', 'synthetic',
          'issuedAt', v.resolved, 'issuedBy', 'synthetic') end,
        'returnedAt', case when v.resolved is not null then least(v.resolved + interval '2 days',
          ${now.toISOString()}::timestamptz) end,
        'withdrawal', case when v.state = 'withdrawn' then jsonb_build_object('at', v.received + interval '1 day',
          'reason', null, 'byApplicant', true) end,
        'steps', '[]'::jsonb, 'supplements', '[]'::jsonb, 'supplementCount', 0, 'intakeSupplementCount', 0,
        'apology', null, 'stop', null, 'refusal', null, 'currentStepIndex', null, 'version', 1),
      1, v.received, v.received
    from v
    returning *
  ), rated as (
    insert into dossier_ratings (owner_unit_id, dossier_id, level, level_label, satisfied, channel,
      receiving_agency_id, competent_agency_id, rated_at, updated_at, counted_level, counted_satisfied)
    select d.owner_unit_id, d.id, l.level, l.label, l.satisfied, 'portal', d.receiving_agency_id,
      d.competent_agency_id, d.returned_at, d.returned_at, l.level, l.satisfied
    from d cross join lateral (select random() as x) rx
    cross join lateral (select case when rx.x < 0.014 then 'unsatisfied' when rx.x < 0.2 then 'satisfied'
        else 'very_satisfied' end as level) lv
    cross join lateral (select lv.level,
        case lv.level when 'unsatisfied' then 'Không hài lòng' when 'satisfied' then 'Hài lòng' else 'Rất hài lòng' end as label,
        lv.level <> 'unsatisfied' as satisfied) l
    where d.returned_at is not null and random() < 0.4
    returning owner_unit_id, dossier_id, level, satisfied, receiving_agency_id, competent_agency_id, rated_at
  ), rating_detail as (
    select rated.owner_unit_id, date_trunc('month', rated.rated_at at time zone 'UTC' + interval '7 hours')::date
        as month, rated.receiving_agency_id, rated.competent_agency_id, d.procedure_id, rated.level, rated.satisfied,
      count(*)::int as ratings
    from rated join d on d.id = rated.dossier_id
    group by 1, 2, 3, 4, 5, 6, 7
  ), rating_totals as (
    insert into kpi_rating_monthly (owner_unit_id, month, receiving_agency_id, competent_agency_id, procedure_id,
      level, satisfied, ratings)
    select * from rating_detail
    on conflict (owner_unit_id, month, receiving_agency_id, competent_agency_id, procedure_id, level, satisfied)
    do update set ratings = kpi_rating_monthly.ratings + excluded.ratings
  ), detail as (
    ${aggregateRowsOf(sql`d`)}
  ), detail_totals as (
    insert into kpi_dossier_monthly (owner_unit_id, month, receiving_agency_id, competent_agency_id, procedure_id,
      ${sql.join(names, sql`, `)})
    select * from detail
    on conflict (owner_unit_id, month, receiving_agency_id, competent_agency_id, procedure_id) do update set
    ${sql.join(
      names.map((n) => sql`${n} = kpi_dossier_monthly.${n} + excluded.${n}`),
      sql`, `,
    )}
  ), coarse as (
    select owner_unit_id, month, receiving_agency_id, competent_agency_id, ${sql.join(names, sql`, `)},
      0 as ratings, 0 as ratings_satisfied
    from detail
    union all
    select owner_unit_id, month, receiving_agency_id, competent_agency_id,
      ${sql.join(
        names.map(() => sql`0`),
        sql`, `,
      )}, ratings, case when satisfied then ratings else 0 end
    from rating_detail
  ), agency_totals as (
    insert into kpi_agency_monthly (owner_unit_id, month, receiving_agency_id, competent_agency_id,
      ${sql.join(coarse, sql`, `)})
    select owner_unit_id, month, receiving_agency_id, competent_agency_id,
      ${sql.join(
        coarse.map((n) => sql`sum(${n})::int`),
        sql`, `,
      )}
    from coarse group by 1, 2, 3, 4
    on conflict (owner_unit_id, month, receiving_agency_id, competent_agency_id) do update set
    ${sql.join(
      coarse.map((n) => sql`${n} = kpi_agency_monthly.${n} + excluded.${n}`),
      sql`, `,
    )}
  )
  insert into kpi_unit_monthly (owner_unit_id, month, ${sql.join(coarse, sql`, `)})
  select owner_unit_id, month, ${sql.join(
    coarse.map((n) => sql`sum(${n})::int`),
    sql`, `,
  )}
  from coarse group by 1, 2
  on conflict (owner_unit_id, month) do update set
  ${sql.join(
    coarse.map((n) => sql`${n} = kpi_unit_monthly.${n} + excluded.${n}`),
    sql`, `,
  )}`;
}

export async function generateSynthetic(db: Db, options: GenerateOptions): Promise<{ ms: number }> {
  const started = performance.now();
  const now = options.now ?? new Date();
  // Everything written before is folded first, so the read position can then move past the bulk rows
  // (the generator runs with the application stopped).
  await rollupKpi(db);
  const { points } = await prepare(db);
  const [row] = await rawRows<{ n: number }>(
    db,
    sql`select coalesce(max(substring(code from 5)::bigint), 0)::bigint as n from dossiers where code like 'SYN-%'`,
  );
  const offset = Number(row?.n ?? 0);
  for (let done = 0; done < options.dossiers; done += CHUNK) {
    const n = Math.min(CHUNK, options.dossiers - done);
    await db.execute(chunkSql(offset + done + 1, offset + done + n, points, now));
    options.onProgress?.(done + n, options.dossiers);
  }
  await db.execute(sql`drop table if exists synthetic_points, synthetic_procedures`);
  // The bulk ratings are counted already (counted_level set): the roll-up need not read them again.
  await db.execute(sql`update kpi_rollup_state set last_tx = (${horizonSql})::xid8, last_key = ''
    where source = 'dossier_ratings'`);
  // After a bulk load, what autovacuum would do in time: statistics, and the visibility map for index-only scans.
  await db.execute(sql`vacuum analyze dossiers`);
  await db.execute(sql`vacuum analyze dossier_ratings`);
  await db.execute(sql`analyze kpi_dossier_monthly`);
  await db.execute(sql`analyze kpi_rating_monthly`);
  return { ms: performance.now() - started };
}

import { type SQL, sql } from 'drizzle-orm';

/**
 * Turns a statement that inserts dossier events into one that also writes their audit entries, so a lifecycle
 * transition stays a single statement (no extra round trip, no lock): `ctes` are the statement's own WITH items,
 * `insertEvents` the INSERT into dossier_events without RETURNING, `after` more WITH items that may read the
 * inserted events as `audited_events`. The statement answers the events' ids.
 * The entry keeps the lifecycle facts (action, states, event id), never the comment or reasons, which may name
 * people.
 */
export function withDossierEventAudit(ctes: SQL[], insertEvents: SQL, after: SQL[] = []): SQL {
  return sql`with ${sql.join([...ctes, sql`audited_events as (${insertEvents} returning *)`, ...after], sql`, `)},
    audit_written as (insert into audit_entries (unit_id, occurred_at, actor_user_id, actor_role, actor_agency_id,
        action, subject_type, subject_id, detail)
      select owner_unit_id, at, actor_user_id, actor_role, actor_agency_id, 'dossier.transition', 'dossier',
        dossier_id::text,
        jsonb_build_object('eventId', id, 'action', action, 'fromState', from_state, 'toState', to_state)
      from audited_events)
    select id from audited_events`;
}

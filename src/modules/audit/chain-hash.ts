import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';

/** The prev_hash of a chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** An entry's hashed fields as the database prints them (the same text at sealing and at verification). */
export interface CanonicalEntry {
  unit_id: string;
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_agency_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  detail: string;
}

/**
 * The SELECT list that reads `CanonicalEntry` from audit_entries `e`: ids as text, the time in UTC to the
 * millisecond (the column's precision), jsonb as PostgreSQL prints it (keys in its own fixed order).
 */
export const canonicalColumns = sql`e.unit_id::text as unit_id, e.id::text as id,
  to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
  e.actor_user_id::text as actor_user_id, e.actor_role, e.actor_agency_id::text as actor_agency_id, e.action,
  e.subject_type, e.subject_id, e.detail::text as detail`;

/** sha256 over a JSON array of every field, the entry's place in its chain and the previous entry's hash. */
export function entryHash(entry: CanonicalEntry, seq: number, prevHash: string): string {
  const canonical = JSON.stringify([
    'motcua-audit-v1',
    entry.unit_id,
    seq,
    entry.id,
    entry.occurred_at,
    entry.actor_user_id,
    entry.actor_role,
    entry.actor_agency_id,
    entry.action,
    entry.subject_type,
    entry.subject_id,
    entry.detail,
    prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

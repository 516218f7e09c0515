import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { commitHorizon } from '../../platform/db/xid8.ts';
import { type CanonicalEntry, canonicalColumns, entryHash, GENESIS_HASH } from './chain-hash.ts';

// The sealer links raw entries into their unit's chain. Entries are only final once the transaction that wrote
// them has ended, and ids are drawn before commit, so it reads entries written by transactions below the commit
// horizon (src/platform/db/xid8.ts, as the indicator roll-up does) in (tx, id) order: a later round only ever
// finds higher transaction ids, so a chain never needs an entry inserted before its end.

const BATCH = 2000;
/** Serialises sealers (app instances and the CLI): two rounds must not give out the same sequence numbers. */
const SEAL_LOCK = 0x6d6f7463;

interface Head {
  seq: number;
  hash: string;
  entryId: string;
}

async function sealBatch(tx: Db): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK})`);
  const h = await commitHorizon(tx);
  const rows = await rawRows<CanonicalEntry>(
    tx,
    sql`select ${canonicalColumns} from audit_entries e
      where e.seq is null and e.tx < ${h}::xid8 order by e.tx, e.id limit ${BATCH}`,
  );
  if (rows.length === 0) return 0;
  const units = [...new Set(rows.map((r) => r.unit_id))];
  const heads = new Map<string, Head>();
  const headRows = await rawRows<{ unit_id: string; seq: string | number; hash: string; entry_id: string }>(
    tx,
    sql`select unit_id::text, seq, hash, entry_id::text from audit_chain_heads
      where unit_id in (${sql.join(
        units.map((u) => sql`${u}::uuid`),
        sql`, `,
      )}) for update`,
  );
  for (const r of headRows) heads.set(r.unit_id, { seq: Number(r.seq), hash: r.hash, entryId: r.entry_id });
  const links = rows.map((row) => {
    const head = heads.get(row.unit_id) ?? { seq: 0, hash: GENESIS_HASH, entryId: '0' };
    const seq = head.seq + 1;
    const hash = entryHash(row, seq, head.hash);
    heads.set(row.unit_id, { seq, hash, entryId: row.id });
    return sql`(${row.unit_id}::uuid, ${row.id}::bigint, ${seq}::bigint, ${head.hash}::varchar, ${hash}::varchar)`;
  });
  await tx.execute(sql`update audit_entries e set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash,
      sealed_at = now()
    from (values ${sql.join(links, sql`, `)}) as v(unit_id, id, seq, prev_hash, hash)
    where e.unit_id = v.unit_id and e.id = v.id`);
  const headValues = units.map((u) => {
    const head = heads.get(u) as Head;
    return sql`(${u}::uuid, ${head.seq}::bigint, ${head.entryId}::bigint, ${head.hash}::varchar, now())`;
  });
  await tx.execute(sql`insert into audit_chain_heads (unit_id, seq, entry_id, hash, sealed_at)
    values ${sql.join(headValues, sql`, `)}
    on conflict (unit_id) do update set seq = excluded.seq, entry_id = excluded.entry_id, hash = excluded.hash,
      sealed_at = excluded.sealed_at`);
  return rows.length;
}

/** Seals everything committed so far, in batches of one transaction each; answers how many entries it sealed. */
export async function sealAuditLog(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction((tx) => sealBatch(tx as unknown as Db));
    total += sealed;
    if (sealed < BATCH) return total;
  }
}

/** Entries not sealed yet (written by transactions still running when the last round read the horizon). */
export async function pendingAuditCount(db: Db, unitIds?: string[]): Promise<number> {
  const only =
    unitIds === undefined
      ? sql``
      : sql`and unit_id in (${
          unitIds.length
            ? sql.join(
                unitIds.map((u) => sql`${u}::uuid`),
                sql`, `,
              )
            : sql`null`
        })`;
  const [row] = await rawRows<{ n: string | number }>(
    db,
    sql`select count(*) as n from audit_entries where seq is null ${only}`,
  );
  return Number(row?.n ?? 0);
}

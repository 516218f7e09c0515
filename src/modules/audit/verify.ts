import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { type BreakKind, describeBreak } from './chain-breaks.ts';
import { type CanonicalEntry, canonicalColumns, entryHash, GENESIS_HASH } from './chain-hash.ts';
import { pendingAuditCount, sealAuditLog } from './seal.ts';

// Verification walks every chain from its first entry: each entry must carry the next sequence number, the
// previous entry's hash and the hash of its own content; the last one must be the chain's head. The first entry
// that fails is named and the chain's walk stops there.

const PAGE = 5000;

export interface ChainBreak {
  seq: number | null;
  entryId: string | null;
  kind: BreakKind['kind'];
  problem: string;
  problemVi: string;
}

export interface ChainReport {
  unitId: string;
  unitName: string | null;
  checked: number;
  headSeq: number | null;
  headHash: string | null;
  broken: ChainBreak | null;
}

export interface VerifyReport {
  ok: boolean;
  sealedNow: number;
  /** Entries of transactions still running: not chained yet, so not checked. */
  pending: number;
  chains: ChainReport[];
}

interface StoredEntry extends CanonicalEntry {
  seq: string | number;
  prev_hash: string | null;
  hash: string | null;
}

interface HeadRow {
  unit_id: string;
  seq: string | number;
  entry_id: string;
  hash: string;
}

async function readHead(db: Db, unitId: string): Promise<HeadRow | undefined> {
  const [head] = await rawRows<HeadRow>(
    db,
    sql`select unit_id::text, seq, entry_id::text, hash from audit_chain_heads where unit_id = ${unitId}::uuid`,
  );
  return head;
}

/**
 * Walks one chain. The head is read before the entries: every entry up to it was committed by then, so a shorter
 * walk means deleted entries. A walk longer than the head may be the sealer at work meanwhile: the head is read
 * again and the walk goes on to it.
 */
async function verifyChain(db: Db, unitId: string): Promise<Omit<ChainReport, 'unitName'>> {
  let head = await readHead(db, unitId);
  const report = { unitId, checked: 0, headSeq: null as number | null, headHash: null as string | null };
  const result = (broken: ChainBreak | null) => ({
    ...report,
    headSeq: head ? Number(head.seq) : null,
    headHash: head?.hash ?? null,
    broken,
  });
  const fail = (seq: number | null, entryId: string | null, what: BreakKind) =>
    result({ seq, entryId, kind: what.kind, ...describeBreak(what) });
  let lastSeq = 0;
  let lastId = '0';
  let lastHash = GENESIS_HASH;
  for (;;) {
    for (;;) {
      // Keyset on (seq, id), so a duplicated sequence number is seen even across pages.
      const page = await rawRows<StoredEntry>(
        db,
        sql`select ${canonicalColumns}, e.seq, e.prev_hash, e.hash from audit_entries e
          where e.unit_id = ${unitId}::uuid and e.seq is not null
            and (e.seq, e.id) > (${lastSeq}::bigint, ${lastId}::bigint)
          order by e.seq, e.id limit ${PAGE}`,
      );
      for (const entry of page) {
        const seq = Number(entry.seq);
        if (seq === lastSeq) return fail(seq, entry.id, { kind: 'duplicate', seq });
        if (seq !== lastSeq + 1)
          return fail(seq, entry.id, { kind: 'missing', from: lastSeq + 1, to: seq - 1 });
        if (entry.prev_hash !== lastHash) return fail(seq, entry.id, { kind: 'prev_hash' });
        if (entry.hash !== entryHash(entry, seq, lastHash)) return fail(seq, entry.id, { kind: 'altered' });
        report.checked += 1;
        lastSeq = seq;
        lastId = entry.id;
        lastHash = entry.hash;
      }
      if (page.length < PAGE) break;
    }
    const headSeq = head ? Number(head.seq) : 0;
    if (head && headSeq > lastSeq)
      return fail(lastSeq + 1, null, {
        kind: 'truncated',
        last: lastSeq,
        head: headSeq,
        headEntryId: head.entry_id,
      });
    if (headSeq === lastSeq) {
      if (head && (head.hash !== lastHash || head.entry_id !== lastId))
        return fail(lastSeq, lastId, { kind: 'head_mismatch' });
      return result(null);
    }
    const again = await readHead(db, unitId);
    if (!again || Number(again.seq) < lastSeq)
      return fail(
        headSeq + 1,
        null,
        again || head ? { kind: 'beyond_head', head: headSeq } : { kind: 'no_head' },
      );
    head = again;
  }
}

/**
 * Seals what is pending (unless `seal` is false), then checks every chain, or only those of `unitIds`. Runs without a
 * long transaction: a chain only grows at its end while it is read, and that end is compared with the head read
 * before the walk.
 */
export async function verifyAuditLog(
  db: Db,
  options: { seal?: boolean; unitIds?: string[] } = {},
): Promise<VerifyReport> {
  const sealedNow = options.seal === false ? 0 : await sealAuditLog(db);
  const only = options.unitIds
    ? sql`unit_id in (${
        options.unitIds.length
          ? sql.join(
              options.unitIds.map((u) => sql`${u}::uuid`),
              sql`, `,
            )
          : sql`null`
      })`
    : sql`true`;
  const units = await rawRows<{ unit_id: string; name: string | null }>(
    db,
    sql`select c.unit_id, u.name from (
        select unit_id::text as unit_id from audit_chain_heads where ${only}
        union select distinct unit_id::text from audit_entries where seq is not null and ${only}
      ) c left join admin_units u on u.id::text = c.unit_id order by u.name nulls first, c.unit_id`,
  );
  const chains: ChainReport[] = [];
  for (const unit of units) {
    const report = await verifyChain(db, unit.unit_id);
    chains.push({ ...report, unitName: unit.name });
  }
  return {
    ok: chains.every((c) => c.broken === null),
    sealedNow,
    pending: await pendingAuditCount(db, options.unitIds),
    chains,
  };
}

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/connect.ts';
import { rawRows } from '../../platform/db/raw-rows.ts';
import { openTestDatabase } from '../../testing/test-db.ts';
import { recordAudit } from './record.ts';
import { pendingAuditCount, sealAuditLog } from './seal.ts';
import { verifyAuditLog } from './verify.ts';

// The seal window: an entry of a transaction still running is not chained, and neither is anything written
// after that transaction began, until it ends; then the chain follows the transactions' order. Needs two
// connections, so PostgreSQL only.

describe.runIf(process.env.DATABASE_URL)('sealing in commit-safe order (postgres)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('waits for a running transaction, then chains its entry before later ones', async () => {
    const unitId = randomUUID();
    const draft = (n: number) => ({
      unitId,
      actor: { userId: null, role: 'cli', agencyId: null },
      action: 'account.create' as const,
      subjectType: 'test',
      subjectId: String(n),
    });
    await sealAuditLog(database.db);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written: () => void = () => {};
    const slowWrote = new Promise<void>((resolve) => {
      written = resolve;
    });
    const slow = database.db.transaction(async (tx) => {
      await recordAudit(tx, draft(1));
      written();
      await held;
    });
    try {
      await slowWrote;
      await recordAudit(database.db, draft(2));
      expect(await sealAuditLog(database.db)).toBe(0);
      // The running transaction's entry is not visible yet; the committed one waits behind it.
      expect(await pendingAuditCount(database.db)).toBe(1);
      const during = await verifyAuditLog(database.db, { unitIds: [unitId] });
      expect(during).toMatchObject({ ok: true, pending: 1, chains: [] });
    } finally {
      release();
      await slow;
    }
    expect(await sealAuditLog(database.db)).toBe(2);
    const chain = await rawRows<{ subject_id: string; seq: string }>(
      database.db,
      sql`select subject_id, seq::text from audit_entries where unit_id = ${unitId}::uuid order by seq`,
    );
    expect(chain).toEqual([
      { subject_id: '1', seq: '1' },
      { subject_id: '2', seq: '2' },
    ]);
    expect((await verifyAuditLog(database.db, { unitIds: [unitId] })).ok).toBe(true);
  });
});

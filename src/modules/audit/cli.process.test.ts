import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/connect.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { sealAuditLog } from './seal.ts';
import { asDba, entryAt, writeChain } from './testing.ts';

// `npx motcua audit verify` as an operator runs it, on an embedded database: exit code 0 and "OK" for an intact
// log, exit code 1 and the first broken entry after a direct SQL change.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-audit-cli-'));
const runVerify = () =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const { DATABASE_URL: _embeddedOnly, ...inherited } = process.env;
    const env = { ...inherited, DATA_DIR: dataDir };
    const child = spawn(process.execPath, ['bin/motcua.mjs', 'audit', 'verify'], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

describe('motcua audit verify', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('answers OK for an intact log and names the first broken entry with a non-zero exit code', async () => {
    let database = await openDatabase({ dataDir });
    await migrate(database);
    const unitId = await writeChain(database.db, 4);
    await database.close();

    const intact = await runVerify();
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toContain('Sealed now: 4');
    expect(intact.stdout).toMatch(new RegExp(`OK +chain ${unitId}: 4 entries, head 4 [0-9a-f]{64}`));
    expect(intact.stdout).toContain('OK: 1 chains, 4 entries verified.');

    database = await openDatabase({ dataDir });
    await sealAuditLog(database.db);
    const third = await entryAt(database.db, unitId, 3);
    await asDba(database.db, sql`delete from audit_entries where unit_id = ${unitId}::uuid and seq = 2`);
    await database.close();

    const broken = await runVerify();
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(
      `BROKEN  chain ${unitId}: 1 entries verified before the break; first broken entry: sequence 3, id ${third.id}: entry 2 is missing (deleted) before this entry`,
    );
    expect(broken.stdout).toContain('FAILED: 1 of 1 chains are broken');
  }, 240_000);
});

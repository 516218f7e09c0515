// The account security settings row (id = 1): the two-factor policy and the fallback key for TOTP secrets.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { Principal } from './permissions.ts';
import { type Role, securitySettings } from './schema.ts';

const SETTINGS_ID = 1;

export interface TwoFactorPolicy {
  requireTotpForOfficers: boolean;
  /** Empty: every back-office role. */
  requireTotpRoles: Role[];
}

type Row = typeof securitySettings.$inferSelect;

/** Read on every session load: kept a few seconds per database (a change here clears it at once). */
const CACHE_MS = 5_000;
const cached = new WeakMap<Db, { row: Row; until: number }>();

export async function securitySettingsRow(db: Db): Promise<Row> {
  const hit = cached.get(db);
  if (hit && hit.until > Date.now()) return hit.row;
  const read = () => db.select().from(securitySettings).where(eq(securitySettings.id, SETTINGS_ID));
  let [row] = await read();
  if (!row) {
    await db
      .insert(securitySettings)
      .values({ id: SETTINGS_ID, encryptionKey: randomBytes(32).toString('base64url') })
      .onConflictDoNothing();
    [row] = await read();
  }
  if (!row) throw new Error('security settings row missing after insert');
  cached.set(db, { row, until: Date.now() + CACHE_MS });
  return row;
}

export async function twoFactorPolicy(db: Db): Promise<TwoFactorPolicy> {
  const row = await securitySettingsRow(db);
  return { requireTotpForOfficers: row.requireTotpForOfficers, requireTotpRoles: row.requireTotpRoles };
}

export async function saveTwoFactorPolicy(
  db: Db,
  policy: TwoFactorPolicy,
  userId: string | null,
): Promise<void> {
  await securitySettingsRow(db);
  await db
    .update(securitySettings)
    .set({
      requireTotpForOfficers: policy.requireTotpForOfficers,
      requireTotpRoles: [...new Set(policy.requireTotpRoles)],
      updatedAt: new Date(),
      updatedBy: userId,
    })
    .where(eq(securitySettings.id, SETTINGS_ID));
  cached.delete(db);
}

/** Whether the policy asks this account for a second factor (back-office accounts only). */
export function twoFactorRequired(policy: TwoFactorPolicy, principal: Pick<Principal, 'kind' | 'roles'>) {
  if (!policy.requireTotpForOfficers || principal.kind !== 'officer' || principal.roles.length === 0)
    return false;
  if (policy.requireTotpRoles.length === 0) return true;
  return principal.roles.some((r) => policy.requireTotpRoles.includes(r.role));
}

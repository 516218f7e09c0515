import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { loginAttempts } from './schema.ts';

/** Sign-in limits: failures in a sliding window, per account identifier and per client IP. */
export const throttleLimits = { windowMinutes: 15, perIdentifier: 5, perIp: 30 } as const;

export async function isThrottled(
  db: Db,
  identifier: string,
  ip: string,
  now = new Date(),
): Promise<boolean> {
  const since = new Date(now.getTime() - throttleLimits.windowMinutes * 60_000);
  const [byIdentifier] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.identifier, identifier),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.at, since),
      ),
    );
  if (Number(byIdentifier?.n ?? 0) >= throttleLimits.perIdentifier) return true;
  const [byIp] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  return Number(byIp?.n ?? 0) >= throttleLimits.perIp;
}

export async function recordAttempt(
  db: Db,
  identifier: string,
  ip: string,
  succeeded: boolean,
): Promise<void> {
  await db.insert(loginAttempts).values({ identifier, ip, succeeded });
  if (succeeded) {
    // A successful sign-in clears the account's earlier failures, so a user who finally remembers is not locked out later.
    await db
      .delete(loginAttempts)
      .where(and(eq(loginAttempts.identifier, identifier), eq(loginAttempts.succeeded, false)));
  }
}

/** Old attempts are useless once outside the window. */
export async function pruneAttempts(db: Db, now = new Date()): Promise<void> {
  const before = new Date(now.getTime() - 24 * 3600_000);
  await db.delete(loginAttempts).where(lt(loginAttempts.at, before));
}

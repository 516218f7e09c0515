// Sign-in throttling and temporary account lockouts (password and second-factor failures).
import { and, count, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { accountLockouts, loginAttempts, users } from './schema.ts';

/**
 * `perIdentifier` failures within `windowMinutes` lock the account for `lockMinutes`; `perIp` failures from one
 * address in the window refuse that address (guessing across many accounts).
 */
export const throttleLimits = { windowMinutes: 15, perIdentifier: 5, perIp: 30, lockMinutes: 15 } as const;

export type AttemptKind = 'password' | 'second_factor';

export interface Attempt {
  identifier: string;
  userId: string | null;
  kind: AttemptKind;
  ip: string;
  userAgent: string | undefined;
}

export interface Lockout {
  id: string;
  lockedUntil: Date;
  reason: AttemptKind;
}

const vietnamTime = (d: Date, withDate: boolean) =>
  d.toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...(withDate ? { day: '2-digit', month: '2-digit', year: 'numeric' } : {}),
  });

/** "Tài khoản tạm khóa đến 21:45 do nhập sai mật khẩu nhiều lần." (with the date when it is not today). */
export function lockoutMessage(lockout: Pick<Lockout, 'lockedUntil' | 'reason'>, now: Date): string {
  const day = (d: Date) => d.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  const until = vietnamTime(lockout.lockedUntil, day(lockout.lockedUntil) !== day(now));
  const what = lockout.reason === 'password' ? 'mật khẩu' : 'mã xác thực';
  return `Tài khoản tạm khóa đến ${until} do nhập sai ${what} nhiều lần.`;
}

/** The lock in force on the identifier or the account, if any. */
export async function activeLockout(
  db: Db,
  who: { identifier: string; userId: string | null },
  now: Date,
): Promise<Lockout | null> {
  const [row] = await db
    .select({
      id: accountLockouts.id,
      lockedUntil: accountLockouts.lockedUntil,
      reason: accountLockouts.reason,
    })
    .from(accountLockouts)
    .where(
      and(
        who.userId
          ? or(eq(accountLockouts.identifier, who.identifier), eq(accountLockouts.userId, who.userId))
          : eq(accountLockouts.identifier, who.identifier),
        isNull(accountLockouts.unlockedAt),
        gt(accountLockouts.lockedUntil, now),
      ),
    )
    .orderBy(desc(accountLockouts.lockedUntil))
    .limit(1);
  return row ?? null;
}

/** Too many failures from this address across all accounts. */
export async function ipThrottled(db: Db, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - throttleLimits.windowMinutes * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  return Number(row?.n ?? 0) >= throttleLimits.perIp;
}

const attemptRow = (attempt: Attempt, succeeded: boolean, at: Date) => ({
  identifier: attempt.identifier.slice(0, 254),
  userId: attempt.userId,
  kind: attempt.kind,
  ip: attempt.ip.slice(0, 64),
  userAgent: attempt.userAgent?.slice(0, 500),
  succeeded,
  at,
});

/** Records a failure; returns the lockout it triggered, if it was the one too many. */
export async function recordFailure(db: Db, attempt: Attempt, now: Date): Promise<Lockout | null> {
  await db.insert(loginAttempts).values(attemptRow(attempt, false, now));
  const since = new Date(now.getTime() - throttleLimits.windowMinutes * 60_000);
  const counted = and(
    eq(loginAttempts.identifier, attempt.identifier),
    eq(loginAttempts.succeeded, false),
    eq(loginAttempts.cleared, false),
    gt(loginAttempts.at, since),
  );
  const [row] = await db.select({ n: count() }).from(loginAttempts).where(counted);
  if (Number(row?.n ?? 0) < throttleLimits.perIdentifier) return null;
  const lockedUntil = new Date(now.getTime() + throttleLimits.lockMinutes * 60_000);
  const [lockout] = await db
    .insert(accountLockouts)
    .values({
      identifier: attempt.identifier,
      userId: attempt.userId,
      reason: attempt.kind,
      lockedAt: now,
      lockedUntil,
    })
    .returning({ id: accountLockouts.id });
  // The failures are spent on this lock: after it ends, counting starts again.
  await db.update(loginAttempts).set({ cleared: true }).where(counted);
  return lockout ? { id: lockout.id, lockedUntil, reason: attempt.kind } : null;
}

/** Records a success; the account's earlier failures stop counting (a user who finally remembers is not locked later). */
export async function recordSuccess(db: Db, attempt: Attempt, now: Date): Promise<void> {
  await db.insert(loginAttempts).values(attemptRow(attempt, true, now));
  await db
    .update(loginAttempts)
    .set({ cleared: true })
    .where(
      and(
        eq(loginAttempts.identifier, attempt.identifier),
        eq(loginAttempts.succeeded, false),
        eq(loginAttempts.cleared, false),
      ),
    );
}

/** Locks in force, with the account when the identifier names one (the administrator's list). */
export async function listActiveLockouts(db: Db, now: Date) {
  return db
    .select({
      id: accountLockouts.id,
      identifier: accountLockouts.identifier,
      userId: accountLockouts.userId,
      fullName: users.fullName,
      email: users.email,
      kind: users.kind,
      reason: accountLockouts.reason,
      lockedAt: accountLockouts.lockedAt,
      lockedUntil: accountLockouts.lockedUntil,
    })
    .from(accountLockouts)
    .leftJoin(users, eq(users.id, accountLockouts.userId))
    .where(and(isNull(accountLockouts.unlockedAt), gt(accountLockouts.lockedUntil, now)))
    .orderBy(desc(accountLockouts.lockedAt));
}

/** An administrator lifts a lock early; the failures behind it no longer count. False when none is in force. */
export async function unlock(db: Db, lockoutId: string, adminId: string, now: Date): Promise<boolean> {
  const [lifted] = await db
    .update(accountLockouts)
    .set({ unlockedAt: now, unlockedBy: adminId })
    .where(
      and(
        eq(accountLockouts.id, lockoutId),
        isNull(accountLockouts.unlockedAt),
        gt(accountLockouts.lockedUntil, now),
      ),
    )
    .returning({ identifier: accountLockouts.identifier, userId: accountLockouts.userId });
  if (!lifted) return false;
  await db
    .update(loginAttempts)
    .set({ cleared: true })
    .where(
      and(
        lifted.userId
          ? or(eq(loginAttempts.identifier, lifted.identifier), eq(loginAttempts.userId, lifted.userId))
          : eq(loginAttempts.identifier, lifted.identifier),
        eq(loginAttempts.succeeded, false),
      ),
    );
  return true;
}

/** The owner's security page: recent failed sign-ins and lockouts of the account (last 30 days). */
export async function securityEvents(db: Db, userId: string, now: Date) {
  const since = new Date(now.getTime() - 30 * 24 * 3600_000);
  const failures = await db
    .select({
      at: loginAttempts.at,
      kind: loginAttempts.kind,
      ip: loginAttempts.ip,
      userAgent: loginAttempts.userAgent,
    })
    .from(loginAttempts)
    .where(
      and(eq(loginAttempts.userId, userId), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)),
    )
    .orderBy(desc(loginAttempts.at))
    .limit(20);
  const lockouts = await db
    .select({
      lockedAt: accountLockouts.lockedAt,
      lockedUntil: accountLockouts.lockedUntil,
      reason: accountLockouts.reason,
      unlockedAt: accountLockouts.unlockedAt,
    })
    .from(accountLockouts)
    .where(and(eq(accountLockouts.userId, userId), gt(accountLockouts.lockedAt, since)))
    .orderBy(desc(accountLockouts.lockedAt))
    .limit(20);
  return { failures, lockouts };
}

/** Attempts older than the owner's 30-day view and lockouts long over are of no further use. */
export async function pruneAttempts(db: Db, now = new Date()): Promise<void> {
  const before = new Date(now.getTime() - 30 * 24 * 3600_000);
  await db.delete(loginAttempts).where(lt(loginAttempts.at, before));
  await db.delete(accountLockouts).where(lt(accountLockouts.lockedUntil, before));
}

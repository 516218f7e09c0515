import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, ne, or } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/connect.ts';
import { agencies } from '../org/schema.ts';
import type { AuthRuntime } from './auth-runtime.ts';
import type { Principal } from './permissions.ts';
import { roleAssignments, sessions, totpFactors, users } from './schema.ts';
import { twoFactorPolicy, twoFactorRequired } from './security-settings.ts';

export const sessionCookieName = 'motcua_sid';
/** Between a correct password and the second factor. */
export const pendingSecondFactorMinutes = 5;
/** A rotated-out token keeps working this long: requests the browser already sent carry it. */
const ROTATION_GRACE_MS = 30_000;
/** `last_seen_at` is written at most this often (the idle timeout is that precise). */
const LAST_SEEN_WRITE_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** A digest of the role grants: when it changes, the session's token is replaced (privilege change). */
export function rolesDigest(roles: Principal['roles']): string {
  const canonical = roles.map((r) => `${r.role}@${r.agencyId ?? '*'}`).sort();
  return createHash('sha256').update(canonical.join(',')).digest('hex');
}

function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
) {
  reply.setCookie(sessionCookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the request came over TLS (directly or through a proxy that says so).
    secure: request.protocol === 'https',
    maxAge: Math.max(1, Math.floor(maxAgeSeconds)),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName, { path: '/' });
}

export async function createSession(
  rt: AuthRuntime,
  userId: string,
  meta: { ip: string; userAgent: string | undefined },
  stage: 'active' | 'second_factor' = 'active',
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = rt.now();
  const lifetimeMs =
    stage === 'second_factor' ? pendingSecondFactorMinutes * 60_000 : rt.policy.absoluteHours * 3600_000;
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await rt.db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    stage,
    createdAt: now,
    expiresAt,
    lastSeenAt: now,
    rotatedAt: now,
    rolesDigest: rolesDigest(await rolesOf(rt.db, userId)),
    ip: meta.ip.slice(0, 64),
    userAgent: meta.userAgent?.slice(0, 500),
  });
  return { token, expiresAt };
}

/**
 * Opens a session for the user and sets its cookie: the same for every way of signing in. Whatever session the
 * browser held before is ended, so a signed-in session never keeps an identifier chosen before sign-in.
 */
export async function startSession(
  rt: AuthRuntime,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  stage: 'active' | 'second_factor' = 'active',
): Promise<void> {
  const previous = request.cookies[sessionCookieName];
  if (previous) await deleteSession(rt.db, previous);
  const { token, expiresAt } = await createSession(
    rt,
    userId,
    { ip: request.ip, userAgent: request.headers['user-agent'] },
    stage,
  );
  setSessionCookie(request, reply, token, (expiresAt.getTime() - rt.now().getTime()) / 1000);
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  recentPrincipals.get(db)?.delete(tokenHash);
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/**
 * Replaces the current session's token (after a privilege change such as completing the TOTP enrolment); the
 * old token stops working after the short rotation grace.
 */
export async function rotateCurrentSession(
  rt: AuthRuntime,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const token = request.cookies[sessionCookieName];
  if (!token) return;
  await rotate(rt, request, reply, hashToken(token), null);
}

async function rotate(
  rt: AuthRuntime,
  request: FastifyRequest,
  reply: FastifyReply,
  tokenHash: string,
  digest: string | null,
): Promise<void> {
  const token = newToken();
  const now = rt.now();
  const [row] = await rt.db
    .update(sessions)
    .set({
      tokenHash: hashToken(token),
      previousTokenHash: tokenHash,
      rotatedAt: now,
      lastSeenAt: now,
      ...(digest ? { rolesDigest: digest } : {}),
    })
    .where(eq(sessions.tokenHash, tokenHash))
    .returning({ expiresAt: sessions.expiresAt });
  recentPrincipals.get(rt.db)?.delete(tokenHash);
  if (row) setSessionCookie(request, reply, token, (row.expiresAt.getTime() - now.getTime()) / 1000);
}

/**
 * Principals of sessions seen in the last few seconds, per database: every request needs one, and an officer's
 * screen fires several requests at once. Logging out here forgets the entry at once; a session ended, a role
 * revoked or an account disabled through another process takes effect within `PRINCIPAL_CACHE_MS`.
 */
const PRINCIPAL_CACHE_MS = 5_000;
const PRINCIPAL_CACHE_MAX = 10_000;
const recentPrincipals = new WeakMap<Db, Map<string, { principal: Principal; until: number }>>();

/** Forgets cached principals (after changing accounts, roles or the two-factor policy in this process). */
export function forgetCachedPrincipals(db: Db): void {
  recentPrincipals.get(db)?.clear();
}

export type SessionLookup =
  | { state: 'none' }
  /** The cookie named a session that has ended (idle, absolute lifetime, signed out elsewhere). */
  | { state: 'expired' }
  /** Password accepted, second factor still to come: grants nothing. */
  | { state: 'second_factor' }
  | { state: 'active'; principal: Principal };

/**
 * The principal behind the request's session cookie. Ends idle and over-age sessions, records activity, and
 * replaces the token when it is older than the rotation period or the account's roles changed.
 */
export async function resolveSession(
  rt: AuthRuntime,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<SessionLookup> {
  const token = request.cookies[sessionCookieName];
  if (!token) return { state: 'none' };
  const tokenHash = hashToken(token);
  let cache = recentPrincipals.get(rt.db);
  if (!cache) {
    cache = new Map();
    recentPrincipals.set(rt.db, cache);
  }
  const now = rt.now();
  const nowMs = now.getTime();
  const cached = cache.get(tokenHash);
  if (cached && cached.until > nowMs) return { state: 'active', principal: cached.principal };
  cache.delete(tokenHash);

  const loaded = await loadSession(rt.db, tokenHash, new Date(nowMs - ROTATION_GRACE_MS));
  if (!loaded) return { state: 'expired' };
  const { row, principal } = loaded;
  const idleMinutes = row.kind === 'officer' ? rt.policy.officerIdleMinutes : rt.policy.citizenIdleMinutes;
  const idleEnd = row.lastSeenAt.getTime() + idleMinutes * 60_000;
  if (!row.active || nowMs >= row.expiresAt.getTime() || (row.stage === 'active' && nowMs >= idleEnd)) {
    await rt.db.delete(sessions).where(eq(sessions.tokenHash, row.tokenHash));
    return { state: 'expired' };
  }
  if (row.stage === 'second_factor') return { state: 'second_factor' };

  const policy = await twoFactorPolicy(rt.db);
  principal.mustEnrolTotp = !row.totpConfirmed && twoFactorRequired(policy, principal);
  const current = row.tokenHash === tokenHash;
  if (current) {
    const digest = rolesDigest(principal.roles);
    const rotationDue = nowMs - row.rotatedAt.getTime() >= rt.policy.rotateMinutes * 60_000;
    if (rotationDue || digest !== row.rolesDigest) {
      await rotate(rt, request, reply, tokenHash, digest);
      return { state: 'active', principal };
    }
    if (nowMs - row.lastSeenAt.getTime() >= LAST_SEEN_WRITE_MS) {
      await rt.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
    }
  }
  if (cache.size >= PRINCIPAL_CACHE_MAX) cache.clear();
  cache.set(tokenHash, {
    principal,
    until: Math.min(nowMs + PRINCIPAL_CACHE_MS, row.expiresAt.getTime(), idleEnd),
  });
  return { state: 'active', principal };
}

async function loadSession(db: Db, tokenHash: string, rotatedSince: Date) {
  // One round trip: the session, the user, their role grants and whether a TOTP factor is confirmed.
  const rows = await db
    .select({
      tokenHash: sessions.tokenHash,
      sessionId: sessions.id,
      stage: sessions.stage,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      rotatedAt: sessions.rotatedAt,
      rolesDigest: sessions.rolesDigest,
      id: users.id,
      kind: users.kind,
      fullName: users.fullName,
      active: users.active,
      totpConfirmedAt: totpFactors.confirmedAt,
      role: roleAssignments.role,
      agencyId: roleAssignments.agencyId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(totpFactors, eq(totpFactors.userId, users.id))
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      or(
        eq(sessions.tokenHash, tokenHash),
        and(eq(sessions.previousTokenHash, tokenHash), gt(sessions.rotatedAt, rotatedSince)),
      ),
    );
  const first = rows[0];
  if (!first) return null;
  const principal: Principal = {
    userId: first.id,
    kind: first.kind,
    fullName: first.fullName,
    roles: rows.flatMap((r) => (r.role ? [{ role: r.role, agencyId: r.agencyId }] : [])),
    sessionId: first.sessionId,
  };
  return { row: { ...first, totpConfirmed: first.totpConfirmedAt !== null }, principal };
}

/** The user waiting for their second factor behind this token, when the pending session is still valid. */
export async function pendingSecondFactorUser(rt: AuthRuntime, token: string): Promise<string | null> {
  const [row] = await rt.db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        eq(sessions.stage, 'second_factor'),
        gt(sessions.expiresAt, rt.now()),
      ),
    );
  return row?.userId ?? null;
}

/** The account's signed-in sessions, most recently active first (pending second-factor ones are not sessions yet). */
export async function listSessions(rt: AuthRuntime, userId: string) {
  return rt.db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.stage, 'active'), gt(sessions.expiresAt, rt.now())))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Ends one of the account's sessions; false when it is not theirs or already ended. */
export async function endSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
    .returning({ tokenHash: sessions.tokenHash });
  for (const { tokenHash } of ended) recentPrincipals.get(db)?.delete(tokenHash);
  return ended.length > 0;
}

/** Ends every session of the account except `keepSessionId` (all of them when absent); returns how many. */
export async function endOtherSessions(db: Db, userId: string, keepSessionId?: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
    .returning({ tokenHash: sessions.tokenHash });
  // Other processes forget their cached principals within PRINCIPAL_CACHE_MS.
  for (const { tokenHash } of ended) recentPrincipals.get(db)?.delete(tokenHash);
  return ended.length;
}

export async function rolesOf(db: Db, userId: string): Promise<Principal['roles']> {
  return db
    .select({ role: roleAssignments.role, agencyId: roleAssignments.agencyId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
}

export async function rolesWithAgencyNames(db: Db, userId: string) {
  return db
    .select({ role: roleAssignments.role, agencyId: roleAssignments.agencyId, agencyName: agencies.name })
    .from(roleAssignments)
    .leftJoin(agencies, eq(agencies.id, roleAssignments.agencyId))
    .where(eq(roleAssignments.userId, userId));
}

import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/connect.ts';
import { agencies } from '../org/schema.ts';
import type { Principal } from './permissions.ts';
import { roleAssignments, sessions, users } from './schema.ts';

export const sessionCookieName = 'motcua_sid';
export const sessionTtlHours = 12;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Db,
  userId: string,
  meta: { ip: string; userAgent: string | undefined },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionTtlHours * 3600_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    expiresAt,
    ip: meta.ip.slice(0, 64),
    userAgent: meta.userAgent?.slice(0, 500),
  });
  return { token, expiresAt };
}

/** Opens a session for the user and sets its cookie: the same for every way of signing in. */
export async function startSession(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<void> {
  const { token } = await createSession(db, userId, {
    ip: request.ip,
    userAgent: request.headers['user-agent'],
  });
  reply.setCookie(sessionCookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the request came over TLS (directly or through a proxy that says so).
    secure: request.protocol === 'https',
    maxAge: sessionTtlHours * 3600,
  });
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  recentPrincipals.get(db)?.delete(tokenHash);
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/**
 * Principals of sessions seen in the last few seconds, per database: every request needs one, and an officer's
 * screen fires several requests at once. Logging out here forgets the entry at once; a session ended, a role
 * revoked or an account disabled through another process takes effect within `PRINCIPAL_CACHE_MS`.
 */
const PRINCIPAL_CACHE_MS = 5_000;
const PRINCIPAL_CACHE_MAX = 10_000;
const recentPrincipals = new WeakMap<Db, Map<string, { principal: Principal; until: number }>>();

/** Forgets cached principals (after changing accounts or roles in this process). */
export function forgetCachedPrincipals(db: Db): void {
  recentPrincipals.get(db)?.clear();
}

/** The principal behind a session token, or null when the token is unknown, expired or the user disabled. */
export async function principalForToken(db: Db, token: string): Promise<Principal | null> {
  const tokenHash = hashToken(token);
  let cache = recentPrincipals.get(db);
  if (!cache) {
    cache = new Map();
    recentPrincipals.set(db, cache);
  }
  const now = Date.now();
  const cached = cache.get(tokenHash);
  if (cached && cached.until > now) return cached.principal;
  const principal = await loadPrincipal(db, tokenHash);
  if (!principal) {
    cache.delete(tokenHash);
    return null;
  }
  if (cache.size >= PRINCIPAL_CACHE_MAX) cache.clear();
  cache.set(tokenHash, {
    principal: principal.principal,
    until: Math.min(now + PRINCIPAL_CACHE_MS, principal.expiresAt.getTime()),
  });
  return principal.principal;
}

async function loadPrincipal(
  db: Db,
  tokenHash: string,
): Promise<{ principal: Principal; expiresAt: Date } | null> {
  // One round trip: the user and their role grants together.
  const rows = await db
    .select({
      expiresAt: sessions.expiresAt,
      id: users.id,
      kind: users.kind,
      fullName: users.fullName,
      active: users.active,
      role: roleAssignments.role,
      agencyId: roleAssignments.agencyId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())));
  const first = rows[0];
  if (!first?.active) return null;
  return {
    expiresAt: first.expiresAt,
    principal: {
      userId: first.id,
      kind: first.kind,
      fullName: first.fullName,
      roles: rows.flatMap((r) => (r.role ? [{ role: r.role, agencyId: r.agencyId }] : [])),
    },
  };
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

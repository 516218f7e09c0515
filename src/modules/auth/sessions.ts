import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
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

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** The principal behind a session token, or null when the token is unknown, expired or the user disabled. */
export async function principalForToken(db: Db, token: string): Promise<Principal | null> {
  // One round trip: the user and their role grants together (this runs on every request).
  const rows = await db
    .select({
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
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())));
  const first = rows[0];
  if (!first?.active) return null;
  return {
    userId: first.id,
    kind: first.kind,
    fullName: first.fullName,
    roles: rows.flatMap((r) => (r.role ? [{ role: r.role, agencyId: r.agencyId }] : [])),
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

// Accounts behind an identity from the provider: by link (issuer + subject) first, then by the personal ID number;
// a person new to Motcua gets a citizen account. Officers are never created here.

import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { citizenIdProblem } from './identifiers.ts';
import { OidcSignInError } from './oidc-flow.ts';
import { hashPassword } from './passwords.ts';
import { identityLinks, users } from './schema.ts';

const isUniqueViolation = (error: unknown) =>
  String((error as { code?: string }).code) === '23505' ||
  String((error as { cause?: { code?: string } }).cause?.code) === '23505' ||
  /unique/i.test(String(error));

/** The personal ID number in the claims: a string (or number) of 12 digits that passes the structure check. */
export function idNumberFromClaims(claims: Record<string, unknown>, claim: string): string {
  const raw = claims[claim];
  if (raw === undefined || raw === null || raw === '') throw new OidcSignInError('no_id');
  if (typeof raw !== 'string' && typeof raw !== 'number') throw new OidcSignInError('bad_id');
  const value = String(raw).trim();
  const problem = citizenIdProblem(value);
  if (problem) throw new OidcSignInError('bad_id', problem);
  return value;
}

function displayName(claims: Record<string, unknown>, idNumber: string): string {
  const name = typeof claims.name === 'string' ? claims.name.trim() : '';
  if (name.length >= 2) return name.slice(0, 120);
  const parts = [claims.family_name, claims.middle_name, claims.given_name].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  if (parts.length > 0) return parts.join(' ').slice(0, 120);
  return `Công dân ${idNumber.slice(-4)}`;
}

/**
 * The account to sign in for an identity the provider vouched for: linked by issuer + subject, or holding the
 * same ID number (then linked), or a new citizen account with that ID number (and linked).
 */
export async function accountForIdentity(
  db: Db,
  identity: { issuer: string; subject: string; claims: Record<string, unknown>; idNumberClaim: string },
): Promise<string> {
  const { issuer, subject } = identity;
  for (let attempt = 0; ; attempt++) {
    const [linked] = await db
      .select({ userId: identityLinks.userId, active: users.active, linkId: identityLinks.id })
      .from(identityLinks)
      .innerJoin(users, eq(users.id, identityLinks.userId))
      .where(and(eq(identityLinks.issuer, issuer), eq(identityLinks.subject, subject)))
      .limit(1);
    if (linked) {
      if (!linked.active) throw new OidcSignInError('locked');
      await db
        .update(identityLinks)
        .set({ lastSignInAt: new Date() })
        .where(eq(identityLinks.id, linked.linkId));
      return linked.userId;
    }
    const idNumber = idNumberFromClaims(identity.claims, identity.idNumberClaim);
    try {
      return await db.transaction(async (tx) => {
        const [holder] = await tx
          .select({ id: users.id, active: users.active })
          .from(users)
          .where(eq(users.citizenId, idNumber))
          .limit(1);
        if (holder && !holder.active) throw new OidcSignInError('locked');
        let userId = holder?.id;
        if (!userId) {
          // No password anyone knows: the account signs in through the provider (or after a password reset).
          const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
          const [created] = await tx
            .insert(users)
            .values({
              kind: 'citizen',
              fullName: displayName(identity.claims, idNumber),
              citizenId: idNumber,
              passwordHash,
            })
            .returning({ id: users.id });
          if (!created) throw new Error('insert returned nothing');
          userId = created.id;
        }
        await tx
          .insert(identityLinks)
          .values({ userId, issuer, subject, linkedBy: 'sign_in', lastSignInAt: new Date() });
        return userId;
      });
    } catch (error) {
      // Two first sign-ins at once: one wins the unique index, the other finds its link on the next round.
      if (attempt === 0 && !(error instanceof OidcSignInError) && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** The identities linked to an account, for its owner's account page. */
export async function linksOf(db: Db, userId: string) {
  return db
    .select({
      id: identityLinks.id,
      issuer: identityLinks.issuer,
      subject: identityLinks.subject,
      linkedBy: identityLinks.linkedBy,
      createdAt: identityLinks.createdAt,
      lastSignInAt: identityLinks.lastSignInAt,
    })
    .from(identityLinks)
    .where(eq(identityLinks.userId, userId))
    .orderBy(asc(identityLinks.createdAt));
}

/** An administrator links an officer's account to their identity (subject) at the configured provider. */
export async function linkOfficerIdentity(
  db: Db,
  input: { userId: string; issuer: string; subject: string },
): Promise<string> {
  const [user] = await db
    .select({ id: users.id, kind: users.kind })
    .from(users)
    .where(eq(users.id, input.userId))
    .limit(1);
  if (user?.kind !== 'officer') throw notFound('Không tìm thấy tài khoản cán bộ.');
  const [taken] = await db
    .select({ userId: identityLinks.userId })
    .from(identityLinks)
    .where(and(eq(identityLinks.issuer, input.issuer), eq(identityLinks.subject, input.subject)))
    .limit(1);
  if (taken) {
    throw conflict(
      taken.userId === input.userId
        ? 'Tài khoản này đã được liên kết với định danh đó.'
        : 'Định danh này đã được liên kết với một tài khoản khác.',
    );
  }
  try {
    const [created] = await db
      .insert(identityLinks)
      .values({ userId: input.userId, issuer: input.issuer, subject: input.subject, linkedBy: 'admin' })
      .returning({ id: identityLinks.id });
    if (!created) throw new Error('insert returned nothing');
    return created.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('Định danh này đã được liên kết với một tài khoản khác.');
    throw error;
  }
}

/** Removes a link (the account can no longer sign in with that identity until linked again). */
export async function unlinkIdentity(db: Db, userId: string, linkId: string): Promise<void> {
  const deleted = await db
    .delete(identityLinks)
    .where(and(eq(identityLinks.id, linkId), eq(identityLinks.userId, userId)))
    .returning({ id: identityLinks.id });
  if (deleted.length === 0) throw notFound('Không tìm thấy liên kết định danh.');
}

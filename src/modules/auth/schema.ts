import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { agencies } from '../org/schema.ts';

export const roles = [
  'desk_officer',
  'specialist',
  'head_of_office',
  'signing_leader',
  'clerk',
  'reform_officer',
  'admin',
] as const;
export type Role = (typeof roles)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['citizen', 'officer'] }).notNull(),
    fullName: text('full_name').notNull(),
    /** Stored lower-cased. */
    email: varchar('email', { length: 254 }),
    /** Stored as 0xxxxxxxxx. */
    phone: varchar('phone', { length: 15 }),
    citizenId: varchar('citizen_id', { length: 12 }),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(t.email).where(sql`${t.email} is not null`),
    uniqueIndex('users_phone_uq').on(t.phone).where(sql`${t.phone} is not null`),
    uniqueIndex('users_citizen_id_uq').on(t.citizenId).where(sql`${t.citizenId} is not null`),
  ],
);

/** An officer's role in one agency; an administrator's role may cover the whole deployment (no agency). */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_assignments_uq').on(t.userId, t.role, t.agencyId),
    index('role_assignments_agency_idx').on(t.agencyId),
  ],
);

/**
 * Server-side sessions; the cookie carries a random token, the table only its SHA-256. `stage` is `second_factor`
 * between a correct password and the TOTP code (5 minutes, grants nothing else). Rotation replaces the token hash
 * and keeps the previous one for a few seconds (requests already in flight with the old cookie).
 */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    /** The public handle shown on the "Phiên đăng nhập" page (never the token or its hash). */
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: ['active', 'second_factor'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute end of the session, whatever the activity. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Last request seen (written at most once a minute); the idle timeout counts from here. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }).notNull().defaultNow(),
    previousTokenHash: varchar('previous_token_hash', { length: 64 }),
    /** Digest of the roles when the token was issued: a different digest rotates the token (privilege change). */
    rolesDigest: varchar('roles_digest', { length: 64 }),
    ip: varchar('ip', { length: 64 }),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    uniqueIndex('sessions_id_uq').on(t.id),
    index('sessions_previous_token_idx').on(t.previousTokenHash),
  ],
);

/**
 * Failed and successful sign-ins (password and second factor), for throttling per account and per IP and for the
 * owner's security page. `cleared` failures (before a success or an administrator's unlock) no longer count.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    identifier: varchar('identifier', { length: 254 }).notNull(),
    /** The account, when the identifier names one. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['password', 'second_factor'] })
      .notNull()
      .default('password'),
    ip: varchar('ip', { length: 64 }).notNull(),
    userAgent: text('user_agent'),
    succeeded: boolean('succeeded').notNull(),
    cleared: boolean('cleared').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_identifier_idx').on(t.identifier, t.at),
    index('login_attempts_ip_idx').on(t.ip, t.at),
    index('login_attempts_user_idx').on(t.userId, t.at),
  ],
);

/** A temporary lock of an identifier after too many failures; an administrator may lift it early. */
export const accountLockouts = pgTable(
  'account_lockouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    identifier: varchar('identifier', { length: 254 }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: ['password', 'second_factor'] }).notNull(),
    lockedAt: timestamp('locked_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
    unlockedAt: timestamp('unlocked_at', { withTimezone: true }),
    unlockedBy: uuid('unlocked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('account_lockouts_identifier_idx').on(t.identifier, t.lockedUntil),
    index('account_lockouts_user_idx').on(t.userId, t.lockedUntil),
  ],
);

/** An account's TOTP authenticator (RFC 6238); the secret is encrypted (AES-256-GCM) and never sent back. */
export const totpFactors = pgTable('totp_factors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEnc: text('secret_enc').notNull(),
  /** Null until the first code confirms the enrolment. */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The last time step accepted: a code is accepted once (replay protection). */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes, stored as keyed hashes (HMAC-SHA-256). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Account security settings (one row, id = 1): the two-factor policy and the key encrypting TOTP secrets. */
export const securitySettings = pgTable('security_settings', {
  id: integer('id').primaryKey(),
  requireTotpForOfficers: boolean('require_totp_for_officers').notNull().default(false),
  /** Roles the requirement applies to; empty: every back-office role. */
  requireTotpRoles: jsonb('require_totp_roles').$type<Role[]>().notNull().default([]),
  /** Used when MFA_ENCRYPTION_KEY is unset: 32 random bytes, base64url. */
  encryptionKey: varchar('encryption_key', { length: 64 }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

/**
 * An account's identity at an external OpenID provider (VNeID or a provincial identity provider): later sign-ins
 * find the account by issuer + subject before looking at the personal ID number.
 */
export const identityLinks = pgTable(
  'identity_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: varchar('subject', { length: 255 }).notNull(),
    /** Who made the link: the person's own first sign-in, or an administrator (officers). */
    linkedBy: text('linked_by', { enum: ['sign_in', 'admin'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('identity_links_issuer_subject_uq').on(t.issuer, t.subject),
    index('identity_links_user_idx').on(t.userId),
  ],
);

/**
 * A sign-in with the identity provider in progress: the browser holds a random handle in a short-lived HTTP-only
 * cookie, the table its SHA-256 with the state, nonce and PKCE verifier. Used once (deleted at the callback).
 */
export const oidcTransactions = pgTable(
  'oidc_transactions',
  {
    handleHash: varchar('handle_hash', { length: 64 }).primaryKey(),
    state: varchar('state', { length: 128 }).notNull(),
    nonce: varchar('nonce', { length: 128 }).notNull(),
    codeVerifier: varchar('code_verifier', { length: 128 }).notNull(),
    returnPath: text('return_path'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('oidc_transactions_expires_idx').on(t.expiresAt)],
);

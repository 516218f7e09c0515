import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
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

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: varchar('ip', { length: 64 }),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed and successful sign-ins, for throttling per account and per IP (shared by all processes). */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    identifier: varchar('identifier', { length: 254 }).notNull(),
    ip: varchar('ip', { length: 64 }).notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_identifier_idx').on(t.identifier, t.at),
    index('login_attempts_ip_idx').on(t.ip, t.at),
  ],
);

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

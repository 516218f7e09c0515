import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { xid8 } from '../../platform/db/xid8.ts';

// Per-dossier satisfaction ratings (shared/domain/rules.md §4): one row per dossier, owned by the receiving
// agency's unit like every large table, with the two agencies copied for aggregation without a join.

export type RatingChannel = 'portal' | 'counter' | 'link';

/** One level of the configurable scale; `satisfied` counts it as "hài lòng" in the figures. */
export interface RatingLevel {
  key: string;
  label: string;
  satisfied: boolean;
}

export const dossierRatings = pgTable(
  'dossier_ratings',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    /** A key of the scale in force when the rating was given. */
    level: varchar('level', { length: 40 }).notNull(),
    /** The label shown at the time (the scale may change later). */
    levelLabel: text('level_label').notNull(),
    /** Whether that level counted as satisfied. */
    satisfied: boolean('satisfied').notNull(),
    comment: text('comment'),
    channel: varchar('channel', { length: 10 }).$type<RatingChannel>().notNull(),
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    competentAgencyId: uuid('competent_agency_id').notNull(),
    /** The first rating: changes are allowed for 7 days from it. */
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** The transaction of the last change (set on every write): the indicator roll-up picks changes up by it. */
    tx: xid8('tx').notNull().default(sql`pg_current_xact_id()`),
    /** What the roll-up has counted for this rating (null: not yet): a change moves the count from it. */
    countedLevel: varchar('counted_level', { length: 40 }),
    countedSatisfied: boolean('counted_satisfied'),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.dossierId] }),
    index('dossier_ratings_tx_idx').on(t.tx, t.dossierId),
    index('dossier_ratings_receiving_idx').on(t.receivingAgencyId, t.ratedAt),
    index('dossier_ratings_competent_idx').on(t.competentAgencyId, t.ratedAt),
  ],
);

/** The deployment's rating settings: a single row (id = 1) with the scale and the rating links' secret. */
export const ratingSettings = pgTable('rating_settings', {
  id: smallint('id').primaryKey(),
  levels: jsonb('levels').$type<RatingLevel[]>().notNull(),
  /** HMAC key of the links in notifications when RATING_LINK_SECRET is not set; generated once. */
  linkSecret: varchar('link_secret', { length: 128 }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

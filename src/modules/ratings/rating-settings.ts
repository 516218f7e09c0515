// The rating settings row (id = 1): the configurable scale and the links' fallback secret, created on first use.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { loadPublicLinkConfig, type PublicLinkConfig } from '../../platform/config.ts';
import type { DbOrTx } from '../dossier/dossier-store.ts';
import { DEFAULT_RATING_LEVELS } from './rating-rules.ts';
import { type RatingLevel, ratingSettings } from './schema.ts';

/** The one settings row (notifications read its link secret with their facts). */
export const RATING_SETTINGS_ID = 1;

export interface RatingSettings {
  levels: RatingLevel[];
  linkSecret: string;
}

/** The settings, inserting the defaults (and a fresh random secret) the first time. */
export async function ratingSettingsOf(db: DbOrTx): Promise<RatingSettings> {
  const read = () =>
    db
      .select({ levels: ratingSettings.levels, linkSecret: ratingSettings.linkSecret })
      .from(ratingSettings)
      .where(eq(ratingSettings.id, RATING_SETTINGS_ID));
  const [row] = await read();
  if (row) return row;
  // Concurrent first uses insert the same row; the first one wins and everybody reads it back.
  await db
    .insert(ratingSettings)
    .values({
      id: RATING_SETTINGS_ID,
      levels: [...DEFAULT_RATING_LEVELS],
      linkSecret: randomBytes(32).toString('base64url'),
    })
    .onConflictDoNothing();
  const [created] = await read();
  if (!created) throw new Error('rating settings row missing after insert');
  return created;
}

export async function saveRatingScale(db: DbOrTx, levels: RatingLevel[], userId: string): Promise<void> {
  await ratingSettingsOf(db);
  await db
    .update(ratingSettings)
    .set({ levels, updatedAt: sql`now()`, updatedBy: userId })
    .where(eq(ratingSettings.id, RATING_SETTINGS_ID));
}

/** RATING_LINK_SECRET when set, else the secret kept in the database (so links survive restarts). */
export async function linkSecretOf(
  db: DbOrTx,
  links: PublicLinkConfig = loadPublicLinkConfig(),
): Promise<string> {
  return links.linkSecret ?? (await ratingSettingsOf(db)).linkSecret;
}

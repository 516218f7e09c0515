// Reading and giving per-dossier ratings: the three ways in (portal, signed link, counter tablet) share these.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { dossiers } from '../dossier/schema.ts';
import { agencies } from '../org/schema.ts';
import { CHANGE_WINDOW_DAYS, canBeRated, changeableUntil, checkRating } from './rating-rules.ts';
import { ratingSettingsOf } from './rating-settings.ts';
import { dossierRatings, type RatingChannel } from './schema.ts';

export interface RatingInput {
  level: string;
  comment?: string | undefined;
}

type DossierRow = typeof dossiers.$inferSelect;

const notFoundDossier = () => notFound('Không tìm thấy hồ sơ.');

async function loadById(db: Db, id: string): Promise<DossierRow | undefined> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1);
  return row;
}

async function loadRating(db: Db, row: DossierRow) {
  const [rating] = await db
    .select()
    .from(dossierRatings)
    .where(and(eq(dossierRatings.ownerUnitId, row.ownerUnitId), eq(dossierRatings.dossierId, row.id)));
  return rating ?? null;
}

const rateable = (row: DossierRow) => ({
  state: row.state,
  channel: row.channel,
  hasResult: row.snapshot.result !== null,
});

/** What every rating screen shows: the dossier's public facts (no personal data), the scale, the rating. */
async function ratingView(db: Db, row: DossierRow, now: Date) {
  const [agency] = await db
    .select({ name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, row.receivingAgencyId));
  const { levels } = await ratingSettingsOf(db);
  const rating = await loadRating(db, row);
  const until = rating ? changeableUntil(rating.ratedAt) : null;
  return {
    dossierCode: row.code,
    procedureCode: row.procedureCode,
    procedureName: row.procedureName,
    agencyName: agency?.name ?? '',
    canRate: canBeRated(rateable(row)) && (until === null || now <= until),
    levels,
    rating: rating
      ? {
          level: rating.level,
          levelLabel: rating.levelLabel,
          comment: rating.comment,
          channel: rating.channel,
          ratedAt: rating.ratedAt,
          updatedAt: rating.updatedAt,
          changeableUntil: until,
        }
      : null,
  };
}

export type RatingView = Awaited<ReturnType<typeof ratingView>>;

const refusalStatus = { not_yet: 'CONFLICT', closed: 'CONFLICT', unknown_level: 'VALIDATION' } as const;

/** Records the first rating or changes it, after the rules; returns the view after the change. */
async function rate(
  db: Db,
  row: DossierRow,
  input: RatingInput,
  channel: RatingChannel,
  now: Date,
): Promise<RatingView> {
  const { levels } = await ratingSettingsOf(db);
  const existing = await loadRating(db, row);
  const decision = checkRating(rateable(row), existing, input.level, levels, now);
  if (!decision.ok) throw new AppError(refusalStatus[decision.code], decision.message);
  const level = levels.find((l) => l.key === input.level);
  if (!level) throw new Error('level checked above');
  const values = {
    level: level.key,
    levelLabel: level.label,
    satisfied: level.satisfied,
    comment: input.comment?.trim() || null,
    channel,
    updatedAt: now,
  };
  await db
    .insert(dossierRatings)
    .values({
      ownerUnitId: row.ownerUnitId,
      dossierId: row.id,
      receivingAgencyId: row.receivingAgencyId,
      competentAgencyId: row.competentAgencyId,
      ratedAt: now,
      ...values,
    })
    .onConflictDoUpdate({
      target: [dossierRatings.ownerUnitId, dossierRatings.dossierId],
      // A new transaction id marks the change for the indicator roll-up (src/modules/kpi/rollup.ts).
      set: { ...values, tx: sql`pg_current_xact_id()` },
      // A concurrent change that slipped past the window check still cannot reopen a closed rating.
      setWhere: sql`${dossierRatings.ratedAt} >= ${new Date(now.getTime() - CHANGE_WINDOW_DAYS * 24 * 3600 * 1000)}`,
    });
  return ratingView(db, row, now);
}

// The applicant on the portal: their own dossiers only (anyone else's is "not found").
async function ownDossier(db: Db, principal: Principal, id: string): Promise<DossierRow> {
  const row = await loadById(db, id);
  if (!row || row.applicantUserId !== principal.userId) throw notFoundDossier();
  return row;
}

export async function viewMyRating(db: Db, principal: Principal, id: string, now = new Date()) {
  return ratingView(db, await ownDossier(db, principal, id), now);
}

export async function rateMyDossier(
  db: Db,
  principal: Principal,
  id: string,
  input: RatingInput,
  now = new Date(),
) {
  return rate(db, await ownDossier(db, principal, id), input, 'portal', now);
}

// The signed link of a notification: the id comes from a verified token.
async function linkedDossier(db: Db, dossierId: string | null): Promise<DossierRow> {
  const row = dossierId ? await loadById(db, dossierId) : undefined;
  if (!row || row.state === 'draft') throw notFound('Liên kết đánh giá không hợp lệ hoặc đã hết hiệu lực.');
  return row;
}

export async function viewLinkedRating(db: Db, dossierId: string | null, now = new Date()) {
  return ratingView(db, await linkedDossier(db, dossierId), now);
}

export async function rateLinkedDossier(
  db: Db,
  dossierId: string | null,
  input: RatingInput,
  now = new Date(),
) {
  return rate(db, await linkedDossier(db, dossierId), input, 'link', now);
}

// The counter tablet: a desk officer of the receiving agency, by the code on the receipt.
async function counterDossier(db: Db, principal: Principal, code: string): Promise<DossierRow> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.code, code.trim())).limit(1);
  const atDesk = (agencyId: string) =>
    principal.roles.some((r) => r.role === 'desk_officer' && r.agencyId === agencyId);
  // Another desk's dossier reads as unknown: the code alone must not reveal where a dossier was filed.
  if (!row || !atDesk(row.receivingAgencyId))
    throw notFound('Không tìm thấy hồ sơ có mã này tại Bộ phận Một cửa của bạn.');
  return row;
}

export async function viewCounterRating(db: Db, principal: Principal, code: string, now = new Date()) {
  return ratingView(db, await counterDossier(db, principal, code), now);
}

export async function rateAtCounter(
  db: Db,
  principal: Principal,
  code: string,
  input: RatingInput,
  now = new Date(),
) {
  return rate(db, await counterDossier(db, principal, code), input, 'counter', now);
}

// A realistic history of dossiers for the Vị Thanh demo, 2021 to today: the plan's wards and communes and the
// city's service centre until 30 June 2025, the three successor units since. Each dossier is played through the
// real state machine (`transition`) with simulated times and actors, so every snapshot and event is one the
// product could have produced. Idempotent: when a history exists, nothing is added.
//
// Receipt codes are drawn in memory per receiving agency and day (in time order), and dossier_code_counters is
// set to the last number of each day, so a live receipt on a day the history covers continues the sequence.
import { performance } from 'node:perf_hooks';
import { eq, like, lt } from 'drizzle-orm';
import { users } from '../modules/auth/schema.ts';
import { dossierEvents, dossiers } from '../modules/dossier/schema.ts';
import type { Db } from '../platform/db/connect.ts';
import { ensureHistoricAccounts, HISTORIC_EMAIL_PATTERN } from './history-accounts.ts';
import { loadHistoryContext, REORGANISED_ON } from './history-context.ts';
import { seedFrom } from './history-random.ts';
import { seedHistoryRatings } from './history-ratings.ts';
import { insertHistory } from './history-rows.ts';
import { generateHistory } from './history-simulate.ts';
import { type HistoryFigures, historyFigures } from './history-stats.ts';

export const DEFAULT_HISTORY_DOSSIERS = 3000;
export const DEFAULT_HISTORY_SEED = 2021;

export interface SeedHistoryOptions {
  dossiers?: number;
  seed?: number | string;
  /** The end of the simulated time (default: the real current instant). */
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export type SeedHistoryResult =
  | { created: false }
  | {
      created: true;
      dossiers: number;
      events: number;
      accounts: number;
      ms: number;
      figures: HistoryFigures;
    };

/**
 * The product never creates a dossier in the past, so any dossier created before the reorganisation is history;
 * a small run may have none, so events by a historic account count too.
 */
export async function historyExists(db: Db): Promise<boolean> {
  const [old] = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(lt(dossiers.createdAt, new Date(`${REORGANISED_ON}T00:00:00+07:00`)))
    .limit(1);
  if (old) return true;
  const [acted] = await db
    .select({ id: dossierEvents.id })
    .from(dossierEvents)
    .innerJoin(users, eq(users.id, dossierEvents.actorUserId))
    .where(like(users.email, HISTORIC_EMAIL_PATTERN))
    .limit(1);
  return acted !== undefined;
}

export async function seedHistory(db: Db, options: SeedHistoryOptions = {}): Promise<SeedHistoryResult> {
  const started = performance.now();
  if (await historyExists(db)) return { created: false };
  const count = Math.max(1, Math.floor(options.dossiers ?? DEFAULT_HISTORY_DOSSIERS));
  const now = options.now ?? new Date();
  const ctx = await loadHistoryContext(db, now);
  if (ctx.plan.length === 0 || ctx.successors.length === 0) {
    throw new Error(
      'Chưa có dữ liệu minh họa Vị Thanh (cơ quan, thủ tục); hãy chạy "npx motcua seed" trước.',
    );
  }
  // About one online filer in six has filed before: a pool of accounts, a sixth of the dossiers.
  const accounts = await ensureHistoricAccounts(db, ctx, Math.min(800, Math.max(40, Math.round(count / 6))));
  const generated = generateHistory(ctx, accounts, {
    count,
    seed: seedFrom(options.seed ?? DEFAULT_HISTORY_SEED),
  });
  const events = await insertHistory(db, generated.dossiers, generated.codes, options.onProgress);
  await seedHistoryRatings(
    db,
    generated.dossiers.map((d) => d.snapshot.id),
  );
  const figures = historyFigures(
    generated.dossiers.map((d) => d.snapshot),
    events,
    now,
  );
  return {
    created: true,
    dossiers: generated.dossiers.length,
    events,
    accounts: accounts.created,
    ms: performance.now() - started,
    figures,
  };
}

/** The one-line Vietnamese summary the seeds print. */
export function historySummary(result: SeedHistoryResult): string {
  if (!result.created) return 'Lịch sử hồ sơ: đã có, không tạo thêm.';
  const n = (x: number) => x.toLocaleString('vi-VN');
  const seconds = (result.ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return `Lịch sử hồ sơ: đã tạo ${n(result.dossiers)} hồ sơ, ${n(result.events)} sự kiện (2021 – nay) trong ${seconds} giây.`;
}

import { lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { idempotencyKeys } from './schema.ts';

/** How long a key is recognised: a client retrying for longer than a day has given up on the request. */
export const idempotencyKeyLifetimeMs = 24 * 3600_000;

/** Deletes the keys older than their lifetime; returns how many. */
export async function deleteExpiredKeys(db: Db, now = new Date()): Promise<number> {
  const removed = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - idempotencyKeyLifetimeMs)))
    .returning({ key: idempotencyKeys.key });
  return removed.length;
}

/** Hourly cleanup while the server runs (a missed round only keeps rows a little longer). */
export function registerIdempotencyCleanup(app: ZodApp, { db }: AppContext): void {
  const timer = setInterval(() => {
    deleteExpiredKeys(db).catch((error) => app.log.warn({ err: error }, 'idempotency key cleanup failed'));
  }, 3600_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

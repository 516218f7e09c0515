import { and, asc, eq, gt, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { workingCalendar } from '../calendar/calendar-store.ts';
import { appendEvent, saveSnapshot } from './dossier-store.ts';
import { recomputeDeadlines } from './lifecycle/recompute-deadlines.ts';
import { OPEN_STATES } from './lifecycle/states.ts';
import { dossiers } from './schema.ts';

export interface ScheduleChange {
  /** The date whose status changed (YYYY-MM-DD). */
  date: string;
  /** Why, in Vietnamese, recorded on each dossier's history. */
  reason: string;
  userId: string;
}

/**
 * Recomputes the due dates of the open dossiers whose period can contain the changed date (received on or before
 * it, due on or after it), in batches of one transaction each, recording an event with the reason on each.
 * Runs after the schedule change is committed; a crash part-way leaves the rest for the next change or a rerun,
 * and each dossier is either fully recomputed (snapshot + event) or untouched.
 */
export async function recomputeOpenDossiers(
  db: Db,
  change: ScheduleChange,
  batchSize = 200,
): Promise<number> {
  const calendar = await workingCalendar(db);
  const dayAfter = new Date(`${change.date}T17:00:00Z`); // end of that Vietnam day and then some
  const dayStart = new Date(`${change.date}T00:00:00+07:00`);
  let changed = 0;
  let cursor = '';
  for (;;) {
    const batch = await db
      .select({ ownerUnitId: dossiers.ownerUnitId, id: dossiers.id })
      .from(dossiers)
      .where(
        and(
          inArray(dossiers.state, [...OPEN_STATES]),
          lte(dossiers.receivedAt, dayAfter),
          gte(dossiers.dueAt, dayStart),
          gt(dossiers.id, cursor || '00000000-0000-0000-0000-000000000000'),
        ),
      )
      .orderBy(asc(dossiers.id))
      .limit(batchSize);
    if (batch.length === 0) return changed;
    cursor = batch.at(-1)?.id ?? cursor;
    await db.transaction(async (tx) => {
      for (const { ownerUnitId, id } of batch) {
        const [row] = await tx
          .select({ snapshot: dossiers.snapshot })
          .from(dossiers)
          .where(and(eq(dossiers.ownerUnitId, ownerUnitId), eq(dossiers.id, id)))
          .for('update');
        const result = row && recomputeDeadlines(row.snapshot, calendar);
        if (!result) continue;
        await saveSnapshot(tx, ownerUnitId, result.snapshot);
        await appendEvent(tx, ownerUnitId, {
          dossierId: id,
          version: result.snapshot.version,
          action: 'recompute_deadlines',
          fromState: result.snapshot.state,
          toState: result.snapshot.state,
          at: new Date().toISOString(),
          actor: {
            kind: 'officer',
            userId: change.userId,
            role: 'admin',
            agencyId: null,
            onBehalfOfApplicant: false,
          },
          reasons: [change.reason],
          comment: null,
          form: null,
          data: {
            previousDueAt: result.previousDueAt,
            dueAt: result.dueAt,
            indexDueAt: result.indexDueAt,
          },
        });
        changed++;
      }
    });
  }
}

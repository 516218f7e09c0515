import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { OFFICIAL_SCHEDULES } from './official-schedules.ts';
import type { OfficialScheduleEntry } from './schedule.types.ts';
import { officialScheduleEntries } from './schema.ts';
import { WorkingCalendar } from './working-time.ts';

// The working calendar is built from the schedule rows in the database and reused while they are unchanged.
// The rows are re-read at most every few seconds (a query on every transition halved throughput); a change made
// in this process is seen at once, one made by another process within `refreshMs`.
const refreshMs = 3000;
let cached: { key: string; calendar: WorkingCalendar; checkedAt: number; db: Db } | undefined;

export async function scheduleRows(
  db: Db,
  year?: number,
): Promise<(OfficialScheduleEntry & { id: string })[]> {
  const rows = await db
    .select()
    .from(officialScheduleEntries)
    .where(
      year
        ? and(
            gte(officialScheduleEntries.date, `${year}-01-01`),
            lte(officialScheduleEntries.date, `${year}-12-31`),
          )
        : undefined,
    )
    .orderBy(asc(officialScheduleEntries.date));
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    type: r.type,
    name: r.name,
    instrument: r.instrument,
    ...(r.statutory ? { statutory: r.statutory } : {}),
  }));
}

export async function workingCalendar(db: Db): Promise<WorkingCalendar> {
  const now = Date.now();
  if (cached && cached.db === db && now - cached.checkedAt < refreshMs) return cached.calendar;
  const rows = await scheduleRows(db);
  const key = JSON.stringify(rows.map(({ id: _id, ...r }) => r));
  cached =
    cached?.key === key && cached.db === db
      ? { ...cached, checkedAt: now }
      : { key, calendar: new WorkingCalendar({ schedule: rows }), checkedAt: now, db };
  return cached.calendar;
}

/** Forget the cached calendar (after this process changed the schedule). */
function invalidateCalendar() {
  cached = undefined;
}

/** The 2025–2026 official schedules shipped with the product; idempotent. */
export async function seedOfficialSchedules(db: Db): Promise<void> {
  await db
    .insert(officialScheduleEntries)
    .values(OFFICIAL_SCHEDULES.map((r) => ({ ...r })))
    .onConflictDoNothing();
}

export async function addScheduleEntry(db: Db, entry: OfficialScheduleEntry, userId: string) {
  const [row] = await db
    .insert(officialScheduleEntries)
    .values({ ...entry, createdBy: userId })
    .onConflictDoNothing()
    .returning({ id: officialScheduleEntries.id });
  invalidateCalendar();
  if (!row)
    throw conflict(`Ngày ${entry.date} đã có trong lịch chính thức; hãy xóa dòng cũ trước khi nhập lại.`);
  return row.id;
}

export async function removeScheduleEntry(db: Db, id: string) {
  const [deleted] = await db
    .delete(officialScheduleEntries)
    .where(eq(officialScheduleEntries.id, id))
    .returning({
      date: officialScheduleEntries.date,
      name: officialScheduleEntries.name,
      instrument: officialScheduleEntries.instrument,
    });
  invalidateCalendar();
  if (!deleted) throw notFound('Không tìm thấy dòng lịch này.');
  return deleted;
}

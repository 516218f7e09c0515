import { seedOfficialSchedules } from '../modules/calendar/calendar-store.ts';
import type { Db } from '../platform/db/connect.ts';

/** National reference data every deployment needs (not only the demo); idempotent. */
export async function seedReferenceData(db: Db): Promise<void> {
  await seedOfficialSchedules(db);
}

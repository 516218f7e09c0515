import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';

/**
 * Each year's official schedule (extra days off, swapped working Saturdays, the fixed days of Tết and National
 * Day), entered by an administrator with the number of the instrument that set it. One row per date.
 */
export const officialScheduleEntries = pgTable(
  'official_schedule_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    date: date('date').notNull().unique(),
    type: text('type', { enum: ['day_off', 'working_day'] }).notNull(),
    name: text('name').notNull(),
    instrument: text('instrument').notNull(),
    statutory: text('statutory', { enum: ['tet', 'national_day'] }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('official_schedule_entries_date_idx').on(t.date)],
);

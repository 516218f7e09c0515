import { z } from 'zod';
import type { Db } from '../../platform/db/connect.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { invalid } from '../../platform/http/errors.ts';
import { reminderSettingsFromEnv } from './reminder-schedule.ts';
import { runReformReminders } from './reminders.ts';
import { vietnamToday } from './schedule.ts';

// The administrators' "run the reminders now" (also how the end-to-end test makes a run happen when it wants):
// today's run, or a rerun for a past day the server missed. Never a future day: reminders are not sent early.

export const reminderRunBody = z
  .object({
    date: z.iso.date('Ngày không hợp lệ (định dạng YYYY-MM-DD).').optional(),
  })
  .default({});

export const reminderRunSchema = z.object({
  date: z.string(),
  occurrences: z.number().int(),
  messages: z.number().int(),
  deliveries: z.number().int(),
});

export async function runRemindersNow(
  db: Db,
  notify: AppContext['notify'],
  body: z.infer<typeof reminderRunBody>,
  now = new Date(),
) {
  const today = vietnamToday(now);
  if (body.date && body.date > today)
    throw invalid('date', 'Không thể chạy nhắc hạn cho một ngày trong tương lai.');
  // A past day: the run is as of noon (Vietnam) that day.
  const at = body.date && body.date < today ? new Date(`${body.date}T05:00:00Z`) : now;
  const result = await runReformReminders(db, {
    now: at,
    channels: notify?.channels ?? new Set(),
    settings: reminderSettingsFromEnv(),
  });
  if (result.messages > 0) notify?.queued();
  return result;
}

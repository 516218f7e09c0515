import type { Db } from '../../platform/db/connect.ts';
import { startPollingLoop } from '../../platform/polling-loop.ts';
import type { NotificationChannel } from '../notify/schema.ts';
import type { ReminderSettings } from './reminder-schedule.ts';
import { type ReminderRunResult, runReformReminders } from './reminders.ts';

// Runs the deadline reminders in the background: shortly after start, then every `intervalMs` (an hour by
// default). Each run is idempotent, so running often only catches the new day (and a restart) sooner; a failed
// run is logged and tried again at the next tick.

export interface ReminderWorker {
  stop(): Promise<void>;
}

export interface ReminderWorkerLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface ReminderWorkerOptions {
  db: Db;
  channels: ReadonlySet<NotificationChannel>;
  settings?: ReminderSettings;
  intervalMs?: number;
  firstRunMs?: number;
  /** Called after a run wrote messages (the app nudges the notification worker). */
  queued?: () => void;
  log?: ReminderWorkerLog;
}

export function startReformReminders(options: ReminderWorkerOptions): ReminderWorker {
  const { db, channels, settings, intervalMs = 3_600_000, firstRunMs = 5_000, queued, log } = options;
  const { stop } = startPollingLoop({
    round: async () => {
      const result: ReminderRunResult = await runReformReminders(db, {
        channels,
        ...(settings ? { settings } : {}),
      });
      if (result.messages > 0) {
        log?.info(result, 'reform task reminders written');
        queued?.();
      }
    },
    intervalMs,
    firstDelayMs: firstRunMs,
    onError: (error) => log?.error({ err: error }, 'reform task reminders failed; retrying at the next tick'),
  });
  return { stop };
}

import type { Db } from '../../platform/db/connect.ts';
import { purgeNonces } from './authenticate.ts';
import { fanOut } from './fanout.ts';
import { type DeliveryLog, type SenderOptions, sendDue } from './sender.ts';

// Runs beside the API: every `pollMs` (and at once when nudged) turns new dossier events into deliveries, sends
// what is due and forgets expired nonces. A failed round is logged and retried on the next one.

export interface InteropWorker {
  stop(): Promise<void>;
  nudge(): void;
}

export interface InteropWorkerLog extends DeliveryLog {
  error(object: object, message: string): void;
}

export interface InteropWorkerOptions extends SenderOptions {
  db: Db;
  pollMs?: number;
  log?: InteropWorkerLog;
}

/** One round of everything the worker does (tests call it directly). */
export async function interopRound(db: Db, options: SenderOptions = {}) {
  const queued = await fanOut(db);
  const sent = await sendDue(db, options);
  await purgeNonces(db, (options.now?.() ?? new Date()).getTime());
  return { queued, sent };
}

export function startInteropWorker(options: InteropWorkerOptions): InteropWorker {
  const { db, pollMs = 2000, log, ...sender } = options;
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let again = false;
  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
    timer.unref?.();
  };
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = interopRound(db, log ? { ...sender, log } : sender)
      .then(() => undefined)
      .catch((error) => log?.error({ err: error }, 'interop round failed; retrying'))
      .finally(() => {
        running = null;
        const now = again;
        again = false;
        schedule(now ? 0 : pollMs);
      });
  };
  schedule(0);
  return {
    nudge: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

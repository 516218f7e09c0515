import type { Db } from '../../platform/db/connect.ts';
import { type PollingLoop, startPollingLoop } from '../../platform/polling-loop.ts';
import { purgeNonces } from './authenticate.ts';
import { fanOut } from './fanout.ts';
import { type DeliveryLog, type SenderOptions, sendDue } from './sender.ts';

// Runs beside the API: every `pollMs` (and at once when nudged) turns new dossier events into deliveries, sends
// what is due and forgets expired nonces. A failed round is logged and retried on the next one.

export type InteropWorker = PollingLoop;

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
  return startPollingLoop({
    round: () => interopRound(db, log ? { ...sender, log } : sender),
    intervalMs: pollMs,
    firstDelayMs: 0,
    onError: (error) => log?.error({ err: error }, 'interop round failed; retrying'),
  });
}

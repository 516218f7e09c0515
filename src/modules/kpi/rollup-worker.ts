import type { Db } from '../../platform/db/connect.ts';
import { type PollingLoop, startPollingLoop } from '../../platform/polling-loop.ts';
import { rollupKpi } from './rollup.ts';

// Runs the indicator roll-up in the background: every `pollMs`, and right away when nudged. A failed round is
// logged and retried; the read position only moves with a committed batch, so nothing is lost or counted twice.

export type RollupWorker = PollingLoop;

export interface RollupLog {
  error(object: object, message: string): void;
}

export function startKpiRollup(options: { db: Db; pollMs?: number; log?: RollupLog }): RollupWorker {
  const { db, pollMs = 2000, log } = options;
  return startPollingLoop({
    round: () => rollupKpi(db),
    intervalMs: pollMs,
    onError: (error) => log?.error({ err: error }, 'indicator roll-up failed; retrying'),
  });
}

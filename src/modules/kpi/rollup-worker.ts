import type { Db } from '../../platform/db/connect.ts';
import { rollupKpi } from './rollup.ts';

// Runs the indicator roll-up in the background: every `pollMs`, and right away when nudged. A failed round is
// logged and retried; the read position only moves with a committed batch, so nothing is lost or counted twice.

export interface RollupWorker {
  stop(): Promise<void>;
  nudge(): void;
}

export interface RollupLog {
  error(object: object, message: string): void;
}

export function startKpiRollup(options: { db: Db; pollMs?: number; log?: RollupLog }): RollupWorker {
  const { db, pollMs = 2000, log } = options;
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    try {
      await rollupKpi(db);
    } catch (error) {
      log?.error({ err: error }, 'indicator roll-up failed; retrying');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, pollMs);
    timer.unref?.();
  };
  const tick = () => {
    if (stopped || running) return;
    running = round().finally(() => {
      running = null;
      schedule();
    });
  };
  schedule();
  return {
    nudge() {
      if (timer) clearTimeout(timer);
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

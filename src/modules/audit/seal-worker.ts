import type { Db } from '../../platform/db/connect.ts';
import { sealAuditLog } from './seal.ts';

// Seals the audit log in the background: every `pollMs`. A failed round is logged and retried; entries stay
// pending (and are reported by `motcua audit verify`) until a round commits.

export interface AuditSealer {
  stop(): Promise<void>;
  nudge(): void;
}

export function startAuditSealer(options: {
  db: Db;
  pollMs?: number;
  log?: { error(object: object, message: string): void };
}): AuditSealer {
  const { db, pollMs = 2000, log } = options;
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, pollMs);
    timer.unref?.();
  };
  const tick = () => {
    if (stopped || running) return;
    running = sealAuditLog(db)
      .then(() => undefined)
      .catch((error) => log?.error({ err: error }, 'audit log sealing failed; retrying'))
      .finally(() => {
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

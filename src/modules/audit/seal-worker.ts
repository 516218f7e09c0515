import type { Db } from '../../platform/db/connect.ts';
import { type PollingLoop, startPollingLoop } from '../../platform/polling-loop.ts';
import { sealAuditLog } from './seal.ts';

// Seals the audit log in the background: every `pollMs`. A failed round is logged and retried; entries stay
// pending (and are reported by `motcua audit verify`) until a round commits.

export type AuditSealer = PollingLoop;

export function startAuditSealer(options: {
  db: Db;
  pollMs?: number;
  log?: { error(object: object, message: string): void };
}): AuditSealer {
  const { db, pollMs = 2000, log } = options;
  return startPollingLoop({
    round: () => sealAuditLog(db),
    intervalMs: pollMs,
    onError: (error) => log?.error({ err: error }, 'audit log sealing failed; retrying'),
  });
}

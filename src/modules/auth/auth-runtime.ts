import { defaultSessionPolicy, type SessionPolicy } from '../../platform/config.ts';
import type { Db } from '../../platform/db/connect.ts';

/** How the app is told about session lifetimes and, in tests, the clock. */
export interface AuthOptions {
  sessions?: Partial<SessionPolicy>;
  /** The clock every session, lockout and TOTP decision uses (tests move it instead of sleeping). */
  now?: () => Date;
}

/** What the session hook and the account routes share: the database, the session policy and the clock. */
export interface AuthRuntime {
  db: Db;
  policy: SessionPolicy;
  now: () => Date;
}

export function authRuntime(db: Db, options: AuthOptions = {}): AuthRuntime {
  return {
    db,
    policy: { ...defaultSessionPolicy, ...options.sessions },
    now: options.now ?? (() => new Date()),
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseKind, Db } from '../db/connect.ts';
import type { FileStore } from '../files/file-store.ts';
import type { UploadLimits } from '../files/upload-limits.ts';

/** What every module's routes receive: the database and how it is hosted. */
export interface AppContext {
  db: Db;
  dbKind: DatabaseKind;
  /** Uploaded documents and results, content-addressed. */
  files: FileStore;
  /** Per-file and per-dossier upload limits; the defaults of upload-limits.ts when absent. */
  uploadLimits?: UploadLimits;
  /**
   * Notifications to applicants: the external channels this deployment has configured, and a nudge to the
   * outbox worker after a transaction that queued some (so delivery does not wait for its next poll).
   */
  notify?: { channels: ReadonlySet<'email' | 'sms' | 'zalo'>; queued(): void };
  /** Called after an official schedule row is added or removed; returns how many dossiers changed. */
  onScheduleChanged?: (change: { date: string; reason: string; userId: string }) => Promise<number>;
}

/** Fastify with zod schemas as the type provider: request types flow from the route schemas. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

// Generic Idempotency-Key support for state-changing POST routes: the first request's answer is stored in the
// transaction of its change (`storeAnswer`), a repeat with the same key and body gets that answer again, a repeat
// with another body is refused. See README.md.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/http/errors.ts';
import { idempotencyKeys } from './schema.ts';

export const idempotencyKeyHeader = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'Idempotency-Key gồm 8–100 ký tự chữ, số, dấu chấm, gạch.')
  .optional();
export const idempotencyHeaders = z.object({ 'idempotency-key': idempotencyKeyHeader });

/** A request carrying an Idempotency-Key, as it is recognised again. */
export interface IdempotentCall {
  principalId: string;
  key: string;
  route: string;
  fingerprint: string;
}

export interface StoredAnswer {
  status: number;
  response: unknown;
}

/** Anything that can insert: the database or the caller's open transaction. */
type Writer = Pick<Db, 'insert'>;

/** The call behind a request's `Idempotency-Key` header, or null when it has none. */
export function idempotencyOf(request: FastifyRequest, principalId: string): IdempotentCall | null {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (!key) return null;
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`.slice(0, 160);
  const fingerprint = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  return { principalId, key, route, fingerprint };
}

const reusedKey = () =>
  new AppError(
    'RULE',
    'Mã chống gửi trùng (Idempotency-Key) này đã được dùng cho một yêu cầu khác; vui lòng dùng mã mới cho yêu cầu mới.',
  );

/** The answer stored for this key, null when the key is new; a key used with another request is refused (422). */
export async function storedAnswerOf(db: Db, call: IdempotentCall): Promise<StoredAnswer | null> {
  const [row] = await db
    .select({
      route: idempotencyKeys.route,
      fingerprint: idempotencyKeys.fingerprint,
      status: idempotencyKeys.status,
      response: idempotencyKeys.response,
    })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principalId, call.principalId), eq(idempotencyKeys.key, call.key)));
  if (!row) return null;
  if (row.route !== call.route || row.fingerprint !== call.fingerprint) throw reusedKey();
  return { status: row.status, response: row.response };
}

/**
 * Stores the answer: call it inside the transaction that makes the change (one insert). A concurrent twin
 * inserting the same key fails on the primary key, which rolls its whole change back.
 */
export async function storeAnswer(
  tx: Writer,
  call: IdempotentCall,
  status: number,
  response: unknown,
): Promise<void> {
  await tx.insert(idempotencyKeys).values({ ...call, status, response });
}

/**
 * Runs `work` once per key. The new request, by far the common case, pays only the insert of its answer: the key
 * is looked up when `work` fails — a repeat of a request already done fails on its stale version or on the key's
 * primary key (rolling its change back), as does a concurrent twin — and the stored answer is replayed then.
 */
export async function once<T>(
  db: Db,
  call: IdempotentCall | null,
  work: () => Promise<T>,
): Promise<{ replay: StoredAnswer } | { done: T }> {
  if (!call) return { done: await work() };
  try {
    return { done: await work() };
  } catch (error) {
    const stored = await storedAnswerOf(db, call).catch((lookup) => {
      if (lookup instanceof AppError) throw lookup;
      return null;
    });
    if (stored) return { replay: stored };
    throw error;
  }
}

/** Marks a reply as a replay (`Idempotent-Replayed: true`) with the stored status. */
export function markReplay(reply: FastifyReply, answer: StoredAnswer): void {
  reply.header('idempotent-replayed', 'true');
  reply.status(answer.status);
}

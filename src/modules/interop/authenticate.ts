import { eq, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/http/errors.ts';
import { allowedAddress } from './cidr.ts';
import { interopClients, interopNonces, interopRejections } from './schema.ts';
import { canonicalRequest, clockSkewSeconds, headerNames, hmacHex, sameHex, sha256Hex } from './signing.ts';

// Who is calling: every inbound request is signed (README, "Signing"). A refused call changes nothing but the
// audit table of rejected calls, which the administrator reads on «Kết nối hệ thống».

export type InteropClient = typeof interopClients.$inferSelect;

export type RejectionReason =
  | 'missing_headers'
  | 'unknown_client'
  | 'inactive_client'
  | 'ip_not_allowed'
  | 'stale_timestamp'
  | 'body_hash_mismatch'
  | 'bad_signature'
  | 'replayed_nonce'
  | 'out_of_scope';

const messages: Record<RejectionReason, [number, string]> = {
  missing_headers: [
    401,
    'Thiếu tiêu đề xác thực (X-Motcua-Key-Id, X-Motcua-Timestamp, X-Motcua-Nonce, X-Motcua-Signature).',
  ],
  unknown_client: [401, 'Không nhận ra hệ thống gọi (mã khóa không tồn tại).'],
  inactive_client: [403, 'Kết nối của hệ thống này đã bị tạm dừng.'],
  ip_not_allowed: [403, 'Địa chỉ IP gọi đến không nằm trong danh sách được phép của hệ thống này.'],
  stale_timestamp: [401, 'Thời điểm ký lệch quá 5 phút so với máy chủ; vui lòng đồng bộ đồng hồ và ký lại.'],
  body_hash_mismatch: [401, 'Mã băm nội dung (X-Motcua-Content-SHA256) không khớp với nội dung gửi.'],
  bad_signature: [401, 'Chữ ký yêu cầu không hợp lệ.'],
  replayed_nonce: [401, 'Yêu cầu bị gửi lại (nonce đã dùng); mỗi yêu cầu cần một nonce mới.'],
  out_of_scope: [403, 'Hệ thống này không được phép gửi hoặc xem hồ sơ của cơ quan này.'],
};

export class InteropRejection extends AppError {
  constructor(
    readonly reason: RejectionReason,
    message?: string,
  ) {
    const [status, text] = messages[reason];
    super(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message ?? text);
  }
}

export interface SignedCall {
  method: string;
  /** Path with query string, exactly as requested. */
  path: string;
  ip: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  nowMs: number;
}

const header = (call: SignedCall, name: string) => {
  const value = call.headers[name];
  return typeof value === 'string' ? value.trim() : undefined;
};

/** Writes the audit row of a refused call (in its own statement: it must survive the request's failure). */
export async function recordRejection(
  db: Db,
  call: Pick<SignedCall, 'method' | 'path' | 'ip'>,
  rejection: InteropRejection,
  client: { id: string | null; keyId: string | null },
) {
  await db.insert(interopRejections).values({
    clientId: client.id,
    keyId: client.keyId?.slice(0, 100) ?? null,
    ip: call.ip.slice(0, 60),
    method: call.method.slice(0, 10),
    path: call.path.slice(0, 2000),
    status: rejection.status,
    reason: rejection.reason,
    message: rejection.message,
  });
}

/**
 * Checks a signed call and returns its client, or records the refusal and throws it. The nonce is stored only
 * once the signature is valid, so a forger cannot use up a client's nonces.
 */
export async function authenticateCall(db: Db, call: SignedCall): Promise<InteropClient> {
  const keyId = header(call, headerNames.keyId) ?? null;
  let client: InteropClient | undefined;
  try {
    const timestamp = header(call, headerNames.timestamp);
    const nonce = header(call, headerNames.nonce);
    const signature = header(call, headerNames.signature)?.toLowerCase();
    const bodyHash = header(call, headerNames.contentSha256)?.toLowerCase();
    if (!keyId || !timestamp || !nonce || !signature || !bodyHash || !/^[A-Za-z0-9_-]{16,100}$/.test(nonce)) {
      throw new InteropRejection('missing_headers');
    }
    if (/^[0-9a-f]{16}$/.test(keyId)) {
      [client] = await db.select().from(interopClients).where(eq(interopClients.keyId, keyId));
    }
    if (!client) throw new InteropRejection('unknown_client');
    if (!client.active) throw new InteropRejection('inactive_client');
    if (!allowedAddress(call.ip, client.allowedCidrs)) throw new InteropRejection('ip_not_allowed');
    const seconds = Number(timestamp);
    if (!/^\d{9,12}$/.test(timestamp) || Math.abs(call.nowMs / 1000 - seconds) > clockSkewSeconds) {
      throw new InteropRejection('stale_timestamp');
    }
    if (!sameHex(sha256Hex(call.body), bodyHash)) throw new InteropRejection('body_hash_mismatch');
    const expected = hmacHex(
      client.keyHash,
      canonicalRequest({ method: call.method, path: call.path, timestamp, nonce, bodySha256: bodyHash }),
    );
    if (!sameHex(expected, signature)) throw new InteropRejection('bad_signature');
    const stored = await db
      .insert(interopNonces)
      .values({ clientId: client.id, nonce, seenAt: new Date(call.nowMs) })
      .onConflictDoNothing()
      .returning({ nonce: interopNonces.nonce });
    if (stored.length === 0) throw new InteropRejection('replayed_nonce');
    return client;
  } catch (error) {
    if (error instanceof InteropRejection) {
      await recordRejection(db, call, error, { id: client?.id ?? null, keyId });
    }
    throw error;
  }
}

/** Forgets nonces older than the timestamp window (a request that old is refused as stale anyway). */
export async function purgeNonces(db: Db, nowMs = Date.now()) {
  await db
    .delete(interopNonces)
    .where(lt(interopNonces.seenAt, new Date(nowMs - 2 * clockSkewSeconds * 1000)));
}

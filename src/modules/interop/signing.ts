import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// The signing rules of the interop API, shared by the server, the generated client's fetch wrapper and the
// national-portal peer (README, "Signing"). Pure functions: no clock, no I/O.

export const headerNames = {
  keyId: 'x-motcua-key-id',
  timestamp: 'x-motcua-timestamp',
  nonce: 'x-motcua-nonce',
  contentSha256: 'x-motcua-content-sha256',
  signature: 'x-motcua-signature',
  eventId: 'x-motcua-event-id',
} as const;

/** How far a request's timestamp may be from the server's clock. */
export const clockSkewSeconds = 300;

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** An API key: `mck_<keyId>_<secret>`; only its hash is stored. */
export function newApiKey(): { keyId: string; apiKey: string; keyHash: string } {
  const keyId = randomBytes(8).toString('hex');
  const apiKey = `mck_${keyId}_${randomBytes(24).toString('base64url')}`;
  return { keyId, apiKey, keyHash: sha256Hex(apiKey) };
}

/** The key id inside an API key, or null when it is not one. */
export function keyIdOf(apiKey: string): string | null {
  return /^mck_([0-9a-f]{16})_[A-Za-z0-9_-]{20,}$/.exec(apiKey)?.[1] ?? null;
}

/** The HMAC key of requests: SHA-256 (hex text) of the API key, so the key itself is never stored. */
export const signingKeyOf = (apiKey: string) => sha256Hex(apiKey);

/** The text signed for a request: method, path with query, timestamp, nonce and body hash, one per line. */
export function canonicalRequest(parts: {
  method: string;
  path: string;
  timestamp: string;
  nonce: string;
  bodySha256: string;
}): string {
  return [parts.method.toUpperCase(), parts.path, parts.timestamp, parts.nonce, parts.bodySha256].join('\n');
}

export const hmacHex = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');

/** Constant-time comparison of two hex strings. */
export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The headers a client sends with a request (`body` exactly as sent; empty for GET). */
export function signRequest(input: {
  apiKey: string;
  method: string;
  path: string;
  body: string | Uint8Array;
  timestamp: number;
  nonce?: string;
}): Record<string, string> {
  const keyId = keyIdOf(input.apiKey);
  if (!keyId) throw new Error('API key has the wrong form (mck_<keyId>_<secret>)');
  const nonce = input.nonce ?? randomBytes(16).toString('hex');
  const timestamp = String(Math.floor(input.timestamp));
  const bodySha256 = sha256Hex(input.body);
  const signature = hmacHex(
    signingKeyOf(input.apiKey),
    canonicalRequest({ method: input.method, path: input.path, timestamp, nonce, bodySha256 }),
  );
  return {
    [headerNames.keyId]: keyId,
    [headerNames.timestamp]: timestamp,
    [headerNames.nonce]: nonce,
    [headerNames.contentSha256]: bodySha256,
    [headerNames.signature]: signature,
  };
}

/** The webhook signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  const t = String(Math.floor(timestamp));
  return `t=${t},v1=${hmacHex(secret, `${t}.${body}`)}`;
}

/** Checks a webhook signature header against the body received; also within the allowed clock skew. */
export function verifyWebhook(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
): { ok: true } | { ok: false; reason: string } {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match?.[1] || !match[2]) return { ok: false, reason: 'missing or malformed signature' };
  if (Math.abs(nowSeconds - Number(match[1])) > clockSkewSeconds)
    return { ok: false, reason: 'stale timestamp' };
  return sameHex(hmacHex(secret, `${match[1]}.${body}`), match[2])
    ? { ok: true }
    : { ok: false, reason: 'bad signature' };
}

// A small typed client of the Motcua interop API (v1): signs each call as the server expects
// (HMAC-SHA256 over method, path, timestamp, nonce and body hash) and checks webhook signatures.
// The types come from the contract (generated/openapi.ts, `npm run interop:client` in the Motcua repository).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { components, paths } from './generated/openapi.ts';

export type { components, paths };

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type FileOp = paths['/api/interop/v1/dossiers']['post'];
type StatusOp = paths['/api/interop/v1/dossiers/{code}']['get'];

export type InboundDossier = Json<FileOp['requestBody']>;
export type FiledDossier = Json<FileOp['responses'][201]>;
export type DuplicateAnswer = Json<FileOp['responses'][409]>;
export type DossierStatus = Json<StatusOp['responses'][200]>;
export type WebhookEvent = components['schemas']['WebhookEvent'];
export interface ErrorAnswer {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

export type Answer<T> =
  | { status: number; ok: true; data: T }
  | { status: number; ok: false; error: ErrorAnswer['error'] };

export interface InteropClientOptions {
  baseUrl: string;
  /** `mck_<keyId>_<secret>`, shown once by the Motcua administrator. */
  apiKey: string;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch (tests). */
  now?: () => number;
}

const sha256Hex = (data: string) => createHash('sha256').update(data).digest('hex');

/** The signed headers of one call. */
export function signedHeaders(apiKey: string, method: string, path: string, body: string, nowMs: number) {
  const keyId = /^mck_([0-9a-f]{16})_/.exec(apiKey)?.[1];
  if (!keyId) throw new Error('API key has the wrong form (mck_<keyId>_<secret>)');
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = randomBytes(16).toString('hex');
  const bodySha256 = sha256Hex(body);
  const text = [method.toUpperCase(), path, timestamp, nonce, bodySha256].join('\n');
  return {
    'x-motcua-key-id': keyId,
    'x-motcua-timestamp': timestamp,
    'x-motcua-nonce': nonce,
    'x-motcua-content-sha256': bodySha256,
    'x-motcua-signature': createHmac('sha256', sha256Hex(apiKey)).update(text).digest('hex'),
  };
}

export function createInteropClient(options: InteropClientOptions) {
  const send = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const base = options.baseUrl.replace(/\/+$/, '');
  async function call<T>(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<Answer<T>> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const response = await send(`${base}${path}`, {
      method,
      headers: {
        ...signedHeaders(options.apiKey, method, path, body, now()),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body } : {}),
    });
    const json = (await response.json().catch(() => ({}))) as T & ErrorAnswer;
    return response.ok
      ? { status: response.status, ok: true, data: json }
      : { status: response.status, ok: false, error: json.error };
  }
  return {
    /** Files a dossier; a replay gets the first answer, a reused externalId 409 with the existing dossier. */
    fileDossier: (input: InboundDossier) => call<FiledDossier>('POST', '/api/interop/v1/dossiers', input),
    /** Status and history by the dossier code (or its id before receipt). */
    dossierStatus: (code: string) =>
      call<DossierStatus>('GET', `/api/interop/v1/dossiers/${encodeURIComponent(code)}`),
  };
}

/** Checks a webhook's `x-motcua-signature` (`t=…,v1=…`) against the raw body, within ±5 minutes. */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowMs = Date.now(),
) {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match?.[1] || !match[2]) return false;
  if (Math.abs(nowMs / 1000 - Number(match[1])) > 300) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${match[1]}.${body}`).digest('hex'));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

// AES-256-GCM for TOTP secrets at rest: the key comes from MFA_ENCRYPTION_KEY or, unset, the settings row.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { AuthRuntime } from './auth-runtime.ts';
import { securitySettingsRow } from './security-settings.ts';

async function keyOf(rt: AuthRuntime): Promise<Buffer> {
  const configured = rt.policy.mfaEncryptionKey;
  const text = configured ?? (await securitySettingsRow(rt.db)).encryptionKey;
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64url');
  if (key.length !== 32) throw new Error('MFA encryption key must be 32 bytes');
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url), bound to the account so a secret cannot be moved to another one. */
export async function seal(rt: AuthRuntime, plaintext: string, userId: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await keyOf(rt), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export async function open(rt: AuthRuntime, sealed: string, userId: string): Promise<string> {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown sealed secret format');
  const decipher = createDecipheriv('aes-256-gcm', await keyOf(rt), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** Keyed hash of a recovery code (the codes are random, so a fast keyed hash is enough). */
export async function codeHash(rt: AuthRuntime, code: string): Promise<string> {
  return createHmac('sha256', await keyOf(rt))
    .update(`recovery:${code}`)
    .digest('hex');
}

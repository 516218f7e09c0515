// The signed rating link of a notification (pure): the token is the dossier id with an HMAC of it under the
// server's secret, so it names one dossier and cannot be made up for another.
import { createHmac, timingSafeEqual } from 'node:crypto';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signatureOf(dossierId: string, secret: string): string {
  return createHmac('sha256', secret).update(`motcua-rating:${dossierId}`).digest('base64url').slice(0, 32);
}

/** `<dossier id without dashes>.<signature>`: URL-safe, about 65 characters. */
export function ratingToken(dossierId: string, secret: string): string {
  return `${dossierId.replace(/-/g, '')}.${signatureOf(dossierId.toLowerCase(), secret)}`;
}

/** The dossier id a token names, or null when the token is malformed or forged. */
export function dossierIdOfToken(token: string, secret: string): string | null {
  const match = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match?.[1] || !match[2]) return null;
  const hex = match[1];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  if (!uuidPattern.test(id)) return null;
  const expected = Buffer.from(signatureOf(id, secret));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** The portal page that opens the link: `<base>/danh-gia/<token>`. */
export function ratingUrl(publicBaseUrl: string, dossierId: string, secret: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/danh-gia/${ratingToken(dossierId, secret)}`;
}

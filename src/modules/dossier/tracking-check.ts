import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

// The check value printed on the receipt beside the dossier code: the code alone is guessable (agency, date,
// sequence), the pair is not, so holding the receipt is what lets anyone track the dossier.

/** Letters and digits that cannot be confused when read off paper (no 0/O, 1/I/L). */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newTrackingCheck(): string {
  return Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** A check value derived from a seed (the generated demo history, which must come out the same every run). */
export function derivedTrackingCheck(seed: string): string {
  const digest = createHash('sha256').update(`motcua-check:${seed}`).digest();
  return Array.from(digest.subarray(0, 6), (byte) => alphabet[byte % alphabet.length]).join('');
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The check value as typed (any case, spaces), or the last 4 digits of the applicant's phone. */
export function checkMatches(
  typed: string,
  stored: { trackingCheck: string | null; applicantPhone: string | null },
): boolean {
  const value = typed.replace(/\s+/g, '').toUpperCase();
  if (stored.trackingCheck && same(value, stored.trackingCheck)) return true;
  const phone = stored.applicantPhone?.replace(/\D/g, '') ?? '';
  return /^\d{4}$/.test(value) && phone.length >= 4 && same(value, phone.slice(-4));
}

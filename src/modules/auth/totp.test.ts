import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  newTotpSecret,
  otpauthUri,
  timeStep,
  totpAt,
} from './totp.ts';

// RFC 6238 appendix B, SHA-1 rows: the ASCII seed "12345678901234567890", 8 digits.
const rfcSeed = Buffer.from('12345678901234567890', 'ascii');
const rfcVectors: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it('computes the RFC 6238 appendix B SHA-1 test vectors', () => {
    for (const [seconds, expected] of rfcVectors) {
      expect(hotp(rfcSeed, timeStep(seconds * 1000), 8)).toBe(expected);
    }
  });

  it('computes the RFC 4226 appendix D HOTP values (6 digits)', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676'];
    expected.forEach((code, counter) => {
      expect(hotp(rfcSeed, counter)).toBe(code);
    });
  });

  it('round-trips base32 and uses the base32 seed the same way', () => {
    const secret = base32Encode(rfcSeed);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(secret).equals(rfcSeed)).toBe(true);
    expect(totpAt(secret, 59_000)).toBe('287082');
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('accepts one step of drift either way and refuses a step already used', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = timeStep(now);
    expect(matchTotp(secret, totpAt(secret, now), now, null)).toBe(step);
    expect(matchTotp(secret, totpAt(secret, now - 30_000), now, null)).toBe(step - 1);
    expect(matchTotp(secret, totpAt(secret, now + 30_000), now, null)).toBe(step + 1);
    expect(matchTotp(secret, totpAt(secret, now - 60_000), now, null)).toBeNull();
    expect(matchTotp(secret, totpAt(secret, now), now, step)).toBeNull();
    expect(matchTotp(secret, totpAt(secret, now - 30_000), now, step)).toBeNull();
    expect(matchTotp(secret, '12345', now, null)).toBeNull();
  });

  it('builds an otpauth URI authenticator apps read', () => {
    expect(otpauthUri('ABC', 'a@b.vn', 'Motcua Vị Thanh')).toBe(
      'otpauth://totp/Motcua%20V%E1%BB%8B%20Thanh:a%40b.vn?secret=ABC&issuer=Motcua%20V%E1%BB%8B%20Thanh&algorithm=SHA1&digits=6&period=30',
    );
  });
});

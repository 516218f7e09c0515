import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.ts';
import { chooseDeliveries, maskAddress, type Recipient } from './channels.ts';
import type { NotificationChannel } from './schema.ts';

const all = new Set<NotificationChannel>(['email', 'sms', 'zalo']);
const account: Recipient = {
  accountId: 'u1',
  accountEmail: 'hoa@example.vn',
  accountPhone: '0912345678',
  dossierEmail: null,
  dossierPhone: null,
  preferences: null,
};

describe('channel choice', () => {
  it('defaults an account to email only', () => {
    expect(chooseDeliveries(account, all)).toEqual([{ channel: 'email', address: 'hoa@example.vn' }]);
    expect(chooseDeliveries({ ...account, accountEmail: null }, all)).toEqual([]);
  });

  it("follows the account's choice where an address is known and the channel configured", () => {
    const preferences = { email: false, sms: true, zalo: true, zaloUserId: '123456' };
    expect(chooseDeliveries({ ...account, preferences }, all)).toEqual([
      { channel: 'sms', address: '0912345678' },
      { channel: 'zalo', address: '123456' },
    ]);
    expect(chooseDeliveries({ ...account, preferences }, new Set(['sms']))).toEqual([
      { channel: 'sms', address: '0912345678' },
    ]);
    expect(chooseDeliveries({ ...account, preferences: { ...preferences, zaloUserId: null } }, all)).toEqual([
      { channel: 'sms', address: '0912345678' },
    ]);
  });

  it('sends a walk-in email and SMS when the desk wrote them on the dossier', () => {
    const walkIn = { ...account, accountId: null, accountEmail: null, accountPhone: null };
    expect(chooseDeliveries({ ...walkIn, dossierEmail: 'a@b.vn', dossierPhone: '0987654321' }, all)).toEqual([
      { channel: 'email', address: 'a@b.vn' },
      { channel: 'sms', address: '0987654321' },
    ]);
    expect(chooseDeliveries({ ...walkIn, dossierPhone: '0987654321' }, new Set(['email']))).toEqual([]);
  });

  it('masks addresses for officers', () => {
    expect(maskAddress('email', 'nguyenhoa@example.vn')).toBe('ng***@example.vn');
    expect(maskAddress('email', 'a@b.vn')).toBe('a***@b.vn');
    expect(maskAddress('sms', '0912345678')).toBe('0912***678');
    expect(maskAddress('zalo', '8412345678901')).toBe('***8901');
  });
});

describe('retry delay', () => {
  it('doubles from 30 s up to an hour, with jitter within the upper half', () => {
    const fixed = (attempt: number, r: number) => retryDelayMs(attempt, {}, () => r);
    expect([fixed(1, 1), fixed(2, 1), fixed(3, 1)]).toEqual([30_000, 60_000, 120_000]);
    expect(fixed(1, 0)).toBe(15_000);
    expect(fixed(20, 1)).toBe(3_600_000);
    for (let i = 0; i < 50; i++) {
      const d = retryDelayMs(4);
      expect(d).toBeGreaterThanOrEqual(120_000);
      expect(d).toBeLessThanOrEqual(240_000);
    }
  });
});

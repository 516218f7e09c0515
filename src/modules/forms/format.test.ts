import { describe, expect, it } from 'vitest';
import { dateLine, formatDate, formatDateTime, formatTime, formatVnd } from './format.ts';

describe('Vietnamese date formatting (UTC+7)', () => {
  it('prints the Vietnam calendar day even when it differs from the UTC day', () => {
    const instant = new Date('2026-11-24T17:30:00Z'); // 00:30 on 25/11 in Vị Thanh
    expect(formatDate(instant)).toBe('25/11/2026');
    expect(formatTime(instant)).toBe('00:30');
    expect(formatDateTime(instant)).toBe('00:30 ngày 25/11/2026');
  });

  it('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(formatDateTime(new Date('2026-01-05T02:00:00Z'))).toBe('09:00 ngày 05/01/2026');
    } finally {
      process.env.TZ = saved;
    }
  });

  it('writes the dated place line as Decree 30/2020 does (zero before days < 10 and months 1, 2)', () => {
    expect(dateLine('Vị Thanh', new Date('2026-11-25T03:00:00Z'))).toBe(
      'Vị Thanh, ngày 25 tháng 11 năm 2026',
    );
    expect(dateLine('Vị Thanh', new Date('2026-01-05T03:00:00Z'))).toBe(
      'Vị Thanh, ngày 05 tháng 01 năm 2026',
    );
    expect(dateLine('Vị Thanh', new Date('2026-03-09T03:00:00Z'))).toBe('Vị Thanh, ngày 09 tháng 3 năm 2026');
  });

  it('groups đồng amounts with dots', () => {
    expect(formatVnd(1_250_000)).toBe('1.250.000 đồng');
    expect(formatVnd(0)).toBe('0 đồng');
  });
});

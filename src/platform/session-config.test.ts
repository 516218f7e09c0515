import { describe, expect, it } from 'vitest';
import { defaultSessionPolicy, loadSessionPolicy } from './config.ts';

describe('session settings (SESSION_*, MFA_ENCRYPTION_KEY)', () => {
  it('defaults to 30 minutes idle for officers, 120 for citizens, 12 hours in all, rotation every 15 minutes', () => {
    expect(loadSessionPolicy({})).toEqual(defaultSessionPolicy);
    expect(defaultSessionPolicy).toMatchObject({
      officerIdleMinutes: 30,
      citizenIdleMinutes: 120,
      absoluteHours: 12,
      rotateMinutes: 15,
    });
  });

  it('reads the variables and refuses nonsense with a Vietnamese message', () => {
    const key = 'ab'.repeat(32);
    expect(
      loadSessionPolicy({
        SESSION_IDLE_MINUTES_OFFICER: '15',
        SESSION_IDLE_MINUTES_CITIZEN: '60',
        SESSION_ABSOLUTE_HOURS: '8',
        SESSION_ROTATE_MINUTES: '5',
        MFA_ENCRYPTION_KEY: key,
      }),
    ).toEqual({
      officerIdleMinutes: 15,
      citizenIdleMinutes: 60,
      absoluteHours: 8,
      rotateMinutes: 5,
      mfaEncryptionKey: key,
    });
    expect(() => loadSessionPolicy({ SESSION_ABSOLUTE_HOURS: '0' })).toThrow(
      /SESSION_ABSOLUTE_HOURS không hợp lệ/,
    );
    expect(() => loadSessionPolicy({ SESSION_IDLE_MINUTES_OFFICER: 'ba mươi' })).toThrow(/không hợp lệ/);
    expect(() => loadSessionPolicy({ MFA_ENCRYPTION_KEY: 'ngan-qua' })).toThrow(
      /MFA_ENCRYPTION_KEY không hợp lệ/,
    );
  });
});

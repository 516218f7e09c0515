import { describe, expect, it } from 'vitest';
import { agencyScope, canSeeAgency, isGlobalAdmin, type Principal } from './permissions.ts';

const officer = (roles: Principal['roles']): Principal => ({
  userId: 'u',
  kind: 'officer',
  fullName: 'X',
  roles,
});

describe('agency scope', () => {
  it('covers exactly the agencies of the officer roles', () => {
    const p = officer([
      { role: 'desk_officer', agencyId: 'a' },
      { role: 'specialist', agencyId: 'b' },
    ]);
    expect(agencyScope(p)).toEqual(new Set(['a', 'b']));
    expect(canSeeAgency(p, 'a')).toBe(true);
    expect(canSeeAgency(p, 'c')).toBe(false);
    expect(isGlobalAdmin(p)).toBe(false);
  });

  it('gives an administrator without agency the whole deployment, but not one scoped to an agency', () => {
    expect(agencyScope(officer([{ role: 'admin', agencyId: null }]))).toBe('all');
    const scopedAdmin = officer([{ role: 'admin', agencyId: 'a' }]);
    expect(isGlobalAdmin(scopedAdmin)).toBe(false);
    expect(canSeeAgency(scopedAdmin, 'b')).toBe(false);
  });

  it('gives a citizen nothing', () => {
    expect(agencyScope({ userId: 'c', kind: 'citizen', fullName: 'C', roles: [] })).toEqual(new Set());
  });
});

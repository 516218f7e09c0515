import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/permissions.ts';
import { assignmentLabel, assignmentPermissions, decideAssignment, type Holder } from './assignment.ts';

const ubnd = 'a0000000-0000-4000-8000-000000000001';
const desk = 'a0000000-0000-4000-8000-000000000002';
const specialistHeld: Holder = { agencyId: ubnd, role: 'specialist' };
const deskHeld: Holder = { agencyId: desk, role: 'desk_officer' };

const officer = (userId: string, ...roles: Principal['roles']) => ({ userId, roles });
const hung = officer('hung', { role: 'specialist', agencyId: ubnd });
const lan = officer('lan', { role: 'specialist', agencyId: ubnd });
const head = officer('tuan', { role: 'head_of_office', agencyId: ubnd });
const leader = officer('binh', { role: 'signing_leader', agencyId: ubnd });
const mai = officer('mai', { role: 'desk_officer', agencyId: desk });
const elsewhere = officer('hanh', { role: 'specialist', agencyId: 'other' });

describe('decideAssignment', () => {
  it('lets an officer of the holding role claim an unassigned dossier and release their own claim', () => {
    expect(
      decideAssignment({
        holder: specialistHeld,
        assigneeUserId: null,
        principal: hung,
        targetUserId: 'hung',
      }),
    ).toEqual({ ok: true, kind: 'claim', actingRole: 'specialist' });
    expect(
      decideAssignment({
        holder: specialistHeld,
        assigneeUserId: 'hung',
        principal: hung,
        targetUserId: null,
      }),
    ).toEqual({ ok: true, kind: 'release', actingRole: 'specialist' });
  });

  it("refuses to claim a colleague's dossier, or release it, without managing the queue", () => {
    const claim = decideAssignment({
      holder: specialistHeld,
      assigneeUserId: 'lan',
      principal: hung,
      targetUserId: 'hung',
    });
    expect(claim).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const release = decideAssignment({
      holder: specialistHeld,
      assigneeUserId: 'lan',
      principal: hung,
      targetUserId: null,
    });
    expect(release).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses officers of another role or agency', () => {
    for (const principal of [leader, elsewhere, head]) {
      const r = decideAssignment({
        holder: specialistHeld,
        assigneeUserId: null,
        principal,
        targetUserId: principal.userId,
      });
      expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      if (!r.ok) expect(r.message).toMatch(/chuyên viên/);
    }
  });

  it('lets the head of the holding agency assign, reassign and take back', () => {
    expect(
      decideAssignment({
        holder: specialistHeld,
        assigneeUserId: null,
        principal: head,
        targetUserId: 'lan',
      }),
    ).toEqual({ ok: true, kind: 'assign', actingRole: 'head_of_office' });
    expect(
      decideAssignment({
        holder: specialistHeld,
        assigneeUserId: 'hung',
        principal: head,
        targetUserId: 'lan',
      }),
    ).toMatchObject({ ok: true, kind: 'assign' });
    expect(
      decideAssignment({
        holder: specialistHeld,
        assigneeUserId: 'hung',
        principal: head,
        targetUserId: null,
      }),
    ).toEqual({ ok: true, kind: 'release', actingRole: 'head_of_office' });
  });

  it('refuses assigning to others without managing the queue', () => {
    const r = decideAssignment({
      holder: specialistHeld,
      assigneeUserId: null,
      principal: hung,
      targetUserId: 'lan',
    });
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    if (!r.ok) expect(r.message).toMatch(/trưởng phòng/);
  });

  it('lets desk officers assign desk-held dossiers to each other', () => {
    expect(
      decideAssignment({
        holder: deskHeld,
        assigneeUserId: null,
        principal: mai,
        targetUserId: 'other-desk',
      }),
    ).toEqual({ ok: true, kind: 'assign', actingRole: 'desk_officer' });
  });

  it('refuses dossiers no queue holds, and changes that change nothing', () => {
    expect(
      decideAssignment({ holder: null, assigneeUserId: null, principal: hung, targetUserId: 'hung' }),
    ).toMatchObject({ ok: false, code: 'ILLEGAL_STATE' });
    expect(
      decideAssignment({ holder: specialistHeld, assigneeUserId: null, principal: hung, targetUserId: null }),
    ).toMatchObject({ ok: false, code: 'RULE' });
    expect(
      decideAssignment({
        holder: specialistHeld,
        assigneeUserId: 'hung',
        principal: hung,
        targetUserId: 'hung',
      }),
    ).toMatchObject({ ok: false, code: 'RULE' });
  });
});

describe('assignmentPermissions', () => {
  it('offers claim to role holders of an unassigned dossier and assign to managers', () => {
    expect(assignmentPermissions(specialistHeld, null, hung)).toEqual({ canClaim: true, canAssign: false });
    expect(assignmentPermissions(specialistHeld, 'hung', hung)).toEqual({
      canClaim: false,
      canAssign: false,
    });
    expect(assignmentPermissions(specialistHeld, 'hung', lan)).toEqual({ canClaim: false, canAssign: false });
    expect(assignmentPermissions(specialistHeld, null, head)).toEqual({ canClaim: false, canAssign: true });
    expect(assignmentPermissions(deskHeld, null, mai)).toEqual({ canClaim: true, canAssign: true });
    expect(assignmentPermissions(null, null, mai)).toEqual({ canClaim: false, canAssign: false });
  });
});

describe('assignmentLabel', () => {
  it('tells claims, assignments and releases apart', () => {
    expect(assignmentLabel('hung', { assigneeUserId: 'hung' })).toBe('Nhận xử lý');
    expect(assignmentLabel('tuan', { assigneeUserId: 'hung' })).toBe('Phân công xử lý');
    expect(assignmentLabel('hung', { assigneeUserId: null })).toBe('Trả lại hàng chờ');
  });
});

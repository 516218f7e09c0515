import { forbidden } from '../../platform/http/errors.ts';
import { canSeeAgency, type Principal } from '../auth/permissions.ts';

// Who sees and keeps a meeting: the organising agency's officers (and deployment-wide administrators) manage it —
// the secretary records attendance and conclusions; invited officers see their meetings and documents and
// confirm their own attendance; anyone else gets 403 whether or not the meeting exists. Pure.

export interface MeetingAccess {
  manage: boolean;
  participant: boolean;
}

export function meetingAccess(
  principal: Principal,
  meeting: { agencyId: string },
  participantIds: ReadonlySet<string>,
): MeetingAccess {
  return {
    manage: canSeeAgency(principal, meeting.agencyId),
    participant: participantIds.has(principal.userId),
  };
}

export function requireView(access: MeetingAccess): MeetingAccess {
  if (!access.manage && !access.participant)
    throw forbidden('Bạn không được mời và không thuộc cơ quan tổ chức cuộc họp này.');
  return access;
}

export function requireManage(access: MeetingAccess): MeetingAccess {
  if (!access.manage) throw forbidden('Chỉ cán bộ của cơ quan tổ chức cuộc họp được thực hiện thao tác này.');
  return access;
}

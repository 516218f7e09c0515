// The payload-independent checks of an action, shared by transition() and availableActions(): rule profile,
// source state, the dossier's position in its process, the actor (kind, role, agency), then rules that
// depend on the actor or on the time.
import type { Role } from '../../auth/schema.ts';
import type { WorkingCalendar } from '../../calendar/index.ts';
import { ACTION_POLICY, type ActionPolicy, type AgencyScope } from './action-policy.ts';
import type { ActionType, Actor, RoleAssignment } from './actions.ts';
import { ACTION_LABELS, CHANNEL_LABELS, ROLE_LABELS, SCOPE_LABELS } from './labels.ts';
import { getRuleProfile } from './profiles.ts';
import { currentStep, type DossierSnapshot, hasDecisiveStep, holdingAgencyId } from './snapshot.ts';
import { STATE_LABELS } from './states.ts';
import { toDate } from './time.ts';

export type RefusalCode = 'ILLEGAL_STATE' | 'FORBIDDEN' | 'RULE';
export interface Refusal {
  ok: false;
  code: RefusalCode;
  /** Vietnamese, for the user. */
  message: string;
}
export interface Permit {
  ok: true;
  /** The officer role assignment the action is taken under; null for the applicant. */
  assignment: RoleAssignment | null;
  /** A desk officer acting for the applicant. */
  onBehalf: boolean;
}

export const refuse = (code: RefusalCode, message: string): Refusal => ({ ok: false, code, message });

export function checkAction(
  s: DossierSnapshot,
  type: ActionType,
  actor: Actor,
  now: Date,
  cal: WorkingCalendar,
): Permit | Refusal {
  if (!Object.hasOwn(ACTION_POLICY, type)) return refuse('RULE', 'Thao tác không hợp lệ.');
  const label = ACTION_LABELS[type];
  const profile = getRuleProfile(s.ruleProfile);
  if (!profile.actions.includes(type)) {
    const hint =
      type === 'stop' ? ' Thông báo dừng giải quyết hồ sơ chỉ có từ Nghị định 118/2025/NĐ-CP.' : '';
    return refuse('RULE', `Hồ sơ áp dụng quy định theo ${profile.name}, không có thao tác ${label}.${hint}`);
  }
  const policy = ACTION_POLICY[type];
  if (!policy.from.includes(s.state))
    return refuse('ILLEGAL_STATE', `Không thể ${label} khi hồ sơ ở trạng thái “${STATE_LABELS[s.state]}”.`);
  const position = positionRule(s, type);
  if (position) return refuse('RULE', position);
  const who = checkActor(s, type, policy, actor);
  if (!who.ok) return who;
  const rule = actorRule(s, type, actor, who.matches, now, cal);
  if (typeof rule === 'string') return refuse('RULE', rule);
  return { ok: true, assignment: rule ?? who.matches[0] ?? null, onBehalf: who.onBehalf };
}

/** Where the dossier stands in its process, for the step and decision actions. */
function positionRule(s: DossierSnapshot, type: ActionType): string | null {
  const step = currentStep(s);
  switch (type) {
    case 'start_step':
    case 'complete_step':
    case 'transfer':
      if (!step) return 'Các bước xử lý đã hoàn thành; hồ sơ chờ lãnh đạo phê duyệt hoặc từ chối giải quyết.';
      if (type !== 'start_step' && step.decisive)
        return `Bước “${step.name}” kết thúc bằng phê duyệt hoặc từ chối giải quyết, không chuyển bước.`;
      if (type === 'start_step' && step.acceptedAt) return `Bước “${step.name}” đã được nhận xử lý.`;
      return null;
    case 'approve':
    case 'reject':
      if (hasDecisiveStep(s) ? !step?.decisive : step !== undefined)
        return `Hồ sơ chưa đến bước ký duyệt (đang ở bước “${step?.name ?? ''}”).`;
      return null;
    default:
      return null;
  }
}

type ActorCheck = { ok: true; matches: RoleAssignment[]; onBehalf: boolean } | Refusal;

function checkActor(s: DossierSnapshot, type: ActionType, policy: ActionPolicy, actor: Actor): ActorCheck {
  const label = ACTION_LABELS[type];
  if (actor.kind === 'applicant') {
    if (policy.actor === 'officer')
      return refuse('FORBIDDEN', `Người nộp hồ sơ không thể ${label}; thao tác này do cán bộ thực hiện.`);
    if (actor.userId !== s.applicantUserId)
      return refuse('FORBIDDEN', `Chỉ người đã nộp hồ sơ này mới được ${label}.`);
    return { ok: true, matches: [], onBehalf: false };
  }
  const roles = resolveRoles(s, policy.roles);
  const withRole = actor.roles.filter((a) => roles.includes(a.role));
  if (withRole.length === 0) {
    const step = currentStep(s);
    const stepNote =
      policy.roles.includes('step') && step
        ? ` Bước hiện tại “${step.name}” do ${ROLE_LABELS[step.actorRole]} thực hiện.`
        : '';
    const allowed = roles.map((r) => ROLE_LABELS[r]).join(', ');
    return refuse(
      'FORBIDDEN',
      `Vai trò của bạn không được ${label}. Vai trò được phép: ${allowed}.${stepNote}`,
    );
  }
  const agencies = policy.agencies.map((scope) => scopeAgency(s, scope));
  const matches = withRole.filter((a) => a.agencyId !== null && agencies.includes(a.agencyId));
  if (matches.length === 0) {
    const where = policy.agencies.map((scope) => SCOPE_LABELS[scope]).join(' hoặc ');
    return refuse('FORBIDDEN', `Bạn không thuộc ${where} của hồ sơ này nên không được ${label}.`);
  }
  return { ok: true, matches, onBehalf: policy.actor === 'applicant_or_desk' };
}

function resolveRoles(s: DossierSnapshot, roles: ActionPolicy['roles']): Role[] {
  const step = currentStep(s);
  const out = roles.flatMap((r): Role[] => (r === 'step' ? (step ? [step.actorRole] : []) : [r]));
  return [...new Set(out)];
}

export function scopeAgency(s: DossierSnapshot, scope: AgencyScope): string {
  if (scope === 'receiving') return s.receivingAgencyId;
  if (scope === 'competent') return s.competentAgencyId;
  return holdingAgencyId(s);
}

/** Rules that depend on who acts or on the time. Returns a message, or the assignment to act under. */
function actorRule(
  s: DossierSnapshot,
  type: ActionType,
  actor: Actor,
  matches: RoleAssignment[],
  now: Date,
  cal: WorkingCalendar,
): string | RoleAssignment | undefined {
  switch (type) {
    case 'submit':
      if (actor.kind === 'applicant' && s.channel !== 'online')
        return `Hồ sơ nộp ${CHANNEL_LABELS[s.channel]} do cán bộ một cửa ghi nhận vào hệ thống.`;
      if (actor.kind === 'officer' && s.channel === 'online')
        return 'Hồ sơ trực tuyến do người nộp tự nộp trên Cổng Dịch vụ công.';
      return undefined;
    case 'request_supplement': {
      if (s.supplementCount === 0) return undefined;
      const head = matches.find((a) => a.role === 'head_of_office');
      return head ?? SECOND_SUPPLEMENT_MESSAGE;
    }
    case 'apologise': {
      if (s.apology)
        return 'Chỉ được hẹn lại ngày trả kết quả một lần (NĐ 61/2018 Điều 19(9)); hồ sơ đã có văn bản xin lỗi.';
      if (!s.dueAt || cal.workingDaysBetween(now, toDate(s.dueAt)) < 1)
        return 'Văn bản xin lỗi, hẹn lại ngày trả kết quả phải gửi chậm nhất 01 ngày làm việc trước ngày hẹn trả (NĐ 61/2018 Điều 19(9)).';
      return undefined;
    }
    default:
      return undefined;
  }
}

export const SECOND_SUPPLEMENT_MESSAGE =
  'Mỗi hồ sơ chỉ được yêu cầu bổ sung, hoàn thiện một lần (NĐ 61/2018 Điều 15(3), Điều 19(4)). ' +
  'Yêu cầu lần thứ hai chỉ được thực hiện như một ngoại lệ do Trưởng phòng phê duyệt, ghi rõ căn cứ pháp lý; ' +
  'chỉ số Quyết định 766 tính hồ sơ này là trễ hạn.';

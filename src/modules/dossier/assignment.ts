import type { Principal } from '../auth/permissions.ts';
import { ROLE_LABELS } from './lifecycle/labels.ts';
import type { queueHolder } from './queue-holder.ts';

/**
 * Work queues per officer: who may claim a dossier waiting in their agency's queue, release it, or assign it to
 * a colleague. Pure rules; the caller checks in the database that an assignee other than the actor is an active
 * officer holding the holding role in the holding agency.
 *
 * - The dossier must be held by an agency and role (`queueHolder`), otherwise nobody works on it.
 * - An officer holding that role in that agency may claim it (when nobody else has) and release their own claim.
 * - A manager of the holding agency — its `head_of_office`, or for desk-held dossiers any `desk_officer` of it —
 *   may assign it to any officer holding the role there, take it back from anyone, or claim it from a colleague.
 */
export type Holder = ReturnType<typeof queueHolder>;

export type AssignmentKind = 'claim' | 'release' | 'assign';

export type AssignmentDecision =
  | { ok: true; kind: AssignmentKind; actingRole: Principal['roles'][number]['role'] }
  | { ok: false; code: 'FORBIDDEN' | 'ILLEGAL_STATE' | 'RULE'; message: string };

export interface AssignmentInput {
  holder: Holder;
  /** Who works on the dossier now. */
  assigneeUserId: string | null;
  principal: Pick<Principal, 'userId' | 'roles'>;
  /** The new assignee; null to put the dossier back in the queue. */
  targetUserId: string | null;
}

function standing(holder: NonNullable<Holder>, principal: AssignmentInput['principal']) {
  const inAgency = principal.roles.filter((r) => r.agencyId === holder.agencyId);
  const holdsRole = inAgency.some((r) => r.role === holder.role);
  const managerRole = inAgency.find(
    (r) => r.role === 'head_of_office' || (holder.role === 'desk_officer' && r.role === 'desk_officer'),
  )?.role;
  return { holdsRole, managerRole };
}

const roleLabel = (role: string) => ROLE_LABELS[role as keyof typeof ROLE_LABELS]?.toLowerCase() ?? role;

export function decideAssignment({
  holder,
  assigneeUserId,
  principal,
  targetUserId,
}: AssignmentInput): AssignmentDecision {
  if (!holder) {
    return {
      ok: false,
      code: 'ILLEGAL_STATE',
      message: 'Hồ sơ không nằm trong hàng chờ của cơ quan nào nên không thể nhận hoặc phân công xử lý.',
    };
  }
  const { holdsRole, managerRole } = standing(holder, principal);
  const me = principal.userId;
  if (targetUserId === null) {
    if (!assigneeUserId) {
      return { ok: false, code: 'RULE', message: 'Hồ sơ chưa được giao cho cán bộ nào.' };
    }
    if (assigneeUserId === me && holdsRole) return { ok: true, kind: 'release', actingRole: holder.role };
    if (managerRole) return { ok: true, kind: 'release', actingRole: managerRole };
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: 'Bạn chỉ có thể trả lại hàng chờ hồ sơ do chính mình đang xử lý.',
    };
  }
  if (targetUserId === assigneeUserId) {
    return {
      ok: false,
      code: 'RULE',
      message: targetUserId === me ? 'Bạn đang xử lý hồ sơ này.' : 'Hồ sơ đã được giao cho cán bộ này xử lý.',
    };
  }
  if (targetUserId === me) {
    if (!holdsRole) {
      return {
        ok: false,
        code: 'FORBIDDEN',
        message: `Chỉ ${roleLabel(holder.role)} của cơ quan đang giữ hồ sơ mới được nhận xử lý hồ sơ này.`,
      };
    }
    if (assigneeUserId && !managerRole) {
      return {
        ok: false,
        code: 'FORBIDDEN',
        message: 'Hồ sơ đang do cán bộ khác xử lý; vui lòng đề nghị người phân công giao lại.',
      };
    }
    return { ok: true, kind: 'claim', actingRole: holder.role };
  }
  if (!managerRole) {
    return {
      ok: false,
      code: 'FORBIDDEN',
      message:
        holder.role === 'desk_officer'
          ? 'Chỉ trưởng phòng hoặc cán bộ một cửa của cơ quan đang giữ hồ sơ mới được phân công xử lý.'
          : 'Chỉ trưởng phòng của cơ quan đang giữ hồ sơ mới được phân công xử lý.',
    };
  }
  return { ok: true, kind: 'assign', actingRole: managerRole };
}

/** What the dossier page offers the current user. */
export function assignmentPermissions(
  holder: Holder,
  assigneeUserId: string | null,
  principal: AssignmentInput['principal'],
): { canClaim: boolean; canAssign: boolean } {
  if (!holder) return { canClaim: false, canAssign: false };
  const { holdsRole, managerRole } = standing(holder, principal);
  return {
    canClaim: holdsRole && assigneeUserId !== principal.userId && (!assigneeUserId || Boolean(managerRole)),
    canAssign: Boolean(managerRole),
  };
}

/** The history label of an `assign` event, from its data. */
export function assignmentLabel(actorUserId: string | null, data: Record<string, unknown> | null): string {
  const assignee = data?.assigneeUserId ?? null;
  if (assignee === null) return 'Trả lại hàng chờ';
  return assignee === actorUserId ? 'Nhận xử lý' : 'Phân công xử lý';
}

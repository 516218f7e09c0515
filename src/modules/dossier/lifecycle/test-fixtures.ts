// Test helpers (imported by the *.test.ts files only): agencies, actors, dossiers walked to each state.
import type { Role } from '../../auth/schema.ts';
import { WorkingCalendar } from '../../calendar/index.ts';
import type { ProcessStep } from '../../catalog/procedure.types.ts';
import type { ActionType, Actor, DossierAction } from './actions.ts';
import type { DossierEventDraft } from './event.ts';
import type { RuleProfileId } from './profiles.ts';
import { currentStep, type DossierSnapshot, type NewDossierInput, newDossier } from './snapshot.ts';
import type { DossierState } from './states.ts';
import { vnDate } from './time.ts';
import { transition } from './transition.ts';

export const cal = new WorkingCalendar(); // with the 2025–2026 official schedules

/** Instant from a Vietnam wall-clock time 'YYYY-MM-DDTHH:MM'. */
export const vn = (local: string): Date => new Date(`${local}:00+07:00`);
/** Vietnam wall-clock time of an instant. */
export const wall = (at: Date | string | null | undefined): string =>
  at ? new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString().slice(0, 16) : String(at);

/** The ward's one-stop desk (receiving), the ward people's committee (competent), a city office, a stranger. */
export const DESK = 'agency-ward-desk';
export const WARD = 'agency-ward';
export const CITY = 'agency-city-office';
export const OTHER = 'agency-other';
export const APPLICANT = 'user-applicant';

export const applicant: Actor = { kind: 'applicant', userId: APPLICANT };
export const stranger: Actor = { kind: 'applicant', userId: 'user-stranger' };
export const officer = (role: Role, agencyId: string | null): Actor => ({
  kind: 'officer',
  userId: `u-${role}-${agencyId ?? 'all'}`,
  roles: [{ role, agencyId }],
});
export const desk = officer('desk_officer', DESK);
/** Every role at every agency: refusals to it are about state or rules, never about the actor. */
export const everyone: Actor = {
  kind: 'officer',
  userId: 'u-everyone',
  roles: (['desk_officer', 'specialist', 'head_of_office', 'signing_leader', 'clerk'] as const).flatMap(
    (role) => [DESK, WARD, CITY].map((agencyId) => ({ role, agencyId })),
  ),
};

/** The shape of the catalog's default process: intake, appraisal, review, signature, issue. */
export const PROCESS: ProcessStep[] = [
  {
    name: 'Tiếp nhận hồ sơ',
    actorRole: 'desk_officer',
    agencyRole: 'receiving',
    durationValue: 2,
    durationUnit: 'working_hours',
  },
  {
    name: 'Thẩm định, xử lý hồ sơ',
    actorRole: 'specialist',
    agencyRole: 'competent',
    durationValue: 2,
    durationUnit: 'working_days',
  },
  {
    name: 'Xem xét, trình ký',
    actorRole: 'head_of_office',
    agencyRole: 'competent',
    durationValue: 4,
    durationUnit: 'working_hours',
  },
  {
    name: 'Ký duyệt',
    actorRole: 'signing_leader',
    agencyRole: 'competent',
    durationValue: 4,
    durationUnit: 'working_hours',
  },
  {
    name: 'Phát hành kết quả',
    actorRole: 'clerk',
    agencyRole: 'competent',
    durationValue: 2,
    durationUnit: 'working_hours',
  },
];

/** A Monday of each profile with no holiday in the following weeks. */
export const BASE_DAY: Record<RuleProfileId, string> = {
  'nd61-2018': '2025-03-10',
  'nd118-2025': '2026-03-09',
};

export function draft(createdAt: Date, overrides: Partial<NewDossierInput> = {}): DossierSnapshot {
  return newDossier({
    id: 'dossier-1',
    procedureCode: '1.001612',
    applicantUserId: APPLICANT,
    channel: 'counter',
    receivingAgencyId: DESK,
    competentAgencyId: WARD,
    statutory: { value: 5, unit: 'working_days' },
    process: PROCESS,
    createdAt,
    ...overrides,
  });
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Applies an action that must succeed. */
export function act(s: DossierSnapshot, action: DossierAction, actor: Actor, at: Date): DossierSnapshot {
  return step(s, action, actor, at).snapshot;
}

export function step(
  s: DossierSnapshot,
  action: DossierAction,
  actor: Actor,
  at: Date,
): { snapshot: DossierSnapshot; event: DossierEventDraft } {
  const r = transition(deepFreeze(s), action, actor, at, cal);
  if (!r.ok) throw new Error(`${action.type} refused (${r.code}): ${r.message}`);
  return r;
}

/** The officer (or applicant) who is entitled to an action on this dossier. */
export function rightActor(type: ActionType, s: DossierSnapshot): Actor {
  const cur = currentStep(s);
  const holding = cur?.agencyId ?? s.competentAgencyId;
  switch (type) {
    case 'submit':
      return s.channel === 'online' ? applicant : desk;
    case 'supply_supplement':
    case 'withdraw':
      return applicant;
    case 'request_intake_supplement':
    case 'refuse':
    case 'receive':
    case 'return_result':
      return desk;
    case 'start_step':
    case 'complete_step':
    case 'transfer':
      return officer(cur?.actorRole ?? 'specialist', holding);
    case 'request_supplement':
      return officer(s.supplementCount > 0 ? 'head_of_office' : 'specialist', holding);
    case 'apologise':
      return officer('head_of_office', holding);
    case 'stop':
      return officer('head_of_office', s.competentAgencyId);
    case 'approve':
    case 'reject':
      return officer('signing_leader', holding);
    case 'issue_result':
      return officer('clerk', holding);
  }
}

/** A payload transition() accepts whenever the guards do. */
export function samplePayload(type: ActionType, s: DossierSnapshot): DossierAction {
  const holding = currentStep(s)?.agencyId ?? s.competentAgencyId;
  switch (type) {
    case 'submit':
    case 'start_step':
      return { type };
    case 'request_intake_supplement':
      return { type, reasons: ['Thiếu bản sao Căn cước công dân'], applicantAtFault: true };
    case 'supply_supplement':
      return { type, note: 'Đã bổ sung' };
    case 'refuse':
    case 'reject':
      return { type, reasons: ['Không đủ điều kiện theo quy định'] };
    case 'receive':
      return { type, dossierCode: '000.17.22.H56-260309-0001' };
    case 'complete_step':
      return { type, comment: 'Đã xử lý' };
    case 'transfer':
      return {
        type,
        toAgencyId: holding === CITY ? OTHER : CITY,
        stepName: 'Xác minh, cho ý kiến',
        actorRole: 'specialist',
        budgetHours: 8,
        comment: 'Đề nghị cho ý kiến',
      };
    case 'request_supplement':
      return { type, reasons: ['Bổ sung giấy xác nhận'], exception: { legalBasis: 'Luật chuyên ngành' } };
    case 'apologise':
      return {
        type,
        reason: 'Cần xác minh thêm',
        newDueDate: vnDate(cal.addWorkingDays(new Date(s.dueAt ?? 0), 2)),
      };
    case 'stop':
      return { type, reason: 'Người nộp đề nghị dừng giải quyết' };
    case 'approve':
      return { type, comment: 'Đồng ý' };
    case 'issue_result':
      return { type, resultFileId: 'file-result-1' };
    case 'return_result':
      return { type, channel: 'counter' };
    case 'withdraw':
      return { type, reason: 'Không còn nhu cầu' };
  }
}

/** Which snapshot variant an action needs in a state: the decision actions need the signing step. */
export type Variant = 'default' | 'decision';

const RECEIVED: ActionType[] = ['submit', 'receive'];
const AT_APPRAISAL: ActionType[] = [...RECEIVED, 'complete_step'];
const AT_SIGNATURE: ActionType[] = [...AT_APPRAISAL, 'complete_step', 'complete_step'];
const DECIDED: ActionType[] = [...AT_SIGNATURE, 'approve'];

/** The actions that lead from a draft to each state. */
export const PATHS: Record<DossierState, ActionType[]> = {
  draft: [],
  submitted: ['submit'],
  intake_supplement_requested: ['submit', 'request_intake_supplement'],
  refused: ['submit', 'refuse'],
  withdrawn: ['submit', 'withdraw'],
  received: RECEIVED,
  in_progress: AT_APPRAISAL,
  supplement_requested: [...AT_APPRAISAL, 'request_supplement'],
  stopped: [...AT_APPRAISAL, 'stop'],
  decided: DECIDED,
  result_issued: [...DECIDED, 'issue_result'],
  returned: [...DECIDED, 'issue_result', 'return_result'],
};

/** A dossier of the given profile walked through the machine to a state. Times: the base day, 10-minute ticks. */
export function walkTo(
  state: DossierState,
  profile: RuleProfileId,
  variant: Variant = 'default',
): DossierSnapshot {
  const start = vn(`${BASE_DAY[profile]}T08:00`).getTime();
  const path = state === 'in_progress' && variant === 'decision' ? AT_SIGNATURE : PATHS[state];
  let s = draft(new Date(start));
  path.forEach((type, i) => {
    s = act(s, samplePayload(type, s), rightActor(type, s), new Date(start + 10 * 60_000 * (i + 1)));
  });
  return s;
}

/** The variant an action needs to succeed from a state. */
export const variantFor = (type: ActionType): Variant =>
  type === 'approve' || type === 'reject' ? 'decision' : 'default';

// The simulated people around a dossier: given its snapshot, who does what next and when. Every proposal is an
// ordinary lifecycle action by an actor the policy allows; the driver runs it through `transition`.
import type { Role } from '../modules/auth/schema.ts';
import type { Actor, DossierAction } from '../modules/dossier/lifecycle/actions.ts';
import { currentStep, type DossierStep } from '../modules/dossier/lifecycle/snapshot.ts';
import type { GenerationEnv, SimDossier } from './history-dossier.ts';
import { planStep } from './history-plan.ts';
import type { Rng } from './history-random.ts';
import {
  APOLOGY_REASONS,
  INTERLINKED_COMMENT,
  intakeRefusal,
  rejectionReasons,
  STEP_COMMENTS,
  STOP_REASONS,
  SUPPLY_NOTES,
  supplementReasons,
  WITHDRAWAL_REASONS,
} from './history-texts.ts';
import { later, vnDay } from './history-time.ts';

export interface Move {
  at: number;
  action: DossierAction;
  actor: Actor;
}

const DAY_HOURS = 8;

function officer(env: GenerationEnv, d: SimDossier, agencyId: string, role: Role, at: number): Actor {
  const speciality = role === 'specialist' ? d.speciality : undefined;
  return env.accounts.staff.actor(agencyId, role, vnDay(at), d.rng, speciality);
}

const desk = (env: GenerationEnv, d: SimDossier, at: number) =>
  officer(env, d, d.snapshot.receivingAgencyId, 'desk_officer', at);

/** The applicant online; at the counter or by post, the desk on their behalf. */
function applicantSide(env: GenerationEnv, d: SimDossier, at: number): Actor {
  return d.snapshot.channel === 'online'
    ? { kind: 'applicant', userId: d.snapshot.applicantUserId }
    : desk(env, d, at);
}

const move = (at: number, action: DossierAction, actor: Actor): Move => ({ at, action, actor });

/** Whether a demo-queue dossier has reached the queue it is meant to wait in. */
function waiting(d: SimDossier): boolean {
  const s = d.snapshot;
  switch (d.fate.hold) {
    case null:
      return false;
    case 'intake':
      return s.state === 'submitted';
    case 'supplement':
      return s.state === 'supplement_requested';
    case 'return':
      return s.state === 'result_issued';
    case 'clerk':
      return s.state === 'decided';
    default:
      return (
        (s.state === 'received' || s.state === 'in_progress') && currentStep(s)?.actorRole === d.fate.hold
      );
  }
}

export function nextMove(env: GenerationEnv, d: SimDossier, lastAt: number): Move | null {
  if (waiting(d)) return null;
  switch (d.snapshot.state) {
    case 'draft':
      return move(d.submitAt, { type: 'submit' }, applicantSide(env, d, d.submitAt));
    case 'submitted':
      return intakeCheck(env, d, lastAt);
    case 'intake_supplement_requested':
      return afterIntakeRequest(env, d, lastAt);
    case 'received':
    case 'in_progress':
      return stepMove(env, d, lastAt);
    case 'supplement_requested':
      return afterSupplementRequest(env, d, lastAt);
    case 'decided':
      return issue(env, d, lastAt);
    case 'result_issued':
      return giveBack(env, d, lastAt);
    default:
      return null;
  }
}

function intakeCheck(env: GenerationEnv, d: SimDossier, lastAt: number): Move {
  const { rng, fate, snapshot: s } = d;
  if (s.intakeSupplementCount > 0) {
    const at = s.channel === 'online' ? later(env.ctx.calendar, lastAt, rng.between(0.2, 4)) : lastAt;
    return move(at, { type: 'receive', dossierCode: '' }, desk(env, d, at));
  }
  const at = Math.max(d.checkAt, lastAt);
  const actor = desk(env, d, at);
  if (fate.intake === 'refuse')
    return move(at, { type: 'refuse', reasons: intakeRefusal(rng, false) }, actor);
  if (fate.intake === 'supplement') {
    const reasons = supplementReasons(rng, d.offer.procedure.group);
    return move(at, { type: 'request_intake_supplement', reasons, documents: reasons }, actor);
  }
  // The code is drawn by the driver, in time order, from the per-day counters.
  return move(at, { type: 'receive', dossierCode: '' }, actor);
}

function afterIntakeRequest(env: GenerationEnv, d: SimDossier, lastAt: number): Move {
  const { rng } = d;
  const cal = env.ctx.calendar;
  switch (d.fate.afterIntake) {
    case 'refuse': {
      const at = later(cal, lastAt, rng.int(10, 25) * DAY_HOURS);
      return move(at, { type: 'refuse', reasons: intakeRefusal(rng, true) }, desk(env, d, at));
    }
    case 'withdraw': {
      const at = later(cal, lastAt, rng.int(2, 10) * DAY_HOURS);
      return move(at, { type: 'withdraw', reason: rng.pick(WITHDRAWAL_REASONS) }, applicantSide(env, d, at));
    }
    default: {
      const at = later(cal, lastAt, rng.int(1, 6) * DAY_HOURS + rng.between(0, 6));
      return move(at, { type: 'supply_supplement', note: rng.pick(SUPPLY_NOTES) }, applicantSide(env, d, at));
    }
  }
}

function afterSupplementRequest(env: GenerationEnv, d: SimDossier, lastAt: number): Move {
  const { rng, snapshot: s } = d;
  const cal = env.ctx.calendar;
  if (d.fate.supplement !== 'abandoned') {
    const at = later(cal, lastAt, rng.int(1, 7) * DAY_HOURS + rng.between(0, 6));
    return move(at, { type: 'supply_supplement', note: rng.pick(SUPPLY_NOTES) }, applicantSide(env, d, at));
  }
  const at = later(cal, lastAt, rng.int(15, 30) * DAY_HOURS + rng.between(0, 6));
  if (s.ruleProfile === 'nd118-2025') {
    const actor = officer(env, d, s.competentAgencyId, 'head_of_office', at);
    const action = {
      type: 'stop',
      reason: STOP_REASONS[0] ?? '',
      legalBasis: 'Nghị định số 118/2025/NĐ-CP',
    } as const;
    return move(at, action, actor);
  }
  // Decree 61 has no stop: the applicant who cannot supply withdraws (lifecycle README, "Known gap").
  return move(at, { type: 'withdraw', reason: WITHDRAWAL_REASONS[2] }, applicantSide(env, d, at));
}

/** Work at the current step: pick-up, a supplement request, an apology, an early exit, or the step's end. */
function stepMove(env: GenerationEnv, d: SimDossier, lastAt: number): Move {
  const s = d.snapshot;
  const step = currentStep(s);
  if (!step) {
    // A process without a signing step: the competent agency's leader decides after the last step.
    const at = later(env.ctx.calendar, lastAt, 1);
    return move(at, { type: 'approve' }, officer(env, d, s.competentAgencyId, 'signing_leader', at));
  }
  const plan = planStep(env, d, step, lastAt);
  const options: (Move | null)[] = [
    plan.startAt !== null && !step.acceptedAt
      ? move(
          plan.startAt,
          { type: 'start_step' },
          officer(env, d, step.agencyId, step.actorRole, plan.startAt),
        )
      : null,
    plan.supplementAt !== null && s.supplementCount === 0
      ? supplementRequest(env, d, step, plan.supplementAt)
      : null,
    plan.apology && !s.apology ? apology(env, d, plan.apology) : null,
    plan.exitAt !== null ? exit(env, d, plan.exitAt) : null,
  ];
  const early = options.filter((m): m is Move => m !== null && m.at < plan.endsAt);
  const first = early.sort((a, b) => a.at - b.at)[0];
  if (first) return first;
  if (plan.culprit) d.hurry = true;
  return endOfStep(env, d, step, plan.endsAt);
}

function supplementRequest(env: GenerationEnv, d: SimDossier, step: DossierStep, at: number): Move {
  const reasons = supplementReasons(d.rng, d.offer.procedure.group);
  return move(
    at,
    { type: 'request_supplement', reasons, documents: reasons },
    officer(env, d, step.agencyId, 'specialist', at),
  );
}

function apology(env: GenerationEnv, d: SimDossier, plan: { at: number; date: string }): Move {
  const role = d.rng.chance(0.7) ? 'head_of_office' : 'signing_leader';
  const reason = d.rng.pick(APOLOGY_REASONS);
  return move(
    plan.at,
    { type: 'apologise', reason, newDueDate: plan.date },
    officer(env, d, d.snapshot.competentAgencyId, role, plan.at),
  );
}

/** A withdrawal, or under Decree 118 a stop, while the dossier is being appraised. */
function exit(env: GenerationEnv, d: SimDossier, at: number): Move | null {
  const s = d.snapshot;
  if (d.fate.withdraw)
    return move(at, { type: 'withdraw', reason: d.rng.pick(WITHDRAWAL_REASONS) }, applicantSide(env, d, at));
  if (!d.fate.stop || s.ruleProfile !== 'nd118-2025') return null;
  const reason = d.rng.pick(STOP_REASONS.slice(1));
  return move(
    at,
    { type: 'stop', reason, legalBasis: 'Nghị định số 118/2025/NĐ-CP' },
    officer(env, d, s.competentAgencyId, 'head_of_office', at),
  );
}

function endOfStep(env: GenerationEnv, d: SimDossier, step: DossierStep, at: number): Move {
  const { rng, snapshot: s, fate } = d;
  const actor = officer(env, d, step.agencyId, step.actorRole, at);
  if (step.decisive) {
    if (fate.reject)
      return move(at, { type: 'reject', reasons: rejectionReasons(d.offer.procedure.group) }, actor);
    return move(at, { type: 'approve', comment: 'Đồng ý.', ...decisionNo(rng, d) }, actor);
  }
  const target = d.point.transferTarget(d.offer.procedure.field);
  const appraisal = step.actorRole === 'specialist' && !step.interlinked;
  if (fate.transfer && appraisal && target && !s.steps.some((x) => x.interlinked)) {
    const office = env.ctx.agencies.get(target);
    const action = {
      type: 'transfer',
      toAgencyId: target,
      stepName: 'Thẩm tra, cho ý kiến chuyên môn (liên thông)',
      actorRole: 'specialist',
      budgetHours: Math.max(4, Math.round(step.budgetHours * 0.4)),
      comment: `Chuyển ${office?.name ?? 'cơ quan phối hợp'} thẩm tra, cho ý kiến theo quy chế phối hợp.`,
    } as const;
    return move(at, action, actor);
  }
  const comment = step.interlinked
    ? INTERLINKED_COMMENT
    : rng.pick(STEP_COMMENTS[step.actorRole] ?? ['Đã xử lý.']);
  return move(at, { type: 'complete_step', comment }, actor);
}

function decisionNo(rng: Rng, d: SimDossier): { decisionNo?: string } {
  const group = d.offer.procedure.group;
  if (group !== 'land' && group !== 'business') return {};
  return { decisionNo: `${rng.int(12, 980)}/QĐ-UBND` };
}

function issue(env: GenerationEnv, d: SimDossier, lastAt: number): Move {
  const s = d.snapshot;
  const step = currentStep(s);
  const hours =
    d.hurry || d.fate.hold
      ? d.rng.between(0.05, 0.5)
      : d.rng.between(0.1, Math.min(4, step?.budgetHours ?? 2));
  const at = later(env.ctx.calendar, lastAt, hours);
  // History results have no stored file: the id names the dossier's result and resolves to nothing.
  const action = { type: 'issue_result', resultFileId: `lich-su-${s.id}` } as const;
  return move(at, action, officer(env, d, step?.agencyId ?? s.competentAgencyId, 'clerk', at));
}

/** The result goes back by the dossier's channel; walk-in applicants come for it within days. */
function giveBack(env: GenerationEnv, d: SimDossier, lastAt: number): Move {
  const { rng, snapshot: s } = d;
  const cal = env.ctx.calendar;
  let channel = s.channel;
  let hours: number;
  if (channel === 'online') {
    channel = rng.weighted({ online: 0.75, post: 0.12, counter: 0.13 });
    hours = channel === 'counter' ? rng.between(2, 24) : rng.between(0.05, 2);
  } else if (channel === 'post') hours = rng.between(0.2, 6);
  else {
    const when = rng.weighted({ soon: 0.55, days: 0.37, late: 0.08 });
    hours =
      when === 'soon' ? rng.between(0.3, 8) : when === 'days' ? rng.between(8, 40) : rng.between(40, 120);
  }
  const at = later(cal, lastAt, hours);
  return move(at, { type: 'return_result', channel }, desk(env, d, at));
}

// Effects of the intake actions and of the applicant's actions: they mutate a private copy of the snapshot.
import type { ActionOf } from './actions.ts';
import { assignStep, paperTransferDeadline, resumeClocks, statutoryDue } from './clock.ts';
import type { Effect, EffectContext } from './event.ts';
import { ruleProfileAt } from './profiles.ts';
import type { DossierSnapshot } from './snapshot.ts';
import { iso } from './time.ts';
import { cleanList } from './validate.ts';

export function submit(s: DossierSnapshot, ctx: EffectContext): Effect {
  s.state = 'submitted';
  s.submittedAt = ctx.at;
  // Provisional until receipt, which pins the profile for good.
  s.ruleProfile = ruleProfileAt(ctx.now).id;
  return { data: { ruleProfile: s.ruleProfile } };
}

export function requestIntakeSupplement(
  s: DossierSnapshot,
  a: ActionOf<'request_intake_supplement'>,
  ctx: EffectContext,
): Effect {
  s.state = 'intake_supplement_requested';
  s.intakeSupplementCount += 1;
  const record = {
    stage: 'intake' as const,
    number: s.intakeSupplementCount,
    requestedAt: ctx.at,
    requestedBy: ctx.userId,
    reasons: cleanList(a.reasons),
    documents: cleanList(a.documents),
    exceptionLegalBasis: null,
    afterWindow: false,
    applicantAtFault: s.intakeSupplementCount > 1,
    suppliedAt: null,
  };
  s.supplements.push(record);
  const { stage, number, exceptionLegalBasis, afterWindow, applicantAtFault, documents } = record;
  return {
    reasons: record.reasons,
    form: 'supplement_request',
    data: { supplement: { stage, number, exceptionLegalBasis, afterWindow, applicantAtFault, documents } },
  };
}

/** Intake: back to the desk's check. Processing: resume the step, with the clocks per policy. */
export function supplySupplement(
  s: DossierSnapshot,
  a: ActionOf<'supply_supplement'>,
  ctx: EffectContext,
): Effect {
  const open = s.supplements.findLast((r) => r.suppliedAt === null);
  if (open) open.suppliedAt = ctx.at;
  const comment = a.note?.trim() || null;
  if (s.state === 'intake_supplement_requested') {
    s.state = 'submitted';
    return { comment };
  }
  const { previousDueAt, waitedHours } = resumeClocks(s, ctx.now, ctx.cal);
  s.state = 'in_progress';
  return { comment, data: { previousDueAt, dueAt: s.dueAt, indexDueAt: s.clocks.index.dueAt, waitedHours } };
}

export function refuseIntake(s: DossierSnapshot, a: ActionOf<'refuse'>, ctx: EffectContext): Effect {
  s.state = 'refused';
  const reasons = cleanList(a.reasons);
  s.refusal = { at: ctx.at, by: ctx.userId, reasons };
  return { reasons, form: 'refusal' };
}

/** Receipt (Mẫu 01): pins the profile, fixes the legal due date, starts both clocks and the first step. */
export function receive(s: DossierSnapshot, a: ActionOf<'receive'>, ctx: EffectContext): Effect {
  const { now, cal } = ctx;
  s.state = 'received';
  s.ruleProfile = ruleProfileAt(now).id;
  s.code = a.dossierCode.trim();
  s.receivedAt = ctx.at;
  const due = iso(statutoryDue(now, s.statutory, cal));
  s.dueAt = due;
  s.clocks.legal = { ...s.clocks.legal, periodStartedAt: ctx.at, originalDueAt: due };
  s.clocks.index = { ...s.clocks.index, appointmentAt: due, dueAt: due };
  const first = s.steps[0];
  // A paper dossier must leave the desk the same working day (next morning after 15:00): cap the desk's step.
  const paperAtDesk =
    s.channel !== 'online' && first?.agencyId === s.receivingAgencyId && first.actorRole === 'desk_officer';
  assignStep(s, 0, now, cal, paperAtDesk ? paperTransferDeadline(now, cal) : undefined);
  return {
    form: 'receipt',
    data: {
      ruleProfile: s.ruleProfile,
      dossierCode: s.code,
      dueAt: due,
      stepIndex: 0,
      stepName: first?.name,
    },
  };
}

export function withdraw(s: DossierSnapshot, a: ActionOf<'withdraw'>, ctx: EffectContext): Effect {
  s.state = 'withdrawn';
  const reason = a.reason?.trim() || null;
  s.withdrawal = { at: ctx.at, reason, byApplicant: ctx.byApplicant };
  return { reasons: reason ? [reason] : [] };
}

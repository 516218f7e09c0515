// Effects of the processing actions: steps, hand-overs, interlinked transfers, supplements, apology, stop.
import type { ActionOf } from './actions.ts';
import { assignStep, pauseClocks } from './clock.ts';
import type { Effect, EffectContext, HandOver } from './event.ts';
import { currentStep, type DossierSnapshot, type DossierStep } from './snapshot.ts';
import { iso } from './time.ts';
import { apologyDueAt, cleanList } from './validate.ts';

/** Completes the current step (picking it up if nobody did) and returns it. */
export function finishStep(s: DossierSnapshot, ctx: EffectContext): DossierStep | undefined {
  const step = currentStep(s);
  if (step) {
    step.acceptedAt ??= ctx.at;
    step.completedAt = ctx.at;
    step.completedBy = ctx.userId;
  }
  return step;
}

/** Makes step `index` current (or none past the end) and describes the hand-over for the control sheet. */
export function handOver(
  s: DossierSnapshot,
  from: DossierStep | undefined,
  index: number,
  ctx: EffectContext,
): HandOver | undefined {
  const to = s.steps[index];
  if (!to) {
    s.currentStepIndex = null;
    return undefined;
  }
  assignStep(s, index, ctx.now, ctx.cal);
  return {
    fromAgencyId: from?.agencyId ?? s.competentAgencyId,
    toAgencyId: to.agencyId,
    fromStepIndex: from?.index ?? null,
    toStepIndex: index,
    toStepName: to.name,
    interlinked: to.interlinked,
  };
}

export function startStep(s: DossierSnapshot, ctx: EffectContext): Effect {
  const step = currentStep(s);
  if (step) step.acceptedAt = ctx.at;
  s.state = 'in_progress';
  return { data: { stepIndex: step?.index, stepName: step?.name } };
}

export function completeStep(s: DossierSnapshot, a: ActionOf<'complete_step'>, ctx: EffectContext): Effect {
  const done = finishStep(s, ctx);
  const moved = handOver(s, done, (done?.index ?? -1) + 1, ctx);
  s.state = 'in_progress';
  return {
    comment: a.comment.trim() || null,
    form: moved ? 'control_sheet' : undefined,
    data: { stepIndex: done?.index, stepName: done?.name, handOver: moved },
  };
}

/** Interlinked processing: a new step at another agency right after the current one. */
export function transfer(s: DossierSnapshot, a: ActionOf<'transfer'>, ctx: EffectContext): Effect {
  const done = finishStep(s, ctx);
  const at = (done?.index ?? -1) + 1;
  s.steps.splice(at, 0, {
    index: at,
    name: a.stepName.trim(),
    actorRole: a.actorRole,
    agencyId: a.toAgencyId,
    budgetHours: a.budgetHours,
    interlinked: true,
    decisive: false,
    startedAt: null,
    acceptedAt: null,
    completedAt: null,
    completedBy: null,
    dueAt: null,
    excludedHours: 0,
  });
  s.steps.forEach((step, i) => {
    step.index = i;
  });
  const moved = handOver(s, done, at, ctx);
  s.state = 'in_progress';
  return {
    comment: a.comment.trim() || null,
    form: 'control_sheet',
    data: { stepIndex: done?.index, stepName: done?.name, handOver: moved },
  };
}

export function requestSupplement(
  s: DossierSnapshot,
  a: ActionOf<'request_supplement'>,
  ctx: EffectContext,
): Effect {
  const { now, cal } = ctx;
  s.supplementCount += 1;
  const exceptionLegalBasis = s.supplementCount > 1 ? (a.exception?.legalBasis.trim() ?? null) : null;
  // Decree 61 art. 19(4): due within the window after receipt; a late request is allowed but recorded.
  const afterWindow =
    s.supplementWindowDays !== null &&
    s.receivedAt !== null &&
    cal.workingDaysBetween(cal.effectiveReceiptDate(new Date(s.receivedAt)), now) > s.supplementWindowDays;
  const record = {
    stage: 'processing' as const,
    number: s.supplementCount,
    requestedAt: ctx.at,
    requestedBy: ctx.userId,
    reasons: cleanList(a.reasons),
    documents: cleanList(a.documents),
    exceptionLegalBasis,
    afterWindow,
    applicantAtFault: false,
    suppliedAt: null,
  };
  s.supplements.push(record);
  pauseClocks(s, now);
  s.state = 'supplement_requested';
  const { stage, number, applicantAtFault, documents } = record;
  return {
    reasons: record.reasons,
    form: 'supplement_request',
    data: { supplement: { stage, number, exceptionLegalBasis, afterWindow, applicantAtFault, documents } },
  };
}

/** Mẫu 04: the new due date replaces the legal one (once); the index clock keeps the original appointment. */
export function apologise(s: DossierSnapshot, a: ActionOf<'apologise'>, ctx: EffectContext): Effect {
  const previousDueAt = s.dueAt ?? ctx.at;
  const newDueAt = iso(apologyDueAt(a.newDueDate, ctx.cal));
  s.apology = { at: ctx.at, by: ctx.userId, reason: a.reason.trim(), previousDueAt, newDueAt };
  s.dueAt = newDueAt;
  return { reasons: [a.reason.trim()], form: 'apology', data: { previousDueAt, dueAt: newDueAt } };
}

export function stop(s: DossierSnapshot, a: ActionOf<'stop'>, ctx: EffectContext): Effect {
  const legalBasis = a.legalBasis?.trim() || null;
  s.stop = { at: ctx.at, by: ctx.userId, reason: a.reason.trim(), legalBasis };
  s.state = 'stopped';
  return { reasons: [a.reason.trim()], form: 'stop_notice', data: { legalBasis } };
}

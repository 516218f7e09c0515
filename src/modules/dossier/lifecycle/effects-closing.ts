// Effects of the decision and of the result: approve/reject, issue, return.
import type { ActionOf } from './actions.ts';
import { finishStep, handOver } from './effects-processing.ts';
import type { Effect, EffectContext } from './event.ts';
import type { DossierSnapshot } from './snapshot.ts';
import { iso } from './time.ts';
import { cleanList } from './validate.ts';

/** The decision completes the decisive (signing) step and hands the dossier to the step after it, if any. */
export function decide(
  s: DossierSnapshot,
  a: ActionOf<'approve'> | ActionOf<'reject'>,
  ctx: EffectContext,
): Effect {
  const done = finishStep(s, ctx);
  const moved = done ? handOver(s, done, done.index + 1, ctx) : undefined;
  const reasons = a.type === 'reject' ? cleanList(a.reasons) : [];
  const comment = a.comment?.trim() || null;
  const decisionNo = a.type === 'approve' ? a.decisionNo?.trim() || null : null;
  const outcome = a.type === 'approve' ? 'approved' : 'rejected';
  s.decision = { outcome, at: ctx.at, by: ctx.userId, reasons, comment, decisionNo };
  s.state = 'decided';
  return {
    reasons,
    comment,
    form: moved ? 'control_sheet' : undefined,
    data: { decision: outcome, decisionNo, stepIndex: done?.index, stepName: done?.name, handOver: moved },
  };
}

/**
 * The result is ready: the remaining steps close now. Waiting for the applicant to collect it is nobody's
 * processing time (the index also ends processing at "Đã xử lý xong", rules-2.md §1.3).
 */
export function issueResult(s: DossierSnapshot, a: ActionOf<'issue_result'>, ctx: EffectContext): Effect {
  const from = s.currentStepIndex;
  if (from !== null) {
    for (const step of s.steps.slice(from)) {
      step.startedAt ??= ctx.at;
      step.dueAt ??= iso(ctx.cal.addWorkingHours(ctx.now, step.budgetHours));
      step.acceptedAt ??= ctx.at;
      step.completedAt = ctx.at;
      step.completedBy = ctx.userId;
    }
  }
  s.currentStepIndex = null;
  s.result = { fileId: a.resultFileId.trim(), issuedAt: ctx.at, issuedBy: ctx.userId };
  s.state = 'result_issued';
  return { data: { resultFileId: s.result.fileId } };
}

export function returnResult(s: DossierSnapshot, a: ActionOf<'return_result'>, ctx: EffectContext): Effect {
  s.returnedAt = ctx.at;
  s.returnChannel = a.channel;
  s.state = 'returned';
  return { data: { channel: a.channel } };
}

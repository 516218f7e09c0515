// The lifecycle state machine: one pure function from (snapshot, action, actor, time) to a new snapshot and
// the event to append, or a refusal with a Vietnamese message. The input snapshot is never modified.
import type { WorkingCalendar } from '../../calendar/index.ts';
import type { Actor, DossierAction } from './actions.ts';
import { decide, issueResult, returnResult } from './effects-closing.ts';
import {
  receive,
  refuseIntake,
  requestIntakeSupplement,
  submit,
  supplySupplement,
  withdraw,
} from './effects-intake.ts';
import {
  apologise,
  completeStep,
  requestSupplement,
  startStep,
  stop,
  transfer,
} from './effects-processing.ts';
import type { DossierEventDraft, Effect, EffectContext } from './event.ts';
import { checkAction, type Refusal, refuse } from './guards.ts';
import { getRuleProfile } from './profiles.ts';
import type { DossierSnapshot } from './snapshot.ts';
import { iso } from './time.ts';
import { validatePayload } from './validate.ts';

export type TransitionResult = { ok: true; snapshot: DossierSnapshot; event: DossierEventDraft } | Refusal;

export function transition(
  snapshot: DossierSnapshot,
  action: DossierAction,
  actor: Actor,
  now: Date,
  calendar: WorkingCalendar,
): TransitionResult {
  if (Number.isNaN(now.getTime())) throw new RangeError('Invalid Date');
  const permit = checkAction(snapshot, action.type, actor, now, calendar);
  if (!permit.ok) return permit;
  const invalid = validatePayload(snapshot, action, calendar);
  if (invalid) return refuse('RULE', invalid);

  const next = structuredClone(snapshot);
  const ctx: EffectContext = {
    now,
    at: iso(now),
    cal: calendar,
    userId: actor.userId,
    byApplicant: actor.kind === 'applicant',
  };
  const effect = apply(next, action, ctx);
  next.version = snapshot.version + 1;
  const profile = getRuleProfile(next.ruleProfile);
  const event: DossierEventDraft = {
    dossierId: snapshot.id,
    version: next.version,
    action: action.type,
    fromState: snapshot.state,
    toState: next.state,
    at: ctx.at,
    actor: {
      kind: actor.kind,
      userId: actor.userId,
      role: permit.assignment?.role ?? null,
      agencyId: permit.assignment?.agencyId ?? null,
      onBehalfOfApplicant: permit.onBehalf && actor.kind === 'officer',
    },
    reasons: effect.reasons ?? [],
    comment: effect.comment ?? null,
    form: (effect.form && profile.forms[effect.form]) ?? null,
    data: effect.data ?? {},
  };
  return { ok: true, snapshot: next, event };
}

function apply(s: DossierSnapshot, a: DossierAction, ctx: EffectContext): Effect {
  switch (a.type) {
    case 'submit':
      return submit(s, ctx);
    case 'request_intake_supplement':
      return requestIntakeSupplement(s, a, ctx);
    case 'supply_supplement':
      return supplySupplement(s, a, ctx);
    case 'refuse':
      return refuseIntake(s, a, ctx);
    case 'receive':
      return receive(s, a, ctx);
    case 'start_step':
      return startStep(s, ctx);
    case 'complete_step':
      return completeStep(s, a, ctx);
    case 'transfer':
      return transfer(s, a, ctx);
    case 'request_supplement':
      return requestSupplement(s, a, ctx);
    case 'apologise':
      return apologise(s, a, ctx);
    case 'stop':
      return stop(s, a, ctx);
    case 'approve':
    case 'reject':
      return decide(s, a, ctx);
    case 'issue_result':
      return issueResult(s, a, ctx);
    case 'return_result':
      return returnResult(s, a, ctx);
    case 'withdraw':
      return withdraw(s, a, ctx);
  }
}

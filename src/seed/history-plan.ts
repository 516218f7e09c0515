// How long a step takes, decided when it starts (or when the clock restarts after a supplement). On-time steps
// use a share of the time left before the due date, in proportion to their budget, so the dossier ends before
// it; the late dossier's culprit step runs past the due date, and its apology comes ≥ 1 working day before it.
import type { DossierSnapshot, DossierStep } from '../modules/dossier/lifecycle/snapshot.ts';
import { vnMidnight } from '../modules/dossier/lifecycle/time.ts';
import type { GenerationEnv, SimDossier, StepPlan } from './history-dossier.ts';
import { later, officeHoursBetween, officeInstant, vnDay, workingDayBefore } from './history-time.ts';

const isAppraisal = (step: DossierStep) => step.actorRole === 'specialist' && !step.interlinked;

function isCulprit(d: SimDossier, step: DossierStep): boolean {
  switch (d.fate.culprit) {
    case 'appraisal':
      return isAppraisal(step);
    case 'interlinked':
      return step.interlinked;
    case 'review':
      return step.actorRole === 'head_of_office';
    default:
      return step.decisive;
  }
}

/** Budget hours from `index` up to the signing step (the time the due date must cover). */
function budgetToDecision(s: DossierSnapshot, index: number): number {
  const last = s.steps.findLastIndex((x) => x.decisive);
  const upTo = last >= index ? last : s.steps.length - 1;
  return s.steps.slice(index, upTo + 1).reduce((sum, x) => sum + x.budgetHours, 0);
}

function onPaceHours(env: GenerationEnv, d: SimDossier, step: DossierStep, t: number): number {
  const { rng, snapshot: s } = d;
  const after = s.steps.findLastIndex((x) => x.decisive) < step.index;
  if (after || d.hurry) return rng.between(0.1, Math.min(1.5, step.budgetHours));
  if (step.index === 0 && step.actorRole === 'desk_officer') {
    return s.channel === 'online' ? rng.between(0.1, 3) : rng.between(0.05, 1);
  }
  const left = officeHoursBetween(env.ctx.calendar, t, Date.parse(s.dueAt ?? ''));
  const share = step.budgetHours / Math.max(step.budgetHours, budgetToDecision(s, step.index));
  const pace = Math.min(0.95, Math.max(0.03, d.fate.pace * rng.between(0.6, 1.4)));
  return Math.max(0.03, left * share * pace);
}

/** The apology's day: one or two working days before the due day, not before the step began. */
function apologyOf(env: GenerationEnv, d: SimDossier, t: number, due: number) {
  const cal = env.ctx.calendar;
  const { rng } = d;
  const day = workingDayBefore(cal, vnDay(due), rng.chance(0.6) ? 1 : 2);
  let at = officeInstant(cal, day, rng.between(0.5, 7.5));
  if (at < t) at = later(cal, t, rng.between(0.1, 1));
  if (cal.workingDaysBetween(new Date(at), new Date(due)) < 1) return null;
  const date = vnDay(cal.addWorkingDays(new Date(due), rng.int(2, 5)).getTime());
  return { at, date };
}

/** The culprit's end: past the due date; with an apology, mostly before the new date. */
function lateEnd(env: GenerationEnv, d: SimDossier, t: number, apology: { date: string } | null): number {
  const cal = env.ctx.calendar;
  const { rng } = d;
  const due = Date.parse(d.snapshot.dueAt ?? '');
  if (apology) {
    const newDue = cal.sameDayDue(vnMidnight(apology.date)).getTime();
    const gap = officeHoursBetween(cal, due, newDue);
    return rng.chance(0.85)
      ? later(cal, due, gap * rng.between(0.1, 0.5))
      : later(cal, newDue, rng.between(1, 12));
  }
  const size = rng.weighted({ hours: 0.6, day: 0.3, days: 0.1 });
  const overrun =
    size === 'hours' ? rng.between(0.5, 8) : size === 'day' ? rng.between(8, 24) : rng.between(24, 60);
  return Math.max(later(cal, due, overrun), later(cal, t, 0.2));
}

function freshPlan(env: GenerationEnv, d: SimDossier, step: DossierStep, t: number, key: string): StepPlan {
  const { rng, fate, snapshot: s } = d;
  const cal = env.ctx.calendar;
  const plan: StepPlan = {
    key,
    endsAt: t,
    startAt: null,
    supplementAt: null,
    apology: null,
    exitAt: null,
    culprit: false,
  };
  if (fate.hold) {
    // Demo-queue dossiers move quickly so they reach their queue before today.
    plan.endsAt = later(cal, t, rng.between(0.05, 0.3) * officeHoursBetween(cal, t, env.now));
  } else if (fate.late && !d.hurry && isCulprit(d, step)) {
    const due = Date.parse(s.dueAt ?? '');
    plan.apology = fate.apology && !s.apology ? apologyOf(env, d, t, due) : null;
    plan.endsAt = lateEnd(env, d, t, plan.apology);
    plan.culprit = true;
  } else plan.endsAt = later(cal, t, onPaceHours(env, d, step, t));
  if (!isAppraisal(step)) return plan;
  const span = officeHoursBetween(cal, t, plan.endsAt);
  if (fate.startsStep && !step.acceptedAt) plan.startAt = later(cal, t, Math.min(0.5, span * 0.1));
  if (fate.supplement !== 'none' && s.supplementCount === 0)
    plan.supplementAt = later(cal, t, Math.min(span * rng.between(0.15, 0.6), rng.between(1, 20)));
  if (fate.withdraw || fate.stop) plan.exitAt = later(cal, t, span * rng.between(0.2, 0.8));
  return plan;
}

/** The plan of the current step, made once per step and clock period. */
export function planStep(env: GenerationEnv, d: SimDossier, step: DossierStep, t: number): StepPlan {
  const key = `${step.index}:${d.snapshot.clocks.legal.restarts}`;
  if (d.plan?.key !== key) d.plan = freshPlan(env, d, step, t, key);
  return d.plan;
}

// Result classes (rules.md §1.4; Mẫu 05; Biểu 06) on both clocks, and lateness per step.
import type { WorkingCalendar } from '../../calendar/index.ts';
import type { StepActorRole } from './actions.ts';
import type { DossierSnapshot } from './snapshot.ts';
import { OPEN_STATES, RESOLVED_STATES } from './states.ts';
import { type Instant, ms, roundHours, toDate, vnDate } from './time.ts';

export type ResolvedClass = 'early' | 'on_time' | 'late';
export type OpenClass = 'within_deadline' | 'overdue';
/** Why a dossier is late on a clock: past its due instant, or (index only) supplemented more than once. */
export type LateReason = 'after_due' | 'repeat_supplement';

export type ClockClass =
  | { status: 'not_counted' }
  | { status: 'resolved'; result: ResolvedClass; dueAt: Instant; at: Instant; lateReason: LateReason | null }
  | { status: 'open'; result: OpenClass; dueAt: Instant; at: Instant; lateReason: LateReason | null };

export interface Classification {
  /** Against the due date in force (after an apology, its new date), shown to citizens. */
  legal: ClockClass;
  /** Decision 766 as DVCQG computes it: supplement time subtracted, > 1 request late. */
  index: ClockClass;
  /** The legal due date was moved by an apology (Mẫu 04). */
  extendedByApology: boolean;
}

export interface ClassifyOptions {
  /** Resolution instant: the decision (default, "Đã xử lý xong") or the issue of the result document. */
  resolvedAt?: 'decision' | 'result';
}

export function classify(s: DossierSnapshot, now: Date, options: ClassifyOptions = {}): Classification {
  return {
    legal: legalClass(s, now, options),
    index: indexClass(s, now, options),
    extendedByApology: s.apology !== null,
  };
}

function resolution(s: DossierSnapshot, options: ClassifyOptions): Instant | null {
  if (!RESOLVED_STATES.has(s.state)) return null;
  if (options.resolvedAt === 'result') return s.result?.issuedAt ?? null;
  return s.decision?.at ?? null;
}

function legalClass(s: DossierSnapshot, now: Date, options: ClassifyOptions): ClockClass {
  if (!s.dueAt) return { status: 'not_counted' };
  const resolvedAt = resolution(s, options);
  if (resolvedAt) return resolved(resolvedAt, s.dueAt, null);
  if (!OPEN_STATES.has(s.state) && !RESOLVED_STATES.has(s.state)) return { status: 'not_counted' };
  // While the applicant supplements under 'pause'/'restart' the legal clock stands still.
  const at = (s.state === 'supplement_requested' ? s.clocks.legal.pausedAt : null) ?? now.toISOString();
  return open(at, s.dueAt, null);
}

function indexClass(s: DossierSnapshot, now: Date, options: ClassifyOptions): ClockClass {
  const { index } = s.clocks;
  if (!index.dueAt || !s.receivedAt) return { status: 'not_counted' };
  const repeat: LateReason | null = index.supplementRequests > 1 ? 'repeat_supplement' : null;
  // Processing ends at the decision/result, a stop or a withdrawal; while the applicant has not returned a
  // supplement, the request instant counts as the end (rules-2.md §1.3).
  const end =
    resolution(s, options) ??
    (s.state === 'stopped' ? (index.pausedAt ?? s.stop?.at) : null) ??
    (s.state === 'withdrawn' ? (index.pausedAt ?? s.withdrawal?.at) : null) ??
    (s.state === 'supplement_requested' ? index.pausedAt : null);
  if (end) return resolved(end, index.dueAt, repeat);
  if (!OPEN_STATES.has(s.state) && !RESOLVED_STATES.has(s.state)) return { status: 'not_counted' };
  return open(now.toISOString(), index.dueAt, repeat);
}

/** late: after the due instant; early: on a day before the due day; else on time. */
function resolved(at: Instant, dueAt: Instant, forced: LateReason | null): ClockClass {
  if (forced) return { status: 'resolved', result: 'late', dueAt, at, lateReason: forced };
  if (ms(at) > ms(dueAt)) return { status: 'resolved', result: 'late', dueAt, at, lateReason: 'after_due' };
  const result = vnDate(at) < vnDate(dueAt) ? 'early' : 'on_time';
  return { status: 'resolved', result, dueAt, at, lateReason: null };
}

function open(at: Instant, dueAt: Instant, forced: LateReason | null): ClockClass {
  if (forced) return { status: 'open', result: 'overdue', dueAt, at, lateReason: forced };
  const late = ms(at) > ms(dueAt);
  return {
    status: 'open',
    result: late ? 'overdue' : 'within_deadline',
    dueAt,
    at,
    lateReason: late ? 'after_due' : null,
  };
}

export interface StepLateness {
  index: number;
  name: string;
  agencyId: string;
  actorRole: StepActorRole;
  budgetHours: number;
  /** Office hours the step held the dossier, minus the hours not charged to it (supplement waiting). */
  usedHours: number;
  overrunHours: number;
  /** The step is still running (measured at `now`). */
  open: boolean;
}

/**
 * Steps that overran their budget (Mẫu 05 per hand-over; evaluation indicator 2, rules-2.md §2.3). Finished
 * steps always; the running step too when `now` is given and the dossier is still being handled.
 */
export function lateSteps(s: DossierSnapshot, calendar: WorkingCalendar, now?: Date): StepLateness[] {
  const running = OPEN_STATES.has(s.state) || s.state === 'decided';
  const frozenAt = s.state === 'supplement_requested' ? s.clocks.legal.pausedAt : null;
  const out: StepLateness[] = [];
  for (const step of s.steps) {
    if (!step.startedAt) continue;
    const isOpen = step.completedAt === null;
    if (isOpen && (!now || !running)) continue;
    const end = step.completedAt ? toDate(step.completedAt) : frozenAt ? toDate(frozenAt) : (now as Date);
    const used = roundHours(calendar.workingHoursBetween(toDate(step.startedAt), end) - step.excludedHours);
    const overrun = roundHours(used - step.budgetHours);
    if (overrun <= 0) continue;
    out.push({
      index: step.index,
      name: step.name,
      agencyId: step.agencyId,
      actorRole: step.actorRole,
      budgetHours: step.budgetHours,
      usedHours: used,
      overrunHours: overrun,
      open: isOpen,
    });
  }
  return out;
}

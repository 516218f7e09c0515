// Deadline arithmetic of the lifecycle; every computation goes through the working-day calendar.
import type { WorkingCalendar } from '../../calendar/index.ts';
import { currentStep, type DossierSnapshot, type StatutoryTime } from './snapshot.ts';
import { iso, roundHours, toDate, vnDate, vnMidnight } from './time.ts';

/** Office time the desk has on the next working day to pass on a paper dossier received after the cut-off. */
export const NEXT_MORNING_TRANSFER_HOURS = 1;

/**
 * Legal due instant of a period starting at `from`: n working days → end of the n-th working day after the
 * receipt day (15:00 cut-off); 0 days → same-day rule; hours → office hours.
 */
export function statutoryDue(from: Date, time: StatutoryTime, cal: WorkingCalendar): Date {
  if (time.unit === 'working_hours') return cal.addWorkingHours(from, time.value);
  return time.value === 0 ? cal.sameDayDue(from) : cal.addWorkingDays(from, time.value);
}

/**
 * Decree 61 art. 18(2–3), Decree 118 art. 18(2): a paper dossier leaves the desk the same working day, or first
 * thing the next working day when received after 15:00. "First thing" = its first office hour (our choice).
 */
export function paperTransferDeadline(at: Date, cal: WorkingCalendar): Date {
  const receiptDay = cal.effectiveReceiptDate(at);
  if (receiptDay === vnDate(at)) return cal.sameDayDue(at);
  return cal.addWorkingHours(vnMidnight(receiptDay), NEXT_MORNING_TRANSFER_HOURS);
}

/** Makes step `index` current from `at`; its due instant is its budget in office hours, optionally capped. */
export function assignStep(
  s: DossierSnapshot,
  index: number,
  at: Date,
  cal: WorkingCalendar,
  cap?: Date,
): void {
  const step = s.steps[index];
  if (!step) throw new RangeError(`No step ${index}`);
  const due = cal.addWorkingHours(at, step.budgetHours);
  step.startedAt = iso(at);
  step.dueAt = iso(cap && cap < due ? cap : due);
  s.currentStepIndex = index;
}

/** A supplement request during processing: the legal clock waits (unless 'none'); the index clock always. */
export function pauseClocks(s: DossierSnapshot, now: Date): void {
  if (s.clocks.legal.policy !== 'none') s.clocks.legal.pausedAt = iso(now);
  s.clocks.index.pausedAt = iso(now);
  s.clocks.index.supplementRequests += 1;
}

export interface Resumption {
  previousDueAt: string | null;
  /** Working hours the applicant took (request → complete supplement). */
  waitedHours: number;
}

/** The complete supplement is back: move or restart the legal clock per policy, shift the index clock. */
export function resumeClocks(s: DossierSnapshot, now: Date, cal: WorkingCalendar): Resumption {
  const { legal, index } = s.clocks;
  const previousDueAt = s.dueAt;
  const waitedFrom = index.pausedAt ?? legal.pausedAt;
  const waitedHours = waitedFrom ? roundHours(cal.workingHoursBetween(toDate(waitedFrom), now)) : 0;
  const step = currentStep(s);
  if (legal.pausedAt && s.dueAt) {
    if (legal.policy === 'pause') {
      s.dueAt = iso(cal.addWorkingHours(toDate(s.dueAt), waitedHours));
      legal.pausedHours = roundHours(legal.pausedHours + waitedHours);
      if (step?.dueAt) {
        step.dueAt = iso(cal.addWorkingHours(toDate(step.dueAt), waitedHours));
        step.excludedHours = roundHours(step.excludedHours + waitedHours);
      }
    } else {
      // 'restart': a new full period from today (Decree 61 art. 19(4)); the step's budget starts over too.
      s.dueAt = iso(statutoryDue(now, s.statutory, cal));
      legal.periodStartedAt = iso(now);
      legal.restarts += 1;
      if (step?.startedAt) {
        step.excludedHours = roundHours(cal.workingHoursBetween(toDate(step.startedAt), now));
        step.dueAt = iso(cal.addWorkingHours(now, step.budgetHours));
      }
    }
  }
  legal.pausedAt = null;
  if (index.pausedAt && index.appointmentAt) {
    index.supplementHours = roundHours(index.supplementHours + waitedHours);
    index.dueAt = iso(cal.addWorkingHours(toDate(index.appointmentAt), index.supplementHours));
  }
  index.pausedAt = null;
  return { previousDueAt, waitedHours };
}

// Indicators 1 and 2, computed from the dossier's snapshot (pure; rules-2.md §2.3: shorter 2, equal 1, longer 0).
// "Equal" is read as the dossier's result classes (lifecycle/classify.ts): early = on a day before the due day,
// on time = on the due day, late = after the due instant.
import type { WorkingCalendar } from '../calendar/index.ts';
import type { DossierSnapshot, DossierStep } from '../dossier/lifecycle/snapshot.ts';
import { type Instant, ms, roundHours, toDate, vnDate } from '../dossier/lifecycle/time.ts';
import type { EvaluationRules } from './grade.ts';
import { type Suggestion, TIME_POINTS, type TimeClass } from './indicators.ts';

const CLASS_TEXT: Record<TimeClass, string> = { early: 'trước hạn', on_time: 'đúng hạn', late: 'quá hạn' };

/** Late after the limit's instant; early on a (Vietnam-local) day before the limit's day; else on time. */
export function timeClass(at: Instant, limit: Instant): TimeClass {
  if (ms(at) > ms(limit)) return 'late';
  return vnDate(at) < vnDate(limit) ? 'early' : 'on_time';
}

const vnDay = (at: Instant) => vnDate(at).split('-').reverse().join('/');

/**
 * The statutory limit on the legal clock: the due date in force, except that an apology's new date does not
 * count (it admits lateness). Under the default `restart` policy the due date already restarted after a
 * post-appraisal supplement (Decree 61 art. 19(4)), so the applicant's time is not charged.
 */
export function statutoryLimit(s: DossierSnapshot): Instant | null {
  return s.apology ? s.apology.previousDueAt : s.dueAt;
}

/** Indicator 1: total resolution time (receipt → decision) against the legal time limit. */
export function scoreTotalTime(s: DossierSnapshot, rules: EvaluationRules): Suggestion {
  const base = { indicator: '1' as const, source: 'computed' as const };
  const limit = statutoryLimit(s);
  const resolvedAt = s.decision?.at ?? null;
  if (!limit || !resolvedAt)
    return {
      ...base,
      points: null,
      reason: 'Hồ sơ chưa có quyết định giải quyết nên chưa tính được thời gian.',
    };
  const cls = timeClass(resolvedAt, limit);
  const facts = `Giải quyết xong ngày ${vnDay(resolvedAt)}, hạn theo quy định ${vnDay(limit)}`;
  if (cls === 'late' && s.apology && ms(resolvedAt) <= ms(s.apology.newDueAt)) {
    return {
      ...base,
      points: rules.lateWithApologyPoints,
      reason: `${facts}: quá hạn nhưng trong ngày hẹn lại ${vnDay(s.apology.newDueAt)} của văn bản xin lỗi (Mẫu 04) đã gửi đúng thời hạn.`,
    };
  }
  return { ...base, points: TIME_POINTS[cls], reason: `${facts}: ${CLASS_TEXT[cls]}.` };
}

/** One stay of the dossier at an agency: consecutive steps of the same agency. */
export interface AgencyPart {
  agencyId: string;
  startedAt: Instant;
  finishedAt: Instant;
  /** Office hours allotted to the agency's steps (0 = unknown). */
  budgetHours: number;
  /** Office hours it held the dossier, less the hours not charged to it (the applicant's supplement time). */
  usedHours: number;
  result: TimeClass;
  /** How the result was judged: against its allotment, or (allotment unknown) against the legal limit. */
  judgedBy: 'allotment' | 'legal_limit';
}

function groupParts(steps: readonly DossierStep[]): DossierStep[][] {
  const parts: DossierStep[][] = [];
  for (const step of [...steps]
    .filter((x) => x.startedAt)
    .sort((a, b) => ms(a.startedAt as string) - ms(b.startedAt as string))) {
    const last = parts[parts.length - 1];
    if (last && last[last.length - 1]?.agencyId === step.agencyId) last.push(step);
    else parts.push([step]);
  }
  return parts;
}

/**
 * Each participating agency's time (every step it held, interlinked steps included) against its allotment:
 * the sum of its steps' budgets in office hours (shorter 2, equal to the tenth of an hour 1, longer 0). A part whose allotment is unknown (no budget) is judged by
 * whether the dossier was late on the legal limit when it left that agency. Unfinished steps (the issue step
 * of a decided dossier) are not judged.
 */
export function agencyParts(s: DossierSnapshot, calendar: WorkingCalendar): AgencyPart[] {
  const limit = statutoryLimit(s);
  const out: AgencyPart[] = [];
  for (const steps of groupParts(s.steps)) {
    const done = steps.filter((x) => x.completedAt);
    const first = done[0];
    const last = done[done.length - 1];
    if (!first?.startedAt || !last?.completedAt) continue;
    const budget = roundHours(done.reduce((sum, x) => sum + x.budgetHours, 0));
    const excluded = done.reduce((sum, x) => sum + x.excludedHours, 0);
    const start = toDate(first.startedAt);
    const used = roundHours(
      Math.max(0, calendar.workingHoursBetween(start, toDate(last.completedAt)) - excluded),
    );
    let result: TimeClass;
    let judgedBy: AgencyPart['judgedBy'] = 'allotment';
    if (budget > 0) {
      // Steps are budgeted in office hours, so the comparison is in hours (to 0.1 h), not in days.
      const usedTenths = Math.round(used * 10);
      const budgetTenths = Math.round(budget * 10);
      result = usedTenths < budgetTenths ? 'early' : usedTenths === budgetTenths ? 'on_time' : 'late';
    } else {
      judgedBy = 'legal_limit';
      result = limit ? timeClass(last.completedAt, limit) : 'on_time';
    }
    out.push({
      agencyId: first.agencyId,
      startedAt: first.startedAt,
      finishedAt: last.completedAt,
      budgetHours: budget,
      usedHours: used,
      result,
      judgedBy,
    });
  }
  return out;
}

const hours = (h: number) => `${Number(h.toFixed(1)).toLocaleString('vi-VN')} giờ`;

/** Indicator 2: the worst part decides (every agency must be shorter than its allotment for 2 points). */
export function scoreAgencyTime(
  s: DossierSnapshot,
  calendar: WorkingCalendar,
  agencyName: (id: string) => string,
): Suggestion {
  const base = { indicator: '2' as const, source: 'computed' as const };
  const parts = agencyParts(s, calendar);
  if (parts.length === 0)
    return { ...base, points: null, reason: 'Chưa có bước xử lý nào hoàn thành để tính thời gian.' };
  const worst = parts.reduce((w, p) => (TIME_POINTS[p.result] < TIME_POINTS[w.result] ? p : w));
  const lines = parts.map((p) =>
    p.judgedBy === 'allotment'
      ? `${agencyName(p.agencyId)}: ${hours(p.usedHours)} / ${hours(p.budgetHours)} được giao — ${CLASS_TEXT[p.result]}`
      : `${agencyName(p.agencyId)}: chưa có thời gian được giao, chuyển đi ${CLASS_TEXT[p.result]} so với hạn giải quyết`,
  );
  return { ...base, points: TIME_POINTS[worst.result], reason: `${lines.join('; ')}.` };
}

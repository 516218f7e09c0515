import type { ProcessStep, TimeUnit } from '../procedure.types.ts';

export const WORKING_HOURS_PER_DAY = 8;
/** Budget of the default process when the statutory time is unknown: one working day. */
export const FALLBACK_WORKING_HOURS = WORKING_HOURS_PER_DAY;

/**
 * The statutory time in working hours, or null when there is no usable time (missing, zero, negative).
 * Days of any kind, and a bare number without unit, count as working days of 8 hours: the default process
 * is a starting point for the agency, and the import flags every unit it could not confirm.
 */
export function statutoryWorkingHours(value: number | null, unit: TimeUnit | null): number | null {
  if (value === null || !Number.isFinite(value) || value <= 0) return null;
  return unit === 'hours' || unit === 'working_hours' ? value : value * WORKING_HOURS_PER_DAY;
}

interface FixedStep extends Omit<ProcessStep, 'durationValue' | 'durationUnit'> {
  /** Share of the total, as a divisor (10 = a tenth), before rounding and capping. */
  divisor: number;
  /** Upper bound in working hours, so long procedures leave their time to appraisal. */
  capHours: number;
}

const INTAKE: FixedStep = {
  name: 'Tiếp nhận hồ sơ',
  actorRole: 'desk_officer',
  agencyRole: 'receiving',
  divisor: 10,
  capHours: 4,
};
const APPRAISAL: Omit<ProcessStep, 'durationValue' | 'durationUnit'> = {
  name: 'Thẩm định, xử lý hồ sơ',
  actorRole: 'specialist',
  agencyRole: 'competent',
};
const FIXED_AFTER_APPRAISAL: FixedStep[] = [
  {
    name: 'Xem xét, trình ký',
    actorRole: 'head_of_office',
    agencyRole: 'competent',
    divisor: 10,
    capHours: 8,
  },
  { name: 'Ký duyệt', actorRole: 'signing_leader', agencyRole: 'competent', divisor: 10, capHours: 8 },
  { name: 'Phát hành và trả kết quả', actorRole: 'clerk', agencyRole: 'competent', divisor: 10, capHours: 4 },
];

// Budgets are multiples of a power-of-two fraction of an hour, so they add up exactly in floating point.
// The coarsest grain that still resolves a 10 % share well (total ≥ 20 grains) keeps numbers readable.
const GRAINS = [1, 0.5, 0.25, 0.125];

function pickGrain(total: number): number {
  return GRAINS.find((grain) => total >= 20 * grain) ?? 0.125;
}

/**
 * The generated internal process (quy trình nội bộ) of a procedure: five steps whose budgets, in working
 * hours, add up exactly to the statutory time. Each step other than appraisal gets about a tenth of the
 * time, capped (half a day for intake and issue, a day for review and signature), and appraisal gets the
 * rest: 1 working day → 0.75 h each + 5 h appraisal; 30 days → 4 + 216 + 8 + 8 + 4 h.
 * Without a usable time it budgets one working day; the caller flags that.
 */
export function defaultInternalProcess(value: number | null, unit: TimeUnit | null): ProcessStep[] {
  const total = statutoryWorkingHours(value, unit) ?? FALLBACK_WORKING_HOURS;
  const grain = pickGrain(total);
  const budget = (step: FixedStep) =>
    Math.min(step.capHours, Math.max(grain, Math.floor(total / step.divisor / grain) * grain));

  let intake = budget(INTAKE);
  let after = FIXED_AFTER_APPRAISAL.map(budget);
  let appraisal = total - intake - after.reduce((sum, hours) => sum + hours, 0);
  if (appraisal < grain) {
    // Under about 40 minutes the grains no longer fit: an eighth each, half for appraisal (exact halvings).
    intake = total / 8;
    after = FIXED_AFTER_APPRAISAL.map(() => total / 8);
    appraisal = total / 2;
  }

  const step = (fixed: Omit<ProcessStep, 'durationValue' | 'durationUnit'>, hours: number): ProcessStep => ({
    name: fixed.name,
    actorRole: fixed.actorRole,
    agencyRole: fixed.agencyRole,
    durationValue: hours,
    durationUnit: 'working_hours',
  });
  return [
    step(INTAKE, intake),
    step(APPRAISAL, appraisal),
    ...FIXED_AFTER_APPRAISAL.map((fixed, i) => step(fixed, after[i] ?? 0)),
  ];
}

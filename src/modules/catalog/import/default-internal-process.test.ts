import { describe, expect, it } from 'vitest';
import { type ProcessStep, processStepSchema, type TimeUnit } from '../procedure.types.ts';
import { defaultInternalProcess, statutoryWorkingHours } from './default-internal-process.ts';

const hours = (steps: ProcessStep[]) => steps.map((s) => s.durationValue);
const total = (steps: ProcessStep[]) => steps.reduce((sum, s) => sum + s.durationValue, 0);

describe('statutoryWorkingHours', () => {
  it('counts any kind of day, and a bare number, as 8 working hours', () => {
    expect(statutoryWorkingHours(3, 'working_days')).toBe(24);
    expect(statutoryWorkingHours(15, 'calendar_days')).toBe(120);
    expect(statutoryWorkingHours(1, null)).toBe(8);
    expect(statutoryWorkingHours(0.5, 'working_days')).toBe(4);
  });

  it('keeps hours as they are', () => {
    expect(statutoryWorkingHours(4, 'hours')).toBe(4);
    expect(statutoryWorkingHours(12, 'working_hours')).toBe(12);
  });

  it('has no time for missing, zero or negative values', () => {
    expect(statutoryWorkingHours(null, 'working_days')).toBeNull();
    expect(statutoryWorkingHours(0, null)).toBeNull();
    expect(statutoryWorkingHours(-1, 'working_days')).toBeNull();
  });
});

describe('defaultInternalProcess', () => {
  it('has the five steps, actors and agencies of a one-stop process', () => {
    const steps = defaultInternalProcess(3, 'working_days');
    expect(steps.map((s) => [s.name, s.actorRole, s.agencyRole])).toEqual([
      ['Tiếp nhận hồ sơ', 'desk_officer', 'receiving'],
      ['Thẩm định, xử lý hồ sơ', 'specialist', 'competent'],
      ['Xem xét, trình ký', 'head_of_office', 'competent'],
      ['Ký duyệt', 'signing_leader', 'competent'],
      ['Phát hành và trả kết quả', 'clerk', 'competent'],
    ]);
    expect(steps.every((s) => s.durationUnit === 'working_hours')).toBe(true);
  });

  it.each<[number, TimeUnit | null, number[]]>([
    [1, 'working_days', [0.75, 5, 0.75, 0.75, 0.75]],
    [1, null, [0.75, 5, 0.75, 0.75, 0.75]],
    [0.5, 'working_days', [0.375, 2.5, 0.375, 0.375, 0.375]],
    [4, 'hours', [0.375, 2.5, 0.375, 0.375, 0.375]],
    [1, 'hours', [0.125, 0.5, 0.125, 0.125, 0.125]],
    [0.5, 'working_hours', [0.0625, 0.25, 0.0625, 0.0625, 0.0625]],
    [2, 'working_days', [1.5, 10, 1.5, 1.5, 1.5]],
    [3, 'working_days', [2, 16, 2, 2, 2]],
    [5, 'working_days', [4, 24, 4, 4, 4]],
    [30, 'calendar_days', [4, 216, 8, 8, 4]],
    [60, 'working_days', [4, 456, 8, 8, 4]],
  ])('splits %d %s as %j', (value, unit, expected) => {
    expect(hours(defaultInternalProcess(value, unit))).toEqual(expected);
  });

  it('budgets one working day when there is no usable time', () => {
    expect(total(defaultInternalProcess(null, null))).toBe(8);
    expect(total(defaultInternalProcess(0, 'working_days'))).toBe(8);
    expect(total(defaultInternalProcess(null, 'hours'))).toBe(8);
  });

  it('adds up exactly, with positive budgets and appraisal the largest, for short and long times', () => {
    const cases: [number, TimeUnit | null][] = [];
    for (let quarter = 1; quarter <= 400; quarter++) cases.push([quarter / 4, 'working_hours']);
    for (let days = 1; days <= 365; days++) {
      cases.push([days, 'working_days'], [days, 'calendar_days'], [days, null]);
    }
    for (const [value, unit] of cases) {
      const steps = defaultInternalProcess(value, unit);
      expect(total(steps), `${value} ${unit}`).toBe(statutoryWorkingHours(value, unit));
      const appraisal = steps[1]?.durationValue ?? 0;
      for (const step of steps) {
        expect(processStepSchema.safeParse(step).success, `${value} ${unit} ${step.name}`).toBe(true);
        expect(appraisal).toBeGreaterThanOrEqual(step.durationValue);
      }
    }
  });
});

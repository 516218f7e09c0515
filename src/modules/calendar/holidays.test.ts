import { describe, expect, it } from 'vitest';
import { dayFromIso, isWeekend } from './day.ts';
import { holidaysOfYear, swappedWorkingDaysOfYear } from './holidays.ts';
import { lunarDayLabel, lunarOfDay } from './lunar.ts';
import { OFFICIAL_SCHEDULES } from './official-schedules.ts';
import type { OfficialScheduleEntry } from './schedule.types.ts';

const dates = (year: number, kind?: string, schedule: readonly OfficialScheduleEntry[] = []) =>
  holidaysOfYear(year, schedule)
    .filter((h) => kind === undefined || h.kind === kind)
    .map((h) => h.date);

describe('statutory holidays (Labour Code 2019 art. 112) without a schedule', () => {
  it('lists 2027 with Tết across a weekend and 1/5 on a Saturday', () => {
    expect(holidaysOfYear(2027).map((h) => `${h.date} ${h.kind} ${h.name}`)).toEqual([
      '2027-01-01 holiday Tết Dương lịch (1/1)',
      '2027-02-05 holiday Tết Nguyên Đán (29 tháng Chạp)',
      '2027-02-06 holiday Tết Nguyên Đán (mùng 1 tháng Giêng)',
      '2027-02-07 holiday Tết Nguyên Đán (mùng 2 tháng Giêng)',
      '2027-02-08 holiday Tết Nguyên Đán (mùng 3 tháng Giêng)',
      '2027-02-09 holiday Tết Nguyên Đán (mùng 4 tháng Giêng)',
      '2027-02-10 compensation Nghỉ bù Tết Nguyên Đán (mùng 1 tháng Giêng)',
      '2027-02-11 compensation Nghỉ bù Tết Nguyên Đán (mùng 2 tháng Giêng)',
      '2027-04-16 holiday Giỗ Tổ Hùng Vương (mùng 10 tháng Ba âm lịch)',
      '2027-04-30 holiday Ngày Chiến thắng (30/4)',
      '2027-05-01 holiday Ngày Quốc tế lao động (1/5)',
      '2027-05-03 compensation Nghỉ bù Ngày Quốc tế lao động (1/5)',
      '2027-09-02 holiday Quốc khánh (2/9)',
      '2027-09-03 holiday Quốc khánh (3/9)',
    ]);
  });

  it('has 11 statutory days every year 2024–2031, compensation only on free weekdays', () => {
    for (let year = 2024; year <= 2031; year++) {
      const list = holidaysOfYear(year);
      expect(list.filter((h) => h.kind === 'holiday')).toHaveLength(11);
      const statutory = new Set(dates(year, 'holiday'));
      const weekendHolidays = [...statutory].filter((d) => isWeekend(dayFromIso(d)));
      const compensation = dates(year, 'compensation');
      expect(compensation).toHaveLength(weekendHolidays.length);
      for (const d of compensation) {
        expect(isWeekend(dayFromIso(d))).toBe(false);
        expect(statutory.has(d)).toBe(false);
      }
    }
  });

  it('gives the next working day off for a holiday on a weekend (art. 111(3))', () => {
    expect(dates(2026, 'compensation')).toContain('2026-04-27'); // Hùng Kings on Sunday 26/4
    // 2022: 1/1 Sat → Mon 3/1; Hùng Kings Sun 10/4 → Mon 11/4; Sat 30/4 + Sun 1/5 → Mon 2/5 + Tue 3/5.
    expect(dates(2022, 'compensation')).toEqual(['2022-01-03', '2022-04-11', '2022-05-02', '2022-05-03']);
    // 2028: 1/1 Sat → Mon 3/1; mùng 4 Tết Sat 29/1 → Mon 31/1; 30/4 Sun → Tue 2/5 (Mon 1/5 is itself a
    // holiday); 2/9 Sat → Mon 4/9.
    expect(dates(2028, 'compensation')).toEqual(['2028-01-03', '2028-01-31', '2028-05-02', '2028-09-04']);
  });

  it('names each Tết day by its lunar day, the day before mùng 1 being 29 or 30 tháng Chạp', () => {
    expect(holidaysOfYear(2024).find((h) => h.date === '2024-02-09')?.name).toBe(
      'Tết Nguyên Đán (30 tháng Chạp)',
    );
    expect(holidaysOfYear(2026).find((h) => h.date === '2026-02-16')?.name).toBe(
      'Tết Nguyên Đán (29 tháng Chạp)',
    );
  });

  it('lets the Tết split and the day next to 2/9 be configured', () => {
    const tet = (tetDaysBefore: number) =>
      holidaysOfYear(2030, [], { tetDaysBefore })
        .filter((h) => h.name.startsWith('Tết Nguyên Đán'))
        .map((h) => h.date);
    expect(tet(1)).toEqual(['2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05']);
    expect(tet(2)).toEqual(['2030-01-31', '2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04']);
    expect(() => holidaysOfYear(2030, [], { tetDaysBefore: 6 })).toThrow(RangeError);
    const nationalDay = (nationalDayExtra: 'before' | 'after' | 'bridge', year: number) =>
      holidaysOfYear(year, [], { nationalDayExtra })
        .filter((h) => h.name.startsWith('Quốc khánh'))
        .map((h) => h.date);
    expect(nationalDay('before', 2027)).toEqual(['2027-09-01', '2027-09-02']);
    expect(nationalDay('after', 2025)).toEqual(['2025-09-02', '2025-09-03']);
    expect(nationalDay('bridge', 2025)).toEqual(['2025-09-01', '2025-09-02']); // Tuesday → Monday 1/9
    expect(nationalDay('bridge', 2027)).toEqual(['2027-09-02', '2027-09-03']); // Thursday → Friday 3/9
    expect(nationalDay('bridge', 2024)).toEqual(['2024-09-02', '2024-09-03']); // Monday → Tuesday 3/9
  });
});

describe('official schedules (rules-2.md §5)', () => {
  it('applies 2025: Tết 27–31/1, swap 26/4 ↔ 2/5, Quốc khánh 1–2/9', () => {
    const list = holidaysOfYear(2025, OFFICIAL_SCHEDULES);
    expect(dates(2025, 'holiday', OFFICIAL_SCHEDULES)).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-09-01',
      '2025-09-02',
    ]);
    expect(list.find((h) => h.date === '2025-05-02')).toMatchObject({ kind: 'extra_day_off' });
    expect(list.find((h) => h.date === '2025-01-27')?.instrument).toContain('6150/TB-BLĐTBXH');
    expect(dates(2025, 'compensation', OFFICIAL_SCHEDULES)).toEqual([]);
    expect(swappedWorkingDaysOfYear(2025, OFFICIAL_SCHEDULES)).toEqual(['2025-04-26']);
  });

  it('applies 2026: 2/1 off for Sat 10/1, Tết 16–20/2, Hùng Kings moved to Mon 27/4', () => {
    const list = holidaysOfYear(2026, OFFICIAL_SCHEDULES);
    expect(list.find((h) => h.date === '2026-01-02')).toMatchObject({
      kind: 'extra_day_off',
      instrument: '12729/VPCP-KGVX (25/12/2025)',
    });
    expect(dates(2026, undefined, OFFICIAL_SCHEDULES).filter((d) => d.startsWith('2026-02'))).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(list.find((h) => h.date === '2026-04-27')?.kind).toBe('compensation');
    expect(swappedWorkingDaysOfYear(2026, OFFICIAL_SCHEDULES)).toEqual(['2026-01-10']);
    // Quốc khánh 2026 is not confirmed yet, so the default applies (Wed 2/9 → 1/9).
    expect(dates(2026, 'holiday', OFFICIAL_SCHEDULES).filter((d) => d.startsWith('2026-09'))).toEqual([
      '2026-09-01',
      '2026-09-02',
    ]);
  });

  it('names the seeded Tết rows by their true lunar day', () => {
    for (const row of OFFICIAL_SCHEDULES.filter((r) => r.statutory === 'tet')) {
      expect(row.name).toBe(`Tết Nguyên Đán (${lunarDayLabel(lunarOfDay(dayFromIso(row.date)))})`);
    }
  });

  it('lets a working_day row cancel a computed day off, and validates rows', () => {
    const swap: OfficialScheduleEntry = {
      date: '2027-05-03',
      type: 'working_day',
      name: 'x',
      instrument: 'test/1',
    };
    expect(dates(2027, undefined, [swap])).not.toContain('2027-05-03');
    expect(() =>
      holidaysOfYear(2027, [{ date: '2027-02-30', type: 'day_off', name: 'x', instrument: 'test/1' }]),
    ).toThrow(RangeError);
    expect(() => holidaysOfYear(2027, [{ ...swap, statutory: 'tet' }])).toThrow(RangeError);
  });
});

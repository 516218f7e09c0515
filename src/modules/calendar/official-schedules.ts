// Seed data: the official 2025 and 2026 schedules for civil servants, from /work/shared/domain/rules-2.md §5.
// Only the rows that differ from, or fix, the computed defaults are listed. Weekends inside a "9-day Tết" need
// no row. Not seeded because rules-2.md leaves them open: Quốc khánh 2026 (final window UNCONFIRMED) and
// 24/11 "Ngày Văn hóa Việt Nam" (not yet in force).
import type { OfficialScheduleEntry } from './schedule.types.ts';

const I2025 = '8726/VPCP-KGVX (26/11/2024); 6150/TB-BLĐTBXH';
// rules-2.md: "Ministry of Home Affairs notice of 17/10/2025 (number UNCONFIRMED)".
const I2026_TET = 'Thông báo của Bộ Nội vụ ngày 17/10/2025 (số hiệu chưa xác nhận)';
// rules-2.md flags its source for this letter as low reliability.
const I2026_NEW_YEAR = '12729/VPCP-KGVX (25/12/2025)';

const rows: OfficialScheduleEntry[] = [
  // 2025 — Tết Ất Tỵ: statutory Mon 27/1 – Fri 31/1 (two days before mùng 1, three after).
  {
    date: '2025-01-27',
    type: 'day_off',
    name: 'Tết Nguyên Đán (28 tháng Chạp)',
    instrument: I2025,
    statutory: 'tet',
  },
  {
    date: '2025-01-28',
    type: 'day_off',
    name: 'Tết Nguyên Đán (29 tháng Chạp)',
    instrument: I2025,
    statutory: 'tet',
  },
  {
    date: '2025-01-29',
    type: 'day_off',
    name: 'Tết Nguyên Đán (mùng 1 tháng Giêng)',
    instrument: I2025,
    statutory: 'tet',
  },
  {
    date: '2025-01-30',
    type: 'day_off',
    name: 'Tết Nguyên Đán (mùng 2 tháng Giêng)',
    instrument: I2025,
    statutory: 'tet',
  },
  {
    date: '2025-01-31',
    type: 'day_off',
    name: 'Tết Nguyên Đán (mùng 3 tháng Giêng)',
    instrument: I2025,
    statutory: 'tet',
  },
  // 2025 — 30/4–1/5: work Sat 26/4 in exchange for Fri 2/5 (same approval round).
  { date: '2025-04-26', type: 'working_day', name: 'Làm bù cho thứ Sáu 02/5', instrument: I2025 },
  { date: '2025-05-02', type: 'day_off', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', instrument: I2025 },
  // 2025 — Quốc khánh: Mon 1/9 and Tue 2/9.
  {
    date: '2025-09-01',
    type: 'day_off',
    name: 'Quốc khánh (1/9)',
    instrument: I2025,
    statutory: 'national_day',
  },
  {
    date: '2025-09-02',
    type: 'day_off',
    name: 'Quốc khánh (2/9)',
    instrument: I2025,
    statutory: 'national_day',
  },
  // 2026 — Tết Dương lịch: Fri 2/1 off, Sat 10/1 worked instead.
  {
    date: '2026-01-02',
    type: 'day_off',
    name: 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/1)',
    instrument: I2026_NEW_YEAR,
  },
  { date: '2026-01-10', type: 'working_day', name: 'Làm bù cho thứ Sáu 02/01', instrument: I2026_NEW_YEAR },
  // 2026 — Tết Bính Ngọ: statutory Mon 16/2 – Fri 20/2 (the computed default, confirmed by the notice).
  {
    date: '2026-02-16',
    type: 'day_off',
    name: 'Tết Nguyên Đán (29 tháng Chạp)',
    instrument: I2026_TET,
    statutory: 'tet',
  },
  ...[1, 2, 3, 4].map(
    (n): OfficialScheduleEntry => ({
      date: `2026-02-${16 + n}`,
      type: 'day_off',
      name: `Tết Nguyên Đán (mùng ${n} tháng Giêng)`,
      instrument: I2026_TET,
      statutory: 'tet',
    }),
  ),
];

export const OFFICIAL_SCHEDULES: readonly OfficialScheduleEntry[] = Object.freeze(
  rows.map((r) => Object.freeze(r)),
);

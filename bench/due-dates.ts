import { performance } from 'node:perf_hooks';
import { WorkingCalendar } from '../src/modules/calendar/index.ts';

/** Due-date computation in a tight loop (target ≥ 1 million a second). */
export function benchDueDates() {
  const calendar = new WorkingCalendar();
  const start = Date.parse('2024-01-01T00:00:00Z');
  const span = 8 * 365 * 86_400_000; // receipts spread over 2024–2031, holidays and Tết included
  const n = 2_000_000;
  const receipts = Array.from({ length: 4096 }, (_, i) => start + ((i * 2_654_435_761) % span));
  const limits = [0, 1, 3, 5, 7, 10, 15, 20, 30, 45];
  let checksum = 0;
  for (let i = 0; i < 200_000; i++)
    checksum += calendar.addWorkingDaysMs(receipts[i & 4095] as number, limits[i % 10] as number);
  const t0 = performance.now();
  for (let i = 0; i < n; i++)
    checksum += calendar.addWorkingDaysMs(receipts[i & 4095] as number, limits[i % 10] as number);
  const seconds = (performance.now() - t0) / 1000;
  const rate = n / seconds;
  const t1 = performance.now();
  const m = 200_000;
  for (let i = 0; i < m; i++)
    checksum += calendar
      .addWorkingDays(new Date(receipts[i & 4095] as number), limits[i % 10] as number)
      .getTime();
  const dateRate = m / ((performance.now() - t1) / 1000);
  console.log('\nDue-date computation (WorkingCalendar, receipts over 2024–2031, limits 0–45 working days)');
  console.log(
    `  addWorkingDaysMs: ${(rate / 1e6).toFixed(2)} million/s   ratio to the 1 million/s target: ${(rate / 1e6).toFixed(2)}`,
  );
  console.log(
    `  addWorkingDays (Date in and out): ${(dateRate / 1e6).toFixed(2)} million/s   (checksum ${checksum % 997})`,
  );
}

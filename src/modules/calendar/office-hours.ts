// Office hours of one working day, as local (UTC+7) intervals. Parsed once, then used as plain numbers.

/** Default office hours of state agencies: morning and afternoon sessions, 8 hours in all (configurable). */
export const DEFAULT_OFFICE_HOURS: readonly string[] = Object.freeze(['07:00-11:30', '13:30-17:00']);

const HOUR_MS = 3_600_000;

export interface OfficeHours {
  /** Interval starts and ends in ms after local midnight, sorted and disjoint. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Office ms in one working day. */
  readonly total: number;
}

/** Parses 'HH:MM' (00:00–24:00) into ms after midnight. */
export function parseClock(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const h = Number(match?.[1]);
  const m = Number(match?.[2]);
  if (!match || h > 24 || m > 59 || (h === 24 && m > 0)) throw new RangeError(`Not a clock time: ${text}`);
  return (h * 60 + m) * 60_000;
}

/** Parses intervals like ['07:00-11:30', '13:30-17:00']. */
export function parseOfficeHours(spec: readonly string[]): OfficeHours {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const interval of spec) {
    const [from, to, ...rest] = interval.split('-');
    if (from === undefined || to === undefined || rest.length > 0)
      throw new RangeError(`Bad interval: ${interval}`);
    const start = parseClock(from.trim());
    const end = parseClock(to.trim());
    const previousEnd = ends[ends.length - 1] ?? 0;
    if (end <= start || start < previousEnd)
      throw new RangeError(`Intervals must be sorted and disjoint: ${interval}`);
    starts.push(start);
    ends.push(end);
  }
  if (starts.length === 0) throw new RangeError('Office hours need at least one interval');
  const total = starts.reduce((sum, s, i) => sum + (ends[i] ?? s) - s, 0);
  return Object.freeze({ starts, ends, total });
}

/** Office ms already elapsed at a time of day. */
export function officeMsBefore(hours: OfficeHours, msOfDay: number): number {
  let done = 0;
  for (let i = 0; i < hours.starts.length; i++) {
    const start = hours.starts[i] ?? 0;
    const end = hours.ends[i] ?? 0;
    if (msOfDay <= start) break;
    done += Math.min(msOfDay, end) - start;
  }
  return done;
}

/** Time of day at which `done` office ms (0 < done ≤ total) have elapsed; lands on an interval's end, not the next start. */
export function officeClockAt(hours: OfficeHours, done: number): number {
  let acc = 0;
  for (let i = 0; i < hours.starts.length; i++) {
    const start = hours.starts[i] ?? 0;
    const length = (hours.ends[i] ?? 0) - start;
    if (done <= acc + length) return start + (done - acc);
    acc += length;
  }
  return hours.ends[hours.ends.length - 1] ?? 0;
}

export const hoursToMs = (hours: number): number => Math.round(hours * HOUR_MS);
export const msToHours = (ms: number): number => ms / HOUR_MS;

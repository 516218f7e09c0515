// Instants are stored as ISO 8601 UTC strings so a snapshot survives a JSON/jsonb round trip unchanged.
import { DAY_MS, isoFromDay, VN_OFFSET_MS } from '../../calendar/index.ts';

/** An instant as `Date.prototype.toISOString()` writes it. */
export type Instant = string;

export const iso = (at: Date): Instant => at.toISOString();
export const toDate = (at: Instant): Date => new Date(at);
export const ms = (at: Instant): number => Date.parse(at);

/** Vietnam-local date of an instant, 'YYYY-MM-DD'. */
export function vnDate(at: Date | Instant): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return isoFromDay(Math.floor((t + VN_OFFSET_MS) / DAY_MS));
}

/** Midnight (Vietnam local) starting a day 'YYYY-MM-DD'. */
export function vnMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+07:00`);
}

/** Rounds float noise from office-hour arithmetic (hours are exact to the millisecond). */
export function roundHours(hours: number): number {
  return Math.round(hours * 1e6) / 1e6;
}

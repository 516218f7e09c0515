// The two plan targets this module measures (docs/kpi.md, "Documents and ISO"); pure, no I/O.

/** Plan 2021–2025 target (5): 95% of official documents between state agencies exchanged electronically. */
export const E_EXCHANGE_TARGET = 0.95;
/** Plan 2021–2025 target (4): 100% of agencies apply TCVN ISO 9001:2015 to document processing. */
export const ISO_TARGET = 1;

/** `electronic ÷ total`, or null when there is nothing to divide (no document: no rate, not 0%). */
export function ratio(part: number, total: number): number | null {
  if (!Number.isInteger(part) || !Number.isInteger(total) || part < 0 || part > total) {
    throw new RangeError(`invalid counts ${part}/${total}`);
  }
  return total === 0 ? null : part / total;
}

export function meetsTarget(share: number | null, target: number): boolean | null {
  return share === null ? null : share >= target - 1e-12;
}

export interface IsoState {
  effectiveOn: string;
  endedOn: string | null;
}

/** An ISO system is in force on `day` (ISO dates) from its certificate/declaration date until it ended. */
export function isoInForce(registration: IsoState | null | undefined, day: string): boolean {
  if (!registration) return false;
  return registration.effectiveOn <= day && (registration.endedOn === null || registration.endedOn > day);
}

/** Share of agencies whose ISO system is in force on `day`, against the 100% target. */
export function isoCoverage(
  agencyIds: readonly string[],
  registrations: ReadonlyMap<string, IsoState>,
  day: string,
) {
  const inForce = agencyIds.filter((id) => isoInForce(registrations.get(id), day)).length;
  const share = ratio(inForce, agencyIds.length);
  return { agencies: agencyIds.length, inForce, share, meetsTarget: meetsTarget(share, ISO_TARGET) };
}

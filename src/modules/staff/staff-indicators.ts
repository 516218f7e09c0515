import type { DegreeLevel } from './schema.ts';

// The plan's staff targets as indicators (docs/kpi.md "Staff capacity"). Pure: the officials and their completed
// online-service-software trainings in, the figures out.
//   serving(d)             = officials with startDate ≤ d and (endDate is null or endDate ≥ d)
//   trainedOnlineShare(d)  = |serving(d) with a completed online-service-software course ended ≤ d| / |serving(d)|
//   universityShare(d)     = |serving(d) with degree university, master or doctorate| / |serving(d)|
// A share is null when nobody serves. Each target is 100%: met when every serving official counts (and at
// least one serves).

export const universityOrHigher: ReadonlySet<DegreeLevel> = new Set(['university', 'master', 'doctorate']);

export interface OfficialFacts {
  id: string;
  agencyId: string;
  degreeLevel: DegreeLevel;
  startDate: string;
  endDate: string | null;
  /** End dates of the completed online-service-software courses the official attended. */
  onlineTrainingEnds: string[];
}

export type StaffIndicatorKey = 'trained_online' | 'university_degree';

export interface StaffTarget {
  key: StaffIndicatorKey;
  /** The plan's wording. */
  label: string;
  targetShare: number;
  /** The plan's deadline for the target. */
  dueBy: string;
}

/** Plan 2021–2025, "Cải cách chế độ công vụ": both targets at 100% by the end of the plan. */
export const staffTargets: StaffTarget[] = [
  {
    key: 'trained_online',
    label: '100% CBCCVC được tập huấn sử dụng phần mềm ứng dụng dịch vụ công trực tuyến',
    targetShare: 1,
    dueBy: '2025-12-31',
  },
  {
    key: 'university_degree',
    label: 'Đến năm 2025, 100% CBCCVC từ thành phố đến phường, xã có trình độ đại học',
    targetShare: 1,
    dueBy: '2025-12-31',
  },
];

export function isServing(o: Pick<OfficialFacts, 'startDate' | 'endDate'>, asOf: string): boolean {
  return o.startDate <= asOf && (o.endDate === null || o.endDate >= asOf);
}

export function meetsIndicator(o: OfficialFacts, key: StaffIndicatorKey, asOf: string): boolean {
  if (key === 'university_degree') return universityOrHigher.has(o.degreeLevel);
  return o.onlineTrainingEnds.some((end) => end <= asOf);
}

export interface IndicatorFigure {
  key: StaffIndicatorKey;
  serving: number;
  counted: number;
  share: number | null;
  targetShare: number;
  met: boolean;
}

export function indicatorFigure(
  officials: OfficialFacts[],
  key: StaffIndicatorKey,
  asOf: string,
): IndicatorFigure {
  const target = staffTargets.find((t) => t.key === key) as StaffTarget;
  const serving = officials.filter((o) => isServing(o, asOf));
  const counted = serving.filter((o) => meetsIndicator(o, key, asOf)).length;
  const share = serving.length === 0 ? null : counted / serving.length;
  return {
    key,
    serving: serving.length,
    counted,
    share,
    targetShare: target.targetShare,
    met: share !== null && counted >= Math.ceil(target.targetShare * serving.length),
  };
}

export interface AgencyFigures {
  agencyId: string;
  figures: IndicatorFigure[];
}

const keys: StaffIndicatorKey[] = ['trained_online', 'university_degree'];

/** Both indicators over all the officials, then per agency (agencies with nobody serving are left out). */
export function staffFigures(
  officials: OfficialFacts[],
  asOf: string,
): { total: IndicatorFigure[]; agencies: AgencyFigures[] } {
  const byAgency = new Map<string, OfficialFacts[]>();
  for (const o of officials) byAgency.set(o.agencyId, [...(byAgency.get(o.agencyId) ?? []), o]);
  return {
    total: keys.map((k) => indicatorFigure(officials, k, asOf)),
    agencies: [...byAgency]
      .map(([agencyId, list]) => ({ agencyId, figures: keys.map((k) => indicatorFigure(list, k, asOf)) }))
      .filter((a) => (a.figures[0]?.serving ?? 0) > 0),
  };
}

/** The calendar date in Vietnam (UTC+7, no daylight saving) at an instant. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

import type { StaffCategory } from '../staff/schema.ts';

// Pure headcount arithmetic: who serves on a date, vacancies and over-staffing of a position, the balance of
// an agency against its quota, roll-ups, and the streamlining plan against the officials' records.

export interface Dated {
  startDate: string;
  endDate: string | null;
}

/** Serving on `date` (ISO dates compare as text): started on or before it and not yet left. */
export const servingOn = (o: Dated, date: string) =>
  o.startDate <= date && (o.endDate === null || o.endDate >= date);

export interface PositionBalance {
  needed: number;
  held: number;
  vacancy: number;
  over: number;
}

export function positionBalance(needed: number, held: number): PositionBalance {
  return { needed, held, vacancy: Math.max(0, needed - held), over: Math.max(0, held - needed) };
}

export const quotaKinds = ['civilServants', 'publicEmployees', 'contractStaff'] as const;
export type QuotaKind = (typeof quotaKinds)[number];
export type Counts = Record<QuotaKind, number>;

/**
 * Which quota an official counts against: cadres and civil servants against the civil-servant headcount,
 * public employees against the public-employee headcount. The register has no contract staff and treats
 * non-specialised commune workers outside the quota, so they count against none.
 */
export function quotaKindOf(category: StaffCategory): QuotaKind | null {
  if (category === 'cadre' || category === 'civil_servant') return 'civilServants';
  if (category === 'public_employee') return 'publicEmployees';
  return null;
}

export const zeroCounts = (): Counts => ({ civilServants: 0, publicEmployees: 0, contractStaff: 0 });

export function countByKind(officials: { category: StaffCategory }[]): Counts {
  const counts = zeroCounts();
  for (const o of officials) {
    const kind = quotaKindOf(o.category);
    if (kind) counts[kind] += 1;
  }
  return counts;
}

export interface QuotaLine {
  kind: QuotaKind;
  quota: number | null;
  actual: number;
  vacancy: number;
  over: number;
}

/** Each kind's quota against the officials serving; without a quota nothing is vacant or over. */
export function quotaBalance(quota: Counts | null, actual: Counts): QuotaLine[] {
  return quotaKinds.map((kind) => {
    const q = quota ? quota[kind] : null;
    return {
      kind,
      quota: q,
      actual: actual[kind],
      vacancy: q === null ? 0 : Math.max(0, q - actual[kind]),
      over: q === null ? 0 : Math.max(0, actual[kind] - q),
    };
  });
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    civilServants: a.civilServants + b.civilServants,
    publicEmployees: a.publicEmployees + b.publicEmployees,
    contractStaff: a.contractStaff + b.contractStaff,
  };
}

export const totalOf = (c: Counts) => c.civilServants + c.publicEmployees + c.contractStaff;

export interface StreamliningYear {
  year: number;
  planned: number;
  cumulativePlanned: number;
  /** Serving at the end of the year (31/12), or today for the running year. */
  headcount: number;
  actual: number;
  cumulativeActual: number;
}

export interface StreamliningProgress {
  baseYear: number;
  baseHeadcount: number;
  targetPercent: number;
  /** The period's target in people, rounded up (a 10% cut of 45 people is 5). */
  targetReduction: number;
  years: StreamliningYear[];
  achievedReduction: number;
  met: boolean;
}

/**
 * The plan against the record: the headcount at the end of the year before the period is the base; each year's
 * actual reduction is the fall in headcount from the previous year end (negative when staff grew). `headcountAt`
 * returns the number serving on a date; `today` caps the running year.
 */
export function streamliningProgress(
  plan: {
    fromYear: number;
    toYear: number;
    targetPercent: number;
    planned: { year: number; reduction: number }[];
  },
  headcountAt: (date: string) => number,
  today: string,
): StreamliningProgress {
  const baseYear = plan.fromYear - 1;
  const baseHeadcount = headcountAt(`${baseYear}-12-31`);
  let previous = baseHeadcount;
  let cumulativePlanned = 0;
  let cumulativeActual = 0;
  const years: StreamliningYear[] = [];
  const currentYear = Number(today.slice(0, 4));
  for (let year = plan.fromYear; year <= plan.toYear; year++) {
    const planned = plan.planned.find((p) => p.year === year)?.reduction ?? 0;
    cumulativePlanned += planned;
    if (year > currentYear) {
      years.push({ year, planned, cumulativePlanned, headcount: previous, actual: 0, cumulativeActual });
      continue;
    }
    const end = year === currentYear ? today : `${year}-12-31`;
    const headcount = headcountAt(end);
    const actual = previous - headcount;
    cumulativeActual += actual;
    previous = headcount;
    years.push({ year, planned, cumulativePlanned, headcount, actual, cumulativeActual });
  }
  const targetReduction = Math.ceil((baseHeadcount * plan.targetPercent) / 100);
  return {
    baseYear,
    baseHeadcount,
    targetPercent: plan.targetPercent,
    targetReduction,
    years,
    achievedReduction: cumulativeActual,
    met: cumulativeActual >= targetReduction,
  };
}

import type { ProposalStatus } from './schema.ts';

// The estimated saving of a review for citizens (README, "Estimated saving"); pure, no I/O.
//
//   saving per dossier (VND) = days saved × value of a citizen's day + visits saved × cost of a visit + fee reduction
//   saving per year (VND)    = dossiers of the last 12 months × saving per dossier
//   time saved per year      = dossiers of the last 12 months × days saved (citizen working days)
//
// A review's saving sums its proposals that are not rejected ("estimated"); the proposals approved or
// implemented make the "decided" part.

export interface SavingRates {
  citizenDayValueVnd: number;
  visitCostVnd: number;
}

export interface ProposalSaving {
  status: ProposalStatus;
  daysSaved: number;
  visitsSaved: number;
  feeReductionVnd: number;
}

export interface SavingFigure {
  daysPerDossier: number;
  visitsPerDossier: number;
  feePerDossierVnd: number;
  vndPerDossier: number;
  daysPerYear: number;
  visitsPerYear: number;
  vndPerYear: number;
}

export const decidedStatuses: readonly ProposalStatus[] = ['approved', 'implemented'];

function check(value: number, what: string) {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a non-negative number`);
}

/** The saving of one proposal, or of several summed, for a yearly volume of dossiers. */
export function savingOf(
  proposals: readonly Omit<ProposalSaving, 'status'>[],
  dossiersPerYear: number,
  rates: SavingRates,
): SavingFigure {
  check(dossiersPerYear, 'dossiersPerYear');
  check(rates.citizenDayValueVnd, 'citizenDayValueVnd');
  check(rates.visitCostVnd, 'visitCostVnd');
  let days = 0;
  let visits = 0;
  let fee = 0;
  for (const p of proposals) {
    check(p.daysSaved, 'daysSaved');
    check(p.visitsSaved, 'visitsSaved');
    check(p.feeReductionVnd, 'feeReductionVnd');
    days += p.daysSaved;
    visits += p.visitsSaved;
    fee += p.feeReductionVnd;
  }
  const vndPerDossier = Math.round(days * rates.citizenDayValueVnd + visits * rates.visitCostVnd + fee);
  return {
    daysPerDossier: round2(days),
    visitsPerDossier: visits,
    feePerDossierVnd: fee,
    vndPerDossier,
    daysPerYear: round2(days * dossiersPerYear),
    visitsPerYear: visits * dossiersPerYear,
    vndPerYear: vndPerDossier * dossiersPerYear,
  };
}

/** A review's saving: every proposal not rejected (estimated) and those approved or implemented (decided). */
export function reviewSaving(
  proposals: readonly ProposalSaving[],
  dossiersPerYear: number,
  rates: SavingRates,
) {
  return {
    dossiersPerYear,
    rates,
    estimated: savingOf(
      proposals.filter((p) => p.status !== 'rejected'),
      dossiersPerYear,
      rates,
    ),
    decided: savingOf(
      proposals.filter((p) => decidedStatuses.includes(p.status)),
      dossiersPerYear,
      rates,
    ),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The written formula, as the screen and the export show it. */
export const SAVING_FORMULA =
  'Tiết kiệm/năm = Số hồ sơ 12 tháng gần nhất × (Số ngày rút ngắn × Giá trị 1 ngày công của người dân + ' +
  'Số lần đi lại giảm × Chi phí 1 lần đi lại + Phí, lệ phí giảm)';

/** Which proposal statuses may follow which (the decision flow); managers decide, agencies propose and submit. */
export const nextStatuses: Record<ProposalStatus, readonly ProposalStatus[]> = {
  proposed: ['submitted'],
  submitted: ['approved', 'rejected', 'proposed'],
  approved: ['implemented'],
  rejected: [],
  implemented: [],
};

export function canMoveTo(from: ProposalStatus, to: ProposalStatus): boolean {
  return from === to || nextStatuses[from].includes(to);
}

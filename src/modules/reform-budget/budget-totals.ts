import type { BudgetStatus } from './schema.ts';

// Budget figures in whole đồng. Every amount and sum stays an integer below 2^53 (an amount is at most 10^12
// đồng, so millions of lines add up exactly); shares are compared by cross-multiplying, never by dividing.

export interface LineFacts {
  status: BudgetStatus;
  year: number;
  proposedAmount: number;
  appraisedAmount: number | null;
  approvedAmount: number | null;
  settledAmount: number | null;
  disbursements: { amount: number; paidOn: string }[];
}

export interface UnspentRule {
  /** A line with less than this share (percent) of its approved amount disbursed … */
  percent: number;
  /** … by this day of its year gets flagged. */
  month: number;
  day: number;
}

export interface LineFigures {
  proposed: number;
  appraised: number;
  approved: number;
  disbursed: number;
  /** The settled amount once settled, the disbursements before. */
  spent: number;
  remaining: number;
  overrun: boolean;
  unspent: boolean;
}

const counted = (s: BudgetStatus) => s !== 'cancelled';
const approvedState = (s: BudgetStatus) => s === 'approved' || s === 'settled';

export const unspentCheckDate = (year: number, rule: UnspentRule) =>
  `${year}-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`;

/** `part` is below `percent` % of `whole`, in integers. */
export const belowShare = (part: number, whole: number, percent: number) =>
  BigInt(part) * 100n < BigInt(whole) * BigInt(percent);

export function lineFigures(line: LineFacts, rule: UnspentRule, today: string): LineFigures {
  const disbursed = line.disbursements.reduce((s, d) => s + d.amount, 0);
  const approved = approvedState(line.status) ? (line.approvedAmount ?? 0) : 0;
  const spent = line.status === 'settled' && line.settledAmount !== null ? line.settledAmount : disbursed;
  const checkOn = unspentCheckDate(line.year, rule);
  const disbursedByCheck = line.disbursements
    .filter((d) => d.paidOn <= checkOn)
    .reduce((s, d) => s + d.amount, 0);
  return {
    proposed: counted(line.status) ? line.proposedAmount : 0,
    appraised: counted(line.status) ? (line.appraisedAmount ?? 0) : 0,
    approved,
    disbursed,
    spent,
    remaining: approved - spent,
    overrun: approvedState(line.status) && spent > approved,
    unspent:
      line.status === 'approved' &&
      approved > 0 &&
      today >= checkOn &&
      belowShare(disbursedByCheck, approved, rule.percent),
  };
}

export interface Totals {
  lines: number;
  proposed: number;
  appraised: number;
  approved: number;
  disbursed: number;
  spent: number;
  remaining: number;
  overrun: number;
  unspent: number;
}

export const emptyTotals = (): Totals => ({
  lines: 0,
  proposed: 0,
  appraised: 0,
  approved: 0,
  disbursed: 0,
  spent: 0,
  remaining: 0,
  overrun: 0,
  unspent: 0,
});

export function addFigures(t: Totals, f: LineFigures): Totals {
  return {
    lines: t.lines + 1,
    proposed: t.proposed + f.proposed,
    appraised: t.appraised + f.appraised,
    approved: t.approved + f.approved,
    disbursed: t.disbursed + f.disbursed,
    spent: t.spent + f.spent,
    remaining: t.remaining + f.remaining,
    overrun: t.overrun + (f.overrun ? 1 : 0),
    unspent: t.unspent + (f.unspent ? 1 : 0),
  };
}

/** Totals per group (task, area, agency), in the order groups first appear, and the grand total. */
export function groupTotals<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  figuresOf: (item: T) => LineFigures,
): { groups: Map<string, Totals>; total: Totals } {
  const groups = new Map<string, Totals>();
  let total = emptyTotals();
  for (const item of items) {
    const f = figuresOf(item);
    const key = keyOf(item);
    groups.set(key, addFigures(groups.get(key) ?? emptyTotals(), f));
    total = addFigures(total, f);
  }
  return { groups, total };
}

/** Share of the approved amount spent, in tenths of a percent (integer), for display; null without approval. */
export function spentPermille(spent: number, approved: number): number | null {
  if (approved <= 0) return null;
  // BigInt: a city's totals times 1000 can pass 2^53.
  return Number((BigInt(spent) * 1000n) / BigInt(approved));
}

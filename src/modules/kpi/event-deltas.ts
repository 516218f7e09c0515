import { classify } from '../dossier/lifecycle/classify.ts';
import type { DossierSnapshot } from '../dossier/lifecycle/snapshot.ts';
import { OPEN_STATES, RESOLVED_STATES } from '../dossier/lifecycle/states.ts';
import { type CounterTotals, type DossierDims, type MonthlyDelta, vnMonthOf } from './counters.ts';

// Which counters one dossier event moves (pure). Each fact is counted once, by the event that makes it true,
// in the month (Vietnam time) of that event; the dossier's row supplies the dimensions and, for decisions, the
// clocks. rebuild.ts computes the same facts from the dossiers' columns: the two must agree (kpi.api.test.ts).

export interface FoldEvent {
  fromState: string | null;
  toState: string;
  at: Date;
}

export interface FoldDossier extends DossierDims {
  channel: string;
  snapshot: DossierSnapshot;
  /** A submitted component with an electronic file existed at receipt. */
  digitisedAtReceipt: boolean;
}

const isOpen = (s: string | null) => s !== null && OPEN_STATES.has(s as never);
const isResolved = (s: string | null) => s !== null && RESOLVED_STATES.has(s as never);

export function eventDelta(event: FoldEvent, dossier: FoldDossier): MonthlyDelta | null {
  const counts = eventCounts(event, dossier);
  if (!counts) return null;
  const { ownerUnitId, receivingAgencyId, competentAgencyId, procedureId } = dossier;
  return {
    ownerUnitId,
    receivingAgencyId,
    competentAgencyId,
    procedureId,
    month: vnMonthOf(event.at),
    counts,
  };
}

function eventCounts(event: FoldEvent, d: FoldDossier): Partial<CounterTotals> | null {
  const { fromState, toState } = event;
  if (toState === 'received' && !isOpen(fromState)) {
    return {
      ...(d.channel === 'online' ? { receivedOnline: 1 } : { receivedOffline: 1 }),
      ...(d.digitisedAtReceipt ? { receivedDigitised: 1 } : {}),
    };
  }
  if (isResolved(toState) && !isResolved(fromState)) return decisionCounts(d.snapshot);
  if (toState === 'result_issued' && fromState !== 'result_issued') {
    return { resultsIssued: 1, ...(d.snapshot.result?.fileId ? { resultsDigitised: 1 } : {}) };
  }
  if (toState === 'returned' && fromState !== 'returned') return { returned: 1 };
  // Withdrawals and stops count only for dossiers that were received (before receipt they are not "handled").
  if (toState === 'withdrawn' && fromState !== 'withdrawn' && d.snapshot.receivedAt) return { withdrawn: 1 };
  if (toState === 'stopped' && fromState !== 'stopped') return { stopped: 1 };
  if (toState === 'refused' && fromState !== 'refused') return { refused: 1 };
  return null;
}

/** A decision on both clocks: early / on time / late (legal), on time / late (Decision 766). */
export function decisionCounts(snapshot: DossierSnapshot): Partial<CounterTotals> {
  // The decision is in the snapshot, so `now` does not matter for the resolved classes.
  const c = classify(snapshot, new Date(snapshot.decision?.at ?? 0));
  const counts: Partial<CounterTotals> = {};
  if (c.legal.status !== 'resolved') counts.resolvedUncounted = 1;
  else if (c.legal.result === 'early') counts.resolvedEarly = 1;
  else if (c.legal.result === 'on_time') counts.resolvedOnTime = 1;
  else counts.resolvedLate = 1;
  if (c.index.status === 'resolved') {
    if (c.index.result === 'late') counts.indexLate = 1;
    else counts.indexOnTime = 1;
  }
  return counts;
}

// The facts of a message, read from the dossier snapshot after the transition (pure).
import type { DossierSnapshot } from '../dossier/lifecycle/snapshot.ts';
import type { MessageFacts, NotificationKind } from './messages.ts';

/** What the snapshot does not hold: names looked up in the database. */
export interface MessageNames {
  procedureName: string;
  receivingAgencyName: string;
  receivingAgencyAddress: string | null;
  handlingAgencyName: string | null;
  officerName: string | null;
}

const date = (v: string | null | undefined) => (v ? new Date(v) : null);

function reasonsOf(kind: NotificationKind, s: DossierSnapshot): string[] {
  switch (kind) {
    case 'supplement_requested':
      return [...(s.supplements.at(-1)?.reasons ?? [])];
    case 'refused':
      return [...(s.refusal?.reasons ?? [])];
    case 'apologised':
      return s.apology ? [s.apology.reason] : [];
    case 'stopped':
      return s.stop ? [s.stop.reason] : [];
    default:
      return [];
  }
}

export function factsOf(kind: NotificationKind, s: DossierSnapshot, names: MessageNames): MessageFacts {
  return {
    kind,
    dossierCode: s.code,
    ...names,
    channel: s.channel,
    receivedAt: date(s.receivedAt),
    dueAt: date(s.dueAt),
    previousDueAt: kind === 'apologised' ? date(s.apology?.previousDueAt) : null,
    returnedAt: date(s.returnedAt),
    returnChannel: s.returnChannel,
    reasons: reasonsOf(kind, s),
    legalBasis: kind === 'stopped' ? (s.stop?.legalBasis ?? null) : null,
  };
}

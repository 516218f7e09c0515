// All nine suggestions for one dossier, in indicator order (pure).
import type { WorkingCalendar } from '../calendar/index.ts';
import type { DossierSnapshot } from '../dossier/lifecycle/snapshot.ts';
import type { EvaluationRules } from './grade.ts';
import type { Suggestion } from './indicators.ts';
import { type EventFacts, scoreAgenciesContacted, scoreContacts, scoreOneStop } from './score-contacts.ts';
import {
  feedbackForScorer,
  type ProcedureFacts,
  prefillAttitude,
  prefillOnline,
  prefillPublicity,
  type RatingFacts,
} from './score-prefill.ts';
import { scoreAgencyTime, scoreTotalTime } from './score-time.ts';

export interface DossierRecords {
  snapshot: DossierSnapshot;
  events: readonly EventFacts[];
  procedure: ProcedureFacts;
  rating: RatingFacts | null;
  agencies: ReadonlyMap<string, { name: string; kind: string }>;
}

export function suggestScores(
  r: DossierRecords,
  calendar: WorkingCalendar,
  rules: EvaluationRules,
): Suggestion[] {
  const name = (id: string) => r.agencies.get(id)?.name ?? 'Cơ quan không xác định';
  const kind = (id: string) => r.agencies.get(id)?.kind;
  const s = r.snapshot;
  return [
    scoreTotalTime(s, rules),
    scoreAgencyTime(s, calendar, name),
    scoreContacts(s),
    scoreAgenciesContacted(s, r.events, name, rules),
    scoreOneStop(s, kind, name, rules),
    prefillPublicity(r.procedure),
    prefillAttitude(s, r.rating),
    feedbackForScorer(),
    prefillOnline(s, r.procedure),
  ];
}

import type { Principal } from '../auth/permissions.ts';
import { agencyScope } from '../auth/permissions.ts';
import type { DossierSnapshot } from './lifecycle/snapshot.ts';

/** Every agency a dossier involves: assisting, receiving, competent, and each step's (interlinked ones too). */
export function agenciesOf(s: DossierSnapshot): Set<string> {
  const ids = new Set([s.receivingAgencyId, s.competentAgencyId, ...s.steps.map((step) => step.agencyId)]);
  if (s.assistingAgencyId) ids.add(s.assistingAgencyId);
  return ids;
}

/** An officer sees a dossier when one of their agencies is involved in it; a citizen sees their own. */
export function canSeeDossier(principal: Principal, s: DossierSnapshot): boolean {
  if (principal.kind === 'citizen') return s.applicantUserId === principal.userId;
  // An online draft is the applicant's private work until it is submitted.
  if (s.state === 'draft' && s.channel === 'online') return false;
  const scope = agencyScope(principal);
  if (scope === 'all') return true;
  for (const id of agenciesOf(s)) if (scope.has(id)) return true;
  return false;
}

// Who may read, self-score and appraise an evaluation (pure; decisions in docs/api.md, "Evaluation").
// - Self-score (điểm tự chấm): a head of office or signing leader of the dossier's receiving or competent agency.
// - Appraisal (điểm thẩm định): the reform office (`reform_officer`) whose unit covers the dossier, or a
//   deployment-wide administrator.
// - Read: whoever sees the dossier, plus those two.
import { isGlobalAdmin, type Principal } from '../auth/permissions.ts';

export const SELF_SCORE_ROLES: ReadonlySet<string> = new Set(['head_of_office', 'signing_leader']);

export interface EvaluatedDossier {
  ownerUnitId: string;
  receivingAgencyId: string;
  competentAgencyId: string;
}

export function canSelfScore(principal: Principal, d: EvaluatedDossier): boolean {
  return principal.roles.some(
    (r) =>
      SELF_SCORE_ROLES.has(r.role) &&
      r.agencyId !== null &&
      (r.agencyId === d.receivingAgencyId || r.agencyId === d.competentAgencyId),
  );
}

/** `reformUnits`: the units the principal's reform-office roles cover (reform-scope.ts). */
export function canAppraise(
  principal: Principal,
  d: EvaluatedDossier,
  reformUnits: ReadonlySet<string>,
): boolean {
  return isGlobalAdmin(principal) || reformUnits.has(d.ownerUnitId);
}

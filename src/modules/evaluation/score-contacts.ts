// Indicators 3, 4 and 5, computed from the dossier's snapshot and events (pure; rules-2.md §2.3).
import type { DossierSnapshot } from '../dossier/lifecycle/snapshot.ts';
import type { EvaluationRules } from './grade.ts';
import type { Points, Suggestion } from './indicators.ts';

/** The stored event fields these rules read (dossier_events). */
export interface EventFacts {
  action: string;
  actorAgencyId: string | null;
  data: Record<string, unknown> | null;
}

/** Agency kinds that are a one-stop desk (Bộ phận Một cửa) or a public administration service centre. */
export const ONE_STOP_KINDS: ReadonlySet<string> = new Set(['one_stop_desk', 'public_service_centre']);

/**
 * Indicator 3: contacts with the intake point beyond the submission = supplement requests (intake and
 * processing). An intake request made because the applicant had not brought what the previous one asked for
 * (`applicantAtFault`) is not charged to the office (art. 13: "unless the applicant was at fault").
 */
export function scoreContacts(s: DossierSnapshot): Suggestion {
  const charged = s.supplements.filter((x) => !(x.stage === 'intake' && x.applicantAtFault));
  const excused = s.supplements.length - charged.length;
  const n = charged.length;
  const points: Points = n === 0 ? 2 : n === 1 ? 1 : 0;
  const what =
    n === 0
      ? 'Không phải bổ sung, hoàn thiện hồ sơ: chỉ liên hệ 1 lần khi nộp.'
      : `Phải bổ sung, hoàn thiện hồ sơ ${n} lần (${n + 1} lần liên hệ với nơi tiếp nhận).`;
  const note =
    excused > 0 ? ` Không tính ${excused} lần do người nộp chưa mang đủ giấy tờ đã được hướng dẫn.` : '';
  return { indicator: '3', source: 'computed', points, reason: `${what}${note}` };
}

/**
 * The agencies the applicant had to deal with in person: where they were helped, the receiving desk for a
 * paper dossier or a result collected at the counter, and every agency where an officer acted on their behalf.
 * A dossier submitted online whose result came online or by post involved none.
 */
export function agenciesContacted(s: DossierSnapshot, events: readonly EventFacts[]): Set<string> {
  const ids = new Set<string>();
  if (s.assistingAgencyId) ids.add(s.assistingAgencyId);
  if (s.channel === 'counter') ids.add(s.receivingAgencyId);
  if (s.returnChannel === 'counter') ids.add(s.receivingAgencyId);
  for (const e of events) {
    if (e.actorAgencyId && e.data?.onBehalfOfApplicant === true) ids.add(e.actorAgencyId);
  }
  return ids;
}

/** Indicator 4: none → 2; only the one-stop desk (or one office) → the configured points (art. 13: 1); more → 0. */
export function scoreAgenciesContacted(
  s: DossierSnapshot,
  events: readonly EventFacts[],
  agencyName: (id: string) => string,
  rules: EvaluationRules,
): Suggestion {
  const ids = [...agenciesContacted(s, events)];
  const base = { indicator: '4' as const, source: 'computed' as const };
  if (ids.length === 0)
    return {
      ...base,
      points: 2,
      reason: 'Nộp và nhận kết quả trực tuyến hoặc qua bưu chính: không phải đến cơ quan nào.',
    };
  const names = ids.map(agencyName).join(', ');
  if (ids.length === 1)
    return { ...base, points: rules.deskOnlyContactPoints, reason: `Chỉ liên hệ 1 nơi: ${names}.` };
  return { ...base, points: 0, reason: `Phải liên hệ ${ids.length} cơ quan: ${names}.` };
}

/** Steps that appraise or examine (not the signature and not the issue of the result). */
const APPRAISAL_ROLES: ReadonlySet<string> = new Set(['desk_officer', 'specialist', 'head_of_office']);

/**
 * Indicator 5: received and returned at the one-stop desk (or online / by post through it), and appraised
 * in-house at the desk → 2; received and returned at the desk but appraised elsewhere → the configured points
 * (art. 13: 1); otherwise 0. Art. 13 scores this per unit (shares of TTHC); this is the per-dossier reading.
 */
export function scoreOneStop(
  s: DossierSnapshot,
  agencyKind: (id: string) => string | undefined,
  agencyName: (id: string) => string,
  rules: EvaluationRules,
): Suggestion {
  const base = { indicator: '5' as const, source: 'computed' as const };
  const desk = agencyName(s.receivingAgencyId);
  if (!ONE_STOP_KINDS.has(agencyKind(s.receivingAgencyId) ?? ''))
    return {
      ...base,
      points: 0,
      reason: `Nơi tiếp nhận (${desk}) không phải Bộ phận Một cửa hoặc Trung tâm Phục vụ hành chính công.`,
    };
  if (s.state !== 'returned' || !s.returnChannel)
    return { ...base, points: null, reason: `Tiếp nhận tại ${desk}; hồ sơ chưa trả kết quả.` };
  const appraisal = s.steps.filter((x) => APPRAISAL_ROLES.has(x.actorRole) && x.startedAt);
  const inHouse = appraisal.length > 0 && appraisal.every((x) => x.agencyId === s.receivingAgencyId);
  if (inHouse) return { ...base, points: 2, reason: `Tiếp nhận, thẩm định và trả kết quả tại ${desk}.` };
  return {
    ...base,
    points: rules.deskIntakeReturnPoints,
    reason: `Tiếp nhận và trả kết quả tại ${desk}; thẩm định tại cơ quan khác.`,
  };
}

// What the evaluation endpoints answer (docs/api.md, "Evaluation").

export type Points = 0 | 1 | 2;

export interface IndicatorView {
  key: string;
  label: string;
  suggestion: { points: Points | null; source: 'computed' | 'prefilled' | 'scorer'; reason: string } | null;
  selfScore: Points | null;
  selfNote: string | null;
  appraisedScore: Points | null;
  appraisedNote: string | null;
}

export interface EvaluationView {
  dossier: {
    id: string;
    code: string | null;
    procedureCode: string;
    procedureName: string;
    stateLabel: string;
    receivingAgency: { id: string; name: string };
    competentAgency: { id: string; name: string };
    resolvedAt: string | null;
  };
  evaluable: boolean;
  notEvaluableReason: string | null;
  maxTotal: number;
  version: number;
  suggestedTotal: number;
  indicators: IndicatorView[];
  evaluation: {
    selfTotal: number | null;
    selfByName: string | null;
    selfAt: string | null;
    appraisedTotal: number | null;
    appraisedByName: string | null;
    appraisedAt: string | null;
    finalTotal: number;
    grade: { key: string; label: string };
  } | null;
  canSelfScore: boolean;
  canAppraise: boolean;
}

export interface GradeBand {
  key: string;
  label: string;
  min: number;
}

export interface EvaluationRules {
  lateWithApologyPoints: Points;
  deskOnlyContactPoints: Points;
  deskIntakeReturnPoints: Points;
}

export interface EvaluationSettings {
  bands: GradeBand[];
  rules: EvaluationRules;
}

export interface SummaryRow {
  agencyId: string | null;
  agencyName: string;
  evaluated: number;
  appraised: number;
  byGrade: Record<string, number>;
  averageSelf: number | null;
  averageAppraised: number | null;
  averageFinal: number | null;
  ratings: { forms: number; byLevel: Record<string, { count: number; share: number }> };
}

export interface EvaluationList {
  period: { from: string; to: string; label: string };
  bands: GradeBand[];
  ratingLevels: { key: string; label: string; satisfied: boolean }[];
  total: number;
  truncated: boolean;
  items: {
    dossierId: string;
    dossierCode: string | null;
    procedureName: string;
    competentAgencyName: string;
    receivingAgencyName: string;
    resolvedAt: string;
    selfTotal: number | null;
    appraisedTotal: number | null;
    finalTotal: number;
    grade: string;
    gradeLabel: string;
    status: 'self_scored' | 'appraised';
  }[];
  summary: { rows: SummaryRow[]; totals: SummaryRow };
}

export const SOURCE_LABELS: Record<string, string> = {
  computed: 'tính từ dữ liệu hồ sơ',
  prefilled: 'gợi ý từ dữ liệu, người chấm xác nhận',
  scorer: 'do người chấm đánh giá',
};

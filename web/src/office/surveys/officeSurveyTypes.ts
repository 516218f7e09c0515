import type { Element, IndexSettings, TemplateContent } from '../../portal/surveys/surveyTypes';
import type { Me } from '../../types';

// Shapes of the office side of the surveys API (docs/api.md, "Surveys").

export interface TemplateView extends TemplateContent {
  id: string;
  familyId: string;
  version: number;
  frozen: boolean;
}

export interface TemplateSummary {
  id: string;
  name: string;
  version: number;
  frozen: boolean;
  questions: number;
  rounds: number;
  updatedAt: string;
}

export interface RoundView {
  id: string;
  name: string;
  template: { id: string; name: string; version: number };
  agencies: { id: string; name: string }[];
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  status: 'scheduled' | 'open' | 'closed';
  statusLabel: string;
  openLink: boolean;
  publicToken: string;
  publicUrl: string;
  sample: {
    from: string | null;
    to: string | null;
    agencyRole: 'receiving' | 'competent' | null;
    requested: number;
    seed: number | null;
    frameSize: number;
    drawn: number;
  };
}

export interface RoundDetail extends RoundView {
  questionnaire: TemplateContent;
  myAgencyIds: string[];
}

export interface ElementIndex {
  element: Element;
  index: number | null;
  satisfied: number;
  answered: number;
  questions: number;
}

export interface SurveyIndex {
  elements: ElementIndex[];
  overall: number | null;
  responses: number;
  byAgency: {
    agencyId: string;
    agencyName: string;
    responses: number;
    elements: ElementIndex[];
    overall: number | null;
  }[];
  settings: IndexSettings;
  formula: string[];
}

export interface RoundResults {
  round: RoundView;
  counts: {
    responses: number;
    online: number;
    paper: number;
    sampleSize: number;
    sampledResponses: number;
    responseRate: number | null;
    byAgency: {
      agencyId: string;
      agencyName: string;
      responses: number;
      sampleSize: number;
      sampledResponses: number;
      responseRate: number | null;
    }[];
  };
  questions: {
    key: string;
    text: string;
    kindLabel: string;
    sectionTitle: string;
    scaleType: string;
    answered: number | null;
    distribution: { key: string; label: string; count: number }[];
    texts: string[];
  }[];
  index: SurveyIndex;
}

export interface SampleMember {
  dossierId: string;
  drawOrder: number;
  code: string | null;
  procedureName: string;
  applicantName: string;
  phone: string | null;
  email: string | null;
  agencyName: string;
  link: string;
  responded: boolean;
}

export const isSurveyManager = (user: Me | null | undefined) =>
  Boolean(
    user?.roles.some((r) => r.role === 'reform_officer' || (r.role === 'admin' && r.agencyId === null)),
  );

export const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;

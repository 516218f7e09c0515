import type { FeedbackStatus, SubjectKind, Timeliness } from '../../portal/feedback/feedbackApi';

/** GET /api/office/feedback/:id */
export interface OfficeFeedback {
  id: string;
  code: string;
  version: number;
  subjectKind: SubjectKind;
  subjectKindLabel: string;
  procedureCode: string | null;
  procedureName: string | null;
  field: string | null;
  addressedAgencyName: string | null;
  title: string;
  content: string;
  attachments: { fileId: string; name: string; mime: string; sizeBytes: number }[];
  sender: {
    name: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
    hasAccount: boolean;
  };
  consentToPublish: boolean;
  status: FeedbackStatus;
  statusLabel: string;
  withinCompetence: boolean | null;
  assignedAgencyId: string | null;
  assignedAgencyName: string | null;
  assignedAt: string | null;
  responseDays: number | null;
  dueAt: string | null;
  timeliness: Timeliness;
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
  containsPersonalData: boolean | null;
  publicContent: string | null;
  publicAnswer: string | null;
  publishedAt: string | null;
  rejectReason: string | null;
  duplicateOfCode: string | null;
  satisfaction: 'satisfied' | 'dissatisfied' | null;
  satisfactionComment: string | null;
  ratedAt: string | null;
  createdAt: string;
  availableActions: string[];
  similar: { id: string; code: string; title: string; status: string; published: boolean; score: number }[];
  events: {
    id: number;
    action: string;
    actionLabel: string;
    actorName: string | null;
    at: string;
    data: Record<string, unknown>;
  }[];
}

import type { FastifyInstance } from 'fastify';
import type { PrincipalName } from './principals.ts';

/**
 * Who may call each route, declared once for the authorisation matrix (`authz-matrix.test.ts`). A route the app
 * registers without a line here fails the matrix, so every new route gets a declared audience.
 *
 * - audience: the callers the route serves at all — `public` (anyone), `signed-in` (any account), `citizen`,
 *   `officer` (any officer with a role), `admin` (deployment-wide administrator), or a named group of roles;
 * - scope: what the record its path names must belong to — `own` (the signed-in person's), `agency` (an agency
 *   of the officer), `unit` (a unit of the officer); absent when the path names shared reference data or nothing;
 * - shows: private tables the route shows on purpose beyond the caller's own scope (each one says why).
 */
export type Audience =
  | 'public'
  | 'signed-in'
  | 'citizen'
  | 'officer'
  | 'admin'
  /** Another system with a signed request (none of the matrix's callers). */
  | 'interop-client'
  /** A subset of officers, by role (the managers of a feature); the value lists who of the matrix is in it. */
  | { officers: PrincipalName[] };
export interface RouteAccess {
  audience: Audience;
  scope?: 'own' | 'agency' | 'unit';
  shows?: string[];
}

const citizens: PrincipalName[] = ['citizenA', 'citizenB'];
const officers: PrincipalName[] = [
  'deskA',
  'specialistA',
  'headA',
  'leaderA',
  'clerkA',
  'otherAgencyA',
  'reformCity',
  'financeCity',
  'leaderCity',
  'deskOtherUnit',
  'admin',
];

export type Expectation = 'allowed' | 'refused' | 'either';

/** What the matrix expects of the caller on a route whose path names a record of scope A. */
export function expectedFor(access: RouteAccess, caller: PrincipalName): Expectation {
  const a = access.audience;
  const inAudience =
    a === 'public' ||
    (a === 'signed-in' && caller !== 'anonymous') ||
    (a === 'citizen' && citizens.includes(caller)) ||
    (a === 'officer' && officers.includes(caller)) ||
    (a === 'admin' && caller === 'admin') ||
    (typeof a === 'object' && a.officers.includes(caller));
  if (!inAudience) return 'refused';
  switch (access.scope) {
    case 'own':
      return caller === 'citizenA' ? 'allowed' : caller === 'admin' ? 'either' : 'refused';
    case 'agency':
      if (caller === 'deskA' || caller === 'admin') return 'allowed';
      return ['otherAgencyA', 'deskOtherUnit', 'citizenB', 'anonymous'].includes(caller)
        ? 'refused'
        : 'either';
    case 'unit':
      if (caller === 'deskA' || caller === 'admin') return 'allowed';
      return ['deskOtherUnit', 'citizenB', 'anonymous'].includes(caller) ? 'refused' : 'either';
    default:
      return 'allowed';
  }
}

/** Every route the router holds, as `METHOD /path/:param` (HEAD, answered by the GET handler, left out). */
export function registeredRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] as string).length / 4;
    stack.length = depth;
    stack.push(match[2] as string);
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) {
      routes.push(`${method} ${stack.join('')}`);
    }
  }
  return [...new Set(routes)].sort();
}

/** The reform office: reform officers (any agency) and the administrator. */
const reformOffice: PrincipalName[] = ['reformCity', 'admin'];
/** Editors of the portal's news (the culture and society office in the demo) and the administrator. */
const newsEditors: PrincipalName[] = ['otherAgencyA', 'admin'];
/** The reform budget's proposers, appraisers and approvers of the plan period, and the administrator. */
const budgetOfficers: PrincipalName[] = ['reformCity', 'financeCity', 'leaderCity', 'admin'];

/** The handlers of unit A's feedback (its people's committee) and the reform office, which oversees it. */
const feedbackHandlers: PrincipalName[] = [
  'specialistA',
  'headA',
  'leaderA',
  'clerkA',
  'reformCity',
  'admin',
];

export const routeAccess: Record<string, RouteAccess> = {
  'DELETE /api/admin/calendar/schedule/:id': { audience: 'admin' },
  'DELETE /api/admin/users/:userId/identity-links/:linkId': { audience: 'admin' },
  'DELETE /api/auth/sessions/:id': { audience: 'signed-in' },
  'DELETE /api/my/dossiers/:id': { audience: 'signed-in', scope: 'own' },
  'DELETE /api/my/dossiers/:id/documents/:documentId': { audience: 'signed-in', scope: 'own' },
  'DELETE /api/office/egov-assessments/criteria/:id': { audience: 'officer', scope: 'unit' },
  'DELETE /api/office/interlinked-procedures/:code': { audience: 'officer', scope: 'unit' },
  'DELETE /api/office/positions/:id': { audience: 'officer', scope: 'unit' },
  'DELETE /api/office/positions/:id/holders/:officialId': { audience: 'officer', scope: 'unit' },
  'DELETE /api/office/reform-index/nodes/:id': { audience: 'officer', scope: 'unit' },
  'DELETE /api/office/reform-tasks/:id': { audience: 'officer', scope: 'unit' },
  'DELETE /api/office/staff/courses/:id/participants/:officialId': { audience: 'officer', scope: 'unit' },
  'GET /api/admin/calendar/schedule': { audience: 'admin' },
  'GET /api/admin/evaluation-settings': { audience: 'admin' },
  'GET /api/admin/interop/clients': { audience: 'admin' },
  'GET /api/admin/interop/deliveries': { audience: 'admin' },
  'GET /api/admin/interop/rejections': { audience: 'admin' },
  'GET /api/admin/interop/requests': { audience: 'admin' },
  'GET /api/admin/interop/subscriptions': { audience: 'admin' },
  'GET /api/admin/lockouts': { audience: 'admin' },
  'GET /api/admin/procedure-flags': { audience: 'admin' },
  'GET /api/admin/procedures': { audience: 'admin' },
  'GET /api/admin/procedures/:code': { audience: 'admin' },
  'GET /api/admin/procedures/:code/form-schema': { audience: 'admin' },
  'GET /api/admin/rating-scale': { audience: 'admin' },
  'GET /api/admin/security-settings': { audience: 'admin' },
  'GET /api/admin/users': { audience: 'admin' },
  'GET /api/admin/users/:userId/identity-links': { audience: 'admin' },
  'GET /api/agencies': { audience: 'public' },
  'GET /api/auth/identity-links': { audience: 'signed-in' },
  'GET /api/auth/me': { audience: 'public' },
  'GET /api/auth/oidc': { audience: 'public' },
  'GET /api/auth/oidc/callback': { audience: 'public' },
  'GET /api/auth/oidc/start': { audience: 'public' },
  'GET /api/auth/security-events': { audience: 'signed-in' },
  'GET /api/auth/sessions': { audience: 'signed-in' },
  'GET /api/auth/totp': { audience: 'signed-in' },
  'GET /api/calendar/due': { audience: 'public' },
  'GET /api/calendar/holidays': { audience: 'public' },
  'GET /api/docs': { audience: 'public' },
  'GET /api/docs/': { audience: 'public' },
  'GET /api/docs/*': { audience: 'public' },
  'GET /api/docs/json': { audience: 'public' },
  'GET /api/docs/static/index.html': { audience: 'public' },
  'GET /api/docs/static/swagger-initializer.js': { audience: 'public' },
  'GET /api/docs/yaml': { audience: 'public' },
  'GET /api/dossiers/lookup': { audience: 'public' },
  'GET /api/feedback/lookup': { audience: 'public' },
  'GET /api/feedback/published': { audience: 'public' },
  'GET /api/feedback/published/:code': { audience: 'public' },
  'GET /api/health': { audience: 'public' },
  'GET /api/interop/v1/dossiers/:code': { audience: 'interop-client' },
  'GET /api/interop/v1/openapi.json': { audience: 'public' },
  'GET /api/kpi/figures': { audience: 'public' },
  'GET /api/kpi/rankings': { audience: 'public' },
  'GET /api/kpi/settings': { audience: 'public' },
  // Answered to the machine itself or to a bearer of METRICS_TOKEN; injected requests come from 127.0.0.1.
  'GET /api/metrics': { audience: 'public' },
  'GET /api/my/dossiers': { audience: 'signed-in' },
  'GET /api/my/dossiers/:id': { audience: 'signed-in', scope: 'own' },
  'GET /api/my/dossiers/:id/forms/:kind': { audience: 'signed-in', scope: 'own' },
  'GET /api/my/dossiers/:id/payment': { audience: 'signed-in', scope: 'own' },
  'GET /api/my/dossiers/:id/payment/receipt': { audience: 'signed-in', scope: 'own' },
  'GET /api/my/dossiers/:id/rating': { audience: 'signed-in', scope: 'own' },
  'GET /api/my/feedback': { audience: 'signed-in' },
  'GET /api/my/feedback/:id': { audience: 'signed-in', scope: 'own' },
  'GET /api/my/files/:fileId': { audience: 'signed-in', scope: 'agency' },
  'GET /api/my/notification-preferences': { audience: 'signed-in' },
  'GET /api/my/notifications': { audience: 'signed-in' },
  'GET /api/news': { audience: 'public' },
  'GET /api/news/articles/:slug': { audience: 'public' },
  'GET /api/news/categories': { audience: 'public' },
  'GET /api/news/files/:fileId': { audience: 'public' },
  'GET /api/news/procedures/:code': { audience: 'public' },
  'GET /api/news/rss.xml': { audience: 'public' },
  'GET /api/office/agencies': { audience: 'officer' },
  'GET /api/office/agencies/:id': { audience: 'officer', scope: 'agency' },
  'GET /api/office/agencies/:id/officers': { audience: 'officer', scope: 'agency' },
  'GET /api/office/audit/entries': { audience: { officers: reformOffice } },
  'GET /api/office/audit/units': { audience: { officers: reformOffice } },
  'GET /api/office/documents': { audience: 'officer', scope: 'agency' },
  'GET /api/office/documents/:id/history': { audience: 'officer' },
  'GET /api/office/documents/e-exchange': { audience: 'officer', scope: 'agency' },
  'GET /api/office/documents/template': { audience: 'officer' },
  'GET /api/office/dossiers': { audience: 'officer', scope: 'agency' },
  'GET /api/office/dossiers/:id': { audience: 'officer', scope: 'agency' },
  // The reform office appraises the dossiers of every unit it covers (successor wards included), not only its own
  // agency's: evaluation-access.ts.
  'GET /api/office/dossiers/:id/evaluation': { audience: 'officer', scope: 'agency', shows: ['dossiers'] },
  'GET /api/office/dossiers/:id/forms/:kind': { audience: 'officer', scope: 'agency' },
  // What was sent to the applicant about a dossier the officer may see (the applicant's own notifications).
  'GET /api/office/dossiers/:id/notifications': {
    audience: 'officer',
    scope: 'agency',
    shows: ['notifications'],
  },
  'GET /api/office/dossiers/:id/payment': { audience: 'officer', scope: 'agency' },
  'GET /api/office/dossiers/:id/payment/receipt': { audience: 'officer', scope: 'agency' },
  'GET /api/office/egov-assessments': { audience: 'officer' },
  'GET /api/office/egov-assessments/:id': { audience: 'officer' },
  'GET /api/office/egov-assessments/criteria': { audience: 'officer' },
  'GET /api/office/egov-assessments/gaps': { audience: { officers: reformOffice } },
  'GET /api/office/egov-assessments/gaps.xlsx': { audience: { officers: reformOffice } },
  'GET /api/office/evaluations': { audience: 'officer' },
  'GET /api/office/feedback': { audience: 'officer' },
  'GET /api/office/feedback-indicators': { audience: 'officer' },
  'GET /api/office/feedback/:id': { audience: { officers: feedbackHandlers } },
  'GET /api/office/feedback/:id/attachments/:fileId': { audience: { officers: feedbackHandlers } },
  'GET /api/office/files/:fileId': { audience: 'officer', scope: 'agency' },
  'GET /api/office/interlinked-procedures': { audience: 'officer' },
  'GET /api/office/iso': { audience: 'officer' },
  'GET /api/office/iso/:agencyId': { audience: 'officer', scope: 'agency' },
  'GET /api/office/kpi/dossiers': { audience: 'officer' },
  'GET /api/office/legal-review': { audience: 'officer' },
  'GET /api/office/meetings': { audience: 'officer' },
  'GET /api/office/meetings/:id': { audience: 'officer' },
  'GET /api/office/meetings/:id/versions/:versionId/file': { audience: 'officer' },
  'GET /api/office/meetings/invitable': { audience: 'officer' },
  'GET /api/office/news': { audience: { officers: newsEditors } },
  'GET /api/office/news/:id': { audience: { officers: newsEditors } },
  'GET /api/office/payments/reconciliation': { audience: 'officer', scope: 'agency' },
  'GET /api/office/payments/reconciliation.xlsx': { audience: 'officer', scope: 'agency' },
  'GET /api/office/positions/agencies': { audience: 'officer' },
  'GET /api/office/positions/agency/:agencyId': { audience: 'officer', scope: 'agency' },
  'GET /api/office/positions/summary': { audience: 'officer' },
  'GET /api/office/positions/summary.xlsx': { audience: 'officer' },
  'GET /api/office/procedure-reviews': { audience: 'officer' },
  'GET /api/office/procedure-reviews/:id': { audience: 'officer' },
  'GET /api/office/procedure-reviews/:id/report.pdf': { audience: 'officer' },
  'GET /api/office/procedure-reviews/:id/report.xlsx': { audience: 'officer' },
  'GET /api/office/procedure-reviews/items/:id': { audience: 'officer' },
  'GET /api/office/procedures/:id/payment-setting': { audience: 'officer' },
  'GET /api/office/ratings': { audience: 'officer' },
  'GET /api/office/reform-board': { audience: { officers: ['deskA', 'reformCity', 'admin'] } },
  'GET /api/office/reform-budget/export.xlsx': { audience: 'officer' },
  'GET /api/office/reform-budget/lines': {
    audience: { officers: ['deskA', 'reformCity', 'financeCity', 'leaderCity', 'admin'] },
  },
  'GET /api/office/reform-budget/lines/:id': { audience: { officers: budgetOfficers } },
  'GET /api/office/reform-budget/settings': { audience: 'officer' },
  'GET /api/office/reform-budget/summary': { audience: 'officer' },
  'GET /api/office/reform-budget/tasks': { audience: 'officer' },
  'GET /api/office/reform-index/years': { audience: 'officer' },
  'GET /api/office/reform-index/years/:id': { audience: 'officer' },
  'GET /api/office/reform-index/years/:id/agencies/:agencyId': { audience: 'officer' },
  'GET /api/office/reform-index/years/:id/agencies/:agencyId/scores/:nodeId/evidence/:fileId': {
    audience: 'officer',
  },
  'GET /api/office/reform-index/years/:id/results': { audience: { officers: reformOffice } },
  'GET /api/office/reform-plans': { audience: 'officer' },
  'GET /api/office/reform-plans/:id': { audience: 'officer' },
  'GET /api/office/reform-plans/:id/board': { audience: 'officer' },
  'GET /api/office/reform-plans/:id/tasks': { audience: 'officer' },
  'GET /api/office/reform-reports': { audience: 'officer' },
  'GET /api/office/reform-reports/:id': { audience: { officers: reformOffice } },
  'GET /api/office/reform-reports/consolidated': { audience: { officers: reformOffice } },
  'GET /api/office/reform-reports/consolidated/file': { audience: { officers: reformOffice } },
  'GET /api/office/reform-tasks/:id': { audience: 'officer' },
  'GET /api/office/reform-tasks/:id/evidence/:fileId': { audience: 'officer' },
  'GET /api/office/reports/procedure-handling': { audience: 'officer', scope: 'agency' },
  'GET /api/office/reports/procedure-handling/dossiers': { audience: 'officer', scope: 'agency' },
  'GET /api/office/staff/agencies': { audience: 'officer' },
  'GET /api/office/staff/courses': { audience: 'officer' },
  'GET /api/office/staff/courses/:id': { audience: 'officer' },
  'GET /api/office/staff/indicators': { audience: { officers: ['deskA', 'reformCity', 'admin'] } },
  'GET /api/office/staff/indicators/officials': { audience: { officers: ['deskA', 'reformCity', 'admin'] } },
  'GET /api/office/staff/officials': { audience: { officers: ['deskA', 'reformCity', 'admin'] } },
  // The target is an official of agency A (the ward's desk): every officer of that agency reads it.
  'GET /api/office/staff/officials/:id': {
    audience: { officers: ['deskA', 'specialistA', 'headA', 'leaderA', 'clerkA', 'reformCity', 'admin'] },
  },
  'GET /api/office/staff/officials/import-template': { audience: 'officer' },
  'GET /api/office/staff/topics': { audience: 'officer' },
  'GET /api/office/survey-index': { audience: { officers: reformOffice } },
  'GET /api/office/survey-rounds': { audience: 'officer' },
  'GET /api/office/survey-rounds/:id': {
    audience: { officers: ['deskA', 'reformCity', 'deskOtherUnit', 'admin'] },
  },
  'GET /api/office/survey-rounds/:id/export.xlsx': {
    audience: { officers: ['deskA', 'reformCity', 'deskOtherUnit', 'admin'] },
  },
  'GET /api/office/survey-rounds/:id/qr.png': {
    audience: { officers: ['deskA', 'reformCity', 'deskOtherUnit', 'admin'] },
  },
  'GET /api/office/survey-rounds/:id/results': {
    audience: { officers: ['deskA', 'reformCity', 'deskOtherUnit', 'admin'] },
  },
  'GET /api/office/survey-rounds/:id/sample': {
    audience: { officers: ['deskA', 'reformCity', 'deskOtherUnit', 'admin'] },
  },
  'GET /api/office/survey-templates': { audience: { officers: reformOffice } },
  'GET /api/office/survey-templates/:id': { audience: { officers: reformOffice } },
  'GET /api/office/survey-templates/preset': { audience: { officers: reformOffice } },
  'GET /api/office/tracking-book': { audience: 'officer', scope: 'agency' },
  'GET /api/payments/vnpay/ipn': { audience: 'public' },
  'GET /api/payments/vnpay/return': { audience: 'public' },
  'GET /api/procedures': { audience: 'public' },
  'GET /api/procedures/:code': { audience: 'public' },
  'GET /api/procedures/:code/application': { audience: 'public' },
  'GET /api/procedures/fields': { audience: 'public' },
  'GET /api/public/reform-index': { audience: 'public' },
  'GET /api/public/reform-index/:year': { audience: 'public' },
  'GET /api/public/surveys/:token': { audience: 'public' },
  'GET /api/ratings/by-link/:token': { audience: 'public' },
  'GET /api/ready': { audience: 'public' },
  'GET /api/units': { audience: 'public' },
  'PATCH /api/office/documents/:id': { audience: 'officer', scope: 'unit' },
  'PATCH /api/office/egov-assessments/criteria/:id': { audience: 'officer', scope: 'unit' },
  'PATCH /api/office/iso/:agencyId/audits/:auditId': { audience: 'officer', scope: 'agency' },
  'PATCH /api/office/procedure-reviews/:id': { audience: 'officer', scope: 'unit' },
  'PATCH /api/office/procedure-reviews/items/:id': { audience: 'officer', scope: 'unit' },
  'PATCH /api/office/procedure-reviews/proposals/:id': { audience: 'officer', scope: 'unit' },
  'PATCH /api/office/reform-index/nodes/:id': { audience: 'officer', scope: 'unit' },
  'PATCH /api/office/reform-index/years/:id': { audience: 'officer', scope: 'unit' },
  'PATCH /api/office/reform-plans/:id': { audience: 'officer', scope: 'unit' },
  'PATCH /api/office/reform-plans/targets/:id': { audience: 'officer', scope: 'unit' },
  'PATCH /api/office/reform-tasks/:id': { audience: 'officer', scope: 'unit' },
  'POST /api/admin/calendar/schedule': { audience: 'admin' },
  'POST /api/admin/interop/clients': { audience: 'admin' },
  'POST /api/admin/interop/clients/:id/key': { audience: 'admin' },
  'POST /api/admin/interop/clients/:id/subscriptions': { audience: 'admin' },
  'POST /api/admin/interop/deliveries/:ownerUnitId/:id/redeliver': { audience: 'admin' },
  'POST /api/admin/lockouts/:id/unlock': { audience: 'admin' },
  'POST /api/admin/procedure-flags/:id/resolve': { audience: 'admin' },
  'POST /api/admin/procedures': { audience: 'admin' },
  'POST /api/admin/procedures/:code/publish': { audience: 'admin' },
  'POST /api/admin/procedures/:code/unpublish': { audience: 'admin' },
  'POST /api/admin/users': { audience: 'admin' },
  'POST /api/admin/users/:userId/identity-links': { audience: 'admin' },
  'POST /api/auth/change-password': { audience: 'signed-in' },
  'POST /api/auth/login': { audience: 'public' },
  'POST /api/auth/logout': { audience: 'public' },
  'POST /api/auth/second-factor': { audience: 'public' },
  'POST /api/auth/sessions/end-others': { audience: 'signed-in' },
  'POST /api/auth/signup': { audience: 'public' },
  'POST /api/auth/totp/confirm': { audience: 'signed-in' },
  'POST /api/auth/totp/disable': { audience: 'signed-in' },
  'POST /api/auth/totp/enrol': { audience: 'signed-in' },
  'POST /api/feedback': { audience: 'public' },
  'POST /api/feedback/files': { audience: 'public' },
  'POST /api/feedback/similar': { audience: 'public' },
  'POST /api/interop/v1/dossiers': { audience: 'interop-client' },
  'POST /api/my/dossiers': { audience: 'signed-in' },
  'POST /api/my/dossiers/:id/actions': { audience: 'signed-in', scope: 'own' },
  'POST /api/my/dossiers/:id/documents': { audience: 'signed-in', scope: 'own' },
  'POST /api/my/dossiers/:id/payment': { audience: 'signed-in', scope: 'own' },
  'POST /api/my/files': { audience: 'signed-in' },
  'POST /api/my/notifications/:id/read': { audience: 'signed-in', scope: 'own' },
  'POST /api/my/notifications/read-all': { audience: 'signed-in' },
  'POST /api/office/audit/verify': { audience: { officers: reformOffice } },
  'POST /api/office/documents': { audience: 'officer' },
  'POST /api/office/documents/:id/archive': { audience: 'officer', scope: 'unit' },
  'POST /api/office/documents/import': { audience: 'officer' },
  'POST /api/office/dossiers': { audience: 'officer', scope: 'agency' },
  'POST /api/office/dossiers/:id/actions': { audience: 'officer', scope: 'agency' },
  'POST /api/office/dossiers/:id/assign': { audience: 'officer', scope: 'agency' },
  'POST /api/office/dossiers/:id/payment/refund': { audience: 'officer', scope: 'agency' },
  'POST /api/office/egov-assessments': { audience: 'officer' },
  'POST /api/office/egov-assessments/:id/review': { audience: 'officer', scope: 'unit' },
  'POST /api/office/egov-assessments/:id/submit': { audience: 'officer', scope: 'unit' },
  'POST /api/office/egov-assessments/criteria': { audience: 'officer' },
  'POST /api/office/egov-assessments/criteria/copy': { audience: 'officer' },
  'POST /api/office/feedback/:id/actions': { audience: { officers: feedbackHandlers } },
  'POST /api/office/files': { audience: 'officer' },
  'POST /api/office/iso/:agencyId/audits': { audience: 'officer', scope: 'agency' },
  'POST /api/office/legal-review/plans': { audience: 'officer' },
  'POST /api/office/legal-review/plans/:planId/items': { audience: 'officer', scope: 'unit' },
  'POST /api/office/meetings': { audience: 'officer' },
  'POST /api/office/meetings/:id/confirm': { audience: 'officer', scope: 'unit' },
  'POST /api/office/meetings/:id/documents': { audience: 'officer', scope: 'unit' },
  'POST /api/office/meetings/:id/documents/:documentId/versions': { audience: 'officer', scope: 'unit' },
  'POST /api/office/meetings/:id/tasks': { audience: 'officer', scope: 'unit' },
  'POST /api/office/news': { audience: { officers: newsEditors } },
  'POST /api/office/news/:id/publish': { audience: { officers: newsEditors } },
  'POST /api/office/news/:id/unpublish': { audience: { officers: newsEditors } },
  'POST /api/office/news/categories': { audience: { officers: newsEditors } },
  'POST /api/office/news/files': { audience: { officers: newsEditors } },
  'POST /api/office/positions': { audience: 'officer' },
  'POST /api/office/positions/:id/holders': { audience: 'officer', scope: 'unit' },
  'POST /api/office/procedure-reviews': { audience: 'officer' },
  'POST /api/office/procedure-reviews/:id/items': { audience: 'officer', scope: 'unit' },
  'POST /api/office/procedure-reviews/items/:id/proposals': { audience: 'officer', scope: 'unit' },
  'POST /api/office/ratings': { audience: 'officer' },
  'POST /api/office/reform-budget/lines': { audience: 'officer' },
  'POST /api/office/reform-budget/lines/:id/:action': { audience: { officers: budgetOfficers } },
  'POST /api/office/reform-files': { audience: 'officer' },
  'POST /api/office/reform-index/files': { audience: 'officer' },
  'POST /api/office/reform-index/years': { audience: 'officer' },
  'POST /api/office/reform-index/years/:id/agencies/:agencyId/scores/:nodeId/response': {
    audience: 'officer',
  },
  'POST /api/office/reform-index/years/:id/nodes': { audience: 'officer', scope: 'unit' },
  'POST /api/office/reform-index/years/:id/transition': { audience: 'officer', scope: 'unit' },
  'POST /api/office/reform-plans': { audience: 'officer' },
  'POST /api/office/reform-plans/:id/areas': { audience: 'officer', scope: 'unit' },
  'POST /api/office/reform-plans/:id/copy': { audience: 'officer', scope: 'unit' },
  'POST /api/office/reform-plans/:id/targets': { audience: 'officer', scope: 'unit' },
  'POST /api/office/reform-plans/:id/tasks': { audience: 'officer', scope: 'unit' },
  'POST /api/office/reform-reminders/run': { audience: 'officer' },
  'POST /api/office/reform-reports': { audience: 'officer' },
  'POST /api/office/reform-reports/:id/accept': { audience: { officers: reformOffice } },
  'POST /api/office/reform-reports/:id/refresh-figures': { audience: { officers: reformOffice } },
  'POST /api/office/reform-reports/:id/return': { audience: { officers: reformOffice } },
  'POST /api/office/reform-reports/:id/submit': { audience: { officers: reformOffice } },
  'POST /api/office/reform-tasks/:id/progress': { audience: 'officer', scope: 'unit' },
  'POST /api/office/staff/courses': { audience: 'officer' },
  'POST /api/office/staff/officials': { audience: 'officer' },
  'POST /api/office/staff/officials/import': { audience: 'officer' },
  'POST /api/office/survey-rounds': { audience: 'officer' },
  'POST /api/office/survey-rounds/:id/close': { audience: { officers: reformOffice } },
  'POST /api/office/survey-rounds/:id/paper-responses': {
    audience: { officers: ['deskA', 'reformCity', 'deskOtherUnit', 'admin'] },
  },
  'POST /api/office/survey-templates': { audience: { officers: reformOffice } },
  'POST /api/public/surveys/:token/responses': { audience: 'public' },
  'PUT /api/admin/evaluation-settings': { audience: 'admin' },
  'PUT /api/admin/interop/clients/:id': { audience: 'admin' },
  'PUT /api/admin/interop/subscriptions/:id': { audience: 'admin' },
  'PUT /api/admin/procedures/:code': { audience: 'admin' },
  'PUT /api/admin/procedures/:code/form-schema': { audience: 'admin' },
  'PUT /api/admin/rating-scale': { audience: 'admin' },
  'PUT /api/admin/security-settings': { audience: 'admin' },
  'PUT /api/feedback/lookup/satisfaction': { audience: 'public' },
  'PUT /api/my/dossiers/:id/draft': { audience: 'signed-in', scope: 'own' },
  'PUT /api/my/dossiers/:id/rating': { audience: 'signed-in', scope: 'own' },
  'PUT /api/my/feedback/:id/satisfaction': { audience: 'signed-in', scope: 'own' },
  'PUT /api/my/notification-preferences': { audience: 'signed-in' },
  'PUT /api/office/dossiers/:id/evaluation/appraisal': { audience: 'officer', scope: 'agency' },
  'PUT /api/office/dossiers/:id/evaluation/self-score': { audience: 'officer', scope: 'agency' },
  'PUT /api/office/egov-assessments/:id/values': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/interlinked-procedures/:code': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/iso/:agencyId': { audience: 'officer', scope: 'agency' },
  'PUT /api/office/iso/:agencyId/procedures': { audience: 'officer', scope: 'agency' },
  'PUT /api/office/kpi/settings': { audience: 'officer' },
  'PUT /api/office/meetings/:id': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/meetings/:id/agenda/:itemId/conclusion': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/meetings/:id/attendance': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/meetings/:id/tasks/:taskId/status': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/news/:id': { audience: { officers: newsEditors } },
  'PUT /api/office/positions/:id': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/positions/quotas/:agencyId/:year': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/positions/streamlining/:agencyId': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/procedures/:id/payment-setting': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/reform-budget/lines/:id': { audience: { officers: budgetOfficers } },
  'PUT /api/office/reform-budget/settings': { audience: 'officer' },
  'PUT /api/office/reform-index/years/:id/agencies/:agencyId/scores/:nodeId/appraisal': {
    audience: 'officer',
  },
  'PUT /api/office/reform-index/years/:id/agencies/:agencyId/scores/:nodeId/self': {
    audience: 'officer',
    scope: 'unit',
  },
  'PUT /api/office/reform-plans/targets/:id/actuals/:year': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/reform-reports/:id': { audience: { officers: reformOffice } },
  'PUT /api/office/staff/courses/:id': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/staff/courses/:id/participants': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/staff/officials/:id': {
    audience: { officers: ['specialistA', 'headA', 'leaderA', 'clerkA', 'reformCity', 'admin'] },
  },
  'PUT /api/office/staff/topics/:key': { audience: 'officer', scope: 'unit' },
  'PUT /api/office/survey-templates/:id': { audience: { officers: reformOffice } },
  'PUT /api/ratings/by-link/:token': { audience: 'public' },
};

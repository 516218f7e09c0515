import { App as AntApp } from 'antd';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { OfficeLayout } from './OfficeLayout';
import { RequireAdmin, RequireOfficer } from './RequireOfficer';

const DashboardPage = lazy(() => import('./DashboardPage'));
const AgencyPage = lazy(() => import('./AgencyPage'));
const IntakePage = lazy(() => import('./dossiers/IntakePage'));
const DossierListPage = lazy(() => import('./dossiers/DossierListPage'));
const DossierPage = lazy(() => import('./dossiers/DossierPage'));
const CounterRatingPage = lazy(() => import('../ratings/CounterRatingPage'));
const ReportPage = lazy(() => import('./reports/ReportPage'));
const KpiDashboardPage = lazy(() => import('./kpi/KpiDashboardPage'));
const KpiSettingsPage = lazy(() => import('./kpi/KpiSettingsPage'));
const SurveysPage = lazy(() => import('./surveys/SurveysPage'));
const TemplateDesignerPage = lazy(() => import('./surveys/TemplateDesignerPage'));
const RoundCreatePage = lazy(() => import('./surveys/RoundCreatePage'));
const RoundPage = lazy(() => import('./surveys/RoundPage'));
const PaperEntryPage = lazy(() => import('./surveys/PaperEntryPage'));
const ProceduresAdminPage = lazy(() => import('./admin/ProceduresAdminPage'));
const ProcedureEditPage = lazy(() => import('./admin/ProcedureEditPage'));
const FormSchemaPage = lazy(() => import('./admin/FormSchemaPage'));
const FlagsReviewPage = lazy(() => import('./admin/FlagsReviewPage'));
const OfficersPage = lazy(() => import('./admin/OfficersPage'));
const CalendarAdminPage = lazy(() => import('./admin/CalendarAdminPage'));
const AuditLogPage = lazy(() => import('./audit/AuditLogPage'));
const InteropPage = lazy(() => import('./interop/InteropPage'));
const FeedbackQueuePage = lazy(() => import('./feedback/FeedbackQueuePage'));
const FeedbackItemPage = lazy(() => import('./feedback/FeedbackItemPage'));
const EvaluationListPage = lazy(() => import('./evaluation/EvaluationListPage'));
const EvaluationSettingsPage = lazy(() => import('./evaluation/EvaluationSettingsPage'));
const AccountSecurityPage = lazy(() => import('./admin/AccountSecurityPage'));
const StaffPage = lazy(() => import('./staff/StaffPage'));
const PositionsPage = lazy(() => import('./positions/PositionsPage'));
const BudgetPage = lazy(() => import('./reform-budget/BudgetPage'));
const BudgetLinePage = lazy(() => import('./reform-budget/BudgetLinePage'));
const ReformPlansPage = lazy(() => import('./reform-plan/ReformPlansPage'));
const ReformPlanPage = lazy(() => import('./reform-plan/ReformPlanPage'));
const ReformTaskPage = lazy(() => import('./reform-plan/ReformTaskPage'));
const AgencyBoardPage = lazy(() => import('./reform-plan/AgencyBoardPage'));
const ReformReportsPage = lazy(() => import('./reform-report/ReformReportsPage'));
const ReformReportPage = lazy(() => import('./reform-report/ReformReportPage'));
const DocumentsPage = lazy(() => import('./documents/DocumentsPage'));
const ReformIndexYearsPage = lazy(() => import('./reform-index/ReformIndexYearsPage'));
const ReformIndexYearPage = lazy(() => import('./reform-index/ReformIndexYearPage'));
const MeetingsPage = lazy(() => import('./meetings/MeetingsPage'));
const MeetingPage = lazy(() => import('./meetings/MeetingPage'));
const MeetingFormPage = lazy(() => import('./meetings/MeetingFormPage'));
const NewsEditorListPage = lazy(() => import('./news/NewsEditorListPage'));
const NewsEditPage = lazy(() => import('./news/NewsEditPage'));
const AgencySheetPage = lazy(() => import('./reform-index/AgencySheetPage'));
const ReconciliationPage = lazy(() => import('./payments/ReconciliationPage'));
const NotificationsPage = lazy(() => import('../portal/notifications/NotificationsPage'));
const ReviewPlansPage = lazy(() => import('./procedure-review/ReviewPlansPage'));
const ReviewPlanPage = lazy(() => import('./procedure-review/ReviewPlanPage'));
const ReviewItemPage = lazy(() => import('./procedure-review/ReviewItemPage'));
const InterlinkedPage = lazy(() => import('./procedure-review/InterlinkedPage'));
const EgovAssessmentsPage = lazy(() => import('./egov-assessment/EgovAssessmentsPage'));
const EgovAssessmentPage = lazy(() => import('./egov-assessment/EgovAssessmentPage'));

/** The back office (/quan-tri/*), loaded on demand. */
export default function OfficeApp() {
  return (
    <AntApp component={false}>
      <RequireOfficer>
        <OfficeLayout>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route index element={<DashboardPage />} />
              <Route path="co-quan/:id" element={<AgencyPage />} />
              <Route path="tiep-nhan" element={<IntakePage />} />
              <Route path="ho-so" element={<DossierListPage />} />
              <Route path="ho-so/:id" element={<DossierPage />} />
              <Route path="doi-soat-thanh-toan" element={<ReconciliationPage />} />
              <Route path="danh-gia-tai-quay" element={<CounterRatingPage />} />
              <Route path="bao-cao" element={<ReportPage />} />
              <Route path="chi-so" element={<KpiDashboardPage />} />
              <Route path="chi-so/cai-dat" element={<KpiSettingsPage />} />
              <Route path="phan-anh-kien-nghi" element={<FeedbackQueuePage />} />
              <Route path="phan-anh-kien-nghi/:id" element={<FeedbackItemPage />} />
              <Route path="danh-gia-giai-quyet" element={<EvaluationListPage />} />
              <Route
                path="ket-noi-he-thong"
                element={
                  <RequireAdmin>
                    <InteropPage />
                  </RequireAdmin>
                }
              />
              <Route
                path="bao-mat-tai-khoan"
                element={
                  <RequireAdmin>
                    <AccountSecurityPage />
                  </RequireAdmin>
                }
              />
              <Route
                path="cai-dat-danh-gia"
                element={
                  <RequireAdmin>
                    <EvaluationSettingsPage />
                  </RequireAdmin>
                }
              />
              <Route path="ke-hoach-cchc" element={<ReformPlansPage />} />
              <Route path="ke-hoach-cchc/:id" element={<ReformPlanPage />} />
              <Route path="ke-hoach-cchc/nhiem-vu/:id" element={<ReformTaskPage />} />
              <Route path="viec-cua-co-quan" element={<AgencyBoardPage />} />
              <Route path="thong-bao" element={<NotificationsPage office />} />
              <Route path="bao-cao-cchc" element={<ReformReportsPage />} />
              <Route path="bao-cao-cchc/:id" element={<ReformReportPage />} />
              <Route path="chi-so-cchc" element={<ReformIndexYearsPage />} />
              <Route path="chi-so-cchc/:id" element={<ReformIndexYearPage />} />
              <Route path="chi-so-cchc/:id/co-quan/:agencyId" element={<AgencySheetPage />} />
              <Route path="hop" element={<MeetingsPage />} />
              <Route path="hop/moi" element={<MeetingFormPage />} />
              <Route path="hop/:id" element={<MeetingPage />} />
              <Route path="hop/:id/sua" element={<MeetingFormPage />} />
              <Route path="tin-tuc" element={<NewsEditorListPage />} />
              <Route path="tin-tuc/:id" element={<NewsEditPage />} />
              <Route path="ra-soat-tthc" element={<ReviewPlansPage />} />
              <Route path="ra-soat-tthc/:id" element={<ReviewPlanPage />} />
              <Route path="ra-soat-tthc/thu-tuc/:id" element={<ReviewItemPage />} />
              <Route path="thu-tuc-lien-thong" element={<InterlinkedPage />} />
              <Route path="chinh-quyen-dien-tu" element={<EgovAssessmentsPage />} />
              <Route path="chinh-quyen-dien-tu/:id" element={<EgovAssessmentPage />} />
              <Route path="van-ban" element={<DocumentsPage />} />
              <Route path="nhan-su" element={<StaffPage />} />
              <Route path="vi-tri-viec-lam" element={<PositionsPage />} />
              <Route path="kinh-phi-cchc" element={<BudgetPage />} />
              <Route path="kinh-phi-cchc/:id" element={<BudgetLinePage />} />
              <Route path="khao-sat" element={<SurveysPage />} />
              <Route path="khao-sat/mau/:id" element={<TemplateDesignerPage />} />
              <Route path="khao-sat/dot/moi" element={<RoundCreatePage />} />
              <Route path="khao-sat/dot/:id" element={<RoundPage />} />
              <Route path="khao-sat/dot/:id/nhap-phieu" element={<PaperEntryPage />} />
              <Route
                path="thu-tuc"
                element={
                  <RequireAdmin>
                    <ProceduresAdminPage />
                  </RequireAdmin>
                }
              />
              <Route
                path="thu-tuc/:code"
                element={
                  <RequireAdmin>
                    <ProcedureEditPage />
                  </RequireAdmin>
                }
              />
              <Route
                path="thu-tuc/:code/bieu-mau-truc-tuyen"
                element={
                  <RequireAdmin>
                    <FormSchemaPage />
                  </RequireAdmin>
                }
              />
              <Route
                path="ra-soat"
                element={
                  <RequireAdmin>
                    <FlagsReviewPage />
                  </RequireAdmin>
                }
              />
              <Route
                path="can-bo"
                element={
                  <RequireAdmin>
                    <OfficersPage />
                  </RequireAdmin>
                }
              />
              <Route
                path="lich-nghi"
                element={
                  <RequireAdmin>
                    <CalendarAdminPage />
                  </RequireAdmin>
                }
              />
              <Route path="nhat-ky-kiem-toan" element={<AuditLogPage />} />
              <Route path="*" element={<NotFound backTo="/quan-tri" backLabel="Về trang quản trị" />} />
            </Routes>
          </Suspense>
        </OfficeLayout>
      </RequireOfficer>
    </AntApp>
  );
}

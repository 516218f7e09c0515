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
const ProceduresAdminPage = lazy(() => import('./admin/ProceduresAdminPage'));
const ProcedureEditPage = lazy(() => import('./admin/ProcedureEditPage'));
const FormSchemaPage = lazy(() => import('./admin/FormSchemaPage'));
const FlagsReviewPage = lazy(() => import('./admin/FlagsReviewPage'));
const OfficersPage = lazy(() => import('./admin/OfficersPage'));
const CalendarAdminPage = lazy(() => import('./admin/CalendarAdminPage'));

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
              <Route path="danh-gia-tai-quay" element={<CounterRatingPage />} />
              <Route path="bao-cao" element={<ReportPage />} />
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
              <Route path="*" element={<NotFound backTo="/quan-tri" backLabel="Về trang quản trị" />} />
            </Routes>
          </Suspense>
        </OfficeLayout>
      </RequireOfficer>
    </AntApp>
  );
}

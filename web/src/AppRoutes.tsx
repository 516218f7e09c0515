import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from './components/Loading';
import { HomePage } from './portal/HomePage';
import { PortalLayout } from './portal/PortalLayout';

// Everything but the home page is loaded on demand; the back office is its own set of chunks.
const CatalogPage = lazy(() => import('./portal/CatalogPage'));
const ProcedurePage = lazy(() => import('./portal/ProcedurePage'));
const SignUpPage = lazy(() => import('./portal/SignUpPage'));
const LoginPage = lazy(() => import('./portal/LoginPage'));
const AccountPage = lazy(() => import('./portal/AccountPage'));
const OfficeApp = lazy(() => import('./office/OfficeApp'));
const NotFoundPage = lazy(() => import('./portal/NotFoundPage'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<HomePage />} />
        <Route path="thu-tuc" element={<CatalogPage />} />
        <Route path="thu-tuc/:code" element={<ProcedurePage />} />
        <Route path="dang-ky" element={<SignUpPage />} />
        <Route path="dang-nhap" element={<LoginPage />} />
        <Route path="tai-khoan" element={<AccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
      <Route
        path="quan-tri/*"
        element={
          <Suspense fallback={<Loading label="Đang tải trang quản trị…" />}>
            <OfficeApp />
          </Suspense>
        }
      />
    </Routes>
  );
}

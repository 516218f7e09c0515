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
const SecurityPage = lazy(() => import('./portal/security/SecurityPage'));
const SessionsPage = lazy(() => import('./portal/security/SessionsPage'));
const TwoFactorEnrolPage = lazy(() => import('./portal/security/TwoFactorEnrolPage'));
const OfficeApp = lazy(() => import('./office/OfficeApp'));
const TrackingPage = lazy(() => import('./portal/TrackingPage'));
const NotificationsPage = lazy(() => import('./portal/notifications/NotificationsPage'));
const StartApplicationPage = lazy(() => import('./portal/online/StartApplicationPage'));
const DraftPage = lazy(() => import('./portal/online/DraftPage'));
const MyDossiersPage = lazy(() => import('./portal/online/MyDossiersPage'));
const MyDossierPage = lazy(() => import('./portal/online/MyDossierPage'));
const RatingLinkPage = lazy(() => import('./ratings/RatingLinkPage'));
const FeedbackListPage = lazy(() => import('./portal/feedback/FeedbackListPage'));
const FeedbackSubmitPage = lazy(() => import('./portal/feedback/FeedbackSubmitPage'));
const FeedbackLookupPage = lazy(() => import('./portal/feedback/FeedbackLookupPage'));
const FeedbackDetailPage = lazy(() => import('./portal/feedback/FeedbackDetailPage'));
const SurveyPage = lazy(() => import('./portal/surveys/SurveyPage'));
const ResultsPage = lazy(() => import('./portal/results/ResultsPage'));
const ReformIndexPublicPage = lazy(() => import('./portal/reform-index/ReformIndexPublicPage'));
const NewsListPage = lazy(() => import('./portal/news/NewsListPage'));
const NewsArticlePage = lazy(() => import('./portal/news/NewsArticlePage'));
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
        <Route path="tai-khoan/bao-mat" element={<SecurityPage />} />
        <Route path="tai-khoan/phien-dang-nhap" element={<SessionsPage />} />
        <Route path="tai-khoan/xac-thuc-hai-buoc" element={<TwoFactorEnrolPage />} />
        <Route path="tra-cuu" element={<TrackingPage />} />
        <Route path="thong-bao" element={<NotificationsPage />} />
        <Route path="nop-ho-so/:code" element={<StartApplicationPage />} />
        <Route path="ho-so-cua-toi" element={<MyDossiersPage />} />
        <Route path="ho-so-cua-toi/:id" element={<MyDossierPage />} />
        <Route path="ho-so-cua-toi/:id/soan" element={<DraftPage />} />
        <Route path="danh-gia/:token" element={<RatingLinkPage />} />
        <Route path="phan-anh-kien-nghi" element={<FeedbackListPage />} />
        <Route path="phan-anh-kien-nghi/gui" element={<FeedbackSubmitPage />} />
        <Route path="phan-anh-kien-nghi/tra-cuu" element={<FeedbackLookupPage />} />
        <Route path="phan-anh-kien-nghi/:code" element={<FeedbackDetailPage />} />
        <Route path="khao-sat/:token" element={<SurveyPage />} />
        <Route path="cong-khai-ket-qua" element={<ResultsPage />} />
        <Route path="chi-so-cchc" element={<ReformIndexPublicPage />} />
        <Route path="tin-tuc" element={<NewsListPage />} />
        <Route path="tin-tuc/:slug" element={<NewsArticlePage />} />
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

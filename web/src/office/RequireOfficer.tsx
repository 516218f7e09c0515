import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isAdmin, isOfficer, loginPath, useAuth } from '../auth';
import { ButtonLink } from '../components/ButtonLink';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../usePageTitle';

function Forbidden({ message }: { message: string }) {
  usePageTitle('Không có quyền truy cập');
  return (
    <Result
      status="403"
      title={<h1 className="result-title">Không có quyền truy cập</h1>}
      subTitle={message}
      extra={
        <ButtonLink type="primary" to="/">
          Về Cổng dịch vụ công
        </ButtonLink>
      }
    />
  );
}

/** Shows the back office only to officers; visitors without a session go to the login page first. */
export function RequireOfficer({ children }: { children: ReactNode }) {
  const { user, checkError, refresh } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (checkError) return <ErrorState error={checkError} onRetry={() => void refresh()} />;
  if (user === null) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  if (!isOfficer(user)) return <Forbidden message="Trang quản trị chỉ dành cho cán bộ, công chức." />;
  return children;
}

export function RequireAdmin({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  if (!isAdmin(user)) return <Forbidden message="Chức năng này chỉ dành cho quản trị hệ thống." />;
  return children;
}

import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isOfficer, loginPath, useAuth } from '../../auth';
import { ButtonLink } from '../../components/ButtonLink';
import { Loading } from '../../components/Loading';

/** Shows its children to a signed-in citizen; others sign in first (and come back) or get an explanation. */
export function RequireCitizen({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) {
    return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  }
  if (isOfficer(user)) {
    return (
      <Result
        status="info"
        title={<h1 className="result-title">Trang này dành cho người dân, doanh nghiệp</h1>}
        subTitle="Bạn đang đăng nhập bằng tài khoản cán bộ. Hồ sơ được tiếp nhận và xử lý tại trang quản trị."
        extra={
          <ButtonLink type="primary" to="/quan-tri">
            Đến trang quản trị
          </ButtonLink>
        }
      />
    );
  }
  return <>{children}</>;
}

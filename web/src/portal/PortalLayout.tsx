import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { Loading } from '../components/Loading';
import { UserMenu } from './UserMenu';

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-link active' : 'nav-link');

export function PortalLayout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="site-header">
        <div className="container">
          <Link to="/" className="site-logo" aria-label="Motcua — Trang chủ Cổng dịch vụ công">
            Motcua
            <small>Cổng dịch vụ công</small>
          </Link>
          <nav className="site-nav" aria-label="Điều hướng chính">
            <NavLink to="/thu-tuc" className={navClass}>
              Thủ tục hành chính
            </NavLink>
            <NavLink to="/tra-cuu" className={navClass}>
              Tra cứu hồ sơ
            </NavLink>
            <NavLink to="/cong-khai-ket-qua" className={navClass}>
              Công khai kết quả
            </NavLink>
            <NavLink to="/tin-tuc" className={navClass}>
              Tin tức CCHC
            </NavLink>
            <NavLink to="/phan-anh-kien-nghi" className={navClass}>
              Phản ánh, kiến nghị
            </NavLink>
            <UserMenu navClass={navClass} />
          </nav>
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <div className="container">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          Motcua — nền tảng cải cách hành chính, một cửa. Thông tin thủ tục theo Cơ sở dữ liệu quốc gia về thủ
          tục hành chính. <Link to="/phan-anh-kien-nghi/gui">Gửi phản ánh, kiến nghị</Link>
        </div>
      </footer>
    </>
  );
}

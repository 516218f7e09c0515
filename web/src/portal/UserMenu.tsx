import { lazy, Suspense } from 'react';
import { NavLink } from 'react-router';
import { useAuth } from '../auth';

// The signed-in menu (antd Dropdown + Menu) is only downloaded for signed-in visitors.
const AccountDropdown = lazy(() => import('./AccountDropdown'));

/** "Đăng nhập" / "Đăng ký" links, or the signed-in user's name with the account menu. */
export function UserMenu({ navClass }: { navClass: (state: { isActive: boolean }) => string }) {
  const { user } = useAuth();
  if (user === undefined) return null;
  if (user === null) {
    return (
      <>
        <NavLink to="/dang-nhap" className={navClass}>
          Đăng nhập
        </NavLink>
        <NavLink to="/dang-ky" className={navClass}>
          Đăng ký
        </NavLink>
      </>
    );
  }
  return (
    <Suspense
      fallback={
        <NavLink to="/tai-khoan" className={navClass}>
          {user.fullName}
        </NavLink>
      }
    >
      <AccountDropdown user={user} />
    </Suspense>
  );
}

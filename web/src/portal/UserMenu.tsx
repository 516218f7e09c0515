import { lazy, Suspense } from 'react';
import { NavLink } from 'react-router';
import { isOfficer, useAuth } from '../auth';

// The signed-in menu (antd Dropdown + Menu) is only downloaded for signed-in visitors.
const AccountDropdown = lazy(() => import('./AccountDropdown'));
const NotificationBell = lazy(() => import('./notifications/NotificationBell'));

/**
 * "Đăng nhập" / "Đăng ký" links, or for a signed-in user "Hồ sơ của tôi" (citizens), the notification bell and
 * the name with the account menu.
 */
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
    <>
      {isOfficer(user) ? null : (
        <NavLink to="/ho-so-cua-toi" className={navClass}>
          Hồ sơ của tôi
        </NavLink>
      )}
      <Suspense fallback={null}>
        <NotificationBell />
      </Suspense>
      <Suspense
        fallback={
          <NavLink to="/tai-khoan" className={navClass}>
            {user.fullName}
          </NavLink>
        }
      >
        <AccountDropdown user={user} />
      </Suspense>
    </>
  );
}

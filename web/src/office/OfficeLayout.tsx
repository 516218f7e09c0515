import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Layout, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../api';
import { useAuth } from '../auth';
import { OfficeMenu } from './OfficeMenu';

const NotificationBell = lazy(() => import('../portal/notifications/NotificationBell'));

export function OfficeLayout({ children }: { children: ReactNode }) {
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [menuOpen, setMenuOpen] = useState(false);

  const signOut = async () => {
    try {
      await logout();
      navigate('/', { replace: true });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#office-main">
        Bỏ qua, đến nội dung chính
      </a>
      <Layout.Sider
        className="office-sider"
        theme="light"
        width={240}
        style={{ borderRight: '1px solid #e5e7eb' }}
      >
        <Link to="/quan-tri" className="office-brand">
          Motcua · Quản trị
        </Link>
        <OfficeMenu />
      </Layout.Sider>
      <Drawer
        title="Motcua · Quản trị"
        placement="left"
        open={menuOpen}
        onClose={() => setMenuOpen(false)}
        size={280}
        styles={{ body: { padding: 0 } }}
      >
        <OfficeMenu onNavigate={() => setMenuOpen(false)} />
      </Drawer>
      <Layout style={{ minWidth: 0 }}>
        <header className="office-topbar">
          <Flex align="center" gap={8}>
            <Button
              className="office-menu-button"
              icon={<MenuOutlined />}
              onClick={() => setMenuOpen(true)}
              aria-label="Mở menu"
            />
            <Link to="/">Cổng dịch vụ công</Link>
          </Flex>
          <Flex align="center" gap={8} wrap>
            <span className="office-bell">
              <Suspense fallback={null}>
                <NotificationBell to="/quan-tri/thong-bao" />
              </Suspense>
            </span>
            <Link to="/tai-khoan">
              <Typography.Text strong ellipsis style={{ maxWidth: 200 }}>
                {user?.fullName}
              </Typography.Text>
            </Link>
            <Button icon={<LogoutOutlined />} onClick={signOut}>
              Đăng xuất
            </Button>
          </Flex>
        </header>
        <main id="office-main" className="office-content" tabIndex={-1}>
          {children}
        </main>
      </Layout>
    </Layout>
  );
}

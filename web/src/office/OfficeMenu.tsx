import { AuditOutlined, BankOutlined, FileTextOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';
import { isAdmin, useAuth } from '../auth';

function selectedKey(pathname: string): string {
  if (pathname.startsWith('/quan-tri/thu-tuc')) return 'procedures';
  if (pathname.startsWith('/quan-tri/ra-soat')) return 'review';
  if (pathname.startsWith('/quan-tri/can-bo')) return 'officers';
  return 'agencies';
}

/** The back office's side menu; administration items only for administrators. */
export function OfficeMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { user } = useAuth();
  const { pathname } = useLocation();
  const items: MenuProps['items'] = [
    { key: 'agencies', icon: <BankOutlined />, label: <Link to="/quan-tri">Cơ quan của tôi</Link> },
    ...(isAdmin(user)
      ? [
          {
            type: 'group' as const,
            key: 'admin',
            label: 'Quản trị hệ thống',
            children: [
              {
                key: 'procedures',
                icon: <FileTextOutlined />,
                label: <Link to="/quan-tri/thu-tuc">Thủ tục hành chính</Link>,
              },
              {
                key: 'review',
                icon: <AuditOutlined />,
                label: <Link to="/quan-tri/ra-soat">Dữ liệu cần xác nhận</Link>,
              },
              { key: 'officers', icon: <TeamOutlined />, label: <Link to="/quan-tri/can-bo">Cán bộ</Link> },
            ],
          },
        ]
      : []),
  ];
  return (
    <nav aria-label="Menu quản trị">
      <Menu mode="inline" items={items} selectedKeys={[selectedKey(pathname)]} onClick={onNavigate} />
    </nav>
  );
}

import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api';
import { isOfficer, useAuth } from '../auth';
import type { Me } from '../types';

function AccountMenu({ user }: { user: Me }) {
  const { logout } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const items: MenuProps['items'] = [
    { key: '/tai-khoan', label: 'Tài khoản' },
    ...(isOfficer(user)
      ? []
      : [
          { key: '/ho-so-cua-toi', label: 'Hồ sơ của tôi' },
          { key: '/thong-bao', label: 'Thông báo' },
        ]),
    ...(isOfficer(user) ? [{ key: '/quan-tri', label: 'Trang quản trị' }] : []),
    { type: 'divider' as const },
    { key: 'logout', label: 'Đăng xuất' },
  ];

  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key !== 'logout') {
      navigate(key);
      return;
    }
    try {
      await logout();
      navigate('/');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        style={{ color: '#fff', maxWidth: '100%' }}
        aria-label={`Tài khoản: ${user.fullName}`}
      >
        <UserOutlined />
        <span style={{ maxWidth: 180, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {user.fullName}
        </span>
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}

/** The signed-in user's name with "Tài khoản", "Trang quản trị" (officers) and "Đăng xuất". */
export default function AccountDropdown({ user }: { user: Me }) {
  return (
    <App component={false}>
      <AccountMenu user={user} />
    </App>
  );
}

import { LogoutOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { errorMessage } from '../api';
import { isOfficer, loginPath, useAuth } from '../auth';
import { ButtonLink } from '../components/ButtonLink';
import { FormCard } from '../components/FormCard';
import { Loading } from '../components/Loading';
import { RoleTags } from '../components/RoleTags';
import { formatDateTime } from '../format';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { ChangePasswordForm } from './ChangePasswordForm';
import type { IdentityLink, OidcSettings } from './identitySignIn';
import { NotificationPreferencesForm } from './notifications/NotificationPreferencesForm';

export default function AccountPage() {
  return (
    <App component={false}>
      <AccountView />
    </App>
  );
}

function AccountView() {
  usePageTitle('Tài khoản');
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const links = useApi<IdentityLink[]>(user ? '/api/auth/identity-links' : null);
  const oidc = useApi<OidcSettings>('/api/auth/oidc', { shared: true }).data;
  // The row is shown where sign-in with the identity is offered, or once an identity is linked.
  const showIdentity = Boolean(oidc?.enabled || links.data?.length);

  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to={loginPath('/tai-khoan')} replace />;

  const signOut = async () => {
    try {
      await logout();
      navigate('/', { replace: true });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const empty = '—';
  return (
    <FormCard title="Tài khoản" maxWidth={760}>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title" style={{ fontSize: 18 }}>
          Thông tin cá nhân
        </h2>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'name', label: 'Họ và tên', children: user.fullName },
            { key: 'email', label: 'Email', children: user.email ?? empty },
            { key: 'phone', label: 'Số điện thoại', children: user.phone ?? empty },
            { key: 'cccd', label: 'Số CCCD', children: user.citizenId ?? empty },
            ...(showIdentity
              ? [
                  {
                    key: 'identity',
                    label: 'Định danh điện tử',
                    children: links.data?.length ? (
                      <ul style={{ margin: 0, paddingLeft: 18 }}>
                        {links.data.map((link) => (
                          <li key={link.id}>
                            Đã liên kết với {link.provider} từ {formatDateTime(link.createdAt)}
                            {link.lastSignInAt
                              ? `, đăng nhập gần nhất ${formatDateTime(link.lastSignInAt)}`
                              : ''}
                          </li>
                        ))}
                      </ul>
                    ) : links.loading ? (
                      empty
                    ) : (
                      'Chưa liên kết'
                    ),
                  },
                ]
              : []),
            {
              key: 'kind',
              label: 'Loại tài khoản',
              children: isOfficer(user) ? 'Cán bộ, công chức' : 'Công dân',
            },
            ...(isOfficer(user)
              ? [{ key: 'roles', label: 'Vai trò', children: <RoleTags roles={user.roles} /> }]
              : []),
          ]}
        />
        <Flex wrap gap={8} style={{ marginTop: 16 }}>
          {isOfficer(user) ? (
            <ButtonLink to="/quan-tri" type="primary">
              Trang quản trị
            </ButtonLink>
          ) : null}
          <Button icon={<LogoutOutlined />} onClick={signOut}>
            Đăng xuất
          </Button>
        </Flex>
      </section>
      <section aria-labelledby="security-title" style={{ marginTop: 24 }}>
        <h2 id="security-title" style={{ fontSize: 18 }}>
          Bảo mật
        </h2>
        <Flex wrap gap={8}>
          <ButtonLink to="/tai-khoan/bao-mat">Xác thực hai bước và lịch sử đăng nhập</ButtonLink>
          <ButtonLink to="/tai-khoan/phien-dang-nhap">Phiên đăng nhập</ButtonLink>
        </Flex>
      </section>
      <NotificationPreferencesForm officer={isOfficer(user)} />
      <section aria-labelledby="password-title" style={{ marginTop: 24 }}>
        <h2 id="password-title" style={{ fontSize: 18 }}>
          Đổi mật khẩu
        </h2>
        <ChangePasswordForm />
      </section>
    </FormCard>
  );
}

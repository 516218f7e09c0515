import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { Navigate } from 'react-router';
import { api, errorMessage } from '../../api';
import { loginPath, useAuth } from '../../auth';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorState } from '../../components/ErrorState';
import { FormCard } from '../../components/FormCard';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../format';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import { describeDevice } from './describeDevice';

interface SessionRow {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

/** /tai-khoan/phien-dang-nhap — the account's signed-in sessions; end one, or every other one. */
export default function SessionsPage() {
  return (
    <App component={false}>
      <SessionsView />
    </App>
  );
}

function SessionsView() {
  usePageTitle('Phiên đăng nhập');
  const { user } = useAuth();
  const { message } = App.useApp();
  const sessions = useApi<SessionRow[]>(user ? '/api/auth/sessions' : null);

  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to={loginPath('/tai-khoan/phien-dang-nhap')} replace />;

  const end = async (id: string) => {
    try {
      await api.delete(`/api/auth/sessions/${id}`);
      message.success('Đã đăng xuất phiên này.');
      sessions.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const endOthers = async () => {
    try {
      const { ended } = await api.post<{ ended: number }>('/api/auth/sessions/end-others');
      message.success(ended > 0 ? `Đã đăng xuất ${ended} phiên khác.` : 'Không có phiên nào khác.');
      sessions.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const others = (sessions.data ?? []).filter((s) => !s.current).length;
  return (
    <FormCard title="Phiên đăng nhập" maxWidth={920}>
      <Typography.Paragraph>
        Các thiết bị đang đăng nhập vào tài khoản của bạn. Thấy một phiên lạ? Đăng xuất phiên đó và đổi mật
        khẩu. Phiên tự kết thúc sau một thời gian không sử dụng và sau tối đa 12 giờ kể từ khi đăng nhập.
      </Typography.Paragraph>
      {sessions.error ? <ErrorState error={sessions.error} onRetry={sessions.reload} /> : null}
      <Table<SessionRow>
        rowKey="id"
        size="small"
        loading={sessions.loading}
        dataSource={sessions.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: 'Thiết bị',
            key: 'device',
            render: (_, s) => (
              <Flex gap={8} wrap align="center">
                <span title={s.userAgent ?? undefined}>{describeDevice(s.userAgent)}</span>
                {s.current ? <Tag color="green">Phiên hiện tại</Tag> : null}
              </Flex>
            ),
          },
          { title: 'Địa chỉ IP', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
          { title: 'Đăng nhập lúc', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: 'Hoạt động gần nhất', dataIndex: 'lastSeenAt', render: (v: string) => formatDateTime(v) },
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_, s) =>
              s.current ? null : (
                <Popconfirm
                  title="Đăng xuất phiên này?"
                  okText="Đăng xuất"
                  cancelText="Hủy"
                  onConfirm={() => end(s.id)}
                >
                  <Button size="small" danger>
                    Đăng xuất phiên này
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        <Popconfirm
          title="Đăng xuất mọi phiên khác?"
          okText="Đăng xuất tất cả"
          cancelText="Hủy"
          onConfirm={endOthers}
          disabled={others === 0}
        >
          <Button danger disabled={others === 0}>
            Đăng xuất tất cả phiên khác
          </Button>
        </Popconfirm>
        <ButtonLink to="/tai-khoan/bao-mat">Bảo mật tài khoản</ButtonLink>
      </Flex>
    </FormCard>
  );
}

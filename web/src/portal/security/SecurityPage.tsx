import { Alert, App, Button, Descriptions, Flex, Form, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { api } from '../../api';
import { loginPath, useAuth } from '../../auth';
import { ButtonLink } from '../../components/ButtonLink';
import { FormCard } from '../../components/FormCard';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../format';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import { messages } from '../../validation';
import { describeDevice } from './describeDevice';

interface TotpStatus {
  enrolled: boolean;
  enrolledAt: string | null;
  recoveryCodesLeft: number;
  required: boolean;
}

type AttemptKind = 'password' | 'second_factor';
interface SecurityEvents {
  failures: { at: string; kind: AttemptKind; ip: string; userAgent: string | null }[];
  lockouts: { lockedAt: string; lockedUntil: string; reason: AttemptKind; unlockedAt: string | null }[];
}

const kindLabels: Record<AttemptKind, string> = {
  password: 'Sai mật khẩu',
  second_factor: 'Sai mã xác thực',
};

/** /tai-khoan/bao-mat — two-factor sign-in, recent failed sign-ins and lockouts, link to the sessions. */
export default function SecurityPage() {
  return (
    <App component={false}>
      <SecurityView />
    </App>
  );
}

function SecurityView() {
  usePageTitle('Bảo mật tài khoản');
  const { user } = useAuth();
  const totp = useApi<TotpStatus>(user ? '/api/auth/totp' : null);
  const events = useApi<SecurityEvents>(user ? '/api/auth/security-events' : null);

  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to={loginPath('/tai-khoan/bao-mat')} replace />;

  return (
    <FormCard title="Bảo mật tài khoản" maxWidth={920}>
      <section aria-labelledby="totp-title">
        <h2 id="totp-title" style={{ fontSize: 18 }}>
          Xác thực hai bước
        </h2>
        {totp.data ? (
          <>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                {
                  key: 'status',
                  label: 'Trạng thái',
                  children: totp.data.enrolled ? (
                    <Tag color="green">Đang bật từ {formatDateTime(totp.data.enrolledAt)}</Tag>
                  ) : (
                    <Tag>Chưa bật</Tag>
                  ),
                },
                ...(totp.data.enrolled
                  ? [
                      {
                        key: 'codes',
                        label: 'Mã khôi phục còn lại',
                        children: `${totp.data.recoveryCodesLeft}/10`,
                      },
                    ]
                  : []),
              ]}
            />
            {totp.data.required ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                Quản trị hệ thống yêu cầu tài khoản của bạn dùng xác thực hai bước.
              </Typography.Paragraph>
            ) : null}
            <div style={{ marginTop: 16 }}>
              {totp.data.enrolled ? (
                <DisableForm onDone={totp.reload} />
              ) : (
                <ButtonLink to="/tai-khoan/xac-thuc-hai-buoc" type="primary">
                  Bật xác thực hai bước
                </ButtonLink>
              )}
            </div>
          </>
        ) : (
          <Loading />
        )}
      </section>
      <section aria-labelledby="events-title" style={{ marginTop: 32 }}>
        <h2 id="events-title" style={{ fontSize: 18 }}>
          Đăng nhập không thành công gần đây
        </h2>
        {events.data?.lockouts.map((lock) => (
          <Alert
            key={lock.lockedAt}
            type={lock.unlockedAt || new Date(lock.lockedUntil) < new Date() ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 8 }}
            title={`Tài khoản bị tạm khóa lúc ${formatDateTime(lock.lockedAt)} đến ${formatDateTime(lock.lockedUntil)} do nhập sai ${lock.reason === 'password' ? 'mật khẩu' : 'mã xác thực'} nhiều lần${lock.unlockedAt ? `; quản trị viên đã mở khóa lúc ${formatDateTime(lock.unlockedAt)}` : ''}.`}
          />
        ))}
        <Table
          rowKey={(row) => `${row.at}-${row.ip}`}
          size="small"
          loading={events.loading}
          dataSource={events.data?.failures ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: 'Không có lần đăng nhập sai nào trong 30 ngày qua.' }}
          columns={[
            { title: 'Thời điểm', dataIndex: 'at', render: (v: string) => formatDateTime(v) },
            { title: 'Lỗi', dataIndex: 'kind', render: (k: AttemptKind) => kindLabels[k] },
            { title: 'Địa chỉ IP', dataIndex: 'ip' },
            { title: 'Thiết bị', dataIndex: 'userAgent', render: (ua: string | null) => describeDevice(ua) },
          ]}
        />
      </section>
      <Flex gap={8} wrap style={{ marginTop: 24 }}>
        <ButtonLink to="/tai-khoan/phien-dang-nhap">Phiên đăng nhập</ButtonLink>
        <ButtonLink to="/tai-khoan">Tài khoản</ButtonLink>
      </Flex>
    </FormCard>
  );
}

function DisableForm({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm<{ password: string; code: string }>();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);

  if (!open) return <Button onClick={() => setOpen(true)}>Tắt xác thực hai bước</Button>;
  const submit = async (values: { password: string; code: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/auth/totp/disable', { password: values.password, code: values.code.trim() });
      message.success('Đã tắt xác thực hai bước.');
      onDone();
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <FormError error={error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy} style={{ maxWidth: 420 }}>
        <input type="text" autoComplete="username" hidden readOnly />
        <Form.Item
          label="Mật khẩu"
          name="password"
          rules={[{ required: true, message: messages.required('mật khẩu') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="Mã xác thực hoặc mã khôi phục"
          name="code"
          rules={[{ required: true, whitespace: true, message: messages.required('mã xác thực') }]}
        >
          <Input autoComplete="one-time-code" maxLength={32} />
        </Form.Item>
        <Flex gap={8}>
          <Button danger htmlType="submit" loading={busy}>
            Tắt xác thực hai bước
          </Button>
          <Button onClick={() => setOpen(false)}>Hủy</Button>
        </Flex>
      </Form>
    </>
  );
}

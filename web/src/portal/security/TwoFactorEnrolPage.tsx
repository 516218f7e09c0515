import { Alert, App, Button, Flex, Form, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { enrolmentPath, homeFor, loginPath, safeNextPath, useAuth } from '../../auth';
import { FormCard } from '../../components/FormCard';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import { Loading } from '../../components/Loading';
import { usePageTitle } from '../../usePageTitle';
import { messages } from '../../validation';

interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

/**
 * /tai-khoan/xac-thuc-hai-buoc — turning on two-factor sign-in: scan the QR code (or type the key), confirm with a
 * first code, then keep the 10 recovery codes shown this once.
 */
export default function TwoFactorEnrolPage() {
  return (
    <App component={false}>
      <EnrolView />
    </App>
  );
}

function EnrolView() {
  usePageTitle('Bật xác thực hai bước');
  const { user, refresh, logout } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [codes, setCodes] = useState<string[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);

  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to={loginPath(enrolmentPath)} replace />;

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setEnrolment(await api.post<Enrolment>('/api/auth/totp/enrol'));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.post<{ recoveryCodes: string[] }>('/api/auth/totp/confirm', {
        code: code.trim(),
      });
      setCodes(result.recoveryCodes);
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause));
    } finally {
      setBusy(false);
    }
  };

  const finish = async () => {
    await refresh();
    navigate(next && next !== enrolmentPath ? next : homeFor(user), { replace: true });
  };

  const copyCodes = async () => {
    try {
      await navigator.clipboard.writeText(codes?.join('\n') ?? '');
      message.success('Đã sao chép các mã khôi phục.');
    } catch (cause) {
      message.error(errorMessage(cause));
    }
  };

  const step = codes ? 2 : enrolment ? 1 : 0;
  return (
    <FormCard title="Bật xác thực hai bước" maxWidth={640}>
      {user.mustEnrolTotp ? (
        <Alert
          type="warning"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title="Tài khoản cán bộ phải bật xác thực hai bước trước khi sử dụng hệ thống."
        />
      ) : null}
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: 'Cài ứng dụng' }, { title: 'Quét mã và xác nhận' }, { title: 'Lưu mã khôi phục' }]}
      />
      <FormError error={error} extra={extra} />
      {step === 0 ? (
        <>
          <Typography.Paragraph>
            Khi đăng nhập, ngoài mật khẩu hệ thống sẽ hỏi thêm mã 6 chữ số do ứng dụng xác thực trên điện
            thoại tạo ra (đổi sau mỗi 30 giây), ví dụ Google Authenticator, Microsoft Authenticator hoặc
            FreeOTP. Cài một ứng dụng như vậy rồi bấm “Bắt đầu”.
          </Typography.Paragraph>
          <Flex gap={8} wrap>
            <Button type="primary" onClick={start} loading={busy}>
              Bắt đầu
            </Button>
            {user.mustEnrolTotp ? <Button onClick={() => void logout()}>Đăng xuất</Button> : null}
          </Flex>
        </>
      ) : null}
      {step === 1 && enrolment ? (
        <>
          <Typography.Paragraph>
            Trong ứng dụng xác thực, chọn thêm tài khoản và quét mã QR dưới đây. Không quét được? Nhập khóa bí
            mật bằng tay (loại: theo thời gian).
          </Typography.Paragraph>
          <Flex gap={24} wrap align="center" style={{ marginBottom: 16 }}>
            <img
              src={enrolment.qrDataUrl}
              width={220}
              height={220}
              alt="Mã QR để thêm tài khoản Motcua vào ứng dụng xác thực"
            />
            <div>
              <Typography.Text type="secondary">Khóa bí mật</Typography.Text>
              <Typography.Paragraph copyable={{ text: enrolment.secret }} style={{ marginBottom: 0 }}>
                <code data-testid="totp-secret" style={{ fontSize: 16, wordBreak: 'break-all' }}>
                  {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
                </code>
              </Typography.Paragraph>
            </div>
          </Flex>
          <Form form={form} layout="vertical" onFinish={confirm} requiredMark={false} disabled={busy}>
            <Form.Item
              label="Mã 6 chữ số đang hiển thị trong ứng dụng"
              name="code"
              rules={[
                { required: true, whitespace: true, message: messages.required('mã xác thực') },
                { pattern: /^\s*\d{6}\s*$/, message: 'Mã xác thực gồm đúng 6 chữ số.' },
              ]}
            >
              <Input
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={8}
                style={{ maxWidth: 200 }}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              Xác nhận và bật
            </Button>
          </Form>
        </>
      ) : null}
      {step === 2 && codes ? (
        <>
          <Alert
            type="success"
            showIcon
            role="status"
            style={{ marginBottom: 16 }}
            title="Đã bật xác thực hai bước."
            description="Lưu 10 mã khôi phục dưới đây ở nơi an toàn (in ra hoặc lưu trong trình quản lý mật khẩu). Mỗi mã dùng được một lần khi không có điện thoại. Các mã chỉ hiển thị lần này."
          />
          <ol
            className="recovery-codes"
            aria-label="Mã khôi phục"
            style={{ columns: 2, fontFamily: 'monospace', fontSize: 16 }}
          >
            {codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ol>
          <Flex gap={8} wrap>
            <Button onClick={copyCodes}>Sao chép các mã</Button>
            <Button type="primary" onClick={() => void finish()}>
              Tôi đã lưu các mã khôi phục
            </Button>
          </Flex>
        </>
      ) : null}
    </FormCard>
  );
}

import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api';
import { homeFor, safeNextPath, useAuth } from '../auth';
import { FormCard } from '../components/FormCard';
import { FormError } from '../components/FormError';
import { applyFieldErrors } from '../components/fieldErrors';
import type { Me } from '../types';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { messages } from '../validation';
import { identitySignInErrors, identitySignInUrl, type OidcSettings } from './identitySignIn';
import { SecondFactorStep } from './security/SecondFactorStep';

interface LoginValues {
  identifier: string;
  password: string;
}

export default function LoginPage() {
  usePageTitle('Đăng nhập');
  const [form] = Form.useForm<LoginValues>();
  const { user, setUser, sessionEnded, clearSessionEnded } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const oidc = useApi<OidcSettings>('/api/auth/oidc', { shared: true }).data;
  const identityError = params.get('loi_dinh_danh');
  // Password accepted, TOTP enrolled: the second step asks for the code.
  const [secondStep, setSecondStep] = useState(false);

  if (user && !submitting) return <Navigate to={next ?? homeFor(user)} replace />;

  const signedIn = (signedInUser: Me) => {
    clearSessionEnded();
    setUser(signedInUser);
    navigate(next ?? homeFor(signedInUser), { replace: true });
  };

  if (secondStep) {
    return (
      <SecondFactorStep
        onDone={signedIn}
        onRestart={() => {
          setSecondStep(false);
          setError(undefined);
        }}
      />
    );
  }

  const submit = async (values: LoginValues) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const result = await api.post<{ user: Me | null; secondFactorRequired: boolean }>('/api/auth/login', {
        identifier: values.identifier.trim(),
        password: values.password,
      });
      if (result.user) signedIn(result.user);
      else setSecondStep(true);
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormCard title="Đăng nhập">
      {sessionEnded && !error ? (
        <Alert type="warning" showIcon role="status" title={sessionEnded} style={{ marginBottom: 16 }} />
      ) : null}
      {identityError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={identitySignInErrors[identityError] ?? identitySignInErrors.provider}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {oidc?.enabled ? (
        <>
          <Button
            href={identitySignInUrl(next)}
            icon={<SafetyCertificateOutlined />}
            size="large"
            block
            type={oidc.requiredForOfficers ? 'primary' : 'default'}
          >
            {oidc.label}
          </Button>
          {oidc.requiredForOfficers ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              Cán bộ, công chức đăng nhập bằng định danh điện tử.
            </Typography.Paragraph>
          ) : null}
          <Divider plain>hoặc đăng nhập bằng mật khẩu</Divider>
        </>
      ) : null}
      <FormError error={error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={submitting}>
        <Form.Item
          label="Email hoặc số điện thoại"
          name="identifier"
          rules={[
            { required: true, whitespace: true, message: messages.required('email hoặc số điện thoại') },
          ]}
        >
          <Input autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item
          label="Mật khẩu"
          name="password"
          rules={[{ required: true, message: messages.required('mật khẩu') }]}
        >
          <Input.Password autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
          Đăng nhập
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        Chưa có tài khoản? <Link to="/dang-ky">Đăng ký</Link>
      </Typography.Paragraph>
    </FormCard>
  );
}

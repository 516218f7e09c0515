import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../api';
import { homeFor, useAuth } from '../auth';
import { FormCard } from '../components/FormCard';
import { FormError } from '../components/FormError';
import { applyFieldErrors } from '../components/fieldErrors';
import type { Me } from '../types';
import { usePageTitle } from '../usePageTitle';
import { citizenIdPattern, compactDigits, messages, minPasswordLength, phonePattern } from '../validation';

interface SignUpValues {
  fullName: string;
  email?: string;
  phone?: string;
  citizenId?: string;
  password: string;
  confirmPassword: string;
}

export default function SignUpPage() {
  usePageTitle('Đăng ký tài khoản');
  const [form] = Form.useForm<SignUpValues>();
  const { user, setUser } = useAuth();
  const navigate = useNavigate();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);

  if (user && !submitting) return <Navigate to={homeFor(user)} replace />;

  const submit = async (values: SignUpValues) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const result = await api.post<{ user: Me }>('/api/auth/signup', {
        fullName: values.fullName.trim(),
        email: values.email?.trim() || undefined,
        phone: compactDigits(values.phone) || undefined,
        citizenId: compactDigits(values.citizenId) || undefined,
        password: values.password,
      });
      setUser(result.user);
      navigate('/tai-khoan', { replace: true });
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause));
    } finally {
      setSubmitting(false);
    }
  };

  const emailOrPhone = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: () =>
      String(getFieldValue('email') ?? '').trim() || compactDigits(String(getFieldValue('phone') ?? ''))
        ? Promise.resolve()
        : Promise.reject(new Error(messages.emailOrPhone)),
  });

  return (
    <FormCard title="Đăng ký tài khoản">
      <Typography.Paragraph type="secondary">
        Cần có email hoặc số điện thoại để đăng nhập. Các mục có dấu * là bắt buộc.
      </Typography.Paragraph>
      <FormError error={error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={submitting} scrollToFirstError>
        <Form.Item
          label="Họ và tên"
          name="fullName"
          rules={[
            { required: true, whitespace: true, message: messages.required('họ và tên') },
            { min: 2, message: 'Họ và tên quá ngắn.' },
            { max: 120, message: 'Họ và tên tối đa 120 ký tự.' },
          ]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          label="Email"
          name="email"
          dependencies={['phone']}
          rules={[{ type: 'email', message: messages.email }, emailOrPhone]}
        >
          <Input type="email" autoComplete="email" inputMode="email" />
        </Form.Item>
        <Form.Item
          label="Số điện thoại"
          name="phone"
          dependencies={['email']}
          rules={[
            {
              validator: (_, value?: string) =>
                !compactDigits(value) || phonePattern.test(compactDigits(value))
                  ? Promise.resolve()
                  : Promise.reject(new Error(messages.phone)),
            },
            emailOrPhone,
          ]}
        >
          <Input type="tel" autoComplete="tel" inputMode="tel" />
        </Form.Item>
        <Form.Item
          label="Số CCCD (không bắt buộc)"
          name="citizenId"
          rules={[
            {
              validator: (_, value?: string) =>
                !compactDigits(value) || citizenIdPattern.test(compactDigits(value))
                  ? Promise.resolve()
                  : Promise.reject(new Error(messages.citizenId)),
            },
          ]}
        >
          <Input inputMode="numeric" autoComplete="off" maxLength={15} />
        </Form.Item>
        <Form.Item
          label="Mật khẩu"
          name="password"
          rules={[
            { required: true, message: messages.required('mật khẩu') },
            { min: minPasswordLength, message: messages.password },
          ]}
          extra={`Ít nhất ${minPasswordLength} ký tự.`}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu"
          name="confirmPassword"
          dependencies={['password']}
          rules={[
            { required: true, message: messages.required('lại mật khẩu') },
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(messages.confirm)),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
          Đăng ký
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        Đã có tài khoản? <Link to="/dang-nhap">Đăng nhập</Link>
      </Typography.Paragraph>
    </FormCard>
  );
}

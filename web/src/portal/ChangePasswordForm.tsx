import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { FormError } from '../components/FormError';
import { applyFieldErrors } from '../components/fieldErrors';
import { messages, minPasswordLength } from '../validation';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm() {
  const [form] = Form.useForm<ChangePasswordValues>();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);

  const submit = async (values: ChangePasswordValues) => {
    setSubmitting(true);
    setError(undefined);
    try {
      await api.post('/api/auth/change-password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      form.resetFields();
      message.success('Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã được đăng xuất.');
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <FormError error={error} extra={extra} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={submitting} style={{ maxWidth: 420 }}>
        {/* Lets password managers tie the new password to the account. */}
        <input type="text" autoComplete="username" hidden readOnly />
        <Form.Item
          label="Mật khẩu hiện tại"
          name="currentPassword"
          rules={[{ required: true, message: messages.required('mật khẩu hiện tại') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="Mật khẩu mới"
          name="newPassword"
          rules={[
            { required: true, message: messages.required('mật khẩu mới') },
            { min: minPasswordLength, message: messages.password },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu mới"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: messages.required('lại mật khẩu mới') },
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(messages.confirm)),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          Đổi mật khẩu
        </Button>
      </Form>
    </>
  );
}

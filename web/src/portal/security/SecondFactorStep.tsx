import { SafetyOutlined } from '@ant-design/icons';
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { FormCard } from '../../components/FormCard';
import { FormError } from '../../components/FormError';
import type { Me } from '../../types';
import { messages } from '../../validation';

/** Sign-in, second step: the 6-digit code of the authenticator app, or one of the recovery codes. */
export function SecondFactorStep({
  onDone,
  onRestart,
}: {
  onDone: (user: Me) => void;
  onRestart: () => void;
}) {
  const [form] = Form.useForm<{ code: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async ({ code }: { code: string }) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const result = await api.post<{ user: Me }>('/api/auth/second-factor', { code: code.trim() });
      onDone(result.user);
    } catch (cause) {
      setError(cause);
      form.setFieldValue('code', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormCard title="Xác thực hai bước">
      <Typography.Paragraph>
        Mở ứng dụng xác thực trên điện thoại và nhập mã 6 chữ số đang hiển thị cho tài khoản Motcua. Mất điện
        thoại? Nhập một trong các mã khôi phục đã lưu (mỗi mã dùng một lần).
      </Typography.Paragraph>
      <FormError error={error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={submitting}>
        <Form.Item
          label="Mã xác thực hoặc mã khôi phục"
          name="code"
          rules={[{ required: true, whitespace: true, message: messages.required('mã xác thực') }]}
        >
          <Input
            autoComplete="one-time-code"
            inputMode="text"
            autoFocus
            size="large"
            maxLength={32}
            prefix={<SafetyOutlined />}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
          Xác nhận
        </Button>
      </Form>
      <Button type="link" onClick={onRestart} style={{ marginTop: 8, paddingInline: 0 }}>
        Đăng nhập lại bằng tài khoản khác
      </Button>
    </FormCard>
  );
}

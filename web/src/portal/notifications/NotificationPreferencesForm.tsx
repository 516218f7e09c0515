import { App, Button, Checkbox, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import { Loading } from '../../components/Loading';
import { useApi } from '../../useApi';
import { isUnavailable, type NotificationPreferences } from './notificationsApi';

const preferencesPath = '/api/my/notification-preferences';

interface PreferenceValues {
  email: boolean;
  sms: boolean;
  zalo: boolean;
  zaloUserId?: string;
}

/**
 * "Nhận thông báo qua": in-app notifications are always on; email, SMS and Zalo are the user's choice.
 * Renders nothing while the API is not deployed (404).
 */
export function NotificationPreferencesForm({ officer = false }: { officer?: boolean }) {
  const prefs = useApi<NotificationPreferences>(preferencesPath);
  const [form] = Form.useForm<PreferenceValues>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const zalo = Form.useWatch('zalo', form);

  const data = prefs.data;
  useEffect(() => {
    if (data) {
      form.setFieldsValue({
        email: data.email,
        sms: data.sms,
        zalo: data.zalo,
        zaloUserId: data.zaloUserId ?? '',
      });
    }
  }, [data, form]);

  if (prefs.error && isUnavailable(prefs.error)) return null;

  // A channel the deployment does not send on yet can be chosen, but the user is told.
  const notYet = (channel: 'email' | 'sms' | 'zalo') =>
    data?.availableChannels && !data.availableChannels.includes(channel)
      ? ' Cơ quan chưa bật kênh này; khi bật, bạn sẽ nhận được ngay.'
      : '';

  const save = async (values: PreferenceValues) => {
    setSaving(true);
    setError(undefined);
    try {
      const saved = await api.put<NotificationPreferences>(preferencesPath, {
        email: values.email,
        sms: values.sms,
        zalo: values.zalo,
        zaloUserId: values.zaloUserId?.trim() || null,
      });
      prefs.setData(saved);
      message.success('Đã lưu cách nhận thông báo.');
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="notify-title" style={{ marginTop: 24 }}>
      <h2 id="notify-title" style={{ fontSize: 18 }}>
        Nhận thông báo qua
      </h2>
      <p>
        {officer
          ? 'Nhắc hạn và cảnh báo quá hạn nhiệm vụ cải cách hành chính của cơ quan luôn hiện ở mục Thông báo trong trang quản trị.'
          : 'Khi hồ sơ của bạn được tiếp nhận, cần bổ sung, có kết quả hoặc bị trễ hẹn, chúng tôi sẽ báo cho bạn.'}{' '}
        Chọn thêm cách nhận bên dưới.
      </p>
      {prefs.loading && !data ? <Loading /> : null}
      {prefs.error ? <ErrorState error={prefs.error} onRetry={prefs.reload} /> : null}
      {data ? (
        <Form form={form} layout="vertical" onFinish={save} disabled={saving} requiredMark={false}>
          <FormError error={error} extra={extra} />
          <Form.Item extra="Xem ở biểu tượng chuông trên đầu trang hoặc ở trang Thông báo.">
            <Checkbox checked disabled>
              Trên Cổng dịch vụ công (luôn bật)
            </Checkbox>
          </Form.Item>
          <Form.Item
            name="email"
            valuePropName="checked"
            extra={
              data.accountEmail
                ? `Gửi thư tới ${data.accountEmail}.${notYet('email')}`
                : 'Tài khoản của bạn chưa có email nên chưa nhận được thông báo qua email.'
            }
          >
            <Checkbox disabled={!data.accountEmail && !data.email}>Email</Checkbox>
          </Form.Item>
          <Form.Item
            name="sms"
            valuePropName="checked"
            extra={
              data.accountPhone
                ? `Nhắn tin tới số ${data.accountPhone}. Bạn không mất phí khi nhận tin.${notYet('sms')}`
                : 'Tài khoản của bạn chưa có số điện thoại nên chưa nhận được tin nhắn SMS.'
            }
          >
            <Checkbox disabled={!data.accountPhone && !data.sms}>Tin nhắn SMS</Checkbox>
          </Form.Item>
          <Form.Item
            name="zalo"
            valuePropName="checked"
            extra={`Nhận tin qua tài khoản Zalo chính thức của cơ quan. Bạn cần quan tâm (theo dõi) tài khoản Zalo đó và nhập mã người dùng Zalo của bạn.${notYet('zalo')}`}
          >
            <Checkbox>Zalo</Checkbox>
          </Form.Item>
          {zalo ? (
            <Form.Item
              label="Mã người dùng Zalo"
              name="zaloUserId"
              extra="Mã này được gửi cho bạn trong tin nhắn chào mừng khi bạn quan tâm tài khoản Zalo của cơ quan."
              rules={[
                { required: true, whitespace: true, message: 'Vui lòng nhập mã người dùng Zalo.' },
                { pattern: /^\s*\d{1,64}\s*$/, message: 'Mã người dùng Zalo chỉ gồm chữ số.' },
              ]}
            >
              <Input autoComplete="off" maxLength={64} spellCheck={false} />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" loading={saving}>
            Lưu cách nhận thông báo
          </Button>
        </Form>
      ) : null}
    </section>
  );
}

import { Alert, App, Button, Card, Form, Popconfirm, Select, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../api';
import { useAuth } from '../../auth';
import { ErrorState } from '../../components/ErrorState';
import { FormError } from '../../components/FormError';
import { formatDateTime } from '../../format';
import { roleLabels } from '../../labels';
import type { Role } from '../../types';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';

interface Policy {
  requireTotpForOfficers: boolean;
  requireTotpRoles: Role[];
}

interface LockoutRow {
  id: string;
  identifier: string;
  userId: string | null;
  fullName: string | null;
  email: string | null;
  kind: 'citizen' | 'officer' | null;
  reason: 'password' | 'second_factor';
  lockedAt: string;
  lockedUntil: string;
}

/** /quan-tri/bao-mat-tai-khoan — the two-factor policy for officers and the accounts locked after failed sign-ins. */
export default function AccountSecurityPage() {
  return (
    <App component={false}>
      <PageHeader title="Bảo mật tài khoản" />
      <PolicyCard />
      <LockoutsCard />
    </App>
  );
}

function PolicyCard() {
  const policy = useApi<Policy>('/api/admin/security-settings');
  const [form] = Form.useForm<Policy>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const required = Form.useWatch('requireTotpForOfficers', form);
  const { refresh } = useAuth();

  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  const save = async (values: Policy) => {
    setSaving(true);
    setError(undefined);
    try {
      policy.setData(
        await api.put<Policy>('/api/admin/security-settings', {
          requireTotpForOfficers: values.requireTotpForOfficers,
          requireTotpRoles: values.requireTotpRoles ?? [],
        }),
      );
      message.success('Đã lưu chính sách xác thực hai bước.');
      // The policy may now cover this administrator: the app then sends them to the enrolment.
      await refresh();
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="Xác thực hai bước" style={{ marginBottom: 16 }}>
      {policy.error ? <ErrorState error={policy.error} onRetry={policy.reload} /> : null}
      <Typography.Paragraph>
        Khi bật, cán bộ chưa cài ứng dụng xác thực sẽ phải bật xác thực hai bước ngay sau khi đăng nhập bằng
        mật khẩu và không dùng được chức năng nào khác cho đến khi hoàn tất. Tài khoản công dân không bị ảnh
        hưởng.
      </Typography.Paragraph>
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        disabled={saving || !policy.data}
        initialValues={{ requireTotpForOfficers: false, requireTotpRoles: [] }}
      >
        <Form.Item
          label="Bắt buộc cán bộ dùng xác thực hai bước"
          name="requireTotpForOfficers"
          valuePropName="checked"
        >
          <Switch checkedChildren="Bắt buộc" unCheckedChildren="Không bắt buộc" />
        </Form.Item>
        <Form.Item
          label="Áp dụng cho vai trò"
          name="requireTotpRoles"
          extra="Để trống: áp dụng cho mọi tài khoản cán bộ (mọi vai trò trong trang quản trị)."
        >
          <Select
            mode="multiple"
            allowClear
            disabled={!required}
            placeholder="Mọi vai trò"
            options={Object.entries(roleLabels).map(([value, label]) => ({ value, label }))}
            style={{ maxWidth: 560 }}
          />
        </Form.Item>
        {required ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="Nếu tài khoản của bạn thuộc diện áp dụng mà chưa bật xác thực hai bước, bạn sẽ được chuyển đến trang bật ngay sau khi lưu."
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={saving}>
          Lưu chính sách
        </Button>
      </Form>
    </Card>
  );
}

function LockoutsCard() {
  const lockouts = useApi<LockoutRow[]>('/api/admin/lockouts');
  const { message } = App.useApp();

  const unlock = async (row: LockoutRow) => {
    try {
      await api.post(`/api/admin/lockouts/${row.id}/unlock`);
      message.success(`Đã mở khóa ${row.fullName ?? row.identifier}.`);
      lockouts.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Card title="Tài khoản đang bị tạm khóa">
      <Typography.Paragraph type="secondary">
        Tài khoản bị tạm khóa 15 phút sau 5 lần nhập sai mật khẩu hoặc mã xác thực trong 15 phút. Mở khóa sớm
        khi đã xác minh đúng người (ví dụ qua điện thoại).
      </Typography.Paragraph>
      {lockouts.error ? <ErrorState error={lockouts.error} onRetry={lockouts.reload} /> : null}
      <Table<LockoutRow>
        rowKey="id"
        size="small"
        loading={lockouts.loading}
        dataSource={lockouts.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: 'Không có tài khoản nào đang bị tạm khóa.' }}
        columns={[
          {
            title: 'Tài khoản',
            key: 'account',
            render: (_, row) =>
              row.fullName ? (
                <>
                  {row.fullName}{' '}
                  <Typography.Text type="secondary">({row.email ?? row.identifier})</Typography.Text>
                </>
              ) : (
                <>
                  {row.identifier} <Tag>Không có tài khoản</Tag>
                </>
              ),
          },
          {
            title: 'Lý do',
            dataIndex: 'reason',
            render: (reason: LockoutRow['reason']) =>
              reason === 'password' ? 'Nhập sai mật khẩu nhiều lần' : 'Nhập sai mã xác thực nhiều lần',
          },
          { title: 'Khóa lúc', dataIndex: 'lockedAt', render: (v: string) => formatDateTime(v) },
          { title: 'Khóa đến', dataIndex: 'lockedUntil', render: (v: string) => formatDateTime(v) },
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_, row) => (
              <Popconfirm
                title={`Mở khóa ${row.fullName ?? row.identifier}?`}
                okText="Mở khóa"
                cancelText="Hủy"
                onConfirm={() => unlock(row)}
              >
                <Button size="small">Mở khóa</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}

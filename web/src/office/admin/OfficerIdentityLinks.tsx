import { DisconnectOutlined, LinkOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, List, Popconfirm, Select } from 'antd';
import { useState } from 'react';
import { ApiError, api, toApiError } from '../../api';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import { filterByLabel, formatDateTime } from '../../format';
import type { IdentityLink, OidcSettings } from '../../portal/identitySignIn';
import type { Officer } from '../../types';
import { useApi } from '../../useApi';
import { messages } from '../../validation';

type AdminIdentityLink = IdentityLink & { subject: string };

async function removeLink(userId: string, linkId: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/admin/users/${userId}/identity-links/${linkId}`, {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  if (!response.ok) throw await toApiError(response);
}

/**
 * "Định danh điện tử của cán bộ": officers are never created by a sign-in with the identity provider; the
 * administrator links an officer's account to their subject there (shown only when OIDC is configured).
 */
export function OfficerIdentityLinks({ officers }: { officers: Officer[] }) {
  const oidc = useApi<OidcSettings>('/api/auth/oidc', { shared: true }).data;
  const [form] = Form.useForm<{ subject: string }>();
  const { message } = App.useApp();
  const [officerId, setOfficerId] = useState<string>();
  const links = useApi<AdminIdentityLink[]>(
    officerId ? `/api/admin/users/${officerId}/identity-links` : null,
  );
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);

  if (!oidc?.enabled) return null;
  const provider = oidc.label?.replace(/^Đăng nhập bằng\s+/i, '') ?? 'định danh điện tử';

  const submit = async ({ subject }: { subject: string }) => {
    if (!officerId) return;
    setSubmitting(true);
    setError(undefined);
    try {
      await api.post(`/api/admin/users/${officerId}/identity-links`, { subject: subject.trim() });
      message.success(`Đã liên kết tài khoản với ${provider}.`);
      form.resetFields();
      links.reload();
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause));
    } finally {
      setSubmitting(false);
    }
  };

  const unlink = async (linkId: string) => {
    if (!officerId) return;
    try {
      await removeLink(officerId, linkId);
      message.success('Đã gỡ liên kết.');
      links.reload();
    } catch (cause) {
      message.error(cause instanceof Error ? cause.message : String(cause));
    }
  };

  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>Định danh điện tử của cán bộ ({provider})</h2>}
      style={{ marginTop: 24 }}
      size="small"
    >
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label="Cán bộ" htmlFor="identity-officer">
          <Select
            id="identity-officer"
            showSearch
            allowClear
            placeholder="Chọn cán bộ"
            filterOption={filterByLabel}
            value={officerId}
            onChange={(value) => {
              setOfficerId(value);
              setError(undefined);
            }}
            options={officers.map((o) => ({
              value: o.id,
              label: `${o.fullName} (${o.email ?? o.phone ?? ''})`,
            }))}
          />
        </Form.Item>
      </Form>
      {officerId ? (
        <>
          <List
            size="small"
            bordered
            loading={links.loading}
            locale={{ emptyText: <Empty description="Chưa liên kết" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            dataSource={links.data ?? []}
            renderItem={(link) => (
              <List.Item
                actions={[
                  <Popconfirm
                    key="unlink"
                    title="Gỡ liên kết này? Cán bộ sẽ không đăng nhập được bằng định danh này nữa."
                    okText="Gỡ liên kết"
                    cancelText="Hủy"
                    onConfirm={() => unlink(link.id)}
                  >
                    <Button size="small" danger icon={<DisconnectOutlined />}>
                      Gỡ
                    </Button>
                  </Popconfirm>,
                ]}
              >
                {link.provider}: {link.subject} — liên kết {formatDateTime(link.createdAt)}
                {link.linkedBy === 'admin' ? ' (do quản trị viên)' : ' (khi đăng nhập)'}
                {link.lastSignInAt ? `, đăng nhập gần nhất ${formatDateTime(link.lastSignInAt)}` : ''}
              </List.Item>
            )}
          />
          <FormError error={error} extra={extra} />
          <Form
            form={form}
            layout="inline"
            onFinish={submit}
            disabled={submitting}
            requiredMark={false}
            style={{ marginTop: 12, rowGap: 8 }}
          >
            <Form.Item
              label={`Mã định danh (subject) tại ${provider}`}
              name="subject"
              rules={[{ required: true, whitespace: true, message: messages.required('mã định danh') }]}
            >
              <Input maxLength={255} style={{ minWidth: 240 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<LinkOutlined />} loading={submitting}>
              Liên kết
            </Button>
          </Form>
        </>
      ) : null}
    </Card>
  );
}

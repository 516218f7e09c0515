import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import { agencyLabel, filterByLabel } from '../../format';
import { optionsOf, roleLabels } from '../../labels';
import type { Agency, Officer, Role } from '../../types';
import { useApi } from '../../useApi';
import { compactDigits, messages, minPasswordLength, phonePattern } from '../../validation';

interface OfficerValues {
  fullName: string;
  email: string;
  phone?: string;
  password: string;
  roles: { role?: Role; agencyId?: string | null }[];
}

const roleOptions = optionsOf(roleLabels);

/** "Tạo tài khoản cán bộ": identity, initial password and one or more role rows (role + agency). */
export function CreateOfficerForm({ onCreated }: { onCreated: (officer: Officer) => void }) {
  const [form] = Form.useForm<OfficerValues>();
  const { message } = App.useApp();
  const agencies = useApi<Agency[]>(`/api/agencies?at=${dayjs().format('YYYY-MM-DD')}`, { shared: true });
  const agencyOptions = (agencies.data ?? []).map((agency) => ({
    value: agency.id,
    label: agencyLabel(agency),
  }));
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);

  const submit = async (values: OfficerValues) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const officer = await api.post<Officer>('/api/admin/users', {
        fullName: values.fullName.trim(),
        email: values.email.trim(),
        phone: compactDigits(values.phone) || undefined,
        password: values.password,
        roles: values.roles.map((row) => ({ role: row.role, agencyId: row.agencyId ?? null })),
      });
      onCreated(officer);
      form.resetFields();
      message.success(`Đã tạo tài khoản cho ${officer.fullName}.`);
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
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={submitting}
        initialValues={{ roles: [{}] }}
        autoComplete="off"
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="fullName"
              label="Họ tên"
              rules={[{ required: true, whitespace: true, message: messages.required('họ tên') }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="email"
              label="Email"
              rules={[
                { required: true, message: messages.required('email') },
                { type: 'email', message: messages.email },
              ]}
            >
              <Input type="email" inputMode="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label="Số điện thoại"
              rules={[
                {
                  validator: (_, value?: string) =>
                    !compactDigits(value) || phonePattern.test(compactDigits(value))
                      ? Promise.resolve()
                      : Promise.reject(new Error(messages.phone)),
                },
              ]}
            >
              <Input type="tel" inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="password"
              label="Mật khẩu"
              extra="Mật khẩu ban đầu; cán bộ nên đổi sau khi đăng nhập."
              rules={[
                { required: true, message: messages.required('mật khẩu') },
                { min: minPasswordLength, message: messages.password },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
        <Form.List
          name="roles"
          rules={[
            {
              validator: async (_, roles?: unknown[]) => {
                if (!roles || roles.length === 0) throw new Error('Cần ít nhất một vai trò.');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={12} key={field.key} align="top">
                  <Col xs={24} md={9}>
                    <Form.Item
                      name={[field.name, 'role']}
                      label={fields.length > 1 ? `Vai trò ${index + 1}` : 'Vai trò'}
                      rules={[{ required: true, message: 'Chọn vai trò.' }]}
                    >
                      <Select options={roleOptions} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={13}>
                    <Form.Item noStyle dependencies={[['roles', field.name, 'role']]}>
                      {({ getFieldValue }) => {
                        const isAdminRole = getFieldValue(['roles', field.name, 'role']) === 'admin';
                        return (
                          <Form.Item
                            name={[field.name, 'agencyId']}
                            label={fields.length > 1 ? `Cơ quan ${index + 1}` : 'Cơ quan'}
                            rules={[{ required: !isAdminRole, message: 'Chọn cơ quan.' }]}
                          >
                            <Select
                              options={agencyOptions}
                              loading={agencies.loading}
                              allowClear={isAdminRole}
                              placeholder={isAdminRole ? 'Toàn hệ thống' : 'Chọn cơ quan'}
                              showSearch={{ filterOption: filterByLabel }}
                              notFoundContent="Không có cơ quan phù hợp"
                            />
                          </Form.Item>
                        );
                      }}
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={`Bỏ dòng thứ ${index + 1}`}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                Thêm vai trò
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Button type="primary" htmlType="submit" loading={submitting}>
            Tạo tài khoản
          </Button>
        </div>
      </Form>
    </>
  );
}

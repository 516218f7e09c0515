import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import { Loading } from '../../components/Loading';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';

// The administrator defines a procedure's online form here: the fields citizens fill in and which documents are
// required online. The portal renders it and the API validates against it — no code change.

type FieldType = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'citizen_id' | 'phone' | 'email';
interface FormField {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  help?: string;
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
  maxLength?: number;
  pattern?: string;
  patternMessage?: string;
}
interface FormSchema {
  fields: FormField[];
  documentRules?: { slot: string; required: boolean }[];
}
interface Loaded {
  procedureName: string;
  formSchema: FormSchema;
  documentSlots: Slot[];
  version: number;
}
interface Slot {
  slot: string;
  group: string | null;
  name: string;
  uploadable: boolean;
  required: boolean;
}

const typeLabels: Record<FieldType, string> = {
  text: 'Văn bản ngắn',
  textarea: 'Văn bản dài',
  number: 'Số',
  date: 'Ngày',
  select: 'Chọn từ danh sách',
  citizen_id: 'Số định danh cá nhân (CCCD)',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
};

interface Values {
  fields: (Omit<FormField, 'options'> & { optionsText?: string })[];
  required: Record<string, boolean>;
}

/** "value | label" per line ⇄ options. */
const optionsToText = (options: FormField['options']) =>
  (options ?? []).map((o) => (o.value === o.label ? o.value : `${o.value} | ${o.label}`)).join('\n');
const textToOptions = (text = '') =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [value = '', label] = line.split('|').map((part) => part.trim());
      return { value, label: label || value };
    });

export default function FormSchemaPage() {
  const { code = '' } = useParams();
  const { message } = App.useApp();
  const loaded = useApi<Loaded>(`/api/admin/procedures/${encodeURIComponent(code)}/form-schema`);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (!loaded.data) return;
    const rules = new Map((loaded.data.formSchema.documentRules ?? []).map((r) => [r.slot, r.required]));
    form.setFieldsValue({
      fields: loaded.data.formSchema.fields.map(({ options, ...f }) => ({
        ...f,
        optionsText: optionsToText(options),
      })),
      required: Object.fromEntries(
        loaded.data.documentSlots.map((s) => [s.slot, rules.get(s.slot) ?? s.required]),
      ),
    });
  }, [form, loaded.data]);

  if (loaded.error) return <ErrorState error={loaded.error} />;
  if (!loaded.data) return <Loading />;
  const slots = loaded.data.documentSlots;

  const save = async (values: Values) => {
    if (!loaded.data) return;
    setSaving(true);
    setError(undefined);
    // Only slots whose requirement differs from the catalog's reading are stored as corrections.
    const guessed = new Map(slots.map((s) => [s.slot, s.required]));
    const documentRules = Object.entries(values.required ?? {})
      .filter(
        ([slot, required]) =>
          guessed.get(slot) !== required ||
          loaded.data?.formSchema.documentRules?.some((r) => r.slot === slot),
      )
      .map(([slot, required]) => ({ slot, required: Boolean(required) }));
    const formSchema: FormSchema = {
      fields: (values.fields ?? []).map(({ optionsText, ...f }) => ({
        ...f,
        required: Boolean(f.required),
        ...(f.type === 'select' ? { options: textToOptions(optionsText) } : {}),
        help: f.help || undefined,
        pattern: f.pattern || undefined,
        patternMessage: f.patternMessage || undefined,
      })),
      ...(documentRules.length ? { documentRules } : {}),
    };
    try {
      const saved = await api.put<Loaded>(`/api/admin/procedures/${encodeURIComponent(code)}/form-schema`, {
        version: loaded.data.version,
        formSchema,
      });
      loaded.setData(saved);
      message.success('Đã lưu biểu mẫu trực tuyến. Cổng dịch vụ công dùng ngay biểu mẫu mới.');
    } catch (caught) {
      if (caught instanceof ApiError) {
        const aliases = Object.fromEntries(
          caught.fields.map((f) => [f.path, f.path.replace(/^formSchema\./, '')]),
        );
        applyFieldErrors(form, caught, aliases);
      }
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Biểu mẫu nộp hồ sơ trực tuyến"
        extra={<Link to={`/quan-tri/thu-tuc/${encodeURIComponent(code)}`}>Về thông tin thủ tục</Link>}
      >
        <Typography.Text type="secondary">
          {code} — {loaded.data.procedureName}
        </Typography.Text>
      </PageHeader>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="Người dân điền các trường dưới đây khi nộp hồ sơ trực tuyến, ngoài thông tin người nộp (họ tên, CCCD, điện thoại, địa chỉ) đã có sẵn. Hệ thống kiểm tra đúng các quy tắc này cả trên trang nộp hồ sơ và khi nhận dữ liệu."
      />
      <Form form={form} layout="vertical" onFinish={save} disabled={saving}>
        <FormError error={error} />
        <Form.List name="fields">
          {(items, { add, remove, move }) => (
            <Flex vertical gap={12}>
              {items.map((item, index) => (
                <Card
                  key={item.key}
                  size="small"
                  title={`Trường ${index + 1}`}
                  extra={
                    <Space>
                      <Button size="small" disabled={index === 0} onClick={() => move(index, index - 1)}>
                        Lên
                      </Button>
                      <Button
                        size="small"
                        disabled={index === items.length - 1}
                        onClick={() => move(index, index + 1)}
                      >
                        Xuống
                      </Button>
                      <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(index)}>
                        Xóa
                      </Button>
                    </Space>
                  }
                >
                  <Flex wrap gap={12}>
                    <Form.Item
                      name={[item.name, 'label']}
                      label="Nhãn hiển thị"
                      rules={[{ required: true, message: 'Vui lòng nhập nhãn.' }]}
                      style={{ flex: '2 1 260px' }}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'key']}
                      label="Mã trường (không dấu, không khoảng trắng)"
                      rules={[
                        { required: true, message: 'Vui lòng nhập mã trường.' },
                        {
                          pattern: /^[a-z][a-zA-Z0-9_]{0,39}$/,
                          message: 'Bắt đầu bằng chữ thường; chỉ chữ, số, «_».',
                        },
                      ]}
                      style={{ flex: '1 1 200px' }}
                    >
                      <Input maxLength={40} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'type']} label="Kiểu dữ liệu" style={{ flex: '1 1 200px' }}>
                      <Select
                        options={Object.entries(typeLabels).map(([value, label]) => ({ value, label }))}
                      />
                    </Form.Item>
                    <Form.Item name={[item.name, 'required']} valuePropName="checked" label="Bắt buộc">
                      <Checkbox>Người nộp phải điền</Checkbox>
                    </Form.Item>
                  </Flex>
                  <Form.Item
                    name={[item.name, 'help']}
                    label="Hướng dẫn ngắn cho người điền (không bắt buộc)"
                  >
                    <Input maxLength={500} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const type = form.getFieldValue(['fields', item.name, 'type']) as FieldType;
                      if (type === 'select') {
                        return (
                          <Form.Item
                            name={[item.name, 'optionsText']}
                            label="Các lựa chọn — mỗi dòng một lựa chọn, dạng «mã | nhãn» hoặc chỉ nhãn"
                            rules={[{ required: true, message: 'Vui lòng nhập ít nhất một lựa chọn.' }]}
                          >
                            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                          </Form.Item>
                        );
                      }
                      if (type === 'number') {
                        return (
                          <Flex gap={12} wrap>
                            <Form.Item name={[item.name, 'min']} label="Nhỏ nhất">
                              <InputNumber />
                            </Form.Item>
                            <Form.Item name={[item.name, 'max']} label="Lớn nhất">
                              <InputNumber />
                            </Form.Item>
                          </Flex>
                        );
                      }
                      if (type === 'text' || type === 'textarea') {
                        return (
                          <Flex gap={12} wrap>
                            <Form.Item name={[item.name, 'maxLength']} label="Số ký tự tối đa">
                              <InputNumber min={1} max={5000} />
                            </Form.Item>
                            <Form.Item
                              name={[item.name, 'pattern']}
                              label="Mẫu kiểm tra (biểu thức chính quy, không bắt buộc)"
                              style={{ flex: '1 1 240px' }}
                            >
                              <Input maxLength={300} />
                            </Form.Item>
                            <Form.Item
                              name={[item.name, 'patternMessage']}
                              label="Thông báo khi sai mẫu"
                              style={{ flex: '1 1 240px' }}
                            >
                              <Input maxLength={300} />
                            </Form.Item>
                          </Flex>
                        );
                      }
                      return null;
                    }}
                  </Form.Item>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ key: `truong${items.length + 1}`, label: '', type: 'text', required: false })
                }
              >
                Thêm trường
              </Button>
            </Flex>
          )}
        </Form.List>

        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
          Giấy tờ bắt buộc tải lên khi nộp trực tuyến
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          Hệ thống đoán từ danh mục thủ tục (giấy tờ «trường hợp…», ghi chú và giấy tờ chỉ xuất trình không
          bắt buộc). Bật hoặc tắt để sửa lại.
        </Typography.Paragraph>
        <Table<Slot>
          size="small"
          rowKey="slot"
          pagination={false}
          dataSource={slots.filter((s) => s.uploadable)}
          columns={[
            {
              title: 'Giấy tờ',
              dataIndex: 'name',
              render: (name: string) => <span style={{ whiteSpace: 'normal' }}>{name}</span>,
            },
            {
              title: 'Bắt buộc',
              width: 110,
              render: (_: unknown, slot) => (
                <Form.Item name={['required', slot.slot]} valuePropName="checked" noStyle>
                  <Switch aria-label={`Bắt buộc: ${slot.name}`} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={saving}
          style={{ marginTop: 16 }}
        >
          Lưu biểu mẫu
        </Button>
      </Form>
    </>
  );
}

import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import type { Topic } from './staffTypes';

interface Values {
  name: string;
  organiser: string;
  topicKey?: string;
  dates?: [Dayjs, Dayjs];
  location?: string;
}

/** Records a training course (the reform office). */
export function CourseForm({
  topics,
  onClose,
  onSaved,
}: {
  topics: Topic[];
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      const created = await api.post<{ id: string }>('/api/office/staff/courses', {
        name: values.name ?? '',
        organiser: values.organiser ?? '',
        topicKey: values.topicKey ?? '',
        startDate: values.dates?.[0]?.format('YYYY-MM-DD') ?? '',
        endDate: values.dates?.[1]?.format('YYYY-MM-DD') ?? '',
        location: values.location || null,
      });
      message.success('Đã ghi nhận lớp đào tạo, bồi dưỡng.');
      onSaved(created.id);
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause, { startDate: 'dates', endDate: 'dates' }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="Thêm lớp đào tạo, bồi dưỡng"
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label="Tên lớp, khóa học"
          rules={[{ required: true, message: 'Vui lòng nhập tên lớp.' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="topicKey"
          label="Chủ đề"
          rules={[{ required: true, message: 'Vui lòng chọn chủ đề.' }]}
        >
          <Select options={topics.filter((t) => t.active).map((t) => ({ value: t.key, label: t.label }))} />
        </Form.Item>
        <Form.Item
          name="organiser"
          label="Đơn vị tổ chức"
          rules={[{ required: true, message: 'Vui lòng nhập đơn vị tổ chức.' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="dates"
          label="Thời gian"
          rules={[{ required: true, message: 'Vui lòng chọn ngày bắt đầu và kết thúc.' }]}
        >
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            placeholder={['Từ ngày', 'Đến ngày']}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="location" label="Địa điểm">
          <Input maxLength={200} />
        </Form.Item>
        <FormError error={error} extra={extra} />
      </Form>
    </Modal>
  );
}

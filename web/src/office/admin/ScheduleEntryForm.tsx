import { Alert, App, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import { optionsOf } from '../../labels';
import { type ScheduleType, type Statutory, scheduleTypeLabels, statutoryLabels } from './calendarTypes';

interface EntryValues {
  date?: Dayjs;
  type: ScheduleType;
  name: string;
  instrument: string;
  statutory?: Statutory;
}

const typeOptions = optionsOf(scheduleTypeLabels);
const statutoryOptions = optionsOf(statutoryLabels);

/** "Thêm ngày vào lịch chính thức": one day off or swapped working day, with the instrument that set it. */
export function ScheduleEntryForm({ onAdded }: { onAdded: (date: string) => void }) {
  const [form] = Form.useForm<EntryValues>();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const [recomputed, setRecomputed] = useState<number | null>(null);

  const submit = async (values: EntryValues) => {
    setSubmitting(true);
    setError(undefined);
    setExtra([]);
    setRecomputed(null);
    const date = values.date?.format('YYYY-MM-DD') ?? '';
    try {
      const result = await api.post<{ id: string; recomputedDossiers: number }>(
        '/api/admin/calendar/schedule',
        {
          date,
          type: values.type,
          name: values.name.trim(),
          instrument: values.instrument.trim(),
          ...(values.type === 'day_off' && values.statutory ? { statutory: values.statutory } : {}),
        },
      );
      setRecomputed(result.recomputedDossiers);
      message.success('Đã thêm ngày vào lịch chính thức.');
      form.resetFields();
      onAdded(date);
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      {recomputed !== null ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={`Đã tính lại hạn giải quyết của ${recomputed} hồ sơ đang xử lý.`}
          style={{ marginBottom: 16 }}
          closable={{ onClose: () => setRecomputed(null) }}
        />
      ) : null}
      <FormError error={error} extra={extra} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={submitting}
        initialValues={{ type: 'day_off' }}
        autoComplete="off"
      >
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="date" label="Ngày" rules={[{ required: true, message: 'Vui lòng chọn ngày.' }]}>
              <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="type" label="Loại" rules={[{ required: true, message: 'Vui lòng chọn loại.' }]}>
              <Select options={typeOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item noStyle dependencies={['type']}>
              {({ getFieldValue }) => (
                <Form.Item
                  name="statutory"
                  label="Thuộc kỳ nghỉ"
                  extra="Chỉ chọn khi ngày này thuộc kỳ nghỉ Tết hoặc Quốc khánh theo văn bản."
                >
                  <Select
                    options={statutoryOptions}
                    allowClear
                    placeholder="Không thuộc kỳ nghỉ nào"
                    disabled={getFieldValue('type') !== 'day_off'}
                  />
                </Form.Item>
              )}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label="Tên ngày"
              rules={[
                { required: true, whitespace: true, message: 'Vui lòng nhập tên ngày nghỉ/ngày làm bù.' },
                { min: 2, message: 'Vui lòng nhập tên ngày nghỉ/ngày làm bù.' },
              ]}
            >
              <Input maxLength={200} placeholder="Ví dụ: Nghỉ Tết Nguyên đán" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="instrument"
              label="Số hiệu văn bản"
              rules={[
                { required: true, whitespace: true, message: 'Vui lòng nhập số hiệu văn bản.' },
                { min: 2, message: 'Vui lòng nhập số hiệu văn bản.' },
              ]}
            >
              <Input maxLength={300} placeholder="Ví dụ: Thông báo số 6150/TB-BNV" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={submitting}>
          Thêm vào lịch
        </Button>
      </Form>
    </>
  );
}

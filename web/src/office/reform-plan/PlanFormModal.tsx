import { Alert, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { type PlanView, planStatusLabel } from './reformPlanTypes';

interface PlanForm {
  title: string;
  fromYear: number;
  toYear: number;
  decisionNumber?: string;
  decisionDate?: string;
  summary?: string;
  status: PlanView['status'];
}

/**
 * Edits a plan (title, period, issuing decision, summary, status). The change carries the version read, so an
 * edit made on a page someone else changed in the meantime is refused (409) with what to do.
 */
export function PlanFormModal({ plan, onClose }: { plan: PlanView; onClose: (changed: boolean) => void }) {
  const [form] = Form.useForm<PlanForm>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    try {
      await api.patch(`/api/office/reform-plans/${plan.id}`, {
        ...v,
        decisionNumber: v.decisionNumber || null,
        decisionDate: v.decisionDate || null,
        summary: v.summary || null,
        version: plan.version,
      });
      onClose(true);
    } catch (cause) {
      setProblem(errorMessage(cause));
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      width={720}
      title="Sửa kế hoạch"
      okText="Lưu kế hoạch"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: plan.title,
          fromYear: plan.fromYear,
          toYear: plan.toYear,
          decisionNumber: plan.decisionNumber ?? undefined,
          decisionDate: plan.decisionDate ?? undefined,
          summary: plan.summary ?? undefined,
          status: plan.status,
        }}
      >
        <Form.Item
          name="title"
          label="Tên kế hoạch"
          rules={[{ required: true, message: 'Vui lòng nhập tên kế hoạch.' }]}
        >
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="fromYear"
            label="Từ năm"
            rules={[{ required: true, message: 'Vui lòng nhập năm.' }]}
          >
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item
            name="toYear"
            label="Đến năm"
            rules={[{ required: true, message: 'Vui lòng nhập năm.' }]}
          >
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="status" label="Trạng thái">
            <Select
              style={{ minWidth: 180 }}
              options={Object.entries(planStatusLabel).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="decisionNumber" label="Số quyết định ban hành">
            <Input />
          </Form.Item>
          <Form.Item name="decisionDate" label="Ngày ban hành">
            <Input type="date" />
          </Form.Item>
        </Space>
        <Form.Item name="summary" label="Tóm tắt">
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

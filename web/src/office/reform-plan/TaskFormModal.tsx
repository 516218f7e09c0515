import { Alert, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import type { PlanView, TaskView } from './reformPlanTypes';

interface TaskForm {
  areaId: string;
  description: string;
  leadAgencyId: string;
  coordinatingAgencyIds?: string[];
  recurrence: 'once' | 'yearly' | 'quarterly';
  dueDate?: string;
  dueMonth?: number;
  dueDay?: number;
  expectedOutput?: string;
}

/** Adds a task to a plan, or edits one (`task`): the edit sends the version it read, a stale one is refused. */
export function TaskFormModal({
  plan,
  agencies,
  task,
  onClose,
}: {
  plan: Pick<PlanView, 'id' | 'areas'>;
  agencies: { id: string; name: string }[];
  task?: TaskView;
  onClose: (changed: boolean) => void;
}) {
  const [form] = Form.useForm<TaskForm>();
  const recurrence = Form.useWatch('recurrence', form);
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const agencyOptions = agencies.map((a) => ({ value: a.id, label: a.name }));
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    try {
      const body = {
        ...v,
        coordinatingAgencyIds: v.coordinatingAgencyIds ?? [],
        expectedOutput: v.expectedOutput || null,
      };
      if (task) await api.patch(`/api/office/reform-tasks/${task.id}`, { ...body, version: task.version });
      else await api.post(`/api/office/reform-plans/${plan.id}/tasks`, body);
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
      title={task ? 'Sửa nhiệm vụ' : 'Thêm nhiệm vụ'}
      okText="Lưu nhiệm vụ"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          task
            ? {
                areaId: task.areaId,
                description: task.description,
                leadAgencyId: task.leadAgencyId,
                coordinatingAgencyIds: task.coordinatingAgencies.map((a) => a.id),
                recurrence: task.recurrence,
                dueDate: task.dueDate ?? undefined,
                dueMonth: task.dueMonth ?? undefined,
                dueDay: task.dueDay ?? undefined,
                expectedOutput: task.expectedOutput ?? undefined,
              }
            : { recurrence: 'yearly', dueMonth: 10, dueDay: 30 }
        }
      >
        <Form.Item
          name="areaId"
          label="Lĩnh vực"
          rules={[{ required: true, message: 'Vui lòng chọn lĩnh vực.' }]}
        >
          <Select options={plan.areas.map((a) => ({ value: a.id, label: `${a.code}. ${a.title}` }))} />
        </Form.Item>
        <Form.Item
          name="description"
          label="Nội dung nhiệm vụ"
          rules={[{ required: true, message: 'Vui lòng nhập nội dung nhiệm vụ.' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          name="leadAgencyId"
          label="Cơ quan chủ trì"
          rules={[{ required: true, message: 'Vui lòng chọn cơ quan chủ trì.' }]}
        >
          <Select showSearch optionFilterProp="label" options={agencyOptions} />
        </Form.Item>
        <Form.Item name="coordinatingAgencyIds" label="Cơ quan phối hợp">
          <Select mode="multiple" showSearch optionFilterProp="label" options={agencyOptions} />
        </Form.Item>
        <Form.Item name="recurrence" label="Thời hạn">
          <Select
            options={[
              { value: 'once', label: 'Một lần' },
              { value: 'yearly', label: 'Hằng năm' },
              { value: 'quarterly', label: 'Hằng quý' },
            ]}
          />
        </Form.Item>
        {recurrence === 'once' ? (
          <Form.Item
            name="dueDate"
            label="Hạn hoàn thành (YYYY-MM-DD)"
            rules={[{ required: true, message: 'Vui lòng nhập hạn hoàn thành.' }]}
          >
            <Input type="date" />
          </Form.Item>
        ) : (
          <Space>
            <Form.Item
              name="dueDay"
              label="Ngày"
              rules={[{ required: true, message: 'Vui lòng nhập ngày.' }]}
            >
              <InputNumber min={1} max={31} />
            </Form.Item>
            {recurrence === 'yearly' ? (
              <Form.Item
                name="dueMonth"
                label="Tháng"
                rules={[{ required: true, message: 'Vui lòng nhập tháng.' }]}
              >
                <InputNumber min={1} max={12} />
              </Form.Item>
            ) : null}
          </Space>
        )}
        <Form.Item name="expectedOutput" label="Sản phẩm dự kiến">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

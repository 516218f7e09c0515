import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../api';
import { applyFieldErrors } from '../../components/fieldErrors';
import { filterByLabel } from '../../format';
import { subjectKindOptions } from '../../portal/feedback/feedbackApi';
import { useApi } from '../../useApi';
import type { OfficeFeedback } from './officeFeedbackTypes';

interface Agency {
  id: string;
  name: string;
  validTo: string | null;
}

const DEFAULT_DAYS = 15;

/** One form per action the officer may take now; each posts with the version read. */
export function FeedbackActions({
  item,
  onChanged,
}: {
  item: OfficeFeedback;
  onChanged: (next: OfficeFeedback) => void;
}) {
  const agencies = useApi<Agency[]>('/api/agencies', { shared: true });
  const agencyOptions = (agencies.data ?? [])
    .filter((a) => !a.validTo)
    .map((a) => ({ value: a.id, label: a.name }));
  const can = new Set(item.availableActions);
  if (can.size === 0) return null;

  return (
    <div className="feedback-actions">
      {can.has('assign') ? (
        <ActionCard
          title="Phân loại và chuyển cơ quan xử lý"
          type="assign"
          item={item}
          onChanged={onChanged}
          submitLabel="Chuyển xử lý"
          initialValues={{
            subjectKind: item.subjectKind,
            field: item.field ?? undefined,
            responseDays: DEFAULT_DAYS,
          }}
        >
          <Form.Item label="Loại phản ánh" name="subjectKind">
            <Select options={subjectKindOptions} />
          </Form.Item>
          <Form.Item label="Lĩnh vực" name="field">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label="Cơ quan xử lý"
            name="agencyId"
            rules={[{ required: true, message: 'Vui lòng chọn cơ quan xử lý.' }]}
          >
            <Select
              showSearch={{ filterOption: filterByLabel }}
              options={agencyOptions}
              placeholder="Chọn cơ quan"
            />
          </Form.Item>
          <Form.Item
            label="Thời hạn trả lời (ngày làm việc)"
            name="responseDays"
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={60} />
          </Form.Item>
          <Form.Item label="Ghi chú" name="note">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </ActionCard>
      ) : null}
      {can.has('answer') ? (
        <ActionCard
          title="Trả lời phản ánh"
          type="answer"
          item={item}
          onChanged={onChanged}
          submitLabel="Gửi trả lời"
          initialValues={{ containsPersonalData: false }}
        >
          <Form.Item
            label="Nội dung trả lời"
            name="answer"
            rules={[
              { required: true, min: 20, message: 'Vui lòng nhập nội dung trả lời (ít nhất 20 ký tự).' },
            ]}
          >
            <Input.TextArea rows={6} maxLength={10000} showCount />
          </Form.Item>
          <Form.Item
            name="containsPersonalData"
            valuePropName="checked"
            extra="Có thông tin cá nhân thì không công khai nguyên văn; có thể nhập bản công khai đã lược bỏ bên dưới."
          >
            <Checkbox>Câu trả lời hoặc nội dung phản ánh có thông tin cá nhân</Checkbox>
          </Form.Item>
          <Form.Item label="Nội dung phản ánh để công khai (không bắt buộc)" name="publicContent">
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item label="Câu trả lời để công khai (không bắt buộc)" name="publicAnswer">
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
        </ActionCard>
      ) : null}
      {can.has('publish') && item.consentToPublish ? (
        <ActionCard
          title="Công khai bản đã lược bỏ thông tin cá nhân"
          type="publish"
          item={item}
          onChanged={onChanged}
          submitLabel="Công khai"
          initialValues={{
            publicContent: item.publicContent ?? item.content,
            publicAnswer: item.publicAnswer ?? item.answer ?? '',
          }}
        >
          <Form.Item label="Nội dung phản ánh công khai" name="publicContent">
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item label="Câu trả lời công khai" name="publicAnswer">
            <Input.TextArea rows={4} maxLength={10000} />
          </Form.Item>
        </ActionCard>
      ) : null}
      {can.has('reassign') ? (
        <ActionCard
          title="Chuyển cơ quan khác"
          type="reassign"
          item={item}
          onChanged={onChanged}
          submitLabel="Chuyển lại"
          initialValues={{ responseDays: item.responseDays ?? DEFAULT_DAYS }}
        >
          <Form.Item
            label="Cơ quan xử lý mới"
            name="agencyId"
            rules={[{ required: true, message: 'Vui lòng chọn cơ quan xử lý.' }]}
          >
            <Select
              showSearch={{ filterOption: filterByLabel }}
              options={agencyOptions.filter((a) => a.value !== item.assignedAgencyId)}
            />
          </Form.Item>
          <Form.Item label="Thời hạn trả lời (ngày làm việc, tính từ khi chuyển)" name="responseDays">
            <InputNumber min={1} max={60} />
          </Form.Item>
          <Form.Item
            label="Lý do chuyển"
            name="reason"
            rules={[{ required: true, message: 'Vui lòng nhập lý do chuyển.' }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </ActionCard>
      ) : null}
      {can.has('mark_duplicate') ? (
        <ActionCard
          title="Đánh dấu trùng"
          type="mark_duplicate"
          item={item}
          onChanged={onChanged}
          submitLabel="Đóng vì trùng"
          initialValues={{ duplicateOfCode: item.similar[0]?.code }}
        >
          <Form.Item
            label="Trùng với phản ánh (mã)"
            name="duplicateOfCode"
            rules={[{ required: true, message: 'Vui lòng nhập mã phản ánh bị trùng.' }]}
          >
            <Input maxLength={20} placeholder="PAKN-2026-000123" />
          </Form.Item>
        </ActionCard>
      ) : null}
      {can.has('reject') ? (
        <ActionCard
          title="Từ chối: không thuộc phạm vi xử lý"
          type="reject"
          item={item}
          onChanged={onChanged}
          submitLabel="Từ chối"
          danger
        >
          <Form.Item
            label="Lý do"
            name="reason"
            rules={[{ required: true, message: 'Vui lòng nhập lý do từ chối.' }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </ActionCard>
      ) : null}
    </div>
  );
}

function ActionCard({
  title,
  type,
  item,
  onChanged,
  submitLabel,
  initialValues,
  danger,
  children,
}: {
  title: string;
  type: string;
  item: OfficeFeedback;
  onChanged: (next: OfficeFeedback) => void;
  submitLabel: string;
  initialValues?: Record<string, unknown>;
  danger?: boolean;
  children: React.ReactNode;
}) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  return (
    <Card size="small" title={title}>
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={async (values: Record<string, unknown>) => {
          setSaving(true);
          setProblem(undefined);
          const action = Object.fromEntries(
            Object.entries({ type, ...values }).filter(([, v]) => v !== undefined && v !== null && v !== ''),
          );
          try {
            onChanged(
              await api.post<OfficeFeedback>(`/api/office/feedback/${item.id}/actions`, {
                version: item.version,
                action,
              }),
            );
          } catch (cause) {
            const unmatched = applyFieldErrors(form, cause, { 'action.agencyId': 'agencyId' });
            setProblem(unmatched.length ? unmatched.join(' ') : errorMessage(cause));
          } finally {
            setSaving(false);
          }
        }}
      >
        {children}
        {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" danger={danger} htmlType="submit" loading={saving}>
          {submitLabel}
        </Button>
      </Form>
    </Card>
  );
}

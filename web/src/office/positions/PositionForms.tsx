import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import { optionsOf } from '../../labels';
import { degreeLabels } from '../staff/staffTypes';
import { type AgencyPositions, groupLabels, type Position, quotaKindLabels } from './positionsTypes';

// The edit forms of "Vị trí việc làm, biên chế": a position, placing a holder, the year's quota, the
// streamlining plan. Each sends the version it read; a stale form gets the server's 409 message.

function useSubmit(onSaved: () => void, done: string) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const run = async (form: Parameters<typeof applyFieldErrors>[0], send: () => Promise<unknown>) => {
    setSaving(true);
    setError(undefined);
    try {
      await send();
      message.success(done);
      onSaved();
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, extra, run };
}

export function PositionForm({
  agencyId,
  position,
  onClose,
  onSaved,
}: {
  agencyId: string;
  position: Position | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const { saving, error, extra, run } = useSubmit(
    onSaved,
    position ? 'Đã lưu vị trí việc làm.' : 'Đã thêm vị trí việc làm.',
  );
  const submit = (values: Record<string, unknown>) => {
    const body = {
      code: values.code ?? '',
      name: values.name ?? '',
      group: values.group,
      requiredDegree: values.requiredDegree,
      requiredField: values.requiredField || null,
      competencies: ((values.competencies as { kind?: string; text?: string }[] | undefined) ?? []).filter(
        (c) => c?.text,
      ),
      headcount: values.headcount,
    };
    return run(form, () =>
      position
        ? api.put(`/api/office/positions/${position.id}`, { ...body, version: position.version })
        : api.post('/api/office/positions', { ...body, agencyId }),
    );
  };
  return (
    <Modal
      open
      title={position ? 'Sửa vị trí việc làm' : 'Thêm vị trí việc làm'}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={680}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          code: position?.code,
          name: position?.name,
          group: position?.group,
          requiredDegree: position?.requiredDegree ?? 'university',
          requiredField: position?.requiredField ?? undefined,
          competencies: position?.competencies ?? [],
          headcount: position?.headcount ?? 1,
        }}
      >
        <Space.Compact block>
          <Form.Item
            name="code"
            label="Mã vị trí"
            style={{ width: 160 }}
            rules={[{ required: true, message: 'Vui lòng nhập mã vị trí.' }]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name="name"
            label="Tên vị trí"
            style={{ flex: 1 }}
            rules={[{ required: true, message: 'Vui lòng nhập tên vị trí.' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="group"
          label="Nhóm vị trí"
          rules={[{ required: true, message: 'Vui lòng chọn nhóm vị trí việc làm.' }]}
        >
          <Select options={optionsOf(groupLabels)} />
        </Form.Item>
        <Form.Item
          name="headcount"
          label="Số người cần"
          rules={[{ required: true, message: 'Vui lòng nhập số người cần.' }]}
        >
          <InputNumber min={1} max={5000} precision={0} />
        </Form.Item>
        <Form.Item
          name="requiredDegree"
          label="Trình độ tối thiểu"
          rules={[{ required: true, message: 'Vui lòng chọn trình độ yêu cầu.' }]}
        >
          <Select options={optionsOf(degreeLabels)} />
        </Form.Item>
        <Form.Item name="requiredField" label="Chuyên ngành phù hợp">
          <Input maxLength={200} />
        </Form.Item>
        <Form.List name="competencies">
          {(fields, { add, remove }) => (
            <Form.Item label="Khung năng lực: kỹ năng, chứng chỉ">
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'kind']} initialValue="skill">
                    <Select
                      aria-label="Loại yêu cầu"
                      style={{ width: 130 }}
                      options={[
                        { value: 'skill', label: 'Kỹ năng' },
                        { value: 'certificate', label: 'Chứng chỉ' },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'text']} style={{ width: 420 }}>
                    <Input aria-label="Nội dung yêu cầu" maxLength={300} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="Bỏ dòng" onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'skill', text: '' })}>
                Thêm yêu cầu
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <FormError error={error} extra={extra} />
      </Form>
    </Modal>
  );
}

export function HolderForm({
  position,
  data,
  onClose,
  onSaved,
}: {
  position: Position;
  data: AgencyPositions;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const { saving, error, extra, run } = useSubmit(onSaved, 'Đã bố trí cán bộ vào vị trí.');
  const options = [
    ...data.unassigned.map((o) => ({ value: o.officialId, label: `${o.fullName} (chưa bố trí)` })),
    ...data.positions
      .filter((p) => p.id !== position.id)
      .flatMap((p) =>
        p.holders.map((h) => ({ value: h.officialId, label: `${h.fullName} (đang ở: ${p.name})` })),
      ),
  ];
  return (
    <Modal
      open
      title={`Bố trí cán bộ — ${position.name}`}
      okText="Bố trí"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v: { officialId?: string; fromDate?: Dayjs }) =>
          run(form, () =>
            api.post(`/api/office/positions/${position.id}/holders`, {
              officialId: v.officialId,
              ...(v.fromDate ? { fromDate: v.fromDate.format('YYYY-MM-DD') } : {}),
            }),
          )
        }
      >
        <Form.Item
          name="officialId"
          label="Cán bộ"
          rules={[{ required: true, message: 'Vui lòng chọn cán bộ.' }]}
        >
          <Select showSearch optionFilterProp="label" options={options} />
        </Form.Item>
        <Form.Item name="fromDate" label="Từ ngày (mặc định hôm nay)">
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
        <FormError error={error} extra={extra} />
      </Form>
    </Modal>
  );
}

export function QuotaForm({
  data,
  onClose,
  onSaved,
}: {
  data: AgencyPositions;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const { saving, error, extra, run } = useSubmit(onSaved, 'Đã lưu biên chế được giao.');
  return (
    <Modal
      open
      title={`Biên chế được giao năm ${data.year} — ${data.agency.name}`}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          civilServants: data.quota?.civilServants ?? 0,
          publicEmployees: data.quota?.publicEmployees ?? 0,
          contractStaff: data.quota?.contractStaff ?? 0,
          decisionNumber: data.quota?.decisionNumber,
          decisionDate: data.quota?.decisionDate ? dayjs(data.quota.decisionDate) : undefined,
        }}
        onFinish={(v: Record<string, unknown>) =>
          run(form, () =>
            api.put(`/api/office/positions/quotas/${data.agency.id}/${data.year}`, {
              civilServants: v.civilServants,
              publicEmployees: v.publicEmployees,
              contractStaff: v.contractStaff,
              decisionNumber: v.decisionNumber ?? '',
              decisionDate: (v.decisionDate as Dayjs | undefined)?.format('YYYY-MM-DD') ?? null,
              version: data.quota?.version ?? 0,
            }),
          )
        }
      >
        {(['civilServants', 'publicEmployees', 'contractStaff'] as const).map((k) => (
          <Form.Item
            key={k}
            name={k}
            label={quotaKindLabels[k]}
            rules={[{ required: true, message: 'Vui lòng nhập số lượng.' }]}
          >
            <InputNumber min={0} max={5000} precision={0} />
          </Form.Item>
        ))}
        <Form.Item
          name="decisionNumber"
          label="Số quyết định giao biên chế"
          rules={[{ required: true, message: 'Vui lòng nhập số quyết định.' }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="decisionDate" label="Ngày quyết định">
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
        <FormError error={error} extra={extra} />
      </Form>
    </Modal>
  );
}

export function StreamliningForm({
  data,
  onClose,
  onSaved,
}: {
  data: AgencyPositions;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const { saving, error, extra, run } = useSubmit(onSaved, 'Đã lưu kế hoạch tinh giản biên chế.');
  const current = data.streamlining;
  const fromYear = Form.useWatch('fromYear', form) ?? current?.fromYear ?? 2021;
  const toYear = Form.useWatch('toYear', form) ?? current?.toYear ?? 2025;
  const years: number[] = [];
  for (let y = fromYear; y <= toYear && years.length < 10; y++) years.push(y);
  return (
    <Modal
      open
      title={`Kế hoạch tinh giản biên chế — ${data.agency.name}`}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          fromYear: current?.fromYear ?? 2021,
          toYear: current?.toYear ?? 2025,
          targetPercent: current?.progress.targetPercent ?? 10,
          decisionNumber: current?.decisionNumber ?? undefined,
          planned: Object.fromEntries((current?.planned ?? []).map((p) => [String(p.year), p.reduction])),
        }}
        onFinish={(v: Record<string, unknown>) => {
          const planned = (v.planned ?? {}) as Record<string, number | null>;
          return run(form, () =>
            api.put(`/api/office/positions/streamlining/${data.agency.id}`, {
              fromYear: v.fromYear,
              toYear: v.toYear,
              targetPercent: v.targetPercent,
              decisionNumber: v.decisionNumber || null,
              planned: years.map((year) => ({ year, reduction: planned[String(year)] ?? 0 })),
              version: current?.version ?? 0,
            }),
          );
        }}
      >
        <Space>
          <Form.Item
            name="fromYear"
            label="Từ năm"
            rules={[{ required: true, message: 'Vui lòng nhập năm.' }]}
          >
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item
            name="toYear"
            label="Đến năm"
            rules={[{ required: true, message: 'Vui lòng nhập năm.' }]}
          >
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item
            name="targetPercent"
            label="Tỷ lệ tinh giản (%)"
            rules={[{ required: true, message: 'Vui lòng nhập tỷ lệ.' }]}
          >
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
        </Space>
        <Space wrap>
          {years.map((y) => (
            <Form.Item key={y} name={['planned', String(y)]} label={`Giảm năm ${y}`}>
              <InputNumber min={0} max={5000} precision={0} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="decisionNumber" label="Văn bản kế hoạch">
          <Input maxLength={60} />
        </Form.Item>
        <FormError error={error} extra={extra} />
      </Form>
    </Modal>
  );
}

import {
  Alert,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorMessage } from '../../api';
import { isAdmin, useAuth } from '../../auth';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { type PlanSummary, type PlanView, planStatusLabel } from './reformPlanTypes';

/** "Kế hoạch CCHC": the plans; the reform office copies one into a new period. */
export default function ReformPlansPage() {
  const { user } = useAuth();
  const canManage = isAdmin(user) || Boolean(user?.roles.some((r) => r.role === 'reform_officer'));
  const { data, error, loading } = useApi<{ items: PlanSummary[] }>('/api/office/reform-plans');
  const [copying, setCopying] = useState(false);

  const columns: TableColumnsType<PlanSummary> = [
    {
      title: 'Kế hoạch',
      key: 'title',
      render: (_, p) => <Link to={`/quan-tri/ke-hoach-cchc/${p.id}`}>{p.title}</Link>,
    },
    { title: 'Giai đoạn', key: 'period', render: (_, p) => `${p.fromYear} – ${p.toYear}` },
    { title: 'Đơn vị', dataIndex: 'unitName', responsive: ['md'] },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      render: (s: PlanSummary['status']) => (
        <Tag color={s === 'active' ? 'blue' : undefined}>{planStatusLabel[s]}</Tag>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Kế hoạch cải cách hành chính"
        extra={
          <>
            <Link to="/quan-tri/viec-cua-co-quan">
              <Button>Việc của cơ quan tôi</Button>
            </Link>
            {canManage && data?.items.length ? (
              <Button type="primary" onClick={() => setCopying(true)}>
                Sao chép sang giai đoạn mới
              </Button>
            ) : null}
          </>
        }
      />
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      <Table
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
      />
      {copying && data ? <CopyPlanModal plans={data.items} onClose={() => setCopying(false)} /> : null}
    </>
  );
}

function CopyPlanModal({ plans, onClose }: { plans: PlanSummary[]; onClose: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<{ sourceId: string; title: string; fromYear: number }>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const latest = plans[0];
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    try {
      const plan = await api.post<PlanView>(`/api/office/reform-plans/${values.sourceId}/copy`, {
        title: values.title,
        fromYear: values.fromYear,
      });
      navigate(`/quan-tri/ke-hoach-cchc/${plan.id}`);
    } catch (cause) {
      setProblem(errorMessage(cause));
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="Sao chép kế hoạch sang giai đoạn mới"
      okText="Sao chép"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <p>
        Lĩnh vực, mục tiêu và nhiệm vụ được sao chép; hạn của nhiệm vụ một lần được dời theo số năm chênh
        lệch, nhiệm vụ định kỳ được lập lại cho từng năm của giai đoạn mới. Kế hoạch mới ở trạng thái dự thảo.
      </p>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          sourceId: latest?.id,
          fromYear: latest ? latest.toYear + 1 : undefined,
          title: latest
            ? `Kế hoạch CCHC giai đoạn ${latest.toYear + 1} - ${latest.toYear * 2 - latest.fromYear + 1}`
            : '',
        }}
      >
        <Form.Item
          name="sourceId"
          label="Sao chép từ"
          rules={[{ required: true, message: 'Vui lòng chọn kế hoạch.' }]}
        >
          <Select
            options={plans.map((p) => ({ value: p.id, label: `${p.title} (${p.fromYear}–${p.toYear})` }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="Tên kế hoạch mới"
          rules={[{ required: true, message: 'Vui lòng nhập tên kế hoạch.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="fromYear"
          label="Năm bắt đầu"
          rules={[{ required: true, message: 'Vui lòng nhập năm bắt đầu.' }]}
        >
          <InputNumber min={2000} max={2100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

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
import { filterByLabel } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { planStatusLabel, type ReviewPlanSummary, type ReviewPlanView } from './reviewTypes';
import { useUnitsAndAgencies } from './useUnitsAndAgencies';

/** "Rà soát, đơn giản hóa TTHC": the yearly review plans; the reform office creates them. */
export default function ReviewPlansPage() {
  const { data, error, loading } = useApi<{ canManage: boolean; items: ReviewPlanSummary[] }>(
    '/api/office/procedure-reviews',
  );
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<ReviewPlanSummary> = [
    { title: 'Năm', dataIndex: 'year', width: 80 },
    {
      title: 'Kế hoạch rà soát',
      key: 'title',
      render: (_, p) => <Link to={`/quan-tri/ra-soat-tthc/${p.id}`}>{p.title}</Link>,
    },
    { title: 'Đơn vị', dataIndex: 'unitName', responsive: ['md'] },
    { title: 'Thủ tục đã rà soát', key: 'progress', render: (_, p) => `${p.doneCount}/${p.itemCount}` },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      render: (s: ReviewPlanSummary['status']) => (
        <Tag color={s === 'active' ? 'blue' : undefined}>{planStatusLabel[s]}</Tag>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Rà soát, đơn giản hóa TTHC"
        extra={
          <>
            <Link to="/quan-tri/thu-tuc-lien-thong">
              <Button>Thủ tục liên thông</Button>
            </Link>
            {data?.canManage ? (
              <Button type="primary" onClick={() => setCreating(true)}>
                Lập kế hoạch rà soát
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
        locale={{ emptyText: 'Chưa có kế hoạch rà soát nào giao cho cơ quan của bạn.' }}
      />
      {creating ? <CreatePlanModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

interface PlanForm {
  unitId: string;
  year: number;
  title: string;
  citizenDayValueVnd: number;
  visitCostVnd: number;
}

function CreatePlanModal({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const { units, loading } = useUnitsAndAgencies();
  const [form] = Form.useForm<PlanForm>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const year = new Date().getFullYear();
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    try {
      const plan = await api.post<ReviewPlanView>('/api/office/procedure-reviews', values);
      navigate(`/quan-tri/ra-soat-tthc/${plan.id}`);
    } catch (cause) {
      setProblem(errorMessage(cause));
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="Lập kế hoạch rà soát, đơn giản hóa TTHC"
      okText="Lập kế hoạch"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          year,
          title: `Kế hoạch rà soát, đơn giản hóa thủ tục hành chính năm ${year}`,
          citizenDayValueVnd: 200_000,
          visitCostVnd: 50_000,
        }}
      >
        <Form.Item
          name="unitId"
          label="Đơn vị hành chính"
          rules={[{ required: true, message: 'Vui lòng chọn đơn vị.' }]}
        >
          <Select
            options={units}
            loading={loading}
            showSearch={{ filterOption: filterByLabel }}
            placeholder="Chọn đơn vị"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="Tên kế hoạch"
          rules={[{ required: true, message: 'Vui lòng nhập tên kế hoạch.' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Vui lòng nhập năm.' }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item
          name="citizenDayValueVnd"
          label="Giá trị một ngày công của người dân (đồng)"
          extra="Dùng để ước tính chi phí tiết kiệm khi rút ngắn thời gian giải quyết."
          rules={[{ required: true, message: 'Vui lòng nhập giá trị một ngày công.' }]}
        >
          <InputNumber min={0} step={10_000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="visitCostVnd"
          label="Chi phí một lần đi lại (đồng)"
          rules={[{ required: true, message: 'Vui lòng nhập chi phí một lần đi lại.' }]}
        >
          <InputNumber min={0} step={10_000} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

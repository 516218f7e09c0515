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
import type { YearSummary, YearView } from './reformIndexTypes';

/** "Chỉ số CCHC": the assessment years; the reform office opens a new one, usually copying last year's tree. */
export default function ReformIndexYearsPage() {
  const { user } = useAuth();
  const isCouncil = isAdmin(user) || Boolean(user?.roles.some((r) => r.role === 'reform_officer'));
  const { data, error, loading } = useApi<{ items: YearSummary[] }>('/api/office/reform-index/years');
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<YearSummary> = [
    { title: 'Năm', dataIndex: 'year', width: 90 },
    {
      title: 'Kỳ đánh giá',
      key: 'title',
      render: (_, y) => <Link to={`/quan-tri/chi-so-cchc/${y.id}`}>{y.title}</Link>,
    },
    {
      title: 'Hạn tự chấm',
      dataIndex: 'selfDeadline',
      responsive: ['md'],
      render: (d: string | null) => (d ? d.split('-').reverse().join('/') : '—'),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, y) => <Tag color={y.status === 'published' ? 'green' : 'blue'}>{y.statusLabel}</Tag>,
    },
  ];
  return (
    <>
      <PageHeader
        title="Chỉ số cải cách hành chính"
        extra={
          isCouncil ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              Tạo kỳ đánh giá
            </Button>
          ) : null
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
      {creating && data ? <CreateYearModal years={data.items} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function CreateYearModal({ years, onClose }: { years: YearSummary[]; onClose: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<{ year: number; title: string; copyFromYearId?: string }>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const latest = years[0];
  const next = latest ? latest.year + 1 : new Date().getFullYear();
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    try {
      const year = await api.post<YearView>('/api/office/reform-index/years', values);
      navigate(`/quan-tri/chi-so-cchc/${year.id}`);
    } catch (cause) {
      setProblem(errorMessage(cause));
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="Tạo kỳ đánh giá Chỉ số CCHC"
      okText="Tạo"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <p>
        Sao chép bộ tiêu chí, thang xếp loại và danh sách cơ quan của năm trước để bắt đầu; kỳ mới ở trạng
        thái đang xây dựng cho đến khi mở cho các đơn vị tự chấm.
      </p>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          year: next,
          title: `Xác định Chỉ số cải cách hành chính năm ${next}`,
          copyFromYearId: latest?.id,
        }}
      >
        <Form.Item
          name="year"
          label="Năm đánh giá"
          rules={[{ required: true, message: 'Vui lòng nhập năm.' }]}
        >
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item
          name="title"
          label="Tên kỳ đánh giá"
          rules={[{ required: true, message: 'Vui lòng nhập tên.' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="copyFromYearId" label="Sao chép bộ tiêu chí từ">
          <Select allowClear options={years.map((y) => ({ value: y.id, label: `${y.year} — ${y.title}` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

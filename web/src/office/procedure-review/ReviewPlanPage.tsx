import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { filterByLabel, formatVnDate } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { ProcedureSelect } from './ProcedureSelect';
import { itemStatusLabel, planStatusLabel, type ReviewPlanView, vnd } from './reviewTypes';
import { useUnitsAndAgencies } from './useUnitsAndAgencies';

type Item = ReviewPlanView['items'][number];

/** A review plan: which procedures, who reviews them and by when, and how far each review is. */
export default function ReviewPlanPage() {
  const { id = '' } = useParams();
  const plan = useApi<ReviewPlanView>(`/api/office/procedure-reviews/${id}`);
  const [adding, setAdding] = useState(false);
  if (plan.error) return <Alert type="error" showIcon title={plan.error.message} />;
  const p = plan.data;
  const columns: TableColumnsType<Item> = [
    {
      title: 'Thủ tục',
      key: 'procedure',
      render: (_, i) => (
        <Link to={`/quan-tri/ra-soat-tthc/thu-tuc/${i.id}`}>
          {i.procedureCode} — {i.procedureName}
        </Link>
      ),
    },
    { title: 'Cơ quan rà soát', dataIndex: 'agencyName', responsive: ['md'] },
    { title: 'Người rà soát', dataIndex: 'officerName', responsive: ['lg'] },
    { title: 'Thời hạn', dataIndex: 'dueDate', render: (d: string) => formatVnDate(d) },
    { title: 'Gánh nặng', dataIndex: 'burdenCount', responsive: ['md'] },
    { title: 'Đề xuất', dataIndex: 'proposalCount', responsive: ['md'] },
    {
      title: 'Tình trạng',
      dataIndex: 'status',
      render: (s: Item['status']) => (
        <Tag color={s === 'done' ? 'green' : s === 'in_progress' ? 'blue' : undefined}>
          {itemStatusLabel[s]}
        </Tag>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={p?.title ?? 'Kế hoạch rà soát'}
        extra={
          p ? (
            <>
              <Button href={`/api/office/procedure-reviews/${p.id}/report.xlsx`} download>
                Xuất báo cáo Excel
              </Button>
              <Button href={`/api/office/procedure-reviews/${p.id}/report.pdf`} download>
                Xuất báo cáo PDF
              </Button>
              {p.canManage ? (
                <Button type="primary" onClick={() => setAdding(true)}>
                  Thêm thủ tục cần rà soát
                </Button>
              ) : null}
            </>
          ) : null
        }
      >
        <Link to="/quan-tri/ra-soat-tthc">← Danh sách kế hoạch rà soát</Link>
      </PageHeader>
      {p ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="Đơn vị">{p.unitName}</Descriptions.Item>
            <Descriptions.Item label="Năm">{p.year}</Descriptions.Item>
            <Descriptions.Item label="Trạng thái">{planStatusLabel[p.status]}</Descriptions.Item>
            <Descriptions.Item label="Giá trị một ngày công">{vnd(p.citizenDayValueVnd)}</Descriptions.Item>
            <Descriptions.Item label="Chi phí một lần đi lại">{vnd(p.visitCostVnd)}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      <Table
        rowKey="id"
        columns={columns}
        dataSource={p?.items ?? []}
        loading={plan.loading}
        pagination={false}
        locale={{ emptyText: 'Chưa có thủ tục nào trong kế hoạch.' }}
      />
      {adding && p ? (
        <AddItemModal
          planId={p.id}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            plan.reload();
          }}
        />
      ) : null}
    </>
  );
}

interface ItemForm {
  procedureCode: string;
  agencyId: string;
  officerName?: string;
  dueDate: string;
}

function AddItemModal({
  planId,
  onClose,
  onDone,
}: {
  planId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { agencyOptions, loading } = useUnitsAndAgencies();
  const [form] = Form.useForm<ItemForm>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    try {
      await api.post(`/api/office/procedure-reviews/${planId}/items`, {
        ...values,
        officerName: values.officerName?.trim() || null,
      });
      onDone();
    } catch (cause) {
      setProblem(errorMessage(cause));
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="Thêm thủ tục cần rà soát"
      okText="Thêm"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="procedureCode"
          label="Thủ tục hành chính"
          rules={[{ required: true, message: 'Vui lòng chọn thủ tục.' }]}
        >
          <ProcedureSelect />
        </Form.Item>
        <Form.Item
          name="agencyId"
          label="Cơ quan rà soát"
          rules={[{ required: true, message: 'Vui lòng chọn cơ quan.' }]}
        >
          <Select
            options={agencyOptions}
            loading={loading}
            showSearch={{ filterOption: filterByLabel }}
            placeholder="Chọn cơ quan"
          />
        </Form.Item>
        <Form.Item name="officerName" label="Người rà soát">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="dueDate"
          label="Thời hạn hoàn thành"
          rules={[{ required: true, message: 'Vui lòng chọn thời hạn.' }]}
        >
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

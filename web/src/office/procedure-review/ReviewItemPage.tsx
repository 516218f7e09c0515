import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { formatVnDate } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import {
  burdenLabel,
  itemStatusLabel,
  optionsOf,
  type Proposal,
  type ProposalStatus,
  proposalKindLabel,
  proposalStatusColor,
  proposalStatusLabel,
  type ReviewItemView,
  type SavingFigure,
  vnd,
} from './reviewTypes';

/** The review of one procedure: burdens found, proposals up to the decision, and the estimated saving. */
export default function ReviewItemPage() {
  const { id = '' } = useParams();
  const state = useApi<ReviewItemView>(`/api/office/procedure-reviews/items/${id}`);
  if (state.error) return <Alert type="error" showIcon title={state.error.message} />;
  const item = state.data;
  return (
    <>
      <PageHeader title={item?.procedure ? `Rà soát: ${item.procedure.name}` : 'Rà soát thủ tục'}>
        {item ? <Link to={`/quan-tri/ra-soat-tthc/${item.plan.id}`}>← {item.plan.title}</Link> : null}
      </PageHeader>
      {item ? (
        <Flex vertical gap={16}>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="Mã thủ tục">{item.procedure?.code}</Descriptions.Item>
              <Descriptions.Item label="Lĩnh vực">{item.procedure?.field}</Descriptions.Item>
              <Descriptions.Item label="Cơ quan rà soát">{item.agency?.name}</Descriptions.Item>
              <Descriptions.Item label="Người rà soát">{item.officerName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Thời hạn">{formatVnDate(item.dueDate)}</Descriptions.Item>
              <Descriptions.Item label="Tình trạng">{itemStatusLabel[item.status]}</Descriptions.Item>
            </Descriptions>
          </Card>
          <BurdensCard item={item} onSaved={state.setData} />
          <ProposalsCard item={item} reload={state.reload} />
          <SavingCard item={item} />
        </Flex>
      ) : null}
    </>
  );
}

interface BurdenForm {
  status: ReviewItemView['status'];
  burdens: ReviewItemView['burdens'];
  conclusion?: string | null;
}

function BurdensCard({ item, onSaved }: { item: ReviewItemView; onSaved: (v: ReviewItemView) => void }) {
  const [form] = Form.useForm<BurdenForm>();
  const [problem, setProblem] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    setMessage(undefined);
    try {
      const saved = await api.patch<ReviewItemView>(`/api/office/procedure-reviews/items/${item.id}`, {
        version: item.version,
        status: values.status,
        burdens: values.burdens ?? [],
        conclusion: values.conclusion?.trim() || null,
      });
      onSaved(saved);
      setMessage('Đã lưu kết quả rà soát.');
    } catch (cause) {
      setProblem(errorMessage(cause));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title="Gánh nặng phát hiện qua rà soát">
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      {message ? <Alert type="success" showIcon title={message} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: item.status, burdens: item.burdens, conclusion: item.conclusion }}
        key={item.version}
      >
        <Form.List name="burdens">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'kind']}
                    label={index === 0 ? 'Loại' : undefined}
                    rules={[{ required: true, message: 'Chọn loại.' }]}
                    style={{ width: 180 }}
                  >
                    <Select options={optionsOf(burdenLabel)} aria-label={`Loại gánh nặng ${index + 1}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'description']}
                    label={index === 0 ? 'Mô tả' : undefined}
                    rules={[{ required: true, whitespace: true, message: 'Vui lòng mô tả gánh nặng.' }]}
                    style={{ flex: 1, minWidth: 240 }}
                  >
                    <Input maxLength={1000} aria-label={`Mô tả gánh nặng ${index + 1}`} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)} style={{ marginTop: index === 0 ? 30 : 0 }}>
                    Xóa
                  </Button>
                </Flex>
              ))}
              <Button onClick={() => add({ kind: 'document', description: '' })} style={{ marginBottom: 16 }}>
                Thêm gánh nặng
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="conclusion" label="Kết luận rà soát">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="status" label="Tình trạng rà soát" style={{ maxWidth: 240 }}>
          <Select options={optionsOf(itemStatusLabel)} />
        </Form.Item>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          Lưu kết quả rà soát
        </Button>
      </Form>
    </Card>
  );
}

interface ProposalForm {
  kind: Proposal['kind'];
  description: string;
  daysSaved: number;
  visitsSaved: number;
  feeReductionVnd: number;
}

function ProposalsCard({ item, reload }: { item: ReviewItemView; reload: () => void }) {
  const [form] = Form.useForm<ProposalForm>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [deciding, setDeciding] = useState<{ proposal: Proposal; to: ProposalStatus } | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await work();
      reload();
    } catch (cause) {
      setProblem(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };
  const add = async () => {
    const values = await form.validateFields();
    await run(async () => {
      await api.post(`/api/office/procedure-reviews/items/${item.id}/proposals`, values);
      form.resetFields();
    });
  };
  const move = (p: Proposal, to: ProposalStatus) =>
    run(() =>
      api.patch(`/api/office/procedure-reviews/proposals/${p.id}`, { version: p.version, status: to }),
    );
  const columns: TableColumnsType<Proposal> = [
    { title: 'Loại', dataIndex: 'kind', render: (k: Proposal['kind']) => proposalKindLabel[k] },
    { title: 'Nội dung đề xuất', dataIndex: 'description' },
    {
      title: 'Tiết kiệm mỗi hồ sơ',
      key: 'saving',
      render: (_, p) =>
        `${p.daysSaved} ngày · ${p.visitsSaved} lần đi lại${p.feeReductionVnd ? ` · ${vnd(p.feeReductionVnd)}` : ''}`,
    },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <Tag color={proposalStatusColor[p.status]}>{proposalStatusLabel[p.status]}</Tag>
          {p.decisionNumber ? (
            <Typography.Text type="secondary">
              QĐ {p.decisionNumber}
              {p.decisionDate ? ` ngày ${formatVnDate(p.decisionDate)}` : ''}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, p) => (
        <Flex gap={4} wrap>
          {p.status === 'proposed' ? (
            <Button size="small" disabled={busy} onClick={() => void move(p, 'submitted')}>
              Trình
            </Button>
          ) : null}
          {p.status === 'submitted' && item.canManage ? (
            <>
              <Button
                size="small"
                type="primary"
                onClick={() => setDeciding({ proposal: p, to: 'approved' })}
              >
                Phê duyệt
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ proposal: p, to: 'rejected' })}>
                Không phê duyệt
              </Button>
            </>
          ) : null}
          {p.status === 'submitted' ? (
            <Button size="small" disabled={busy} onClick={() => void move(p, 'proposed')}>
              Rút lại
            </Button>
          ) : null}
          {p.status === 'approved' && item.canManage ? (
            <Button size="small" disabled={busy} onClick={() => void move(p, 'implemented')}>
              Đã thực hiện
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];
  return (
    <Card size="small" title="Đề xuất đơn giản hóa">
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Table
        rowKey="id"
        columns={columns}
        dataSource={item.proposals}
        pagination={false}
        size="small"
        locale={{ emptyText: 'Chưa có đề xuất.' }}
        style={{ marginBottom: 16 }}
      />
      <Typography.Title level={5}>Thêm đề xuất</Typography.Title>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'shorten_time', daysSaved: 0, visitsSaved: 0, feeReductionVnd: 0 }}
      >
        <Flex gap={12} wrap>
          <Form.Item name="kind" label="Loại đề xuất" style={{ width: 220 }}>
            <Select options={optionsOf(proposalKindLabel)} />
          </Form.Item>
          <Form.Item
            name="description"
            label="Nội dung đề xuất"
            rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nội dung đề xuất.' }]}
            style={{ flex: 1, minWidth: 260 }}
          >
            <Input maxLength={3000} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="daysSaved" label="Số ngày làm việc rút ngắn / hồ sơ">
            <InputNumber min={0} max={365} step={0.5} />
          </Form.Item>
          <Form.Item name="visitsSaved" label="Số lần đi lại giảm / hồ sơ">
            <InputNumber min={0} max={20} />
          </Form.Item>
          <Form.Item name="feeReductionVnd" label="Phí, lệ phí giảm / hồ sơ (đồng)">
            <InputNumber min={0} step={1000} style={{ width: 180 }} />
          </Form.Item>
        </Flex>
        <Button type="primary" loading={busy} onClick={() => void add()}>
          Thêm đề xuất
        </Button>
      </Form>
      {deciding ? (
        <DecisionModal
          proposal={deciding.proposal}
          to={deciding.to}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            reload();
          }}
        />
      ) : null}
    </Card>
  );
}

function DecisionModal({
  proposal,
  to,
  onClose,
  onDone,
}: {
  proposal: Proposal;
  to: ProposalStatus;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ decisionNumber: string; decisionDate: string }>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api.patch(`/api/office/procedure-reviews/proposals/${proposal.id}`, {
        version: proposal.version,
        status: to,
        ...values,
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
      title={to === 'approved' ? 'Phê duyệt đề xuất' : 'Không phê duyệt đề xuất'}
      okText="Ghi nhận quyết định"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <p>{proposal.description}</p>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="decisionNumber"
          label="Số quyết định"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập số quyết định.' }]}
        >
          <Input maxLength={60} placeholder="Ví dụ: 125/QĐ-UBND" />
        </Form.Item>
        <Form.Item
          name="decisionDate"
          label="Ngày quyết định"
          rules={[{ required: true, message: 'Vui lòng chọn ngày quyết định.' }]}
        >
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SavingCard({ item }: { item: ReviewItemView }) {
  const s = item.saving;
  const rows: { key: string; label: string; pick: (f: SavingFigure) => string }[] = [
    { key: 'perDossier', label: 'Chi phí tiết kiệm mỗi hồ sơ', pick: (f) => vnd(f.vndPerDossier) },
    {
      key: 'days',
      label: 'Ngày công tiết kiệm mỗi năm',
      pick: (f) => `${f.daysPerYear.toLocaleString('vi-VN')} ngày`,
    },
    {
      key: 'visits',
      label: 'Lượt đi lại giảm mỗi năm',
      pick: (f) => `${f.visitsPerYear.toLocaleString('vi-VN')} lượt`,
    },
    { key: 'vnd', label: 'Chi phí tiết kiệm mỗi năm', pick: (f) => vnd(f.vndPerYear) },
  ];
  return (
    <Card size="small" title="Ước tính tiết kiệm cho người dân, doanh nghiệp">
      <Typography.Paragraph>
        Số hồ sơ của thủ tục trong 12 tháng gần nhất ({item.volume.from} – {item.volume.to}):{' '}
        <strong data-testid="dossier-volume">{item.volume.received.toLocaleString('vi-VN')}</strong> hồ sơ.
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        Công thức: {s.formula}. Giá trị 1 ngày công: {vnd(s.rates.citizenDayValueVnd)}; chi phí 1 lần đi lại:{' '}
        {vnd(s.rates.visitCostVnd)}. «Ước tính» gồm mọi đề xuất chưa bị bác; «Đã quyết định» gồm đề xuất được
        phê duyệt hoặc đã thực hiện.
      </Typography.Paragraph>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: 'Chỉ tiêu', dataIndex: 'label' },
          { title: 'Ước tính', key: 'estimated', render: (_, r) => r.pick(s.estimated) },
          { title: 'Đã quyết định', key: 'decided', render: (_, r) => r.pick(s.decided) },
        ]}
      />
    </Card>
  );
}

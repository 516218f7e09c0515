import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Spin,
  Steps,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api';
import { FormError } from '../../components/FormError';
import { applyFieldErrors } from '../../components/fieldErrors';
import { formatDate, formatDateTime } from '../../format';
import { optionsOf } from '../../labels';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { flagTags } from './BudgetPage';
import {
  actionLabels,
  amountInput,
  type BudgetAction,
  type BudgetLine,
  type LineDetail,
  sourceLabels,
  statusColors,
  statusLabels,
  vnd,
} from './budgetTypes';

const amount = (name: string, label: string) => (
  <Form.Item
    name={name}
    label={label}
    rules={[{ required: true, message: `Vui lòng nhập ${label.toLowerCase()}.` }]}
  >
    <InputNumber<number>
      min={0}
      max={1_000_000_000_000}
      precision={0}
      style={{ width: 260 }}
      {...amountInput}
    />
  </Form.Item>
);
const date = (name: string, label: string) => (
  <Form.Item
    name={name}
    label={label}
    rules={[{ required: true, message: `Vui lòng chọn ${label.toLowerCase()}.` }]}
  >
    <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: 200 }} />
  </Form.Item>
);
const text = (name: string, label: string, required = true, area = false) => (
  <Form.Item
    name={name}
    label={label}
    rules={required ? [{ required: true, message: `Vui lòng nhập ${label.toLowerCase()}.` }] : []}
  >
    {area ? <Input.TextArea rows={3} maxLength={2000} /> : <Input maxLength={120} />}
  </Form.Item>
);

/** The fields each step asks for. */
function StepFields({ action }: { action: BudgetAction }) {
  switch (action) {
    case 'edit':
      return (
        <>
          <Form.Item
            name="source"
            label="Nguồn kinh phí"
            rules={[{ required: true, message: 'Vui lòng chọn nguồn kinh phí.' }]}
          >
            <Select options={optionsOf(sourceLabels)} />
          </Form.Item>
          {text('description', 'Nội dung dự toán', true, true)}
          {amount('proposedAmount', 'Số tiền đề xuất')}
        </>
      );
    case 'return':
      return text('comment', 'Lý do trả lại', true, true);
    case 'cancel':
      return text('comment', 'Lý do hủy', false, true);
    case 'appraise':
      return (
        <>
          {amount('appraisedAmount', 'Số tiền thẩm định')}
          {text('comment', 'Ý kiến thẩm định', false, true)}
        </>
      );
    case 'approve':
      return (
        <>
          {amount('approvedAmount', 'Số tiền phê duyệt')}
          {text('decisionNumber', 'Số quyết định')}
          {date('decisionDate', 'Ngày quyết định')}
        </>
      );
    case 'disburse':
      return (
        <>
          {amount('amount', 'Số tiền giải ngân')}
          {date('paidOn', 'Ngày giải ngân')}
          {text('document', 'Số chứng từ')}
        </>
      );
    case 'settle':
      return (
        <>
          {amount('settledAmount', 'Số tiền quyết toán')}
          {text('document', 'Số văn bản quyết toán')}
          {date('settledOn', 'Ngày quyết toán')}
        </>
      );
    default:
      return <Typography.Paragraph>Xác nhận {actionLabels[action].toLowerCase()}?</Typography.Paragraph>;
  }
}

function StepForm({
  line,
  action,
  onClose,
  onDone,
}: {
  line: BudgetLine;
  action: BudgetAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const initial =
    action === 'edit'
      ? { source: line.source, description: line.description, proposedAmount: line.proposedAmount }
      : action === 'appraise'
        ? { appraisedAmount: line.proposedAmount }
        : action === 'approve'
          ? { approvedAmount: line.appraisedAmount }
          : action === 'settle'
            ? { settledAmount: line.figures.disbursed }
            : {};
  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    setError(undefined);
    const body: Record<string, unknown> = { version: line.version };
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined || v === '') continue;
      body[k] = v && typeof v === 'object' && 'format' in v ? (v as Dayjs).format('YYYY-MM-DD') : v;
    }
    try {
      if (action === 'edit') await api.put(`/api/office/reform-budget/lines/${line.id}`, body);
      else await api.post(`/api/office/reform-budget/lines/${line.id}/${action}`, body);
      message.success(`Đã ${actionLabels[action].toLowerCase()}.`);
      onDone();
    } catch (cause) {
      setError(cause);
      setExtra(applyFieldErrors(form, cause));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={actionLabels[action]}
      okText={actionLabels[action]}
      cancelText="Đóng"
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <StepFields action={action} />
        <FormError error={error} extra={extra} />
      </Form>
    </Modal>
  );
}

const stepOrder = ['draft', 'proposed', 'appraised', 'approved', 'settled'] as const;

/** One budget line: its figures, the steps it went through, the step open to me, disbursements, history. */
export default function BudgetLinePage() {
  const { id } = useParams();
  const detail = useApi<LineDetail>(`/api/office/reform-budget/lines/${id}`);
  const [action, setAction] = useState<BudgetAction>();
  if (detail.error) return <Alert type="error" showIcon title={detail.error.message} />;
  if (!detail.data) return <Spin />;
  const { line, disbursements, history, unspentCheckDate } = detail.data;
  const current =
    line.status === 'returned'
      ? 0
      : line.status === 'cancelled'
        ? 0
        : stepOrder.indexOf(line.status as (typeof stepOrder)[number]);
  return (
    <>
      <PageHeader title={`Kinh phí CCHC năm ${line.year}`} />
      <Typography.Paragraph>
        <Link to={`/quan-tri/kinh-phi-cchc?nam=${line.year}`}>← Danh sách kinh phí năm {line.year}</Link>
      </Typography.Paragraph>
      <Steps
        style={{ marginBottom: 16 }}
        current={current}
        status={line.status === 'returned' || line.status === 'cancelled' ? 'error' : undefined}
        items={[
          { title: 'Lập dự toán' },
          { title: 'Đề xuất' },
          { title: 'Thẩm định' },
          { title: 'Phê duyệt, giải ngân' },
          { title: 'Quyết toán' },
        ]}
      />
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <span>{line.description}</span>
            <Tag color={statusColors[line.status]} data-testid="budget-status">
              {statusLabels[line.status]}
            </Tag>
            {flagTags(line.figures)}
          </Flex>
        }
        extra={
          <Flex gap={8} wrap>
            {line.actions.map((a) => (
              <Button
                key={a}
                type={a === 'edit' || a === 'cancel' || a === 'return' ? 'default' : 'primary'}
                danger={a === 'cancel' || a === 'return'}
                onClick={() => setAction(a)}
              >
                {actionLabels[a]}
              </Button>
            ))}
          </Flex>
        }
      >
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { label: 'Nhiệm vụ', children: `${line.areaCode} — ${line.taskDescription}`, span: 2 },
            { label: 'Cơ quan chủ trì', children: line.leadAgencyName },
            { label: 'Nguồn kinh phí', children: sourceLabels[line.source] },
            { label: 'Đề xuất', children: vnd(line.proposedAmount) },
            { label: 'Thẩm định', children: vnd(line.appraisedAmount) },
            { label: 'Ý kiến thẩm định', children: line.appraisalComment ?? '—' },
            {
              label: 'Phê duyệt',
              children:
                line.approvedAmount !== null
                  ? `${vnd(line.approvedAmount)} — QĐ số ${line.decisionNumber} ngày ${formatDate(line.decisionDate)}`
                  : '—',
            },
            { label: 'Đã giải ngân', children: vnd(line.figures.disbursed) },
            {
              label: 'Quyết toán',
              children:
                line.settledAmount !== null
                  ? `${vnd(line.settledAmount)} — ${line.settlementDocument} ngày ${formatDate(line.settledOn)}`
                  : '—',
            },
            {
              label: 'Còn lại so với phê duyệt',
              children: line.figures.approved ? vnd(line.figures.remaining) : '—',
            },
            { label: 'Mốc kiểm tra giải ngân', children: formatDate(unspentCheckDate) },
          ]}
        />
      </Card>
      <Card title="Các lần giải ngân" style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={disbursements}
          locale={{ emptyText: 'Chưa giải ngân.' }}
          columns={[
            { title: 'Ngày', render: (_, d) => formatDate(d.paidOn) },
            { title: 'Chứng từ', dataIndex: 'document' },
            { title: 'Số tiền', align: 'right', render: (_, d) => vnd(d.amount) },
          ]}
        />
      </Card>
      <Card title="Lịch sử xử lý" style={{ marginTop: 16 }}>
        <Timeline
          items={history.map((h) => ({
            children: (
              <>
                <Typography.Text strong>{actionLabels[h.action as BudgetAction] ?? h.action}</Typography.Text>{' '}
                — {h.actorName ?? 'hệ thống'}, {formatDateTime(h.at)} ({statusLabels[h.toStatus]})
                {typeof h.data.comment === 'string' && h.data.comment ? (
                  <div>Ý kiến: {h.data.comment}</div>
                ) : null}
              </>
            ),
          }))}
        />
      </Card>
      {action ? (
        <StepForm
          line={line}
          action={action}
          onClose={() => setAction(undefined)}
          onDone={() => {
            setAction(undefined);
            detail.reload();
          }}
        />
      ) : null}
    </>
  );
}

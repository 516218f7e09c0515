import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage, withQuery } from '../../api';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { EvidenceUpload, type UploadedEvidence } from './EvidenceUpload';
import { PlanFormModal } from './PlanFormModal';
import {
  dayText,
  labelStyle,
  type PlanBoard,
  type PlanView,
  planStatusLabel,
  scheduleText,
  stateColor,
  stateLabel,
  type TargetView,
  type TaskItem,
  targetText,
} from './reformPlanTypes';
import { TaskFormModal } from './TaskFormModal';

const stateOptions = [
  { value: 'open', label: 'Chưa hoàn thành' },
  { value: 'overdue', label: 'Quá hạn' },
  { value: 'done', label: 'Hoàn thành' },
];

/** A plan: areas with progress, targets against actuals, overdue work and the tasks with filters. */
export default function ReformPlanPage() {
  const { id } = useParams();
  const plan = useApi<PlanView>(`/api/office/reform-plans/${id}`);
  const board = useApi<PlanBoard>(`/api/office/reform-plans/${id}/board`);
  const [filter, setFilter] = useState<{ areaId?: string; agencyId?: string; state?: string; q?: string }>(
    {},
  );
  const tasks = useApi<{ items: TaskItem[] }>(withQuery(`/api/office/reform-plans/${id}/tasks`, filter));
  const { data: agencies } = useApi<{ id: string; name: string }[]>('/api/agencies', { shared: true });
  const [adding, setAdding] = useState(false);
  const [editingPlan, setEditingPlan] = useState(false);
  const [entering, setEntering] = useState<TargetView>();
  const p = plan.data;
  if (plan.error) return <Alert type="error" showIcon title={plan.error.message} />;
  if (!p) return null;
  const areaLabel = new Map(p.areas.map((a) => [a.id, `${a.code}. ${a.title}`]));
  const years = p.targets[0]?.years.map((y) => y.year) ?? [];

  const targetColumns: TableColumnsType<TargetView> = [
    { title: 'Mục tiêu', key: 'title', render: (_, t) => `(${t.code}) ${t.title}` },
    { title: 'Cần đạt', key: 'target', width: 90, render: (_, t) => targetText(t) },
    ...years.map((year) => ({
      title: String(year),
      key: String(year),
      width: 80,
      render: (_: unknown, t: TargetView) => {
        const y = t.years.find((v) => v.year === year);
        if (!y || y.value === null) return <Typography.Text type="secondary">—</Typography.Text>;
        const text = t.measure === 'achieved' ? (y.value >= 1 ? 'Đạt' : 'Chưa đạt') : `${y.value}%`;
        return <Tag color={y.met ? 'green' : 'red'}>{text}</Tag>;
      },
    })),
    {
      title: 'Nguồn',
      key: 'source',
      width: 150,
      render: (_, t) =>
        t.source === 'indicator' ? (
          'Chỉ số hệ thống'
        ) : p.canManage ? (
          <Button size="small" onClick={() => setEntering(t)}>
            Nhập kết quả
          </Button>
        ) : (
          'Nhập kèm minh chứng'
        ),
    },
  ];

  const areaColumns: TableColumnsType<PlanBoard['areas'][number]> = [
    { title: 'Lĩnh vực', key: 'title', render: (_, a) => `${a.code}. ${a.title}` },
    { title: 'Nhiệm vụ', dataIndex: 'tasks', width: 90 },
    {
      title: 'Đã đến hạn / hoàn thành',
      key: 'progress',
      width: 220,
      render: (_, a) =>
        a.progress === null ? (
          'Chưa đến hạn'
        ) : (
          <Space>
            <Progress
              aria-label={`Tiến độ lĩnh vực ${a.code}`}
              percent={a.progress}
              size="small"
              showInfo={false}
              style={{ width: 120 }}
            />
            <span>{`${a.done}/${a.dueSoFar}`}</span>
          </Space>
        ),
    },
    {
      title: 'Quá hạn',
      dataIndex: 'overdue',
      width: 90,
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
    },
  ];

  const taskColumns: TableColumnsType<TaskItem> = [
    {
      title: 'Nhiệm vụ',
      key: 'description',
      render: (_, t) => (
        <div>
          <Link to={`/quan-tri/ke-hoach-cchc/nhiem-vu/${t.id}`}>{t.description}</Link>
          <div className="feedback-meta">
            <span>{areaLabel.get(t.areaId)}</span>
            {t.expectedOutput ? <span>Sản phẩm: {t.expectedOutput}</span> : null}
          </div>
        </div>
      ),
    },
    { title: 'Chủ trì', dataIndex: 'leadAgencyName', responsive: ['md'] },
    { title: 'Thời hạn', key: 'schedule', responsive: ['lg'], render: (_, t) => scheduleText(t) },
    {
      title: 'Hạn kế tiếp',
      key: 'next',
      width: 120,
      render: (_, t) =>
        t.next ? (
          <span style={t.next.overdue ? { color: '#cf1322' } : undefined}>{dayText(t.next.dueDate)}</span>
        ) : (
          '—'
        ),
    },
    {
      title: 'Tình trạng',
      key: 'state',
      width: 150,
      render: (_, t) => (
        <Tag color={stateColor[t.state]}>
          {stateLabel[t.state]}
          {t.occurrenceCount > 1 ? ` (${t.doneCount}/${t.occurrenceCount})` : ''}
        </Tag>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={p.title}
        extra={
          p.canManage ? (
            <Space wrap>
              <Button onClick={() => setEditingPlan(true)}>Sửa kế hoạch</Button>
              <Button type="primary" onClick={() => setAdding(true)}>
                Thêm nhiệm vụ
              </Button>
            </Space>
          ) : null
        }
      >
        <Link to="/quan-tri/ke-hoach-cchc">← Danh sách kế hoạch</Link>
      </PageHeader>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        styles={{ label: labelStyle }}
      >
        <Descriptions.Item label="Giai đoạn">{`${p.fromYear} – ${p.toYear}`}</Descriptions.Item>
        <Descriptions.Item label="Trạng thái">{planStatusLabel[p.status]}</Descriptions.Item>
        <Descriptions.Item label="Quyết định ban hành">
          {p.decisionNumber
            ? `${p.decisionNumber}${p.decisionDate ? `, ngày ${dayText(p.decisionDate)}` : ''}`
            : 'Chưa ghi nhận'}
        </Descriptions.Item>
        <Descriptions.Item label="Cơ quan thường trực">{p.coordinatingAgency?.name ?? '—'}</Descriptions.Item>
        {p.summary ? (
          <Descriptions.Item label="Mục tiêu chung" span={2}>
            {p.summary}
          </Descriptions.Item>
        ) : null}
      </Descriptions>

      <Card title="Mục tiêu và kết quả đạt được" size="small" style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          columns={targetColumns}
          dataSource={p.targets}
          pagination={false}
          scroll={{ x: true }}
        />
      </Card>

      <Card title="Tiến độ theo lĩnh vực" size="small" style={{ marginBottom: 16 }}>
        {board.error ? <Alert type="error" showIcon title={board.error.message} /> : null}
        <Table
          rowKey="id"
          size="small"
          columns={areaColumns}
          dataSource={board.data?.areas ?? []}
          loading={board.loading}
          pagination={false}
        />
      </Card>

      {board.data && board.data.overdue.length > 0 ? (
        <Card
          title={`Nhiệm vụ quá hạn (${board.data.overdue.length})`}
          size="small"
          style={{ marginBottom: 16 }}
        >
          <ul>
            {board.data.overdue.map((o) => (
              <li key={o.occurrenceId}>
                <Link to={`/quan-tri/ke-hoach-cchc/nhiem-vu/${o.taskId}`}>{o.description}</Link> —{' '}
                {o.leadAgencyName}, <span style={{ color: '#cf1322' }}>hạn {dayText(o.dueDate)}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card title="Nhiệm vụ" size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder="Lĩnh vực"
            style={{ minWidth: 260 }}
            value={filter.areaId}
            onChange={(areaId) => setFilter({ ...filter, areaId })}
            options={p.areas.map((a) => ({ value: a.id, label: `${a.code}. ${a.title}` }))}
            aria-label="Lọc theo lĩnh vực"
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="Cơ quan chủ trì"
            style={{ minWidth: 260 }}
            value={filter.agencyId}
            onChange={(agencyId) => setFilter({ ...filter, agencyId })}
            options={(agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
            aria-label="Lọc theo cơ quan chủ trì"
          />
          <Select
            allowClear
            placeholder="Tình trạng"
            style={{ minWidth: 180 }}
            value={filter.state}
            onChange={(state) => setFilter({ ...filter, state })}
            options={stateOptions}
            aria-label="Lọc theo tình trạng"
          />
          <Input.Search
            allowClear
            placeholder="Tìm nội dung nhiệm vụ"
            onSearch={(q) => setFilter({ ...filter, q: q || undefined })}
            style={{ width: 260 }}
          />
        </Space>
        {tasks.error ? <Alert type="error" showIcon title={tasks.error.message} /> : null}
        <Table
          rowKey="id"
          size="small"
          columns={taskColumns}
          dataSource={tasks.data?.items ?? []}
          loading={tasks.loading}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
        />
      </Card>

      {adding && agencies ? (
        <TaskFormModal
          plan={p}
          agencies={agencies}
          onClose={(changed) => {
            setAdding(false);
            if (changed) {
              tasks.reload();
              board.reload();
            }
          }}
        />
      ) : null}
      {editingPlan ? (
        <PlanFormModal
          plan={p}
          onClose={(changed) => {
            setEditingPlan(false);
            if (changed) {
              plan.reload();
              tasks.reload();
              board.reload();
            }
          }}
        />
      ) : null}
      {entering ? (
        <ActualModal
          plan={p}
          target={entering}
          onClose={(changed) => {
            setEntering(undefined);
            if (changed) plan.reload();
          }}
        />
      ) : null}
    </>
  );
}

function ActualModal({
  plan,
  target,
  onClose,
}: {
  plan: PlanView;
  target: TargetView;
  onClose: (changed: boolean) => void;
}) {
  const [form] = Form.useForm<{ year: number; value: number; note?: string }>();
  const [evidence, setEvidence] = useState<UploadedEvidence[]>([]);
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    try {
      await api.put(`/api/office/reform-plans/targets/${target.id}/actuals/${v.year}`, {
        value: v.value,
        note: v.note || null,
        evidence,
      });
      onClose(true);
    } catch (cause) {
      setProblem(errorMessage(cause));
      setSaving(false);
    }
  };
  const years: number[] = [];
  for (let y = plan.fromYear; y <= plan.toYear; y++) years.push(y);
  return (
    <Modal
      open
      title={`Nhập kết quả mục tiêu (${target.code})`}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
    >
      <p>{target.title}</p>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ year: years[years.length - 1] }}>
        <Form.Item name="year" label="Năm">
          <Select options={years.map((y) => ({ value: y, label: String(y) }))} />
        </Form.Item>
        <Form.Item
          name="value"
          label={target.measure === 'achieved' ? 'Kết quả' : 'Tỷ lệ đạt được (%)'}
          rules={[{ required: true, message: 'Vui lòng nhập kết quả.' }]}
        >
          {target.measure === 'achieved' ? (
            <Select
              options={[
                { value: 1, label: 'Đạt' },
                { value: 0, label: 'Chưa đạt' },
              ]}
            />
          ) : (
            <InputNumber min={0} max={100} />
          )}
        </Form.Item>
        <Form.Item name="note" label="Ghi chú, nguồn số liệu">
          <Input.TextArea rows={2} />
        </Form.Item>
        <EvidenceUpload value={evidence} onChange={setEvidence} />
      </Form>
    </Modal>
  );
}

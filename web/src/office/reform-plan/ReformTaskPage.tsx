import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorMessage } from '../../api';
import { formatVnDateTime } from '../../format';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { EvidenceUpload, type UploadedEvidence } from './EvidenceUpload';
import {
  actionLabel,
  dayText,
  labelStyle,
  type OccurrenceStatus,
  type OccurrenceView,
  type PlanView,
  periodText,
  scheduleText,
  stateColor,
  stateLabel,
  type TaskView,
} from './reformPlanTypes';
import { TaskFormModal } from './TaskFormModal';

const statusOptions: { value: OccurrenceStatus; label: string }[] = [
  { value: 'not_started', label: 'Chưa thực hiện' },
  { value: 'in_progress', label: 'Đang thực hiện' },
  { value: 'done', label: 'Hoàn thành' },
  { value: 'cancelled', label: 'Hủy bỏ' },
];

/** A task: what it owes each period, progress reports with evidence, and its history. */
export default function ReformTaskPage() {
  const { id } = useParams();
  const { data: task, error, setData, reload } = useApi<TaskView>(`/api/office/reform-tasks/${id}`);
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [removeProblem, setRemoveProblem] = useState<string>();
  const { data: agencies } = useApi<{ id: string; name: string }[]>('/api/agencies', { shared: true });
  const { data: plan } = useApi<{ id: string; areas: PlanView['areas'] }>(
    task?.canManage ? `/api/office/reform-plans/${task.plan.id}` : null,
  );
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!task) return null;

  const remove = async () => {
    setRemoveProblem(undefined);
    try {
      await api.delete(`/api/office/reform-tasks/${task.id}`);
      navigate(`/quan-tri/ke-hoach-cchc/${task.plan.id}`);
    } catch (cause) {
      setRemoveProblem(errorMessage(cause));
    }
  };

  const occurrenceColumns: TableColumnsType<OccurrenceView> = [
    { title: 'Kỳ', dataIndex: 'periodKey', render: (k: string) => periodText(k) },
    {
      title: 'Hạn',
      dataIndex: 'dueDate',
      render: (d: string, o) => (
        <span style={o.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{dayText(d)}</span>
      ),
    },
    {
      title: 'Tình trạng',
      key: 'status',
      render: (_, o) => (
        <>
          <Tag color={stateColor[o.status]}>{stateLabel[o.status]}</Tag>
          {o.overdue ? (
            <Tag color="red">Quá hạn</Tag>
          ) : o.dueSoon ? (
            <Tag color="orange">Sắp đến hạn</Tag>
          ) : null}
        </>
      ),
    },
    { title: 'Tiến độ', dataIndex: 'percent', render: (p: number) => `${p}%` },
  ];

  return (
    <>
      <PageHeader title="Nhiệm vụ cải cách hành chính">
        <Link to={`/quan-tri/ke-hoach-cchc/${task.plan.id}`}>← {task.plan.title}</Link>
      </PageHeader>
      {task.canManage ? (
        <Space wrap style={{ marginBottom: 16 }}>
          <Button onClick={() => setEditing(true)} disabled={!plan || !agencies}>
            Sửa nhiệm vụ
          </Button>
          <Popconfirm
            title="Xóa nhiệm vụ này?"
            description="Các kỳ thực hiện và báo cáo tiến độ bị xóa; lịch sử thay đổi của kế hoạch vẫn được giữ."
            okText="Xóa"
            cancelText="Không"
            onConfirm={() => void remove()}
          >
            <Button danger>Xóa nhiệm vụ</Button>
          </Popconfirm>
        </Space>
      ) : null}
      {removeProblem ? (
        <Alert type="error" showIcon title={removeProblem} style={{ marginBottom: 16 }} />
      ) : null}
      {editing && plan && agencies ? (
        <TaskFormModal
          plan={plan}
          agencies={agencies}
          task={task}
          onClose={(changed) => {
            setEditing(false);
            if (changed) reload();
          }}
        />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        styles={{ label: labelStyle }}
      >
        <Descriptions.Item label="Nội dung">{task.description}</Descriptions.Item>
        <Descriptions.Item label="Lĩnh vực">
          {task.area ? `${task.area.code}. ${task.area.title}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Cơ quan chủ trì">{task.leadAgencyName}</Descriptions.Item>
        <Descriptions.Item label="Cơ quan phối hợp">
          {task.coordinatingAgencies.map((a) => a.name).join('; ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Thời hạn">{scheduleText(task)}</Descriptions.Item>
        <Descriptions.Item label="Sản phẩm dự kiến">{task.expectedOutput ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Tình trạng">
          <Tag color={stateColor[task.state]}>{stateLabel[task.state]}</Tag>
        </Descriptions.Item>
      </Descriptions>

      <Card title="Các kỳ thực hiện" size="small" style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          columns={occurrenceColumns}
          dataSource={task.occurrences}
          pagination={false}
        />
      </Card>

      {task.canReport ? <ProgressForm task={task} onSaved={setData} /> : null}

      <Card title="Cập nhật tiến độ" size="small" style={{ marginBottom: 16 }}>
        {task.updates.length === 0 ? <p>Chưa có cập nhật.</p> : null}
        {task.updates.map((u) => (
          <div key={u.id} style={{ marginBottom: 12 }}>
            <strong>{periodText(u.periodKey)}</strong> —{' '}
            <Tag color={stateColor[u.status]}>{stateLabel[u.status]}</Tag>
            {u.percent}% · {u.authorName ?? '—'} · {formatVnDateTime(u.at)}
            {u.note ? <div>{u.note}</div> : null}
            {u.evidence.length > 0 ? (
              <ul className="document-list">
                {u.evidence.map((f) => (
                  <li key={f.fileId}>
                    <a
                      href={`/api/office/reform-tasks/${task.id}/evidence/${f.fileId}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {f.name}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
      </Card>

      <Card title="Lịch sử" size="small">
        <Timeline
          items={task.history.map((h) => ({
            key: h.id,
            children: `${formatVnDateTime(h.at)} — ${actionLabel[h.action] ?? h.action}${h.actorName ? ` — ${h.actorName}` : ''}`,
          }))}
        />
      </Card>
    </>
  );
}

function ProgressForm({ task, onSaved }: { task: TaskView; onSaved: (task: TaskView) => void }) {
  const [form] = Form.useForm<{
    occurrenceId: string;
    status: OccurrenceStatus;
    percent: number;
    note?: string;
  }>();
  const [evidence, setEvidence] = useState<UploadedEvidence[]>([]);
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const open =
    task.occurrences.find((o) => o.status !== 'done' && o.status !== 'cancelled') ?? task.occurrences[0];
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    try {
      const saved = await api.post<TaskView>(`/api/office/reform-tasks/${task.id}/progress`, {
        ...v,
        percent: v.status === 'done' ? 100 : v.percent,
        note: v.note || null,
        evidence,
      });
      setEvidence([]);
      form.setFieldsValue({ note: '' });
      onSaved(saved);
    } catch (cause) {
      setProblem(errorMessage(cause));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="Báo cáo tiến độ" size="small" style={{ marginBottom: 16 }}>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          occurrenceId: open?.id,
          status: open?.status === 'not_started' ? 'in_progress' : open?.status,
          percent: open?.percent ?? 0,
        }}
      >
        <Form.Item
          name="occurrenceId"
          label="Kỳ thực hiện"
          rules={[{ required: true, message: 'Vui lòng chọn kỳ thực hiện.' }]}
        >
          <Select
            options={task.occurrences.map((o) => ({
              value: o.id,
              label: `${periodText(o.periodKey)} — hạn ${dayText(o.dueDate)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="status" label="Tình trạng">
          <Select options={statusOptions} />
        </Form.Item>
        <Form.Item name="percent" label="Tiến độ (%)">
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="note" label="Kết quả, ghi chú">
          <Input.TextArea rows={3} />
        </Form.Item>
        <div style={{ marginBottom: 12 }}>
          <EvidenceUpload value={evidence} onChange={setEvidence} />
        </div>
        <Button type="primary" loading={saving} onClick={() => void submit()}>
          Lưu báo cáo
        </Button>
      </Form>
    </Card>
  );
}

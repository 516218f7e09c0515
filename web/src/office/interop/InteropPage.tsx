import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Select,
  Switch,
  Table,
  type TableProps,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { api, errorMessage, withQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { formatVnDateTime } from '../../format';
import type { UnitNode } from '../../portal/results/kpiTypes';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';

// «Kết nối hệ thống»: systems allowed to file dossiers and read their status (the National Public Service Portal
// and others), their webhook subscriptions, the deliveries with a re-send button, and the refused calls.

interface Client {
  id: string;
  name: string;
  keyId: string;
  allowedCidrs: string[];
  unitIds: string[];
  agencyIds: string[];
  active: boolean;
  createdAt: string;
}
interface Subscription {
  id: string;
  clientId: string;
  url: string;
  eventKinds: string[];
  unitIds: string[];
  ownDossiersOnly: boolean;
  active: boolean;
}
interface Delivery {
  ownerUnitId: string;
  id: number;
  subscriptionId: string;
  dossierId: string;
  dossierCode: string | null;
  eventId: string;
  kind: string;
  sequence: number;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
}
interface Rejection {
  id: number;
  at: string;
  keyId: string | null;
  ip: string;
  method: string;
  path: string;
  status: number;
  reason: string;
  message: string;
}

const statusLabels: Record<Delivery['status'], [string, string]> = {
  pending: ['Đang chờ gửi', 'processing'],
  delivered: ['Đã gửi', 'success'],
  failed: ['Thất bại', 'error'],
};

const eventKinds = [
  ['dossier.submit', 'Nộp hồ sơ'],
  ['dossier.receive', 'Tiếp nhận'],
  ['dossier.request_intake_supplement', 'Yêu cầu bổ sung khi tiếp nhận'],
  ['dossier.refuse', 'Từ chối tiếp nhận'],
  ['dossier.complete_step', 'Chuyển bước xử lý'],
  ['dossier.request_supplement', 'Yêu cầu bổ sung khi giải quyết'],
  ['dossier.approve', 'Phê duyệt'],
  ['dossier.reject', 'Không phê duyệt'],
  ['dossier.issue_result', 'Có kết quả'],
  ['dossier.return_result', 'Trả kết quả'],
  ['dossier.withdraw', 'Rút hồ sơ'],
] as const;

function flatten(nodes: UnitNode[] | undefined, depth = 0): { value: string; label: string }[] {
  return (nodes ?? []).flatMap((n) => [
    { value: n.id, label: `${'— '.repeat(depth)}${n.name}` },
    ...flatten(n.children, depth + 1),
  ]);
}

function ShownOnce({ title, value, onClose }: { title: string; value: string | null; onClose: () => void }) {
  return (
    <Modal
      open={value !== null}
      title={title}
      onCancel={onClose}
      onOk={onClose}
      okText="Đã lưu lại"
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Alert
        type="warning"
        showIcon
        message="Chỉ hiển thị một lần"
        description="Hãy sao chép và chuyển cho hệ thống bên kia qua kênh an toàn. Máy chủ chỉ lưu mã băm, không xem lại được."
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph copyable code aria-label={title} className="wrap-anywhere">
        {value}
      </Typography.Paragraph>
    </Modal>
  );
}

function ClientsTab({
  units,
  onChanged,
}: {
  units: { value: string; label: string }[];
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const clients = useApi<Client[]>('/api/admin/interop/clients');
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [form] = Form.useForm();
  const unitName = useMemo(
    () => new Map(units.map((u) => [u.value, u.label.replace(/^(— )+/, '')])),
    [units],
  );

  const create = async (values: { name: string; cidrs: string; unitIds: string[] }) => {
    try {
      const answer = await api.post<{ apiKey: string }>('/api/admin/interop/clients', {
        name: values.name,
        allowedCidrs: values.cidrs.split(/[\s,;]+/).filter(Boolean),
        unitIds: values.unitIds ?? [],
      });
      setCreating(false);
      form.resetFields();
      setShown(answer.apiKey);
      clients.reload();
      onChanged();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const toggle = async (c: Client) => {
    try {
      await api.put(`/api/admin/interop/clients/${c.id}`, {
        name: c.name,
        allowedCidrs: c.allowedCidrs,
        unitIds: c.unitIds,
        agencyIds: c.agencyIds,
        active: !c.active,
      });
      clients.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const rotate = async (c: Client) => {
    try {
      const answer = await api.post<{ apiKey: string }>(`/api/admin/interop/clients/${c.id}/key`);
      setShown(answer.apiKey);
      clients.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const columns: TableProps<Client>['columns'] = [
    { key: 'name', title: 'Hệ thống', dataIndex: 'name' },
    {
      key: 'keyId',
      title: 'Mã khóa',
      dataIndex: 'keyId',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      key: 'cidrs',
      title: 'Địa chỉ IP được phép',
      dataIndex: 'allowedCidrs',
      render: (v: string[]) => v.join(', ') || '—',
    },
    {
      key: 'scope',
      title: 'Phạm vi (đơn vị)',
      dataIndex: 'unitIds',
      render: (v: string[]) => v.map((id) => unitName.get(id) ?? id).join('; ') || '—',
    },
    {
      key: 'active',
      title: 'Hoạt động',
      render: (_, c) => (
        <Switch checked={c.active} onChange={() => toggle(c)} aria-label={`Hoạt động: ${c.name}`} />
      ),
    },
    { key: 'key', title: '', render: (_, c) => <Button onClick={() => rotate(c)}>Cấp khóa mới</Button> },
  ];
  if (clients.error) return <ErrorState error={clients.error} onRetry={clients.reload} />;
  return (
    <>
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
        Thêm hệ thống
      </Button>
      <Table
        rowKey="id"
        columns={columns}
        dataSource={clients.data}
        loading={clients.loading}
        pagination={false}
        scroll={{ x: true }}
      />
      <Modal
        open={creating}
        title="Thêm hệ thống kết nối"
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText="Tạo và cấp khóa"
      >
        <Form form={form} layout="vertical" onFinish={create} initialValues={{ cidrs: '', unitIds: [] }}>
          <Form.Item
            name="name"
            label="Tên hệ thống"
            rules={[{ required: true, message: 'Vui lòng nhập tên hệ thống.' }]}
          >
            <Input placeholder="Cổng Dịch vụ công quốc gia" />
          </Form.Item>
          <Form.Item name="cidrs" label="Địa chỉ IP được phép (CIDR, cách nhau bởi dấu phẩy)">
            <Input placeholder="203.0.113.0/24, 2001:db8::/32" />
          </Form.Item>
          <Form.Item name="unitIds" label="Đơn vị được gửi hồ sơ đến">
            <Select mode="multiple" options={units} optionFilterProp="label" placeholder="Chọn đơn vị" />
          </Form.Item>
        </Form>
      </Modal>
      <ShownOnce title="Khóa API" value={shown} onClose={() => setShown(null)} />
    </>
  );
}

function SubscriptionsTab({ units }: { units: { value: string; label: string }[] }) {
  const { message } = App.useApp();
  const clients = useApi<Client[]>('/api/admin/interop/clients');
  const subscriptions = useApi<Subscription[]>('/api/admin/interop/subscriptions');
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [form] = Form.useForm();
  const clientName = new Map((clients.data ?? []).map((c) => [c.id, c.name]));
  const create = async (values: {
    clientId: string;
    url: string;
    eventKinds: string[];
    unitIds: string[];
    own: boolean;
  }) => {
    try {
      const answer = await api.post<{ secret: string }>(
        `/api/admin/interop/clients/${values.clientId}/subscriptions`,
        {
          url: values.url,
          eventKinds: values.eventKinds ?? [],
          unitIds: values.unitIds ?? [],
          ownDossiersOnly: values.own ?? false,
        },
      );
      setCreating(false);
      form.resetFields();
      setShown(answer.secret);
      subscriptions.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const toggle = async (s: Subscription) => {
    try {
      await api.put(`/api/admin/interop/subscriptions/${s.id}`, {
        url: s.url,
        eventKinds: s.eventKinds,
        unitIds: s.unitIds,
        ownDossiersOnly: s.ownDossiersOnly,
        active: !s.active,
      });
      subscriptions.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const columns: TableProps<Subscription>['columns'] = [
    { key: 'client', title: 'Hệ thống', render: (_, s) => clientName.get(s.clientId) ?? '—' },
    {
      key: 'url',
      title: 'Địa chỉ nhận',
      dataIndex: 'url',
      render: (v: string) => <span className="wrap-anywhere">{v}</span>,
    },
    {
      key: 'kinds',
      title: 'Sự kiện',
      dataIndex: 'eventKinds',
      render: (v: string[]) => (v.length ? v.join(', ') : 'Tất cả'),
    },
    {
      key: 'own',
      title: 'Chỉ hồ sơ do hệ thống gửi',
      dataIndex: 'ownDossiersOnly',
      render: (v: boolean) => (v ? 'Có' : 'Không'),
    },
    {
      key: 'active',
      title: 'Hoạt động',
      render: (_, s) => (
        <Switch checked={s.active} onChange={() => toggle(s)} aria-label={`Hoạt động: ${s.url}`} />
      ),
    },
  ];
  if (subscriptions.error) return <ErrorState error={subscriptions.error} onRetry={subscriptions.reload} />;
  return (
    <>
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
        Thêm đăng ký nhận thông báo
      </Button>
      <Table
        rowKey="id"
        columns={columns}
        dataSource={subscriptions.data}
        loading={subscriptions.loading}
        pagination={false}
        scroll={{ x: true }}
      />
      <Modal
        open={creating}
        title="Đăng ký nhận thông báo trạng thái"
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText="Tạo"
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={create}
          initialValues={{ eventKinds: [], unitIds: [], own: false }}
        >
          <Form.Item
            name="clientId"
            label="Hệ thống"
            rules={[{ required: true, message: 'Vui lòng chọn hệ thống.' }]}
          >
            <Select options={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item
            name="url"
            label="Địa chỉ nhận (URL)"
            rules={[{ required: true, message: 'Vui lòng nhập địa chỉ nhận.' }]}
          >
            <Input placeholder="https://dichvucong.gov.vn/motcua/webhook" />
          </Form.Item>
          <Form.Item name="eventKinds" label="Sự kiện (để trống: tất cả)">
            <Select mode="multiple" options={eventKinds.map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="unitIds" label="Đơn vị (để trống: toàn bộ phạm vi của hệ thống)">
            <Select mode="multiple" options={units} optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="own" label="Chỉ hồ sơ do hệ thống này gửi" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
      <ShownOnce title="Khóa ký thông báo" value={shown} onClose={() => setShown(null)} />
    </>
  );
}

function DeliveriesTab() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const deliveries = useApi<Delivery[]>(withQuery('/api/admin/interop/deliveries', { status }));
  const redeliver = async (d: Delivery) => {
    try {
      await api.post(`/api/admin/interop/deliveries/${d.ownerUnitId}/${d.id}/redeliver`);
      message.success('Đã đưa lại vào hàng đợi gửi.');
      deliveries.reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const columns: TableProps<Delivery>['columns'] = [
    { key: 'dossier', title: 'Hồ sơ', render: (_, d) => d.dossierCode ?? d.dossierId.slice(0, 8) },
    {
      key: 'kind',
      title: 'Sự kiện',
      render: (_, d) => `#${d.sequence} ${eventKinds.find(([k]) => k === d.kind)?.[1] ?? d.kind}`,
    },
    {
      key: 'status',
      title: 'Trạng thái',
      render: (_, d) => <Tag color={statusLabels[d.status][1]}>{statusLabels[d.status][0]}</Tag>,
    },
    { key: 'attempts', title: 'Số lần thử', dataIndex: 'attempts' },
    {
      key: 'when',
      title: 'Đã gửi / lần thử tới',
      render: (_, d) => formatVnDateTime(d.deliveredAt ?? d.nextAttemptAt),
    },
    { key: 'error', title: 'Lỗi gần nhất', dataIndex: 'lastError', render: (v: string | null) => v ?? '—' },
    {
      key: 'redo',
      title: '',
      render: (_, d) =>
        d.status === 'failed' ? <Button onClick={() => redeliver(d)}>Gửi lại</Button> : null,
    },
  ];
  if (deliveries.error) return <ErrorState error={deliveries.error} onRetry={deliveries.reload} />;
  return (
    <>
      <Select
        aria-label="Lọc theo trạng thái"
        allowClear
        placeholder="Tất cả trạng thái"
        style={{ width: 220, marginBottom: 12 }}
        value={status}
        onChange={setStatus}
        options={Object.entries(statusLabels).map(([value, [label]]) => ({ value, label }))}
      />
      <Button onClick={deliveries.reload} style={{ marginLeft: 8 }}>
        Tải lại
      </Button>
      <Table
        rowKey={(d) => `${d.ownerUnitId}:${d.id}`}
        columns={columns}
        dataSource={deliveries.data}
        loading={deliveries.loading}
        scroll={{ x: true }}
      />
    </>
  );
}

function RejectionsTab() {
  const rejections = useApi<Rejection[]>('/api/admin/interop/rejections');
  const columns: TableProps<Rejection>['columns'] = [
    { key: 'at', title: 'Lúc', dataIndex: 'at', render: (v: string) => formatVnDateTime(v), width: 170 },
    { key: 'ip', title: 'Địa chỉ IP', dataIndex: 'ip' },
    { key: 'key', title: 'Mã khóa', dataIndex: 'keyId', render: (v: string | null) => v ?? '—' },
    {
      key: 'call',
      title: 'Yêu cầu',
      render: (_, r) => <span className="wrap-anywhere">{`${r.method} ${r.path}`}</span>,
    },
    { key: 'status', title: 'Mã trả về', dataIndex: 'status' },
    { key: 'message', title: 'Lý do', dataIndex: 'message' },
  ];
  if (rejections.error) return <ErrorState error={rejections.error} onRetry={rejections.reload} />;
  return (
    <Table
      rowKey="id"
      columns={columns}
      dataSource={rejections.data}
      loading={rejections.loading}
      scroll={{ x: true }}
    />
  );
}

export default function InteropPage() {
  const units = useApi<UnitNode[]>('/api/units', { shared: true });
  const options = useMemo(() => flatten(units.data), [units.data]);
  const [version, setVersion] = useState(0);
  return (
    <>
      <PageHeader title="Kết nối hệ thống">
        <Typography.Text type="secondary">
          Cổng Dịch vụ công quốc gia và các hệ thống khác gửi hồ sơ, tra cứu trạng thái và nhận thông báo qua
          API liên thông (tài liệu: /api/docs, mục interop v1).
        </Typography.Text>
      </PageHeader>
      <Tabs
        items={[
          {
            key: 'clients',
            label: 'Hệ thống',
            children: <ClientsTab units={options} onChanged={() => setVersion(version + 1)} />,
          },
          {
            key: 'subscriptions',
            label: 'Đăng ký nhận thông báo',
            children: <SubscriptionsTab key={version} units={options} />,
          },
          { key: 'deliveries', label: 'Lượt gửi thông báo', children: <DeliveriesTab /> },
          { key: 'rejections', label: 'Cuộc gọi bị từ chối', children: <RejectionsTab /> },
        ]}
      />
    </>
  );
}

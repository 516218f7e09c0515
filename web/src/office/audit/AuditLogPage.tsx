import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, withQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { filterByLabel, formatDateTime } from '../../format';
import { roleLabels } from '../../labels';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { type VerifyReport, VerifyResult } from './VerifyResult';

interface AuditEntry {
  id: number;
  unitId: string;
  unitName: string | null;
  seq: number | null;
  occurredAt: string;
  actorName: string | null;
  actorRole: string | null;
  actorAgencyName: string | null;
  action: string;
  actionLabel: string;
  summary: string;
  subjectType: string;
  subjectId: string;
  dossierCode: string | null;
  detail: Record<string, unknown>;
}

interface Filters {
  unitId?: string;
  action?: string;
  actor?: string;
  dossierCode?: string;
  from?: string;
  to?: string;
}

type FilterValues = Omit<Filters, 'from' | 'to'> & { from?: Dayjs | null; to?: Dayjs | null };

const actionOptions = [
  { value: 'dossier.transition', label: 'Xử lý hồ sơ (chuyển bước, trạng thái)' },
  { value: 'dossier.personal_data_read', label: 'Xem thông tin cá nhân trong hồ sơ' },
  { value: 'dossier.tracking_book_read', label: 'Xem, xuất sổ theo dõi hồ sơ' },
  { value: 'feedback.state_change', label: 'Xử lý phản ánh, kiến nghị' },
  { value: 'feedback.personal_data_read', label: 'Xem thông tin người gửi phản ánh' },
  { value: 'account.create', label: 'Tạo tài khoản cán bộ' },
];

const otherRoles: Record<string, string> = { cli: 'Dòng lệnh quản trị', system: 'Hệ thống' };
const roleLabel = (role: string | null) =>
  role ? ((roleLabels as Record<string, string>)[role] ?? otherRoles[role] ?? role) : '';
const subjectLabels: Record<string, string> = {
  feedback: 'Phản ánh',
  agency: 'Cơ quan',
  account: 'Tài khoản',
};

const PAGE_SIZE = 50;

/** The audit log: who changed or read what, filterable, newest first, and the integrity check of its chains. */
export default function AuditLogPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  // Keyset pages: the cursors of the pages before the current one.
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors.at(-1);
  const units = useApi<{ id: string; name: string }[]>('/api/office/audit/units');
  const list = useApi<{ items: AuditEntry[]; nextCursor: number | null }>(
    withQuery('/api/office/audit/entries', { ...filters, before, pageSize: PAGE_SIZE }),
  );
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    try {
      setReport(await api.post<VerifyReport>('/api/office/audit/verify'));
      list.reload();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setVerifying(false);
    }
  };

  const apply = ({ from, to, ...rest }: FilterValues) => {
    const days = { from: from?.format('YYYY-MM-DD'), to: to?.format('YYYY-MM-DD') };
    const clean = Object.fromEntries(Object.entries({ ...rest, ...days }).filter(([, v]) => v)) as Filters;
    setFilters(clean);
    setCursors([]);
  };

  return (
    <>
      <PageHeader
        title="Nhật ký kiểm toán"
        extra={
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={verify}>
            Kiểm tra tính toàn vẹn
          </Button>
        }
      >
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          Mọi thao tác xử lý hồ sơ, phản ánh, tài khoản và mọi lần cán bộ xem thông tin cá nhân của người dân
          đều được ghi lại và niêm phong bằng chuỗi mã băm; không ai sửa hoặc xóa được mà không bị phát hiện.
        </Typography.Paragraph>
      </PageHeader>
      {report ? <VerifyResult report={report} /> : null}
      <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="unitId" label="Đơn vị">
          <Select
            allowClear
            showSearch
            filterOption={filterByLabel}
            style={{ width: 240 }}
            placeholder="Tất cả"
            loading={units.loading}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="action" label="Thao tác">
          <Select allowClear style={{ width: 280 }} placeholder="Tất cả" options={actionOptions} />
        </Form.Item>
        <Form.Item name="actor" label="Người thực hiện">
          <Input allowClear placeholder="Họ tên hoặc email" style={{ width: 200 }} maxLength={200} />
        </Form.Item>
        <Form.Item name="dossierCode" label="Mã hồ sơ">
          <Input allowClear style={{ width: 220 }} maxLength={60} />
        </Form.Item>
        <Form.Item name="from" label="Từ ngày">
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item name="to" label="Đến ngày">
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button htmlType="submit">Lọc</Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              Xóa bộ lọc
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      <Table<AuditEntry>
        data-testid="audit-entries"
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: 'Không có mục nhật ký nào phù hợp.' }}
        columns={[
          {
            title: 'Thời điểm',
            dataIndex: 'occurredAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          { title: 'Đơn vị', dataIndex: 'unitName', render: (v: string | null) => v ?? 'Toàn hệ thống' },
          {
            title: 'Người thực hiện',
            render: (_, e) => (
              <>
                <div>{e.actorName ?? '—'}</div>
                <Typography.Text type="secondary">
                  {roleLabel(e.actorRole)}
                  {e.actorAgencyName ? ` – ${e.actorAgencyName}` : ''}
                </Typography.Text>
              </>
            ),
          },
          { title: 'Thao tác', dataIndex: 'actionLabel' },
          {
            title: 'Đối tượng',
            render: (_, e) =>
              e.subjectType === 'dossier' ? (
                <Link to={`/quan-tri/ho-so/${e.subjectId}`}>{e.dossierCode ?? 'Hồ sơ chưa có mã'}</Link>
              ) : (
                `${subjectLabels[e.subjectType] ?? e.subjectType} ${String(e.detail.code ?? '')}`.trim()
              ),
          },
          { title: 'Chi tiết', dataIndex: 'summary' },
          {
            title: 'Niêm phong',
            dataIndex: 'seq',
            width: 120,
            render: (seq: number | null) => (seq ? `Mục số ${seq}` : <Tag>Chờ niêm phong</Tag>),
          },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <Button disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Trang trước
        </Button>
        <Button
          disabled={!list.data?.nextCursor}
          onClick={() => {
            const next = list.data?.nextCursor;
            if (next) setCursors((c) => [...c, next]);
          }}
        >
          Trang sau
        </Button>
      </Space>
    </>
  );
}

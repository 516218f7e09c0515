import { Alert, Checkbox, Input, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { withQuery } from '../../api';
import { formatVnDateTime } from '../../format';
import type { FeedbackStatus, Timeliness } from '../../portal/feedback/feedbackApi';
import { timelinessTag } from '../../portal/feedback/feedbackApi';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import '../../portal/feedback/feedback.css';

interface Row {
  id: string;
  code: string;
  title: string;
  subjectKindLabel: string;
  status: FeedbackStatus;
  statusLabel: string;
  agencyName: string | null;
  createdAt: string;
  dueAt: string | null;
  answeredAt: string | null;
  timeliness: Timeliness;
}

const statusOptions = [
  { value: 'open', label: 'Cần xử lý' },
  { value: 'received', label: 'Chưa phân loại' },
  { value: 'assigned', label: 'Đang xử lý' },
  { value: 'answered', label: 'Đã trả lời' },
  { value: 'rejected', label: 'Không thuộc phạm vi' },
  { value: 'duplicate', label: 'Trùng' },
];

const statusColor: Record<FeedbackStatus, string | undefined> = {
  received: 'gold',
  assigned: 'blue',
  answered: 'green',
  rejected: undefined,
  duplicate: undefined,
};

/** "Phản ánh, kiến nghị" in the back office: the reform office sees every item, an agency its assigned ones. */
export default function FeedbackQueuePage() {
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | undefined>('open');
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const { data, error, loading } = useApi<{ items: Row[]; total: number }>(
    withQuery('/api/office/feedback', { status, overdue: overdue || undefined, q, page, pageSize }),
  );

  const columns: TableColumnsType<Row> = [
    {
      title: 'Phản ánh',
      key: 'title',
      render: (_, row) => (
        <div>
          <Link to={`/quan-tri/phan-anh-kien-nghi/${row.id}`}>{row.title}</Link>
          <div className="feedback-meta">
            <span>{row.code}</span>
            <span>{row.subjectKindLabel}</span>
          </div>
        </div>
      ),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, row) => <Tag color={statusColor[row.status]}>{row.statusLabel}</Tag>,
    },
    { title: 'Cơ quan xử lý', dataIndex: 'agencyName', responsive: ['md'], render: (v) => v ?? '—' },
    { title: 'Ngày gửi', dataIndex: 'createdAt', responsive: ['lg'], render: (v) => formatVnDateTime(v) },
    {
      title: 'Hạn trả lời',
      key: 'due',
      render: (_, row) => {
        const tag = row.timeliness ? timelinessTag[row.timeliness] : null;
        return row.dueAt ? (
          <span
            className={row.timeliness === 'overdue' || row.timeliness === 'late' ? 'feedback-overdue' : ''}
          >
            {formatVnDateTime(row.dueAt)} {tag ? <Tag color={tag.color}>{tag.label}</Tag> : null}
          </span>
        ) : (
          '—'
        );
      },
    },
  ];

  return (
    <div>
      <PageHeader title="Phản ánh, kiến nghị" />
      <div className="feedback-filters">
        <Input.Search
          allowClear
          placeholder="Tìm theo nội dung"
          aria-label="Tìm phản ánh"
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
        />
        <Select
          allowClear
          aria-label="Trạng thái"
          placeholder="Tất cả trạng thái"
          options={statusOptions}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
        />
        <Checkbox
          checked={overdue}
          onChange={(event) => {
            setOverdue(event.target.checked);
            setPage(1);
          }}
        >
          Chỉ phản ánh quá hạn
        </Checkbox>
      </div>
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        rowClassName={() => 'clickable-row'}
        onRow={(row) => ({
          onClick: (event) => {
            if ((event.target as HTMLElement).closest('a, button')) return;
            navigate(`/quan-tri/phan-anh-kien-nghi/${row.id}`);
          },
        })}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (total) => `${total} phản ánh`,
        }}
        locale={{ emptyText: 'Không có phản ánh, kiến nghị nào.' }}
      />
    </div>
  );
}

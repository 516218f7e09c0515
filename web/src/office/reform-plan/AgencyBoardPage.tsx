import { Alert, Card, Select, Space, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { withQuery } from '../../api';
import { isAdmin, useAuth } from '../../auth';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { type AgencyBoard, dayText, periodText, stateColor, stateLabel } from './reformPlanTypes';

type Item = AgencyBoard['items'][number];

/** "Việc của cơ quan tôi": what the officer's agencies owe under the reform plans, earliest due first. */
export default function AgencyBoardPage() {
  const [agencyId, setAgencyId] = useState<string>();
  const { data, error, loading } = useApi<AgencyBoard>(withQuery('/api/office/reform-board', { agencyId }));
  const { user } = useAuth();
  const manager = isAdmin(user) || Boolean(user?.roles.some((r) => r.role === 'reform_officer'));
  // The reform office looks at any agency's board; other officers at their own agencies'.
  const { data: agencies } = useApi<{ id: string; name: string }[]>(
    manager ? '/api/agencies' : '/api/office/agencies',
    { shared: true },
  );

  const columns: TableColumnsType<Item> = [
    {
      title: 'Hạn',
      key: 'due',
      width: 130,
      render: (_, i) => (
        <Space orientation="vertical" size={0}>
          <strong style={i.overdue ? { color: '#cf1322' } : undefined}>{dayText(i.dueDate)}</strong>
          {i.overdue ? (
            <Tag color="red">Quá hạn</Tag>
          ) : i.dueSoon ? (
            <Tag color="orange">Sắp đến hạn</Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: 'Nhiệm vụ',
      key: 'task',
      render: (_, i) => (
        <div>
          <Link to={`/quan-tri/ke-hoach-cchc/nhiem-vu/${i.taskId}`}>{i.description}</Link>
          {i.rolledUpTo ? (
            <div>
              <Tag color="purple">Kế thừa từ {i.leadAgencyName}</Tag>
            </div>
          ) : null}
          <div className="feedback-meta">
            <span>{i.planTitle}</span>
            {i.expectedOutput ? <span>Sản phẩm: {i.expectedOutput}</span> : null}
          </div>
        </div>
      ),
    },
    { title: 'Kỳ', dataIndex: 'periodKey', width: 100, render: (k: string) => periodText(k) },
    { title: 'Cơ quan chủ trì', dataIndex: 'leadAgencyName', responsive: ['lg'] },
    {
      title: 'Tình trạng',
      key: 'status',
      width: 150,
      render: (_, i) => (
        <Tag color={stateColor[i.status]}>
          {stateLabel[i.status]}
          {i.status === 'in_progress' ? ` ${i.percent}%` : ''}
        </Tag>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="Việc của cơ quan tôi" />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="Cơ quan của tôi"
          style={{ minWidth: 320 }}
          value={agencyId}
          onChange={setAgencyId}
          options={(agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
          aria-label="Chọn cơ quan"
        />
      </Space>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} /> : null}
      {data ? (
        <Space wrap style={{ marginBottom: 16 }}>
          <Card size="small">
            <Statistic title="Việc chưa xong" value={data.counts.open} />
          </Card>
          <Card size="small">
            <Statistic
              title="Quá hạn"
              value={data.counts.overdue}
              styles={{ content: { color: '#cf1322' } }}
            />
          </Card>
          <Card size="small">
            <Statistic
              title="Đến hạn trong 7 ngày"
              value={data.counts.dueSoon}
              styles={{ content: { color: '#d46b08' } }}
            />
          </Card>
        </Space>
      ) : null}
      {data ? <p>{data.agencies.map((a) => a.name).join('; ')}</p> : null}
      <Table
        rowKey="occurrenceId"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        rowClassName={(i) => (i.overdue ? 'reform-overdue-row' : '')}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: 'Cơ quan không còn việc nào chưa xong.' }}
      />
    </>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Col, Form, Grid, Row, Select, Space, Table, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { withQuery } from '../../api';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorState } from '../../components/ErrorState';
import { SearchBox } from '../../components/SearchBox';
import type { AdminProcedureRow, Page } from '../../types';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { PublishButton } from './PublishButton';

const pageSize = 20;

const statusOptions = [
  { value: '', label: 'Tất cả' },
  { value: 'published', label: 'Đã công bố' },
  { value: 'unpublished', label: 'Chưa công bố' },
  { value: 'flagged', label: 'Cần xác nhận' },
];

function statusQuery(status: string) {
  if (status === 'published') return { published: true };
  if (status === 'unpublished') return { published: false };
  if (status === 'flagged') return { flagged: true };
  return {};
}

export default function ProceduresAdminPage() {
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useApi<Page<AdminProcedureRow>>(
    withQuery('/api/admin/procedures', { q, ...statusQuery(status), page, pageSize }),
  );

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const replaceRow = (code: string, published: boolean) => {
    if (!list.data) return;
    list.setData({
      ...list.data,
      items: list.data.items.map((item) => (item.code === code ? { ...item, published } : item)),
    });
  };

  return (
    <>
      <PageHeader
        title="Thủ tục hành chính"
        extra={
          <ButtonLink type="primary" icon={<PlusOutlined />} to="/quan-tri/thu-tuc/moi">
            Thêm thủ tục
          </ButtonLink>
        }
      />
      <Row gutter={[12, 12]} align="bottom" style={{ marginBottom: 16 }}>
        <Col xs={24} md={14} lg={12}>
          <SearchBox
            initialValue={q}
            placeholder="Tìm theo tên hoặc mã thủ tục"
            onSearch={(value) => update({ q: value })}
          />
        </Col>
        <Col xs={24} md={10} lg={6}>
          <Form.Item
            label="Trạng thái"
            colon={false}
            htmlFor="admin-status"
            style={{ marginBottom: 0 }}
            layout="horizontal"
          >
            <Select
              id="admin-status"
              value={status}
              options={statusOptions}
              onChange={(value: string) => update({ status: value })}
            />
          </Form.Item>
        </Col>
      </Row>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      <Table<AdminProcedureRow>
        rowKey="code"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: list.loading ? 'Đang tải…' : 'Không có thủ tục nào phù hợp.' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `${total} thủ tục`,
          onChange: (next) => update({ page: next > 1 ? String(next) : '' }),
        }}
        columns={[
          {
            title: 'Tên thủ tục',
            dataIndex: 'name',
            render: (name: string, row) => (
              <div style={{ minWidth: 200, maxWidth: 320 }}>
                <Link to={`/quan-tri/thu-tuc/${encodeURIComponent(row.code)}`}>{name}</Link>
              </div>
            ),
          },
          { title: 'Mã', dataIndex: 'code' },
          {
            title: 'Lĩnh vực',
            dataIndex: 'field',
            render: (field: string) => <div style={{ minWidth: 100, maxWidth: 160 }}>{field}</div>,
          },
          {
            title: 'Trạng thái',
            dataIndex: 'published',
            render: (published: boolean) =>
              published ? <Tag color="green">Đã công bố</Tag> : <Tag>Chưa công bố</Tag>,
          },
          {
            title: 'Cần xác nhận',
            dataIndex: 'openFlags',
            align: 'center',
            render: (count: number) => (count > 0 ? <Tag color="orange">{count}</Tag> : '—'),
          },
          {
            title: 'Thao tác',
            key: 'actions',
            fixed: screens.md ? 'right' : undefined,
            render: (_, row) => (
              <Space wrap>
                <PublishButton
                  size="small"
                  code={row.code}
                  published={row.published}
                  onDone={(detail) => replaceRow(row.code, detail.published)}
                />
                <ButtonLink size="small" to={`/quan-tri/thu-tuc/${encodeURIComponent(row.code)}`}>
                  Sửa
                </ButtonLink>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorState } from '../../components/ErrorState';
import { formatVnDateTime } from '../../format';
import { kindLabels } from '../../portal/news/newsTypes';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { type EditorRow, stateLabels } from './newsOfficeTypes';

/** "Tin tức, hướng dẫn": every article with its state, for the culture office and administrators. */
export default function NewsEditorListPage() {
  const { data, error, loading, reload } = useApi<EditorRow[]>('/api/office/news');
  return (
    <>
      <PageHeader
        title="Tin tức, hướng dẫn"
        extra={
          <ButtonLink type="primary" icon={<PlusOutlined />} to="/quan-tri/tin-tuc/moi">
            Viết bài mới
          </ButtonLink>
        }
      />
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<EditorRow>
          rowKey="id"
          loading={loading}
          dataSource={data ?? []}
          scroll={{ x: 700 }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            {
              title: 'Tiêu đề',
              dataIndex: 'title',
              render: (title: string, row) => <Link to={`/quan-tri/tin-tuc/${row.id}`}>{title}</Link>,
            },
            { title: 'Loại', dataIndex: 'kind', width: 120, render: (k: EditorRow['kind']) => kindLabels[k] },
            { title: 'Chuyên mục', width: 200, render: (_, row) => row.category?.name ?? '—' },
            {
              title: 'Trạng thái',
              dataIndex: 'state',
              width: 140,
              render: (s: EditorRow['state']) => (
                <Tag color={stateLabels[s].color}>{stateLabels[s].label}</Tag>
              ),
            },
            {
              title: 'Thời điểm đăng',
              dataIndex: 'publishAt',
              width: 170,
              render: (v: string | null) => (v ? formatVnDateTime(v) : '—'),
            },
          ]}
        />
      )}
    </>
  );
}

import { Table, Tag } from 'antd';
import { RoleTags } from '../../components/RoleTags';
import type { Officer } from '../../types';

export function OfficersTable({ officers, loading }: { officers: Officer[]; loading: boolean }) {
  return (
    <Table<Officer>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={officers}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      locale={{ emptyText: loading ? 'Đang tải…' : 'Chưa có tài khoản cán bộ nào.' }}
      columns={[
        { title: 'Họ tên', dataIndex: 'fullName' },
        { title: 'Email', dataIndex: 'email', render: (value: string | null) => value ?? '—' },
        { title: 'Số điện thoại', dataIndex: 'phone', render: (value: string | null) => value ?? '—' },
        {
          title: 'Vai trò',
          key: 'roles',
          render: (_, officer) => (
            <div style={{ maxWidth: 320 }}>
              <RoleTags roles={officer.roles} />
            </div>
          ),
        },
        {
          title: 'Trạng thái',
          dataIndex: 'active',
          render: (active: boolean) =>
            active ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Đã khóa</Tag>,
        },
      ]}
    />
  );
}

import { Table } from 'antd';
import { RoleTags } from '../components/RoleTags';
import type { StaffMember } from '../types';

export function AgencyStaffTable({ staff }: { staff: StaffMember[] }) {
  return (
    <Table<StaffMember>
      rowKey="id"
      size="small"
      dataSource={staff}
      scroll={{ x: 'max-content' }}
      pagination={staff.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: 'Cơ quan chưa có cán bộ nào.' }}
      columns={[
        { title: 'Họ tên', dataIndex: 'fullName' },
        { title: 'Email', dataIndex: 'email', render: (value: string | null) => value ?? '—' },
        { title: 'Số điện thoại', dataIndex: 'phone', render: (value: string | null) => value ?? '—' },
        {
          title: 'Vai trò',
          key: 'roles',
          render: (_, member) => <RoleTags roles={member.roles} showAgency={false} />,
        },
      ]}
    />
  );
}

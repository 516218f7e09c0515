import { Flex, Tag } from 'antd';
import { labelOf, roleLabels } from '../labels';
import type { Role, RoleAssignment } from '../types';

/** Roles as tags, "Vai trò — Cơ quan" when the assignment names an agency. */
export function RoleTags({
  roles,
  showAgency = true,
}: {
  roles: (Role | RoleAssignment)[];
  showAgency?: boolean;
}) {
  if (roles.length === 0) return <span>—</span>;
  return (
    <Flex wrap gap={4}>
      {roles.map((item, index) => {
        const role = typeof item === 'string' ? item : item.role;
        const agency = typeof item === 'string' ? null : item.agencyName;
        const key = `${role}-${index}`;
        return (
          <Tag key={key} color={role === 'admin' ? 'red' : 'blue'} style={{ whiteSpace: 'normal' }}>
            {labelOf(roleLabels, role)}
            {showAgency && agency ? ` — ${agency}` : ''}
            {showAgency && typeof item !== 'string' && role === 'admin' && !item.agencyId
              ? ' — toàn hệ thống'
              : ''}
          </Tag>
        );
      })}
    </Flex>
  );
}

import type { QuotaKind } from './headcount.ts';
import type { PositionGroup } from './schema.ts';

// Vietnamese labels for exports (the web app has its own copy for the screens).

export const groupLabels: Record<PositionGroup, string> = {
  leadership: 'Lãnh đạo, quản lý',
  professional: 'Chuyên môn, nghiệp vụ',
  shared_support: 'Chuyên môn dùng chung',
  support_service: 'Hỗ trợ, phục vụ',
};

export const quotaKindLabels: Record<QuotaKind, string> = {
  civilServants: 'Công chức',
  publicEmployees: 'Viên chức',
  contractStaff: 'Hợp đồng lao động',
};

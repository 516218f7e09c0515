import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { conflict, forbidden, invalid } from '../../platform/http/errors.ts';
import { hasRole, isGlobalAdmin, type Principal } from '../auth/permissions.ts';
import { agencies } from '../org/schema.ts';
import type { SettingsInput } from './budget.types.ts';
import type { UnspentRule } from './budget-totals.ts';
import { reformBudgetSettings } from './schema.ts';

// The one settings row: the finance office, the approving committee and the unspent rule (a share by a day).

const ID = 'default';

export interface BudgetSettings {
  financeAgencyId: string | null;
  approvingAgencyId: string | null;
  rule: UnspentRule;
  version: number;
}

export async function loadSettings(db: Db): Promise<BudgetSettings> {
  const [row] = await db.select().from(reformBudgetSettings).where(eq(reformBudgetSettings.id, ID));
  return {
    financeAgencyId: row?.financeAgencyId ?? null,
    approvingAgencyId: row?.approvingAgencyId ?? null,
    rule: { percent: row?.unspentPercent ?? 50, month: row?.unspentMonth ?? 11, day: row?.unspentDay ?? 30 },
    version: row?.version ?? 0,
  };
}

export const mayConfigure = (principal: Principal) =>
  isGlobalAdmin(principal) || hasRole(principal, 'reform_officer');

export async function saveSettings(db: Db, principal: Principal, input: SettingsInput) {
  if (!mayConfigure(principal))
    throw forbidden('Cài đặt kinh phí CCHC dành cho Phòng Nội vụ và quản trị hệ thống.');
  const found = await db.select({ id: agencies.id }).from(agencies);
  const ids = new Set(found.map((a) => a.id));
  if (!ids.has(input.financeAgencyId)) throw invalid('financeAgencyId', 'Không tìm thấy cơ quan.');
  if (!ids.has(input.approvingAgencyId)) throw invalid('approvingAgencyId', 'Không tìm thấy cơ quan.');
  if (new Date(Date.UTC(2024, input.unspentMonth - 1, input.unspentDay)).getUTCDate() !== input.unspentDay)
    throw invalid('unspentDay', 'Ngày kiểm tra không có trong tháng đã chọn.');
  const values = {
    financeAgencyId: input.financeAgencyId,
    approvingAgencyId: input.approvingAgencyId,
    unspentPercent: input.unspentPercent,
    unspentMonth: input.unspentMonth,
    unspentDay: input.unspentDay,
  };
  const current = await loadSettings(db);
  if (current.version !== input.version)
    throw conflict('Cài đặt vừa được người khác thay đổi; vui lòng tải lại trang.');
  if (input.version === 0) {
    const inserted = await db
      .insert(reformBudgetSettings)
      .values({ id: ID, ...values })
      .onConflictDoNothing()
      .returning({ id: reformBudgetSettings.id });
    if (inserted.length === 0)
      throw conflict('Cài đặt vừa được người khác thay đổi; vui lòng tải lại trang.');
    return;
  }
  const updated = await db
    .update(reformBudgetSettings)
    .set({ ...values, version: input.version + 1 })
    .where(and(eq(reformBudgetSettings.id, ID), eq(reformBudgetSettings.version, input.version)))
    .returning({ id: reformBudgetSettings.id });
  if (updated.length === 0) throw conflict('Cài đặt vừa được người khác thay đổi; vui lòng tải lại trang.');
}

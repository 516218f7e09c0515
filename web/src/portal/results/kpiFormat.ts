import type { GroupKey, IndicatorKey, Target, UnitNode } from './kpiTypes';

// Vietnamese formatting of the figures: "95,4%", "từ 95%", "Chưa có dữ liệu".

export const NO_DATA = 'Chưa có dữ liệu';

const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const count = new Intl.NumberFormat('vi-VN');

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_DATA : `${percent.format(value)}%`;
}

export function formatCount(value: number): string {
  return count.format(value);
}

export function formatPoints(value: number | null): string {
  return value === null ? NO_DATA : percent.format(value);
}

/** "trên 90%" / "từ 95%". */
export function targetText(target: Target | null): string {
  if (!target) return 'Chưa đặt mục tiêu';
  return `${target.op === '>' ? 'trên' : 'từ'} ${percent.format(target.value)}%`;
}

/** Met / not met in words (never colour alone). */
export function metText(met: boolean | null, hasTarget: boolean): string {
  if (!hasTarget) return 'Không có mục tiêu';
  if (met === null) return NO_DATA;
  return met ? 'Đạt mục tiêu' : 'Chưa đạt mục tiêu';
}

/** Short labels for charts and narrow tables. */
export const SHORT_LABELS: Record<IndicatorKey, string> = {
  satisfaction: 'Hài lòng',
  on_time: 'Đúng hạn',
  procedures_online: 'Thủ tục trực tuyến',
  dossiers_online: 'Hồ sơ trực tuyến',
  components_digitised: 'Số hóa thành phần',
  results_digitised: 'Số hóa kết quả',
};

export const GROUP_SHORT: Record<GroupKey, string> = {
  publicity: 'Công khai',
  progress: 'Tiến độ',
  online: 'Trực tuyến',
  payment: 'Thanh toán',
  digitisation: 'Số hóa',
  satisfaction: 'Hài lòng',
};

/** "2026-03" → "03/2026". */
export function monthLabel(yyyyMm: string): string {
  return `${yyyyMm.slice(5, 7)}/${yyyyMm.slice(0, 4)}`;
}

/** The current month in Vietnam, YYYY-MM. */
export function currentMonth(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
}

/** Every unit of the tree with its depth, in tree order. */
export function flattenUnits(nodes: UnitNode[], depth = 0): { unit: UnitNode; depth: number }[] {
  return nodes.flatMap((unit) => [{ unit, depth }, ...flattenUnits(unit.children ?? [], depth + 1)]);
}

/** A unit of today's organisation has no end date (as the rankings count it). */
export function isCurrentUnit(unit: UnitNode): boolean {
  return !unit.validTo;
}

/**
 * The unit whose sub-units a ranking lists: the chosen one, or — for the whole deployment with a single top unit
 * in the view (today's city) — that unit, so the ranking shows its wards rather than one row.
 */
export function rankingUnit(
  tree: UnitNode[] | undefined,
  unit: string | undefined,
  historical: boolean,
): string | undefined {
  if (unit || !tree) return unit;
  const top = tree.filter((u) => historical || isCurrentUnit(u));
  return top.length === 1 ? top[0]?.id : undefined;
}

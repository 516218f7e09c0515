import {
  type Index766,
  type IndicatorKey,
  indicatorKeys,
  type KpiSettings,
} from '../../portal/results/kpiTypes';

// The settings form's model and its checks (pure, so the rules are the same wherever the form is drawn).

export const INDICATOR_LABELS: Record<IndicatorKey, string> = {
  satisfaction: 'Mức độ hài lòng của người dân, doanh nghiệp',
  on_time: 'Hồ sơ giải quyết trước hạn, đúng hạn',
  procedures_online: 'Thủ tục cung cấp dịch vụ công trực tuyến',
  dossiers_online: 'Hồ sơ tiếp nhận trực tuyến',
  components_digitised: 'Hồ sơ có thành phần được số hóa',
  results_digitised: 'Kết quả giải quyết được số hóa',
};

export interface ComponentDraft {
  max: number;
  threshold: number | null;
}

/** Every Decision 766 indicator's points and threshold in force (the figures carry them with the defaults). */
export function componentDrafts(index: Index766): Record<string, ComponentDraft> {
  return Object.fromEntries(
    index.groups.flatMap((g) => g.components.map((c) => [c.key, { max: c.max, threshold: c.threshold }])),
  );
}

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** Problems of a settings draft, in Vietnamese; empty when it can be saved. */
export function settingsProblems(s: KpiSettings, labels: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const key of indicatorKeys) {
    const t = s.targets[key];
    if (t && (!Number.isFinite(t.value) || t.value < 0 || t.value > 100))
      problems.push(`Mục tiêu "${INDICATOR_LABELS[key]}" phải từ 0 đến 100%.`);
  }
  let total = 0;
  for (const [key, c] of Object.entries(s.index766.components)) {
    if (!c) continue;
    const name = labels[key] ?? key;
    if (!Number.isFinite(c.max) || c.max < 0 || c.max > 100)
      problems.push(`Điểm tối đa của "${name}" phải từ 0 đến 100.`);
    else total += c.max;
    if (c.threshold !== null && (!Number.isFinite(c.threshold) || c.threshold < 1 || c.threshold > 100))
      problems.push(`Ngưỡng đạt đủ điểm của "${name}" phải từ 1 đến 100%.`);
  }
  if (Math.abs(total - 100) > 1e-9)
    problems.push(`Tổng điểm tối đa của các chỉ số phải bằng 100 (hiện là ${number.format(total)}).`);
  return problems;
}

import { z } from 'zod';
import { type Inputs, type Rate, rate } from './formulas.ts';

// Decision 766/QĐ-TTg service index (rules.md §3; rules-2.md §1 for the indicators, points and conversions used
// by the national portal in 2026): six groups, 100 points. Each indicator's rate becomes points linearly
// (max × rate) or against a threshold T (full points at rate ≥ T, else max × rate ÷ T). Indicators Motcua has
// no records for (publication decisions, sync to the national portal, online payment, reuse of digitised data,
// the population database) are listed without points, and the total is then out of the points measured
// (`outOf`), never padded. Points and thresholds are deployment settings (kpi_settings); docs/kpi.md has each
// formula and its source.

export const groupKeys = [
  'publicity',
  'progress',
  'online',
  'payment',
  'digitisation',
  'satisfaction',
] as const;
export type GroupKey = (typeof groupKeys)[number];

export const GROUP_LABELS: Record<GroupKey, string> = {
  publicity: 'Công khai, minh bạch',
  progress: 'Tiến độ giải quyết',
  online: 'Dịch vụ công trực tuyến',
  payment: 'Thanh toán trực tuyến',
  digitisation: 'Số hóa hồ sơ',
  satisfaction: 'Mức độ hài lòng',
};

export const componentKeys = [
  'publish_on_time',
  'public_update_on_time',
  'public_content_full',
  'dossier_sync',
  'progress_on_time',
  'online_dossiers',
  'online_payment',
  'result_available',
  'components_digitised',
  'certified_copy',
  'reused_data',
  'personal_storage',
  'citizen_data_dossier',
  'citizen_data_procedure',
  'feedback_on_time',
  'feedback_satisfaction',
  'dossier_satisfaction',
] as const;
export type ComponentKey = (typeof componentKeys)[number];

interface ComponentDefinition {
  group: GroupKey;
  label: string;
  formula: string;
  max: number;
  /** Full points at or above this rate (%); linear when absent. */
  threshold?: number;
  /** The records behind it; null when Motcua does not hold them. */
  measure: ((i: Inputs) => Rate) | null;
}

const decided = (i: Inputs) => i.counters.indexOnTime + i.counters.indexLate;

export const COMPONENTS: Readonly<Record<ComponentKey, ComponentDefinition>> = {
  publish_on_time: {
    group: 'publicity',
    label: 'TTHC được công bố đúng hạn',
    formula: 'TTHC có quyết định công bố đúng hạn ÷ TTHC công bố trong kỳ',
    max: 6,
    measure: null,
  },
  public_update_on_time: {
    group: 'publicity',
    label: 'TTHC được cập nhật, công khai đúng hạn trên CSDL quốc gia',
    formula: 'TTHC cập nhật đúng hạn ÷ TTHC phải cập nhật trong kỳ',
    max: 4,
    measure: null,
  },
  public_content_full: {
    group: 'publicity',
    label: 'TTHC công khai đầy đủ nội dung',
    formula:
      'TTHC đã công bố, không còn dữ liệu cần xác nhận ÷ TTHC do các cơ quan của đơn vị thực hiện (tại thời điểm xem)',
    max: 2,
    measure: (i) => rate(i.catalog.publishedComplete, i.catalog.procedures),
  },
  dossier_sync: {
    group: 'publicity',
    label: 'Hồ sơ đồng bộ lên Cổng DVC quốc gia',
    formula: 'Hồ sơ đồng bộ ÷ hồ sơ tiếp nhận trong kỳ',
    max: 6,
    measure: null,
  },
  progress_on_time: {
    group: 'progress',
    label: 'Hồ sơ xử lý trước hạn, đúng hạn (kể cả đang xử lý trong hạn)',
    formula:
      '(Đã giải quyết trước/đúng hạn theo ngày hẹn trên phiếu + đang giải quyết chưa đến hạn) ÷ (đã giải quyết + đang giải quyết); bổ sung quá 1 lần tính là trễ hạn',
    max: 20,
    measure: (i) => {
      const open = i.open ?? { open: 0, overdue: 0 };
      return rate(i.counters.indexOnTime + open.open - open.overdue, decided(i) + open.open);
    },
  },
  online_dossiers: {
    group: 'online',
    label: 'Hồ sơ trực tuyến',
    formula: 'Hồ sơ tiếp nhận trực tuyến ÷ hồ sơ tiếp nhận trong kỳ; đạt đủ điểm từ ngưỡng',
    max: 12,
    threshold: 50,
    measure: (i) => rate(i.counters.receivedOnline, i.counters.receivedOnline + i.counters.receivedOffline),
  },
  online_payment: {
    group: 'payment',
    label: 'Hồ sơ thanh toán trực tuyến',
    formula: 'Hồ sơ thanh toán trực tuyến ÷ hồ sơ của TTHC có phí, lệ phí',
    max: 10,
    measure: null,
  },
  result_available: {
    group: 'digitisation',
    label: 'Hồ sơ có kết quả điện tử',
    formula: 'Kết quả ban hành kèm tệp điện tử ÷ kết quả ban hành trong kỳ',
    max: 6,
    measure: (i) => rate(i.counters.resultsDigitised, i.counters.resultsIssued),
  },
  components_digitised: {
    group: 'digitisation',
    label: 'Hồ sơ có thành phần được số hóa',
    formula: 'Hồ sơ có thành phần là tệp điện tử khi tiếp nhận ÷ hồ sơ tiếp nhận; đạt đủ điểm từ ngưỡng',
    max: 4,
    threshold: 80,
    measure: (i) =>
      rate(i.counters.receivedDigitised, i.counters.receivedOnline + i.counters.receivedOffline),
  },
  certified_copy: {
    group: 'digitisation',
    label: 'Cấp xã cung cấp chứng thực bản sao điện tử',
    formula: 'Xã cung cấp ÷ xã quản lý',
    max: 2,
    measure: null,
  },
  reused_data: {
    group: 'digitisation',
    label: 'Hồ sơ tái sử dụng dữ liệu số hóa',
    formula: 'Hồ sơ có thành phần tái sử dụng ÷ hồ sơ tiếp nhận',
    max: 2,
    threshold: 80,
    measure: null,
  },
  personal_storage: {
    group: 'digitisation',
    label: 'Hồ sơ kết nối kho dữ liệu cá nhân trên Cổng DVC quốc gia',
    formula: 'Hồ sơ lấy từ hoặc đẩy kết quả vào kho ÷ hồ sơ tiếp nhận',
    max: 4,
    measure: null,
  },
  citizen_data_dossier: {
    group: 'digitisation',
    label: 'Hồ sơ sử dụng dữ liệu dân cư',
    formula: 'Hồ sơ xác thực VNeID hoặc dùng CSDL dân cư ÷ tổng số hồ sơ',
    max: 2,
    measure: null,
  },
  citizen_data_procedure: {
    group: 'digitisation',
    label: 'TTHC kết nối CSDL dân cư',
    formula: 'TTHC có hồ sơ như trên ÷ TTHC cho cá nhân',
    max: 2,
    measure: null,
  },
  feedback_on_time: {
    group: 'satisfaction',
    label: 'Phản ánh, kiến nghị được xử lý đúng hạn',
    formula: 'PAKN xử lý đúng hạn ÷ PAKN thuộc thẩm quyền',
    max: 6,
    measure: (i) => (i.feedback ? rate(i.feedback.answeredOnTime, i.feedback.withinCompetence) : rate(0, 0)),
  },
  feedback_satisfaction: {
    group: 'satisfaction',
    label: 'Hài lòng về xử lý phản ánh, kiến nghị',
    formula: '(Tổng PAKN − PAKN không hài lòng hoặc xử lý trễ hạn) ÷ tổng PAKN',
    max: 6,
    measure: (i) =>
      i.feedback ? rate(i.feedback.total - i.feedback.dissatisfiedOrLate, i.feedback.total) : rate(0, 0),
  },
  dossier_satisfaction: {
    group: 'satisfaction',
    label: 'Hài lòng về tiếp nhận, giải quyết TTHC',
    formula:
      '100% − tỷ lệ hồ sơ trễ hạn (theo ngày hẹn) − tỷ lệ hồ sơ bị đánh giá không hài lòng; đạt đủ điểm từ ngưỡng',
    max: 6,
    threshold: 90,
    measure: (i) => {
      const n = decided(i);
      if (n === 0) return rate(0, 0);
      const bad = Math.min(n, i.counters.indexLate + (i.ratings - i.satisfied));
      return rate(n - bad, n);
    },
  },
};

const componentSettings = z.object({
  max: z
    .number('Điểm tối đa phải là số.')
    .min(0, 'Điểm tối đa không âm.')
    .max(100, 'Điểm tối đa không quá 100.'),
  threshold: z.number().min(1, 'Ngưỡng từ 1%.').max(100, 'Ngưỡng tối đa 100%.').nullable(),
});

export const index766SettingsSchema = z.object({
  components: z.partialRecord(z.enum(componentKeys, 'Chỉ số không hợp lệ.'), componentSettings),
  /** No feedback in the period: full points to both feedback indicators (the portal's practice), or not scored. */
  noFeedback: z.enum(['full_points', 'not_scored'], 'Cách tính khi không có PAKN không hợp lệ.'),
});
export type Index766Settings = z.infer<typeof index766SettingsSchema>;

export const DEFAULT_766: Index766Settings = { components: {}, noFeedback: 'full_points' };

export interface ComponentScore {
  key: ComponentKey;
  label: string;
  formula: string;
  max: number;
  threshold: number | null;
  /** null: Motcua holds no records for it, or nothing to count in the period. */
  rate: Rate | null;
  points: number | null;
}

export interface GroupScore {
  key: GroupKey;
  label: string;
  max: number;
  points: number | null;
  /** The points of its measured indicators. */
  outOf: number;
  components: ComponentScore[];
}

export interface Index766 {
  groups: GroupScore[];
  total: number | null;
  outOf: number;
  max: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Points of a rate: linear, or full from the threshold. */
export function pointsOf(value: number, max: number, threshold: number | null): number {
  const share = threshold ? Math.min(1, value / threshold) : value / 100;
  return round2(max * Math.min(1, Math.max(0, share)));
}

export function index766(i: Inputs, settings: Index766Settings = DEFAULT_766): Index766 {
  const noFeedback = !i.feedback || i.feedback.total === 0;
  const scores = componentKeys.map((key): ComponentScore => {
    const d = COMPONENTS[key];
    const s = settings.components[key];
    const max = s?.max ?? d.max;
    const threshold = s ? s.threshold : (d.threshold ?? null);
    const feedback = key === 'feedback_on_time' || key === 'feedback_satisfaction';
    if (feedback && noFeedback && settings.noFeedback === 'full_points') {
      return { key, label: d.label, formula: d.formula, max, threshold, rate: null, points: max };
    }
    const r = d.measure ? d.measure(i) : null;
    const points = r?.value === null || r === null ? null : pointsOf(r.value, max, threshold);
    return { key, label: d.label, formula: d.formula, max, threshold, rate: r, points };
  });
  const groups = groupKeys.map((g): GroupScore => {
    const components = scores.filter((c) => COMPONENTS[c.key].group === g);
    const measured = components.filter((c) => c.points !== null);
    return {
      key: g,
      label: GROUP_LABELS[g],
      max: components.reduce((s, c) => s + c.max, 0),
      points: measured.length > 0 ? round2(measured.reduce((s, c) => s + (c.points as number), 0)) : null,
      outOf: measured.reduce((s, c) => s + c.max, 0),
      components,
    };
  });
  const scored = groups.filter((g) => g.points !== null);
  return {
    groups,
    total: scored.length > 0 ? round2(scored.reduce((s, g) => s + (g.points as number), 0)) : null,
    outOf: scored.reduce((s, g) => s + g.outOf, 0),
    max: groups.reduce((s, g) => s + g.max, 0),
  };
}

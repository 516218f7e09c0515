// The nine indicators of the evaluation of TTHC resolution (rules.md §1.5; 0/1/2 rules: rules-2.md §2.3,
// Circular 01/2018 art. 13). Pure data and types.

export const indicatorKeys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];
export type Points = 0 | 1 | 2;

export const MAX_POINTS_PER_INDICATOR = 2;
export const MAX_TOTAL = indicatorKeys.length * MAX_POINTS_PER_INDICATOR;

export const INDICATOR_LABELS: Readonly<Record<IndicatorKey, string>> = {
  '1': 'Tổng thời gian giải quyết TTHC so với thời gian theo quy định',
  '2': 'Thời gian thực hiện của từng cơ quan tham gia giải quyết (kể cả cơ quan phối hợp)',
  '3': 'Số lần liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ (kể cả trực tuyến)',
  '4': 'Số cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ',
  '5': 'Thực hiện tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa',
  '6': 'Công khai thủ tục hành chính',
  '7': 'Thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ',
  '8': 'Tiếp nhận, xử lý, giải trình đối với phản ánh, kiến nghị',
  '9': 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến',
};

/** How a suggestion was made: computed from the records, prefilled from the catalog or rating, or left to people. */
export type SuggestionSource = 'computed' | 'prefilled' | 'scorer';

/** One indicator's suggested points (null: the scorer decides) and why, in Vietnamese. */
export interface Suggestion {
  indicator: IndicatorKey;
  points: Points | null;
  source: SuggestionSource;
  reason: string;
}

export type IndicatorScores = Record<IndicatorKey, Points>;
export type IndicatorNotes = Partial<Record<IndicatorKey, string>>;

/** Early / on time / late, as Circular 01/2018 art. 13 scores time: shorter 2, equal 1, longer 0. */
export type TimeClass = 'early' | 'on_time' | 'late';
export const TIME_POINTS: Readonly<Record<TimeClass, Points>> = { early: 2, on_time: 1, late: 0 };

export function totalOf(scores: IndicatorScores): number {
  return indicatorKeys.reduce((sum, key) => sum + scores[key], 0);
}

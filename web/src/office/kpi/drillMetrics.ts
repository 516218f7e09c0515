// Which dossier facts (GET /api/office/kpi/dossiers `metrics`) stand behind the numbers of the dashboard.

export const COUNTER_LABELS: Record<string, string> = {
  receivedOnline: 'Tiếp nhận trực tuyến',
  receivedOffline: 'Tiếp nhận trực tiếp, bưu chính',
  receivedDigitised: 'Tiếp nhận có thành phần số hóa',
  resolvedEarly: 'Giải quyết trước hạn',
  resolvedOnTime: 'Giải quyết đúng hạn',
  resolvedLate: 'Giải quyết quá hạn',
  resolvedUncounted: 'Giải quyết không tính hạn',
  indexOnTime: 'Đúng hạn theo phiếu hẹn (QĐ 766)',
  indexLate: 'Trễ hạn theo phiếu hẹn (QĐ 766)',
  resultsIssued: 'Kết quả đã ban hành',
  resultsDigitised: 'Kết quả có tệp điện tử',
  returned: 'Đã trả kết quả',
  withdrawn: 'Rút hồ sơ',
  stopped: 'Dừng xử lý',
  refused: 'Từ chối tiếp nhận',
};

const received = ['receivedOnline', 'receivedOffline'];

/** The Decision 766 indicators counted from dossiers alone: [numerator metrics, denominator metrics]. */
export const COMPONENT_METRICS: Record<string, [string[], string[]]> = {
  online_dossiers: [['receivedOnline'], received],
  components_digitised: [['receivedDigitised'], received],
  result_available: [['resultsDigitised'], ['resultsIssued']],
};

export interface DrillRequest {
  title: string;
  metrics: string[];
  /** Narrower scope than the page's filters (a ranking row). */
  unit?: string;
  agency?: string;
  /** The count shown where the officer clicked, to compare with the list. */
  expected?: number;
}

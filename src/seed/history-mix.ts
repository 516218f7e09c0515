// The tunable mix of the generated history: which procedures, where, when, through which channel and how well
// handled. Figures are plausible for a small city of the Mekong delta, not statistics of Vị Thanh.

/** Relative demand per catalog field; civil status, certification, residence, land and household business lead. */
const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  'Hộ tịch': 30,
  'Chứng thực': 24,
  'Đăng ký, quản lý cư trú': 13,
  'Đất đai': 7,
  'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)': 6,
  'Cấp, quản lý căn cước': 2,
  'Hoạt động xây dựng': 2,
  'Giảm nghèo': 2,
  'Nhà ở và công sở': 1,
  'Nông nghiệp': 1,
  'Người có công': 0.8,
  'Hòa giải ở cơ sở': 0.8,
  'Thành lập và hoạt động của tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã': 0.8,
  'Quy hoạch đô thị và nông thôn': 0.7,
  'Thủy lợi': 0.6,
};
const OTHER_FIELD_WEIGHT = 0.25;

/** The everyday procedures of each field, and what a city inland never sees (border areas, the sea). */
const NAME_BOOSTS: readonly [RegExp, number][] = [
  [/biên giới|lấn biển/i, 0],
  [/có yếu tố nước ngoài/i, 0.1],
  [/lưu động/i, 0.3],
  [/^Thủ tục đăng ký khai sinh$|Giấy xác nhận tình trạng hôn nhân/i, 10],
  [/Trích lục hộ tịch/i, 8],
  [/^Thủ tục đăng ký (kết hôn|khai tử)$/i, 5],
  [/cải chính|Liên thông/i, 2.5],
  [/bản sao từ bản chính/i, 12],
  [/^Chứng thực chữ ký trong/i, 6],
  [/Chứng thực giao dịch liên quan/i, 3],
  [/người dịch/i, 0.3],
  [/^Đăng ký (thường trú|tạm trú)$|Xác nhận thông tin về cư trú/i, 4],
  [/Khai báo tạm vắng|Tách hộ|Thông báo lưu trú|Gia hạn tạm trú/i, 1.5],
  [/^Đăng ký đất đai/i, 4],
  [/Hòa giải tranh chấp đất đai/i, 2],
  [/^Tổ chức kinh tế/i, 0.2],
  [/^Đăng ký thành lập hộ kinh doanh/i, 5],
  [/thay đổi nội dung đăng ký hộ kinh doanh/i, 2],
];

/** Weight of one procedure: its field's demand shared among the field's procedures, times its name boost. */
export function procedureWeight(p: { name: string; field: string }, proceduresInField: number): number {
  const field = FIELD_WEIGHTS[p.field] ?? OTHER_FIELD_WEIGHT;
  const boost = NAME_BOOSTS.find(([pattern]) => pattern.test(p.name.trim()))?.[1] ?? 1;
  return (field / Math.max(1, proceduresInField)) * boost;
}

/** Plan-era units by official code: relative population served, and how often their dossiers ran late. */
export const OLD_UNIT_MIX: Readonly<Record<string, { weight: number; late: number }>> = {
  '31318': { weight: 1.3, late: 0.75 }, // Phường I, the plan's pilot modern desk
  '31321': { weight: 1.15, late: 0.9 }, // Phường III
  '31324': { weight: 1, late: 1 }, // Phường IV
  '31327': { weight: 0.95, late: 1 }, // Phường V
  '31330': { weight: 0.9, late: 1.05 }, // Phường VII
  '31333': { weight: 1, late: 0.85 }, // Xã Vị Tân, the plan's second modern desk
  '31336': { weight: 0.8, late: 1.25 }, // Xã Hỏa Lựu
  '31338': { weight: 0.7, late: 1.3 }, // Xã Tân Tiến
  '31339': { weight: 0.7, late: 1.35 }, // Xã Hỏa Tiến
};
/** The city's public service centre also received ward-level dossiers (about a tenth of them). */
export const CITY_CENTRE_MIX = { weight: 1, late: 0.8 };
/** Successor units by code: their demand is their predecessors'; their handling by their own record. */
export const NEW_UNIT_LATE: Readonly<Record<string, number>> = { '31321': 0.8, '31333': 1, '31338': 1.2 };

/** Linear interpolation over a yearly table at a fractional year (values are taken mid-year). */
function yearly(table: Readonly<Record<number, number>>, isoDate: string): number {
  const t = Number(isoDate.slice(0, 4)) + (Number(isoDate.slice(5, 7)) - 0.5) / 12 - 0.5;
  const lo = Math.floor(t);
  const a = table[lo];
  const b = table[lo + 1];
  if (a === undefined) return b ?? table[FIRST_YEAR] ?? 0;
  if (b === undefined) return a;
  return a + (b - a) * (t - lo);
}
const FIRST_YEAR = 2021;

/** Demand grows year on year (more residents online, more land and business procedures). */
const VOLUME = { 2021: 1, 2022: 1.12, 2023: 1.25, 2024: 1.38, 2025: 1.5, 2026: 1.62 };
/** Busy months: before Tết, the summer school enrolment; quiet during Tết and the 2021 lockdown. */
const MONTH = [1.2, 0.7, 1.05, 0.95, 1, 1, 1.1, 1.15, 1, 0.95, 1, 1.15];

export function dayWeight(isoDate: string, weekday: number): number {
  const month = Number(isoDate.slice(5, 7));
  // Directive 16 social distancing in Hậu Giang, summer 2021: desks received only urgent dossiers.
  const lockdown = isoDate >= '2021-07-19' && isoDate <= '2021-09-30' ? 0.35 : 1;
  const monday = weekday === 1 ? 1.2 : 1;
  return yearly(VOLUME, isoDate) * (MONTH[month - 1] ?? 1) * lockdown * monday;
}

/** Share of dossiers submitted online when the procedure offers it; the plan aimed at 80 %. */
const ONLINE = { 2021: 0.2, 2022: 0.34, 2023: 0.47, 2024: 0.58, 2025: 0.7, 2026: 0.78 };
export const onlineShare = (isoDate: string) => yearly(ONLINE, isoDate);
export const POST_SHARE = 0.03;

/** Base share of dossiers whose handling overran (before the unit factor); it falls as the plan bites. */
const LATE = { 2021: 0.135, 2022: 0.115, 2023: 0.095, 2024: 0.074, 2025: 0.065, 2026: 0.056 };
export const lateShare = (isoDate: string) => yearly(LATE, isoDate);

/** Outcome rates per dossier (the brief's figures). */
export const RATES = {
  refuseAtIntake: 0.008,
  intakeSupplement: 0.03,
  processingSupplement: 0.08,
  /** Of processing supplements, the applicant never comes back (withdrawal, or a stop under Decree 118). */
  supplementAbandoned: 0.12,
  withdraw: 0.006,
  stop: 0.012,
  reject: 0.015,
  /** Of late dossiers, the office apologised with a new date in time (Mẫu 04). */
  apology: 0.4,
  /** Of dossiers in land and construction fields, sent to a city or ward office for its opinion. */
  transfer: 0.55,
  /** The specialist explicitly picks up the step (“nhận xử lý”) before working on it. */
  startStep: 0.35,
};

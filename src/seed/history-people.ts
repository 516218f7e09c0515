// Synthetic people for the history: Vietnamese names drawn from common parts (no real persons), mobile numbers,
// CCCD numbers valid by structure only, and addresses in the wards of the time.
import type { Rng } from './history-random.ts';

export type Sex = 'male' | 'female';

export interface Person {
  fullName: string;
  sex: Sex;
  birthYear: number;
  citizenId: string | null;
  phone: string | null;
}

/** Surnames of the Mekong delta, with Khmer ones (Thạch, Danh, Kim) that Hậu Giang also has. */
const SURNAMES = {
  Nguyễn: 30,
  Trần: 11,
  Lê: 9,
  Phạm: 6,
  Huỳnh: 6,
  Võ: 5,
  Phan: 4,
  Trương: 2,
  Đặng: 2,
  Hồ: 1.5,
  Bùi: 1.5,
  Ngô: 1.3,
  Đỗ: 1.2,
  Dương: 1.2,
  Lâm: 1.2,
  Lý: 1,
  Đoàn: 0.8,
  Châu: 0.8,
  Tô: 0.6,
  Mai: 0.6,
  Thạch: 0.6,
  Danh: 0.5,
  Cao: 0.5,
  Lưu: 0.5,
  Quách: 0.4,
  Kim: 0.4,
  Tăng: 0.3,
} as const;

const words = (text: string): readonly string[] => text.trim().split(/\s+/);

const MIDDLE: Record<Sex, readonly string[]> = {
  male: words('Văn Văn Văn Văn Minh Hoàng Quốc Thanh Hữu Công Đức Tấn Chí Phước'),
  female: words('Thị Thị Thị Thị Ngọc Thanh Kim Mỹ Thu Bích Hồng Như Phương'),
};

const GIVEN: Record<Sex, readonly string[]> = {
  male: words(`Hùng Dũng Tuấn Phúc Thành Tài Lộc Nghĩa Hiếu Khang Tâm Trí Vinh Sang Toàn Hải Long Nam Phong Quang
    Hậu Thắng Hòa Hưng Kiệt Duy Bảo Khoa Tú Lợi Tín Nhân An Định Cường Đạt Thiện Trung Việt Em`),
  female:
    words(`Lan Hương Hạnh Thảo Trang Nhung Mai Linh Ngân Yến Vy Hằng Trinh Nga Tuyết Oanh Phượng Thủy Loan Hoa
    Diễm Xuân Hồng Thu Huyền Nhi Quyên Trâm Duyên Tiên Như Ánh My Kiều Hà Cúc Út Thắm Ngọc Dung`),
};

export function fullNameOf(rng: Rng, sex: Sex): string {
  return `${rng.weighted(SURNAMES)} ${rng.pick(MIDDLE[sex])} ${rng.pick(GIVEN[sex])}`;
}

/** Mobile prefixes of Viettel, MobiFone, VinaPhone and Vietnamobile (10-digit numbers since 2018). */
const MOBILE_PREFIXES = words(`032 033 034 035 036 037 038 039 086 096 097 098 070 076 077 078 079 089 090 093
  081 082 083 084 085 088 091 094 056 058 092`);

export function mobileOf(rng: Rng): string {
  return `${rng.pick(MOBILE_PREFIXES)}${rng.digits(7)}`;
}

/**
 * A CCCD valid by structure (domain README decision 8): birth-registration province, century/sex digit, birth
 * year, six digits. Hậu Giang (093) was split from Cần Thơ (092) in 2004, so older residents carry 092 more often.
 */
export function citizenIdOf(rng: Rng, sex: Sex, birthYear: number): string {
  const province = birthYear < 2004 ? (rng.chance(0.7) ? '092' : '093') : rng.chance(0.85) ? '093' : '092';
  const century = Math.floor((birthYear - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
  return `${province}${century}${String(birthYear % 100).padStart(2, '0')}${rng.digits(6)}`;
}

/** An adult applicant at `year`; most carry a CCCD and a phone, more so in later years (chip cards from 2021). */
export function personOf(rng: Rng, year: number): Person {
  const sex: Sex = rng.chance(0.52) ? 'female' : 'male';
  const birthYear = year - rng.int(19, 72);
  const idShare = Math.min(0.9, 0.5 + 0.08 * (year - 2021));
  return {
    fullName: fullNameOf(rng, sex),
    sex,
    birthYear,
    citizenId: rng.chance(idShare) ? citizenIdOf(rng, sex, birthYear) : null,
    phone: rng.chance(0.85) ? mobileOf(rng) : null,
  };
}

/** Where a person lives, as written at a given time: the unit's name and its parents of that time. */
export interface Place {
  /** e.g. 'phường I', 'xã Hỏa Lựu', 'phường Vị Thanh'. */
  unit: string;
  commune: boolean;
  /** e.g. 'thành phố Vị Thanh, tỉnh Hậu Giang' or 'thành phố Cần Thơ'. */
  tail: string;
}

const STREETS =
  `Trần Hưng Đạo|Nguyễn Công Trứ|3 Tháng 2|Hòa Bình|Lê Hồng Phong|Võ Văn Kiệt|1 Tháng 5|Nguyễn Thái Học|
Trần Quang Diệu|Lê Quý Đôn|Nguyễn Trãi|Đồ Chiểu|30 Tháng 4|Lý Tự Trọng|Nguyễn Huệ|Hùng Vương|Ngô Quyền`
    .split('|')
    .map((s) => s.trim());
const HAMLETS = [
  'Thạnh Lợi',
  'Thạnh Trung',
  'Thạnh An',
  'Tân Phú',
  'Mỹ Lộc',
  'Bình Thạnh',
  'Tân Long',
  'Phú Hòa',
];

/** The part of an address below the unit: house and street with the ward's area, or the commune's hamlet. */
export function houseOf(rng: Rng, commune: boolean): string {
  if (commune) return rng.chance(0.5) ? `ấp ${rng.int(1, 9)}` : `ấp ${rng.pick(HAMLETS)}`;
  const street = rng.chance(0.7) ? `Số ${rng.int(1, 350)}, đường ${rng.pick(STREETS)}, ` : '';
  return `${street}khu vực ${rng.int(1, 7)}`;
}

export const addressAt = (house: string, place: Place): string => `${house}, ${place.unit}, ${place.tail}`;

const ORGANISATION_KINDS = [
  'Hợp tác xã Nông nghiệp',
  'Hợp tác xã Dịch vụ nông nghiệp',
  'Tổ hợp tác trồng khóm',
  'Hợp tác xã Thủy sản',
  'Tổ hợp tác chăn nuôi',
];

export function organisationOf(rng: Rng): string {
  return `${rng.pick(ORGANISATION_KINDS)} ${rng.pick(HAMLETS)}`;
}

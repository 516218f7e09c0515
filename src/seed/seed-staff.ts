import { and, eq, inArray } from 'drizzle-orm';
import { agencies } from '../modules/org/schema.ts';
import { listTopics } from '../modules/staff/courses.ts';
import { nameKeyOf } from '../modules/staff/import-rows.ts';
import {
  type DegreeLevel,
  type StaffCategory,
  staffOfficials,
  staffTrainingCourses,
  staffTrainingRecords,
} from '../modules/staff/schema.ts';
import { ONLINE_SERVICE_TOPIC } from '../modules/staff/staff-labels.ts';
import type { Db } from '../platform/db/connect.ts';

// Demo officials of the Vị Thanh agencies and their training (idempotent). The city offices and old wards
// served until the 2025 reorganisation; the offices of phường Vị Thanh from 1 July 2025. Most officials hold a
// university degree and attended the online-service software training; a few did not, so the targets show
// "not met" with names behind them.

const REORGANISED_ON = '2025-07-01';
const LAST_DAY_BEFORE = '2025-06-30';

const families = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const middles = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Hoàng', 'Quốc', 'Thị Kim', 'Hữu', 'Thị Bích'];
const givens = [
  'An',
  'Bình',
  'Châu',
  'Duy',
  'Hà',
  'Hải',
  'Hạnh',
  'Khoa',
  'Linh',
  'Lộc',
  'Nhân',
  'Phúc',
  'Quyên',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trí',
  'Vy',
  'Xuân',
  'Yến',
  'Đạt',
];
const fields = [
  'Luật',
  'Hành chính học',
  'Kế toán',
  'Công nghệ thông tin',
  'Quản lý đất đai',
  'Kinh tế',
  'Văn hóa học',
];

interface AgencySeed {
  slug: string;
  positions: string[];
  startFrom: string | null;
  endOn: string | null;
}

const agencySeeds: AgencySeed[] = [
  {
    slug: 'vithanh-noi-vu',
    positions: ['Trưởng phòng', 'Phó Trưởng phòng', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên'],
    startFrom: null,
    endOn: LAST_DAY_BEFORE,
  },
  {
    slug: 'vithanh-tu-phap',
    positions: ['Trưởng phòng', 'Chuyên viên', 'Chuyên viên', 'Chuyên viên'],
    startFrom: null,
    endOn: LAST_DAY_BEFORE,
  },
  {
    slug: 'vithanh-tc-kh',
    positions: ['Trưởng phòng', 'Phó Trưởng phòng', 'Chuyên viên', 'Kế toán viên'],
    startFrom: null,
    endOn: LAST_DAY_BEFORE,
  },
  {
    slug: 'vithanh-ttpvhcc',
    positions: [
      'Giám đốc',
      'Phó Giám đốc',
      'Chuyên viên một cửa',
      'Chuyên viên một cửa',
      'Chuyên viên một cửa',
      'Chuyên viên một cửa',
    ],
    startFrom: null,
    endOn: LAST_DAY_BEFORE,
  },
  {
    slug: 'vithanh-phuong-i-ubnd',
    positions: [
      'Chủ tịch UBND',
      'Phó Chủ tịch UBND',
      'Công chức Tư pháp – Hộ tịch',
      'Công chức Địa chính – Xây dựng',
      'Công chức Văn phòng – Thống kê',
    ],
    startFrom: null,
    endOn: LAST_DAY_BEFORE,
  },
  {
    slug: 'vithanh-phuong-vii-ubnd',
    positions: [
      'Chủ tịch UBND',
      'Công chức Tư pháp – Hộ tịch',
      'Công chức Văn hóa – Xã hội',
      'Công chức Tài chính – Kế toán',
    ],
    startFrom: null,
    endOn: LAST_DAY_BEFORE,
  },
  {
    slug: 'vithanh-xa-hoa-luu-ubnd',
    positions: [
      'Chủ tịch UBND',
      'Công chức Tư pháp – Hộ tịch',
      'Công chức Địa chính – Nông nghiệp',
      'Người hoạt động không chuyên trách',
    ],
    startFrom: null,
    endOn: LAST_DAY_BEFORE,
  },
  {
    slug: 'cantho-phuong-vi-thanh-ubnd',
    positions: ['Chủ tịch UBND', 'Phó Chủ tịch UBND', 'Phó Chủ tịch UBND', 'Chuyên viên', 'Chuyên viên'],
    startFrom: REORGANISED_ON,
    endOn: null,
  },
  {
    slug: 'cantho-phuong-vi-thanh-ttpvhcc',
    positions: [
      'Giám đốc',
      'Chuyên viên một cửa',
      'Chuyên viên một cửa',
      'Chuyên viên một cửa',
      'Chuyên viên một cửa',
    ],
    startFrom: REORGANISED_ON,
    endOn: null,
  },
  {
    slug: 'cantho-phuong-vi-thanh-vp-hdnd-ubnd',
    positions: ['Chánh Văn phòng', 'Chuyên viên', 'Chuyên viên', 'Văn thư'],
    startFrom: REORGANISED_ON,
    endOn: null,
  },
  {
    slug: 'cantho-phuong-vi-thanh-kinh-te',
    positions: ['Trưởng phòng', 'Phó Trưởng phòng', 'Chuyên viên', 'Chuyên viên'],
    startFrom: REORGANISED_ON,
    endOn: null,
  },
];

/** Deterministic "random" choice: the seed must give the same rows every run. */
const pick = <T>(list: T[], n: number): T => list[n % list.length] as T;

interface SeededOfficial {
  slug: string;
  fullName: string;
  birthDate: string;
  position: string;
  category: StaffCategory;
  degreeLevel: DegreeLevel;
  fieldOfStudy: string;
  startDate: string;
  endDate: string | null;
  /** Attends the online-service software course of its era (and completes it) unless false. */
  trainedOnline: boolean;
}

export function demoOfficials(): SeededOfficial[] {
  const out: SeededOfficial[] = [];
  let n = 0;
  for (const agency of agencySeeds) {
    for (const position of agency.positions) {
      n++;
      const isWard = agency.slug.includes('ubnd') && !agency.slug.startsWith('vithanh-noi');
      const category: StaffCategory = position.startsWith('Người hoạt động')
        ? 'non_specialised'
        : position.startsWith('Chủ tịch') || position.startsWith('Phó Chủ tịch')
          ? 'cadre'
          : position === 'Văn thư'
            ? 'public_employee'
            : 'civil_servant';
      // About one in nine below university, one in six with a master's degree.
      const degreeLevel: DegreeLevel =
        n % 9 === 4 ? (isWard ? 'intermediate' : 'college') : n % 6 === 1 ? 'master' : 'university';
      const year = 1968 + ((n * 7) % 30);
      const birthDate = `${year}-${String((n % 12) + 1).padStart(2, '0')}-${String(((n * 5) % 27) + 1).padStart(2, '0')}`;
      const startDate = agency.startFrom ?? `${Math.min(year + 23 + (n % 5), 2019)}-0${(n % 9) + 1}-01`;
      out.push({
        slug: agency.slug,
        fullName: `${pick(families, n * 3)} ${pick(middles, n * 7)} ${pick(givens, n * 5)}`,
        birthDate,
        position,
        category,
        degreeLevel,
        fieldOfStudy: pick(fields, n),
        startDate,
        endDate: agency.endOn,
        trainedOnline: n % 8 !== 3,
      });
    }
  }
  return out;
}

const courses = [
  {
    key: 'online-2021',
    name: 'Tập huấn sử dụng phần mềm một cửa điện tử và dịch vụ công trực tuyến mức độ 3, 4',
    organiser: 'Sở Thông tin và Truyền thông tỉnh Hậu Giang',
    topicKey: ONLINE_SERVICE_TOPIC,
    startDate: '2021-08-16',
    endDate: '2021-08-18',
    location: 'Hội trường UBND thành phố Vị Thanh',
  },
  {
    key: 'reform-2022',
    name: 'Bồi dưỡng nghiệp vụ cải cách hành chính năm 2022',
    organiser: 'Phòng Nội vụ thành phố Vị Thanh',
    topicKey: 'reform_practice',
    startDate: '2022-06-07',
    endDate: '2022-06-08',
    location: 'Trung tâm Chính trị thành phố Vị Thanh',
  },
  {
    key: 'online-2025',
    name: 'Tập huấn Hệ thống thông tin giải quyết thủ tục hành chính thành phố Cần Thơ cho phường Vị Thanh',
    organiser: 'Sở Khoa học và Công nghệ thành phố Cần Thơ',
    topicKey: ONLINE_SERVICE_TOPIC,
    startDate: '2025-07-08',
    endDate: '2025-07-09',
    location: 'UBND phường Vị Thanh',
  },
  {
    key: 'digital-2025',
    name: 'Bồi dưỡng kỹ năng số cho cán bộ, công chức phường Vị Thanh',
    organiser: 'Phòng Văn hóa – Xã hội phường Vị Thanh',
    topicKey: 'digital_skills',
    startDate: '2025-09-15',
    endDate: '2025-09-16',
    location: 'UBND phường Vị Thanh',
  },
];

export async function seedStaff(db: Db): Promise<string> {
  await listTopics(db);
  const slugs = agencySeeds.map((a) => a.slug);
  const rows = await db
    .select({ id: agencies.id, slug: agencies.slug, unitId: agencies.unitId })
    .from(agencies)
    .where(inArray(agencies.slug, slugs));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const courseIds = new Map<string, string>();
  for (const { key, ...course } of courses) {
    const [existing] = await db
      .select({ id: staffTrainingCourses.id })
      .from(staffTrainingCourses)
      .where(
        and(eq(staffTrainingCourses.name, course.name), eq(staffTrainingCourses.startDate, course.startDate)),
      );
    const id =
      existing?.id ??
      (await db.insert(staffTrainingCourses).values(course).returning({ id: staffTrainingCourses.id }))[0]
        ?.id;
    if (!id) throw new Error('course insert returned nothing');
    courseIds.set(key, id);
  }
  let added = 0;
  for (const [i, o] of demoOfficials().entries()) {
    const agency = bySlug.get(o.slug);
    if (!agency) continue;
    const { slug, trainedOnline, ...values } = o;
    const nameKey = nameKeyOf(o.fullName);
    const inserted = await db
      .insert(staffOfficials)
      .values({ ownerUnitId: agency.unitId, agencyId: agency.id, nameKey, ...values })
      .onConflictDoNothing()
      .returning({ id: staffOfficials.id });
    if (inserted.length > 0) added++;
    const [official] = await db
      .select({ id: staffOfficials.id })
      .from(staffOfficials)
      .where(
        and(
          eq(staffOfficials.ownerUnitId, agency.unitId),
          eq(staffOfficials.agencyId, agency.id),
          eq(staffOfficials.nameKey, nameKey),
          eq(staffOfficials.birthDate, o.birthDate),
        ),
      );
    if (!official) continue;
    const era = o.endDate ? ['online-2021', 'reform-2022'] : ['online-2025', 'digital-2025'];
    const attended = era.filter((k) => !k.startsWith('online') || trainedOnline || i % 2 === 0);
    for (const key of attended) {
      const completed = !key.startsWith('online') || trainedOnline;
      await db
        .insert(staffTrainingRecords)
        .values({
          ownerUnitId: agency.unitId,
          officialId: official.id,
          courseId: courseIds.get(key) as string,
          result: completed ? 'completed' : 'not_completed',
        })
        .onConflictDoNothing();
    }
  }
  return `Cán bộ, công chức mẫu: thêm ${added}; ${courses.length} lớp đào tạo, bồi dưỡng.`;
}

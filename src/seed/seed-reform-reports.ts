import { and, eq, inArray } from 'drizzle-orm';
import { agencies } from '../modules/org/schema.ts';
import { planAreas } from '../modules/reform-plan/plans.ts';
import { snapshotFigures } from '../modules/reform-report/figures-snapshot.ts';
import { planOfYear } from '../modules/reform-report/reports.ts';
import { reformReportEvents, reformReports } from '../modules/reform-report/schema.ts';
import type { Db } from '../platform/db/connect.ts';

// Demo yearly reform reports: 2024, the last full year of the 2021–2025 plan before the 1 July 2025
// reorganisation, accepted for a few wards of that time, with the figures the system computes for them and
// short texts per task area. Idempotent: an agency that already has its 2024 report is skipped.

const YEAR = 2024;
const WARDS: readonly (readonly [slug: string, submittedOn: string])[] = [
  ['vithanh-phuong-i-ubnd', '2024-10-25'],
  ['vithanh-phuong-iii-ubnd', '2024-10-30'],
  ['vithanh-xa-vi-tan-ubnd', '2024-11-02'],
];

const AREA_TEXT: Record<string, string> = {
  'III.1':
    'Ban hành kế hoạch CCHC năm, kiểm tra công tác CCHC tại bộ phận một cửa; tuyên truyền trên loa truyền thanh.',
  'III.2': 'Rà soát văn bản do UBND phường ban hành; không phát hiện văn bản trái quy định.',
  'III.3': 'Niêm yết công khai đầy đủ TTHC; tiếp nhận, giải quyết hồ sơ đúng quy trình một cửa.',
  'III.4': 'Kiện toàn công chức chuyên môn theo vị trí việc làm.',
  'III.5': 'Cử công chức tham gia tập huấn sử dụng dịch vụ công trực tuyến.',
  'III.6': 'Thực hiện tự chủ kinh phí quản lý hành chính theo quy định.',
  'III.7': 'Sử dụng phần mềm quản lý văn bản, chữ ký số; họp trực tuyến với thành phố.',
};

const at = (day: string, time: string) => new Date(`${day}T${time}+07:00`);

export async function seedReformReports(db: Db, now = new Date()): Promise<string> {
  const plan = await planOfYear(db, YEAR).catch(() => null);
  if (!plan) return 'Báo cáo CCHC năm: chưa có kế hoạch cho năm 2024, bỏ qua.';
  const areas = (await planAreas(db, plan)).filter((a) => a.kind === 'task_area');
  const wards = await db
    .select({ id: agencies.id, slug: agencies.slug, unitId: agencies.unitId, kind: agencies.kind })
    .from(agencies)
    .where(
      inArray(
        agencies.slug,
        WARDS.map(([slug]) => slug),
      ),
    );
  let added = 0;
  for (const [slug, submittedOn] of WARDS) {
    const ward = wards.find((w) => w.slug === slug);
    if (!ward) continue;
    const [existing] = await db
      .select({ id: reformReports.id })
      .from(reformReports)
      .where(
        and(
          eq(reformReports.ownerUnitId, ward.unitId),
          eq(reformReports.agencyId, ward.id),
          eq(reformReports.planId, plan.id),
          eq(reformReports.year, YEAR),
        ),
      );
    if (existing) continue;
    const figures = await snapshotFigures(db, ward, YEAR, now);
    const created = at(`${YEAR}-10-10`, '08:30:00');
    const submitted = at(submittedOn, '15:00:00');
    const accepted = at('2024-11-12', '09:00:00');
    await db.transaction(async (tx) => {
      const [report] = await tx
        .insert(reformReports)
        .values({
          ownerUnitId: ward.unitId,
          planId: plan.id,
          agencyId: ward.id,
          year: YEAR,
          status: 'accepted',
          figures,
          figuresAt: created,
          areaTexts: Object.fromEntries(
            areas.map((a) => [a.id, AREA_TEXT[a.code] ?? 'Thực hiện theo kế hoạch.']),
          ),
          summary: 'Hoàn thành các nhiệm vụ CCHC trọng tâm năm 2024 theo kế hoạch của thành phố.',
          difficulties:
            'Tỷ lệ hồ sơ trực tuyến còn thấp; người dân lớn tuổi chưa quen dịch vụ công trực tuyến.',
          proposals: 'Tăng cường tập huấn, hướng dẫn người dân nộp hồ sơ trực tuyến tại bộ phận một cửa.',
          firstSubmittedAt: submitted,
          submittedAt: submitted,
          acceptedAt: accepted,
          version: 3,
          createdAt: created,
          updatedAt: accepted,
        })
        .returning();
      if (!report) throw new Error('insert returned nothing');
      const step = (action: string, when: Date, actorName: string) => ({
        ownerUnitId: report.ownerUnitId,
        reportId: report.id,
        action,
        actorName,
        at: when,
      });
      await tx
        .insert(reformReportEvents)
        .values([
          step('created', created, 'Dữ liệu mẫu'),
          step('submitted', submitted, 'Dữ liệu mẫu'),
          step('accepted', accepted, 'Phòng Nội vụ (dữ liệu mẫu)'),
        ]);
    });
    added += 1;
  }
  return `Báo cáo CCHC năm ${YEAR}: thêm ${added} báo cáo đã chấp nhận.`;
}

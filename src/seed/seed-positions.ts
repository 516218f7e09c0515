import { and, eq, inArray } from 'drizzle-orm';
import { agencies } from '../modules/org/schema.ts';
import {
  headcountQuotas,
  jobPositions,
  positionHolders,
  streamliningPlans,
} from '../modules/positions/schema.ts';
import { officialsOf } from '../modules/staff/officials-of.ts';
import type { Db } from '../platform/db/connect.ts';

// Demo job positions, quotas and streamlining plans for Vị Thanh's city offices during the 2021–2025 plan.
// INVENTED DATA: the position lists, the quota figures, the decision numbers and the yearly reductions are made
// up for the demonstration (the plan asks for position schemes, quotas and the streamlining policy but gives no
// figures). Idempotent: an agency that already has positions is left alone.

interface PositionSeed {
  code: string;
  name: string;
  group: 'leadership' | 'professional' | 'shared_support' | 'support_service';
  headcount: number;
  requiredField: string;
  skills: string[];
  certificates: string[];
  /** Officials whose recorded position (staff register) starts with this fill it, in order. */
  holds: string;
}

const common = {
  skills: ['Sử dụng thành thạo phần mềm quản lý văn bản và hồ sơ công việc'],
  certificates: ['Chứng chỉ bồi dưỡng ngạch chuyên viên'],
};

const positionSeeds: Record<string, PositionSeed[]> = {
  'vithanh-noi-vu': [
    {
      code: 'NV-01',
      name: 'Trưởng phòng',
      group: 'leadership',
      headcount: 1,
      requiredField: 'Hành chính học, Luật',
      ...common,
      certificates: ['Trung cấp lý luận chính trị trở lên'],
      holds: 'Trưởng phòng',
    },
    {
      code: 'NV-02',
      name: 'Phó Trưởng phòng',
      group: 'leadership',
      headcount: 1,
      requiredField: 'Hành chính học, Luật',
      ...common,
      certificates: ['Trung cấp lý luận chính trị trở lên'],
      holds: 'Phó Trưởng phòng',
    },
    {
      code: 'NV-03',
      name: 'Chuyên viên quản lý tổ chức bộ máy, biên chế',
      group: 'professional',
      headcount: 1,
      requiredField: 'Hành chính học',
      ...common,
      holds: 'Chuyên viên',
    },
    {
      code: 'NV-04',
      name: 'Chuyên viên cải cách hành chính',
      group: 'professional',
      headcount: 2,
      requiredField: 'Hành chính học, Luật',
      ...common,
      holds: 'Chuyên viên',
    },
    {
      code: 'NV-05',
      name: 'Văn thư – lưu trữ',
      group: 'shared_support',
      headcount: 1,
      requiredField: 'Lưu trữ học',
      skills: ['Nghiệp vụ văn thư, lưu trữ điện tử'],
      certificates: [],
      holds: 'Văn thư',
    },
  ],
  'vithanh-tc-kh': [
    {
      code: 'TCKH-01',
      name: 'Trưởng phòng',
      group: 'leadership',
      headcount: 1,
      requiredField: 'Tài chính, Kinh tế',
      ...common,
      certificates: ['Trung cấp lý luận chính trị trở lên'],
      holds: 'Trưởng phòng',
    },
    {
      code: 'TCKH-02',
      name: 'Phó Trưởng phòng',
      group: 'leadership',
      headcount: 1,
      requiredField: 'Tài chính, Kinh tế',
      ...common,
      holds: 'Phó Trưởng phòng',
    },
    {
      code: 'TCKH-03',
      name: 'Chuyên viên quản lý ngân sách',
      group: 'professional',
      headcount: 2,
      requiredField: 'Tài chính – Ngân hàng',
      ...common,
      holds: 'Chuyên viên',
    },
    {
      code: 'TCKH-04',
      name: 'Kế toán',
      group: 'shared_support',
      headcount: 1,
      requiredField: 'Kế toán',
      skills: ['Sử dụng phần mềm kế toán hành chính sự nghiệp'],
      certificates: ['Chứng chỉ kế toán trưởng'],
      holds: 'Kế toán viên',
    },
  ],
  'vithanh-tu-phap': [
    {
      code: 'TP-01',
      name: 'Trưởng phòng',
      group: 'leadership',
      headcount: 1,
      requiredField: 'Luật',
      ...common,
      holds: 'Trưởng phòng',
    },
    {
      code: 'TP-02',
      name: 'Chuyên viên kiểm tra, rà soát văn bản QPPL',
      group: 'professional',
      headcount: 2,
      requiredField: 'Luật',
      ...common,
      holds: 'Chuyên viên',
    },
    {
      code: 'TP-03',
      name: 'Chuyên viên hộ tịch, chứng thực',
      group: 'professional',
      headcount: 2,
      requiredField: 'Luật',
      ...common,
      holds: 'Chuyên viên',
    },
  ],
};

/** Invented quotas (biên chế công chức / viên chức / hợp đồng) for each year of the plan. */
const quotaSeeds: Record<string, [number, number, number]> = {
  'vithanh-noi-vu': [6, 0, 1],
  'vithanh-tc-kh': [5, 0, 1],
  'vithanh-tu-phap': [4, 0, 0],
  'vithanh-ttpvhcc': [3, 3, 1],
};

export async function seedPositions(db: Db): Promise<string> {
  const slugs = [...new Set([...Object.keys(positionSeeds), ...Object.keys(quotaSeeds)])];
  const rows = await db
    .select({ id: agencies.id, slug: agencies.slug, unitId: agencies.unitId })
    .from(agencies)
    .where(inArray(agencies.slug, slugs));
  let positionsAdded = 0;
  for (const agency of rows) {
    const seeds = positionSeeds[agency.slug] ?? [];
    const existing = await db
      .select({ id: jobPositions.id })
      .from(jobPositions)
      .where(and(eq(jobPositions.ownerUnitId, agency.unitId), eq(jobPositions.agencyId, agency.id)));
    if (seeds.length && existing.length === 0) {
      const officials = await officialsOf(db, { units: [agency.unitId], agencyIds: [agency.id] });
      const taken = new Set<string>();
      for (const s of seeds) {
        const [position] = await db
          .insert(jobPositions)
          .values({
            ownerUnitId: agency.unitId,
            agencyId: agency.id,
            code: s.code,
            name: s.name,
            group: s.group,
            requiredDegree: 'university',
            requiredField: s.requiredField,
            competencies: [
              ...s.skills.map((text) => ({ kind: 'skill' as const, text })),
              ...s.certificates.map((text) => ({ kind: 'certificate' as const, text })),
            ],
            headcount: s.headcount,
          })
          .returning({ id: jobPositions.id });
        positionsAdded++;
        const holders = officials
          .filter((o) => !taken.has(o.id) && o.position === s.holds)
          .slice(0, s.headcount);
        for (const o of holders) {
          taken.add(o.id);
          await db.insert(positionHolders).values({
            ownerUnitId: agency.unitId,
            positionId: (position as { id: string }).id,
            officialId: o.id,
            fromDate: o.startDate,
            toDate: o.endDate,
          });
        }
      }
    }
    const quota = quotaSeeds[agency.slug];
    if (quota) {
      for (let year = 2021; year <= 2025; year++) {
        // Invented: the civil-servant quota falls by one in 2023 (streamlining), decision numbers made up.
        const civil = year >= 2023 ? Math.max(1, quota[0] - 1) : quota[0];
        await db
          .insert(headcountQuotas)
          .values({
            ownerUnitId: agency.unitId,
            agencyId: agency.id,
            year,
            civilServants: civil,
            publicEmployees: quota[1],
            contractStaff: quota[2],
            decisionNumber: `${100 + year - 2020}/QĐ-UBND (số liệu minh họa)`,
            decisionDate: `${year - 1}-12-15`,
          })
          .onConflictDoNothing();
      }
      await db
        .insert(streamliningPlans)
        .values({
          ownerUnitId: agency.unitId,
          agencyId: agency.id,
          fromYear: 2021,
          toYear: 2025,
          targetPercent: 10,
          planned: [
            { year: 2022, reduction: 0 },
            { year: 2023, reduction: 1 },
          ],
          decisionNumber: 'Kế hoạch tinh giản biên chế 2021–2025 (số liệu minh họa)',
        })
        .onConflictDoNothing();
    }
  }
  return `Vị trí việc làm, biên chế (số liệu minh họa): thêm ${positionsAdded} vị trí.`;
}

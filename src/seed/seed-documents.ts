// Demo documents register, ISO 9001:2015 records and one legal-document review plan for the Vị Thanh agencies.
// Deterministic (a fixed pseudo-random sequence) and idempotent: register rows are skipped on their unique
// number/symbol/date, the ISO and review rows on their keys.
import { and, eq, inArray } from 'drizzle-orm';
import { procedureAgencies } from '../modules/catalog/schema.ts';
import { ISO_AGENCY_KINDS } from '../modules/documents/iso-register.ts';
import {
  isoAudits,
  isoProcedures,
  isoRegistrations,
  legalReviewItems,
  legalReviewPlans,
  officialDocuments,
} from '../modules/documents/schema.ts';
import { agencies } from '../modules/org/schema.ts';
import type { Db } from '../platform/db/connect.ts';

/** Agencies keeping a register before and after the 1 July 2025 reorganisation, with their symbol. */
const PLAN_ERA: readonly (readonly [string, string])[] = [
  ['vithanh-ubnd', 'UBND'],
  ['vithanh-vp-hdnd-ubnd', 'VP'],
  ['vithanh-noi-vu', 'PNV'],
  ['vithanh-tu-phap', 'PTP'],
  ['vithanh-phuong-i-ubnd', 'UBND'],
  ['vithanh-xa-vi-tan-ubnd', 'UBND'],
];
const SUCCESSORS: readonly (readonly [string, string])[] = [
  ['cantho-phuong-vi-thanh-ubnd', 'UBND'],
  ['cantho-phuong-vi-thanh-vp-hdnd-ubnd', 'VP'],
  ['cantho-phuong-vi-tan-ubnd', 'UBND'],
  ['cantho-xa-hoa-luu-ubnd', 'UBND'],
];
const REORGANISED_ON = '2025-07-01';

const SUBJECTS = [
  'V/v triển khai Kế hoạch cải cách hành chính năm',
  'Báo cáo kết quả giải quyết thủ tục hành chính tháng',
  'V/v tăng cường kỷ luật, kỷ cương hành chính',
  'Giấy mời họp giao ban công tác cải cách hành chính',
  'V/v rà soát, đơn giản hóa thủ tục hành chính',
  'V/v đẩy mạnh thanh toán trực tuyến trên Cổng dịch vụ công',
  'Báo cáo tình hình số hóa hồ sơ, kết quả giải quyết TTHC',
  'V/v góp ý dự thảo quy chế phối hợp',
  'Thông báo kết luận của Chủ tịch UBND tại cuộc họp',
  'V/v cập nhật danh mục thủ tục hành chính',
];
const OTHERS = ['Công ty TNHH Xây dựng Phú Hưng', 'Ông Trần Văn Nam', 'Hợp tác xã Nông nghiệp Tân Tiến'];
const HANDLERS = ['Lê Văn Hùng', 'Huỳnh Thị Lan', 'Phạm Minh Tuấn', 'Nguyễn Thị Thu', 'Trần Quốc Việt'];

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function seedDocuments(db: Db): Promise<string> {
  const slugs = [...PLAN_ERA, ...SUCCESSORS].map(([s]) => s);
  const rows = await db
    .select({ id: agencies.id, slug: agencies.slug, unitId: agencies.unitId, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.slug, [...slugs, 'cantho-phuong-vi-thanh-ttpvhcc', 'vithanh-ttpvhcc']));
  const bySlug = new Map(rows.map((a) => [a.slug, a]));
  if (bySlug.size < slugs.length) return 'Sổ văn bản mẫu: thiếu cơ quan, bỏ qua.';

  const r = random(20240101);
  const values: (typeof officialDocuments.$inferInsert)[] = [];
  const counters = new Map<string, number>();
  for (let t = Date.UTC(2024, 0, 2); t <= Date.UTC(2026, 9, 31); t += 24 * 3600_000) {
    const day = new Date(t);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    const issuedOn = iso(day);
    const keepers = issuedOn < REORGANISED_ON ? PLAN_ERA : SUCCESSORS;
    const [slug, symbol] = pick(r, keepers);
    const agency = bySlug.get(slug);
    const peer = bySlug.get(
      pick(
        r,
        keepers.filter(([s]) => s !== slug),
      )[0],
    );
    if (!agency || !peer) continue;
    const direction = r() < 0.55 ? 'incoming' : 'outgoing';
    const withAgency = r() < 0.9;
    // Electronic exchange rose over the period: about 90% in 2024 to 97% in 2026.
    const electronicRate = issuedOn < '2025-01-01' ? 0.9 : issuedOn < '2026-01-01' ? 0.94 : 0.97;
    const electronic = r() < electronicRate;
    const key = `${slug}|${direction}|${day.getUTCFullYear()}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const subject = pick(r, SUBJECTS);
    values.push({
      ownerUnitId: agency.unitId,
      agencyId: agency.id,
      direction,
      number: String(n),
      symbol:
        direction === 'outgoing'
          ? `${pick(r, ['BC', 'CV', 'KH', 'TB'])}-${symbol}`
          : `${pick(r, ['CV', 'GM', 'BC'])}-UBND`,
      issuedOn,
      summary:
        `${subject} ${subject.endsWith('năm') ? day.getUTCFullYear() : subject.endsWith('tháng') ? `${day.getUTCMonth() + 1}/${day.getUTCFullYear()}` : ''}`.trim(),
      counterpartKind: withAgency ? 'agency' : 'other',
      counterpartAgencyId: withAgency ? peer.id : null,
      counterpartName: withAgency ? peer.name : pick(r, OTHERS),
      electronic,
      digitallySigned: electronic && r() < 0.95,
      dueOn: direction === 'incoming' ? iso(new Date(t + 10 * 24 * 3600_000)) : null,
      handler: pick(r, HANDLERS),
      status: issuedOn < '2026-10-01' ? 'done' : pick(r, ['pending', 'in_progress', 'done'] as const),
      source: 'seed',
    });
  }
  let inserted = 0;
  for (let i = 0; i < values.length; i += 200) {
    const done = await db
      .insert(officialDocuments)
      .values(values.slice(i, i + 200))
      .onConflictDoNothing()
      .returning({ id: officialDocuments.id });
    inserted += done.length;
  }

  // ISO: most administrative agencies of Vị Thanh apply it; every seventh does not (the 100% target is not met).
  const isoAgencies = (
    await db
      .select({ id: agencies.id, slug: agencies.slug, name: agencies.name })
      .from(agencies)
      .where(inArray(agencies.kind, [...ISO_AGENCY_KINDS]))
  )
    .filter((a) => a.slug.startsWith('vithanh-') || a.slug.startsWith('cantho-'))
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .filter((_, i) => i % 7 !== 3);
  for (const [i, agency] of isoAgencies.entries()) {
    const slug = agency.slug;
    const successor = slug.startsWith('cantho-');
    const effectiveOn = successor ? '2025-09-15' : `${2021 + (i % 3)}-0${3 + (i % 6)}-15`;
    const certified = i % 2 === 0;
    await db
      .insert(isoRegistrations)
      .values({
        agencyId: agency.id,
        scope: `Hệ thống quản lý chất lượng TCVN ISO 9001:2015 áp dụng cho hoạt động xử lý văn bản và giải quyết thủ tục hành chính của ${agency.name}`,
        basis: certified ? 'certificate' : 'declaration',
        effectiveOn,
        certifyingBody: certified ? 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng' : null,
        endedOn: successor || slug === 'vithanh-ttpvhcc' ? null : '2025-07-01',
      })
      .onConflictDoNothing();
    const [hasAudit] = await db
      .select({ id: isoAudits.id })
      .from(isoAudits)
      .where(eq(isoAudits.agencyId, agency.id))
      .limit(1);
    if (!hasAudit) {
      await db.insert(isoAudits).values([
        {
          agencyId: agency.id,
          auditedOn: successor ? '2026-05-20' : '2024-10-10',
          kind: 'internal',
          findings: 'Một số hồ sơ công việc chưa lập đầy đủ phiếu kiểm soát quá trình giải quyết.',
          correctiveActions: 'Rà soát, bổ sung phiếu kiểm soát; nhắc nhở công chức thực hiện đúng quy trình.',
          closedOn: successor ? null : '2024-11-15',
        },
        ...(certified
          ? [
              {
                agencyId: agency.id,
                auditedOn: successor ? '2026-08-12' : '2024-12-05',
                kind: 'external' as const,
                findings: 'Hệ thống được duy trì phù hợp; 01 điểm lưu ý về kiểm soát tài liệu bên ngoài.',
                correctiveActions: null,
                closedOn: successor ? null : '2025-01-20',
              },
            ]
          : []),
      ]);
    }
    const linked = await db
      .select({ procedureId: procedureAgencies.procedureId })
      .from(procedureAgencies)
      .where(eq(procedureAgencies.agencyId, agency.id))
      .limit(12);
    if (linked.length) {
      await db
        .insert(isoProcedures)
        .values(linked.map((l) => ({ agencyId: agency.id, procedureId: l.procedureId })))
        .onConflictDoNothing();
    }
  }

  // One review plan of the plan-era justice office.
  const justice = bySlug.get('vithanh-tu-phap');
  if (justice) {
    await db
      .insert(legalReviewPlans)
      .values({
        agencyId: justice.id,
        year: 2024,
        title: 'Kế hoạch rà soát, hệ thống hóa văn bản quy phạm pháp luật năm 2024',
        reference: '12/KH-UBND',
      })
      .onConflictDoNothing();
    const [plan] = await db
      .select({ id: legalReviewPlans.id })
      .from(legalReviewPlans)
      .where(and(eq(legalReviewPlans.agencyId, justice.id), eq(legalReviewPlans.year, 2024)));
    if (plan) {
      const items = [
        [
          '05/2017/QĐ-UBND',
          'Quy định về quản lý trật tự xây dựng trên địa bàn thành phố',
          '2017-06-12',
          'unfit',
          'amend',
          'Đề nghị sửa đổi theo Luật Xây dựng sửa đổi 2020.',
        ],
        [
          '02/2016/QĐ-UBND',
          'Quy chế quản lý chợ trên địa bàn thành phố',
          '2016-03-04',
          'unfit',
          'replace',
          'Xây dựng quy chế mới thay thế.',
        ],
        [
          '11/2015/QĐ-UBND',
          'Quy định mức thu phí vệ sinh',
          '2015-09-21',
          'expired',
          'repeal',
          'Căn cứ ban hành đã hết hiệu lực; đề nghị bãi bỏ.',
        ],
        [
          '08/2019/QĐ-UBND',
          'Quy chế phối hợp trong công tác hộ tịch',
          '2019-07-30',
          'in_force_fit',
          'none',
          null,
        ],
        [
          '03/2020/QĐ-UBND',
          'Quy định về tổ chức, hoạt động của Tổ hòa giải ở cơ sở',
          '2020-02-18',
          'in_force_fit',
          'none',
          null,
        ],
        [
          '14/2018/QĐ-UBND',
          'Quy định đặt tên đường, công trình công cộng',
          '2018-11-02',
          'in_force_fit',
          'none',
          null,
        ],
      ] as const;
      await db
        .insert(legalReviewItems)
        .values(
          items.map(([number, title, issuedOn, result, action, actionNote], i) => ({
            planId: plan.id,
            number,
            title,
            issuer: 'UBND thành phố Vị Thanh',
            issuedOn,
            result,
            action,
            actionNote,
            reviewedOn: `2024-0${4 + (i % 5)}-1${i % 9}`,
          })),
        )
        .onConflictDoNothing();
    }
  }
  return `Sổ văn bản mẫu: thêm ${inserted} văn bản (trong ${values.length}); ISO ${isoAgencies.length} cơ quan; 1 kế hoạch rà soát VBQPPL.`;
}

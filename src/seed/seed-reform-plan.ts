import { and, eq, like } from 'drizzle-orm';
import { adminUnits, agencies } from '../modules/org/schema.ts';
import { recordEvent } from '../modules/reform-plan/plan-events.ts';
import { createPlan, loadPlan, planAreas } from '../modules/reform-plan/plans.ts';
import { vietnamToday } from '../modules/reform-plan/schedule.ts';
import { reformPlans, reformTaskOccurrences, reformTaskUpdates } from '../modules/reform-plan/schema.ts';
import { createTarget } from '../modules/reform-plan/targets.ts';
import { createTask } from '../modules/reform-plan/tasks.ts';
import type { Db } from '../platform/db/connect.ts';

// The Vị Thanh master reform plan 2021–2025 (/work/shared/domain/plan-2021-2025.md) as data: its seven targets
// (target 6 has two measures), its tasks per area and the duties section VI gives to each office and to the
// wards/communes, with the yearly 30 Oct report and 30 Nov review. The plan states no other dates: work it asks
// for "hằng năm" is due with the yearly report (30/10); one-off work is given the year-end the text implies.
// Past occurrences are marked done, except a few of 2025 left open so the boards show overdue work.

export const PLAN_TITLE =
  'Kế hoạch tổng thể cải cách hành chính nhà nước thành phố Vị Thanh giai đoạn 2021 - 2025';

type Due = { yearly: [month: number, day: number] } | { once: string };
interface TaskSpec {
  area: string;
  description: string;
  lead: string;
  with?: string[];
  due: Due;
  output?: string;
}

const y3010: Due = { yearly: [10, 30] };
const WARDS = '*wards';

const tasks: TaskSpec[] = [
  // III.1 Direction
  {
    area: 'III.1',
    lead: 'vithanh-noi-vu',
    due: y3010,
    with: ['vithanh-vp-hdnd-ubnd'],
    description:
      'Tăng cường thanh tra, kiểm tra, giám sát, theo dõi, đánh giá việc triển khai công tác CCHC tại các cơ quan, đơn vị',
    output: 'Kế hoạch và báo cáo kết quả kiểm tra CCHC',
  },
  {
    area: 'III.1',
    lead: 'vithanh-noi-vu',
    due: { yearly: [11, 30] },
    description:
      'Đôn đốc, kiểm tra các cơ quan chuyên môn và UBND các phường, xã; sơ kết, báo cáo UBND thành phố kết quả thực hiện Kế hoạch hằng năm',
    output: 'Báo cáo sơ kết năm gửi UBND thành phố (trước 30/11)',
  },
  {
    area: 'III.1',
    lead: 'vithanh-tu-phap',
    due: y3010,
    with: ['vithanh-noi-vu'],
    description:
      'Báo cáo kết quả thực hiện Kế hoạch CCHC của Phòng Tư pháp về UBND thành phố (qua Phòng Nội vụ)',
    output: 'Báo cáo năm (trước 30/10)',
  },
  {
    area: 'III.1',
    lead: 'vithanh-tc-kh',
    due: y3010,
    with: ['vithanh-noi-vu'],
    description:
      'Báo cáo kết quả thực hiện Kế hoạch CCHC của Phòng Tài chính – Kế hoạch về UBND thành phố (qua Phòng Nội vụ)',
    output: 'Báo cáo năm (trước 30/10)',
  },
  {
    area: 'III.1',
    lead: 'vithanh-vh-tt',
    due: y3010,
    with: ['vithanh-noi-vu'],
    description:
      'Báo cáo kết quả thực hiện Kế hoạch CCHC của Phòng Văn hóa và Thông tin về UBND thành phố (qua Phòng Nội vụ)',
    output: 'Báo cáo năm (trước 30/10)',
  },
  {
    area: 'III.1',
    lead: 'vithanh-vp-hdnd-ubnd',
    due: y3010,
    with: ['vithanh-noi-vu'],
    description:
      'Báo cáo kết quả thực hiện Kế hoạch CCHC của Văn phòng HĐND và UBND về UBND thành phố (qua Phòng Nội vụ)',
    output: 'Báo cáo năm (trước 30/10)',
  },
  {
    area: 'III.1',
    lead: WARDS,
    due: y3010,
    with: ['vithanh-noi-vu'],
    description:
      'Báo cáo kết quả thực hiện Kế hoạch CCHC của địa phương về UBND thành phố (qua Phòng Nội vụ)',
    output: 'Báo cáo năm (trước 30/10)',
  },
  // III.2 Institutions
  {
    area: 'III.2',
    lead: 'vithanh-tu-phap',
    due: y3010,
    description:
      'Xây dựng Kế hoạch tự kiểm tra, kiểm tra, rà soát, hệ thống hóa VBQPPL trên địa bàn thành phố; củng cố Tổ cộng tác viên',
    output: 'Kế hoạch năm và kết quả rà soát VBQPPL',
  },
  {
    area: 'III.2',
    lead: 'vithanh-tu-phap',
    due: y3010,
    with: ['vithanh-vh-tt'],
    description:
      'Tuyên truyền, phổ biến, giáo dục pháp luật phục vụ kế hoạch phát triển kinh tế - xã hội của thành phố',
    output: 'Báo cáo công tác PBGDPL',
  },
  {
    area: 'III.2',
    lead: 'vithanh-tu-phap',
    due: y3010,
    description:
      'Theo dõi, tổng hợp việc thực hiện cải cách thể chế; đổi mới, nâng cao chất lượng xây dựng, ban hành VBQPPL của các cơ quan, đơn vị',
    output: 'Báo cáo cải cách thể chế',
  },
  // III.3 Procedures
  {
    area: 'III.3',
    lead: 'vithanh-vp-hdnd-ubnd',
    due: y3010,
    with: ['vithanh-tu-phap'],
    description:
      'Rà soát, đánh giá TTHC trong quá trình thực hiện; đề nghị loại bỏ thủ tục rườm rà, chồng chéo',
    output: 'Báo cáo rà soát, phương án đơn giản hóa TTHC',
  },
  {
    area: 'III.3',
    lead: 'vithanh-vp-hdnd-ubnd',
    due: y3010,
    with: [WARDS],
    description:
      'Cập nhật, công khai TTHC kịp thời dưới nhiều hình thức; theo dõi, đôn đốc thực hiện cơ chế một cửa, một cửa liên thông',
    output: 'TTHC được công khai đầy đủ',
  },
  {
    area: 'III.3',
    lead: 'vithanh-vp-hdnd-ubnd',
    due: { once: '2022-12-31' },
    description:
      'Rà soát, ban hành danh mục TTHC thực hiện liên thông; hoàn thiện quy trình liên thông, rõ thời gian, trách nhiệm từng cơ quan',
    output: 'Danh mục và quy trình TTHC liên thông',
  },
  {
    area: 'III.3',
    lead: 'vithanh-vp-hdnd-ubnd',
    due: { once: '2023-12-31' },
    with: ['vithanh-noi-vu'],
    description: 'Thành lập bộ phận tiếp nhận và trả kết quả theo mô hình Trung tâm Phục vụ hành chính công',
    output: 'Trung tâm Phục vụ hành chính công đi vào hoạt động',
  },
  {
    area: 'III.3',
    lead: 'vithanh-phuong-i-ubnd',
    due: { once: '2024-12-31' },
    with: ['vithanh-vh-tt'],
    description: 'Xây dựng Bộ phận tiếp nhận và trả kết quả Phường I theo hướng hiện đại',
    output: 'Bộ phận Một cửa hiện đại',
  },
  {
    area: 'III.3',
    lead: 'vithanh-xa-vi-tan-ubnd',
    due: { once: '2024-12-31' },
    with: ['vithanh-vh-tt'],
    description: 'Xây dựng Bộ phận tiếp nhận và trả kết quả xã Vị Tân theo hướng hiện đại',
    output: 'Bộ phận Một cửa hiện đại',
  },
  {
    area: 'III.3',
    lead: 'vithanh-vp-hdnd-ubnd',
    due: y3010,
    description:
      'Theo dõi, kiểm tra việc áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015 vào quy trình xử lý văn bản',
    output: 'Báo cáo áp dụng ISO',
  },
  // III.4 Organisation
  {
    area: 'III.4',
    lead: 'vithanh-noi-vu',
    due: { once: '2022-12-31' },
    description: 'Sắp xếp lại cơ quan hành chính, đơn vị sự nghiệp công lập theo Nghị quyết 18, 19-NQ/TW',
    output: 'Đề án sắp xếp được phê duyệt',
  },
  {
    area: 'III.4',
    lead: 'vithanh-noi-vu',
    due: { once: '2023-06-30' },
    description:
      'Sửa đổi đề án vị trí việc làm các cơ quan hành chính phù hợp quy định mới và biên chế tỉnh giao',
    output: 'Đề án vị trí việc làm sửa đổi',
  },
  {
    area: 'III.4',
    lead: 'vithanh-noi-vu',
    due: { once: '2021-12-31' },
    with: [WARDS],
    description: 'Sắp xếp đội ngũ cán bộ, công chức phường, xã theo Nghị định 34/2019/NĐ-CP',
    output: 'Phương án sắp xếp cán bộ, công chức cấp xã',
  },
  {
    area: 'III.4',
    lead: 'vithanh-noi-vu',
    due: y3010,
    description: 'Triển khai chính sách tinh giản biên chế và cơ cấu lại đội ngũ CBCCVC',
    output: 'Báo cáo tinh giản biên chế',
  },
  // III.5 Staff
  {
    area: 'III.5',
    lead: 'vithanh-noi-vu',
    due: y3010,
    description: 'Xây dựng kế hoạch đào tạo, bồi dưỡng chuyên môn nghiệp vụ cho đội ngũ CBCCVC',
    output: 'Kế hoạch đào tạo, bồi dưỡng năm',
  },
  {
    area: 'III.5',
    lead: 'vithanh-noi-vu',
    due: y3010,
    with: ['vithanh-vh-tt'],
    description:
      'Tập huấn cho 100% CBCCVC sử dụng phần mềm dịch vụ công trực tuyến mức độ 3, 4 và ứng dụng CNTT thực thi công vụ',
    output: 'Lớp tập huấn',
  },
  {
    area: 'III.5',
    lead: 'vithanh-noi-vu',
    due: { once: '2025-12-31' },
    with: [WARDS],
    description:
      'Phấn đấu 100% CBCCVC từ thành phố đến phường, xã có trình độ đại học và đạt tiêu chuẩn theo quy định',
    output: '100% CBCCVC đạt chuẩn',
  },
  {
    area: 'III.5',
    lead: 'vithanh-noi-vu',
    due: y3010,
    description: 'Đánh giá CBCCVC trên cơ sở kết quả nhiệm vụ được giao',
    output: 'Kết quả đánh giá, xếp loại',
  },
  // III.6 Public finance
  {
    area: 'III.6',
    lead: 'vithanh-tc-kh',
    due: y3010,
    description:
      'Thực hiện giao quyền tự chủ, tự chịu trách nhiệm về nhiệm vụ, tổ chức bộ máy, biên chế và tài chính của cơ quan, đơn vị sự nghiệp công lập',
    output: 'Báo cáo thực hiện cơ chế tự chủ',
  },
  {
    area: 'III.6',
    lead: 'vithanh-tc-kh',
    due: y3010,
    description:
      'Tăng cường kiểm soát thu, chi ngân sách nhà nước; sử dụng hiệu quả vốn đầu tư, tránh đầu tư dàn trải',
    output: 'Báo cáo thu, chi ngân sách',
  },
  // III.7 Modernisation
  {
    area: 'III.7',
    lead: 'vithanh-vh-tt',
    due: { once: '2022-12-31' },
    with: ['vithanh-vp-hdnd-ubnd'],
    description: 'Nâng cấp Trang thông tin điện tử thành phố Vị Thanh lên Cổng Thông tin điện tử',
    output: 'Cổng Thông tin điện tử',
  },
  {
    area: 'III.7',
    lead: 'vithanh-vp-hdnd-ubnd',
    due: { once: '2023-12-31' },
    with: ['vithanh-vh-tt', WARDS],
    description:
      'Triển khai phòng họp không giấy cho các cơ quan, đơn vị và UBND các phường, xã; họp trực tuyến với các phường, xã',
    output: 'Phòng họp không giấy, họp trực tuyến',
  },
  {
    area: 'III.7',
    lead: 'vithanh-vh-tt',
    due: { once: '2022-12-31' },
    description:
      'Nâng cấp 3 điểm Wifi công cộng (Công viên Xà No, khu văn hóa Hồ Sen, Bộ phận tiếp nhận và trả kết quả thành phố)',
    output: '3 điểm Wifi công cộng',
  },
  {
    area: 'III.7',
    lead: 'vithanh-vh-tt',
    due: y3010,
    description: 'Rà soát, đánh giá hiện trạng chính quyền điện tử; xây dựng kế hoạch đầu tư ứng dụng CNTT',
    output: 'Kế hoạch ứng dụng CNTT năm',
  },
  // IV Solutions
  {
    area: 'IV.1',
    lead: 'vithanh-noi-vu',
    due: y3010,
    description:
      'Trình UBND thành phố giải pháp tăng cường chỉ đạo, kiểm tra CCHC; bồi dưỡng, tập huấn công chức chuyên trách CCHC',
    output: 'Giải pháp được UBND thành phố quyết định',
  },
  {
    area: 'IV.2',
    lead: 'vithanh-vh-tt',
    due: y3010,
    with: [WARDS],
    description:
      'Chủ trì, phối hợp Ban Tuyên giáo Thành ủy, Ủy ban MTTQ Việt Nam thành phố tuyên truyền về CCHC, hiện đại hóa nền hành chính',
    output: 'Kế hoạch và báo cáo tuyên truyền CCHC',
  },
  {
    area: 'IV.3',
    lead: 'vithanh-tc-kh',
    due: y3010,
    description:
      'Tham mưu phân bổ kinh phí thực hiện Kế hoạch; thẩm định kinh phí CCHC hằng năm; hướng dẫn lập dự toán, quyết toán',
    output: 'Dự toán kinh phí CCHC được phê duyệt',
  },
  {
    area: 'IV.4',
    lead: 'vithanh-noi-vu',
    due: y3010,
    description: 'Theo dõi, đánh giá, đề nghị khen thưởng cơ quan, đơn vị làm tốt công tác CCHC',
    output: 'Đề nghị khen thưởng',
  },
  {
    area: 'IV.5',
    lead: 'vithanh-noi-vu',
    due: y3010,
    description:
      'Xây dựng Kế hoạch điều tra xã hội học, khảo sát sự hài lòng của người dân, tổ chức; xác định Chỉ số CCHC các cơ quan',
    output: 'Kết quả khảo sát và Chỉ số CCHC năm',
  },
  {
    area: 'IV.6',
    lead: 'vithanh-vh-tt',
    due: y3010,
    description: 'Ứng dụng công nghệ thông tin, công nghệ số trong hoạt động của cơ quan hành chính',
    output: 'Báo cáo ứng dụng CNTT',
  },
];

const targets = [
  {
    code: '1',
    measure: 'percent',
    op: '>',
    targetValue: 90,
    indicatorKey: 'satisfaction',
    title:
      'Sự hài lòng của tổ chức, cá nhân đối với sự phục vụ của các cơ quan hành chính nhà nước trên địa bàn thành phố đạt trên 90%',
  },
  {
    code: '2',
    measure: 'percent',
    op: '>=',
    targetValue: 95,
    indicatorKey: 'on_time',
    title: 'Giải quyết trước hạn, đúng hạn từ 95% trở lên số hồ sơ TTHC được tiếp nhận',
  },
  {
    code: '3',
    measure: 'achieved',
    title:
      'Thành lập bộ phận tiếp nhận và trả kết quả theo mô hình Trung tâm Phục vụ hành chính công; 02 bộ phận một cửa hiện đại (Phường I và xã Vị Tân); đội ngũ CBCCVC đáp ứng tiêu chuẩn chức danh, vị trí việc làm',
  },
  {
    code: '4',
    measure: 'percent',
    op: '>=',
    targetValue: 100,
    title:
      '100% cơ quan hành chính nhà nước của thành phố áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015 vào quy trình xử lý văn bản',
  },
  {
    code: '5',
    measure: 'percent',
    op: '>=',
    targetValue: 95,
    title:
      '95% văn bản, tài liệu chính thức trao đổi giữa các cơ quan hành chính nhà nước dưới dạng điện tử (trừ văn bản mật)',
  },
  {
    code: '6a',
    measure: 'percent',
    op: '>=',
    targetValue: 80,
    indicatorKey: 'procedures_online',
    title: '80% TTHC có đủ điều kiện được cung cấp trực tuyến mức độ 3 và 4',
  },
  {
    code: '6b',
    measure: 'percent',
    op: '>=',
    targetValue: 80,
    indicatorKey: 'dossiers_online',
    title: 'Tỷ lệ hồ sơ TTHC giải quyết trực tuyến mức độ 3 và 4 bình quân toàn thành phố đạt tối thiểu 80%',
  },
  {
    code: '7',
    measure: 'achieved',
    title:
      'Đẩy mạnh ứng dụng CNTT, chuyển đổi số, hoàn thành xây dựng Chính quyền điện tử, đô thị thông minh',
  },
] as const;

/** 2025 occurrences left open for the demo boards (agency slug or task description start → status, percent). */
const openIn2025: {
  lead: string;
  startsWith: string;
  status: 'in_progress' | 'not_started';
  percent: number;
}[] = [
  { lead: 'vithanh-vh-tt', startsWith: 'Báo cáo kết quả', status: 'in_progress', percent: 50 },
  { lead: 'vithanh-xa-hoa-tien-ubnd', startsWith: 'Báo cáo kết quả', status: 'not_started', percent: 0 },
  { lead: 'vithanh-noi-vu', startsWith: 'Đôn đốc, kiểm tra', status: 'in_progress', percent: 70 },
  { lead: 'vithanh-noi-vu', startsWith: 'Phấn đấu 100%', status: 'in_progress', percent: 85 },
];

/** Idempotent: does nothing when the plan exists. Returns a line for the seed log. */
export async function seedReformPlan(db: Db, now = new Date()): Promise<string> {
  const [city] = await db
    .select({ unitId: agencies.unitId, id: agencies.id })
    .from(agencies)
    .where(eq(agencies.slug, 'vithanh-ubnd'));
  if (!city) throw new Error('seed the Vị Thanh organisation first');
  const [existing] = await db
    .select({ id: reformPlans.id })
    .from(reformPlans)
    .where(and(eq(reformPlans.ownerUnitId, city.unitId), eq(reformPlans.title, PLAN_TITLE)));
  if (existing) return 'Kế hoạch CCHC 2021–2025: đã có.';

  const agencyRows = await db.select({ id: agencies.id, slug: agencies.slug }).from(agencies);
  const idOf = new Map(agencyRows.map((a) => [a.slug, a.id]));
  const need = (slug: string) => {
    const id = idOf.get(slug);
    if (!id) throw new Error(`agency ${slug} is missing`);
    return id;
  };
  const wards = await db
    .select({ id: agencies.id, slug: agencies.slug })
    .from(agencies)
    .innerJoin(adminUnits, eq(adminUnits.id, agencies.unitId))
    .where(
      and(eq(adminUnits.tier, 3), eq(agencies.kind, 'people_committee'), like(agencies.slug, 'vithanh-%')),
    );

  const created = await createPlan(
    db,
    null,
    {
      title: PLAN_TITLE,
      unitId: city.unitId,
      fromYear: 2021,
      toYear: 2025,
      issuingAgencyId: city.id,
      coordinatingAgencyId: need('vithanh-noi-vu'),
      status: 'active',
      summary:
        'Nâng cao năng lực, hiệu lực, hiệu quả quản lý và điều hành của nhà nước; xây dựng nền hành chính dân chủ, hiện đại, chuyên nghiệp, kỷ cương, công khai, minh bạch. Hằng năm báo cáo kết quả về UBND thành phố (qua Phòng Nội vụ) trước ngày 30/10; Phòng Nội vụ sơ kết báo cáo UBND thành phố trước ngày 30/11.',
    },
    now,
  );
  const plan = await loadPlan(db, created.id);
  const areaId = new Map((await planAreas(db, plan)).map((a) => [a.code, a.id]));
  for (const t of targets) await createTarget(db, null, plan, { ...t }, now);

  const leadsOf = (lead: string) => (lead === WARDS ? wards.map((w) => w.id) : [need(lead)]);
  const withOf = (list: string[] = []) => list.flatMap(leadsOf);
  const taskIds: { id: string; lead: string; description: string }[] = [];
  for (const spec of tasks) {
    const area = areaId.get(spec.area);
    if (!area) throw new Error(`area ${spec.area} is missing`);
    for (const leadAgencyId of leadsOf(spec.lead)) {
      const schedule =
        'once' in spec.due
          ? { recurrence: 'once' as const, dueDate: spec.due.once }
          : { recurrence: 'yearly' as const, dueMonth: spec.due.yearly[0], dueDay: spec.due.yearly[1] };
      const task = await createTask(
        db,
        null,
        plan,
        {
          areaId: area,
          description: spec.description,
          leadAgencyId,
          coordinatingAgencyIds: withOf(spec.with).filter((id) => id !== leadAgencyId),
          expectedOutput: spec.output ?? null,
          ...schedule,
        },
        now,
      );
      const slug = agencyRows.find((a) => a.id === leadAgencyId)?.slug ?? '';
      taskIds.push({ id: task.id, lead: slug, description: spec.description });
    }
  }
  await markPastWork(db, plan.ownerUnitId, plan.id, taskIds, now);
  return `Kế hoạch CCHC 2021–2025: ${targets.length} mục tiêu, ${taskIds.length} nhiệm vụ.`;
}

/** Occurrences due before today are done a few days ahead of time, except the 2025 ones kept open for the demo. */
async function markPastWork(
  db: Db,
  ownerUnitId: string,
  planId: string,
  taskIds: { id: string; lead: string; description: string }[],
  now: Date,
) {
  const today = vietnamToday(now);
  const occurrences = await db
    .select()
    .from(reformTaskOccurrences)
    .where(and(eq(reformTaskOccurrences.ownerUnitId, ownerUnitId), eq(reformTaskOccurrences.planId, planId)));
  const taskOf = new Map(taskIds.map((t) => [t.id, t]));
  for (const o of occurrences) {
    if (o.dueDate >= today) continue;
    const task = taskOf.get(o.taskId);
    const kept =
      o.dueDate.startsWith('2025') &&
      openIn2025.find((k) => k.lead === task?.lead && task.description.startsWith(k.startsWith));
    const status = kept ? kept.status : 'done';
    const percent = kept ? kept.percent : 100;
    if (status === 'not_started') continue;
    const due = new Date(`${o.dueDate}T09:00:00+07:00`);
    const at = new Date(due.getTime() - (3 + (o.id.charCodeAt(0) % 10)) * 86_400_000);
    await db
      .update(reformTaskOccurrences)
      .set({ status, percent, completedAt: status === 'done' ? at : null, updatedAt: at })
      .where(and(eq(reformTaskOccurrences.ownerUnitId, ownerUnitId), eq(reformTaskOccurrences.id, o.id)));
    const note =
      status === 'done' ? 'Đã hoàn thành, gửi báo cáo kết quả.' : 'Đang thực hiện, chưa gửi báo cáo.';
    await db.insert(reformTaskUpdates).values({
      ownerUnitId,
      taskId: o.taskId,
      occurrenceId: o.id,
      status,
      percent,
      note,
      authorName: 'Dữ liệu mẫu',
      at,
    });
    await recordEvent(db, {
      ownerUnitId,
      planId,
      taskId: o.taskId,
      action: 'progress_reported',
      actor: null,
      at,
      data: { periodKey: o.periodKey, status, percent, files: 0 },
    });
  }
}

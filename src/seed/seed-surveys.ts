// Demo satisfaction survey: a SIPAS-style template over the five elements and the 2025 round of the three
// successor wards, closed, with its sample drawn from the dossiers resolved in the third quarter of 2025 (when
// the history is seeded) and a realistic set of answers online and on paper. Idempotent: fixed ids.
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { users } from '../modules/auth/schema.ts';
import { dossiers } from '../modules/dossier/schema.ts';
import { agencies } from '../modules/org/schema.ts';
import { checkAnswers } from '../modules/surveys/answer-rules.ts';
import { vietnamDayEnd, vietnamDayStart } from '../modules/surveys/round-status.ts';
import { drawSample, seededRandom } from '../modules/surveys/sampling.ts';
import {
  surveyAnswers,
  surveyResponses,
  surveyRounds,
  surveySampleMembers,
  surveyTemplates,
} from '../modules/surveys/schema.ts';
import {
  type Answers,
  DEFAULT_INDEX_SETTINGS,
  DEFAULT_LIKERT_LABELS,
  type Question,
  type TemplateContent,
} from '../modules/surveys/survey-model.ts';
import type { Db } from '../platform/db/connect.ts';

const TEMPLATE_ID = '5a1e0000-0000-4000-8000-000000002025';
const ROUND_ID = '5a1e0000-0000-4000-8000-00000000a025';
const ROUND_TOKEN = 'sipas-2025-vithanh';
const SEED = 2025;
const AGENCY_SLUGS = [
  'cantho-phuong-vi-thanh-ttpvhcc',
  'cantho-phuong-vi-tan-ttpvhcc',
  'cantho-xa-hoa-luu-ttpvhcc',
];

const AGREEMENT = ['Hoàn toàn không đồng ý', 'Không đồng ý', 'Phân vân', 'Đồng ý', 'Hoàn toàn đồng ý'];
const agree = (key: string, text: string): Question => ({
  key,
  text,
  kind: 'perception',
  scale: { type: 'likert', labels: AGREEMENT },
  required: true,
});
const satisfied = (key: string, text: string, required = true): Question => ({
  key,
  text,
  kind: 'satisfaction',
  scale: { type: 'likert', labels: DEFAULT_LIKERT_LABELS },
  required,
});
const options = (labels: string[]) => labels.map((label, i) => ({ key: `o${i + 1}`, label }));

export const SIPAS_DEMO_TEMPLATE: TemplateContent = {
  name: 'Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước',
  description:
    'Phiếu dùng cho khảo sát hằng năm theo Kế hoạch cải cách hành chính giai đoạn 2021–2025. Ông/bà vui lòng đánh giá lần giải quyết thủ tục hành chính gần nhất. Thông tin cá nhân không được thu thập.',
  sections: [
    {
      element: null,
      title: 'Thông tin chung',
      questions: [
        {
          key: 'gioi_tinh',
          text: 'Giới tính',
          kind: 'other',
          scale: { type: 'single', options: options(['Nam', 'Nữ']) },
          required: false,
        },
        {
          key: 'do_tuoi',
          text: 'Độ tuổi',
          kind: 'other',
          scale: {
            type: 'single',
            options: options([
              'Dưới 25 tuổi',
              'Từ 25 đến 34 tuổi',
              'Từ 35 đến 49 tuổi',
              'Từ 50 đến 60 tuổi',
              'Trên 60 tuổi',
            ]),
          },
          required: false,
        },
        {
          key: 'hinh_thuc_nop',
          text: 'Ông/bà nộp hồ sơ theo hình thức nào?',
          kind: 'other',
          scale: {
            type: 'single',
            options: options([
              'Trực tiếp tại Bộ phận Một cửa',
              'Trực tuyến trên Cổng dịch vụ công',
              'Qua dịch vụ bưu chính công ích',
            ]),
          },
          required: true,
        },
      ],
    },
    {
      element: 'access',
      title: 'Tiếp cận dịch vụ',
      questions: [
        agree('tc_cho_ngoi', 'Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi'),
        agree(
          'tc_trang_thiet_bi',
          'Trang thiết bị phục vụ người dân, tổ chức (máy tra cứu, máy lấy số, nước uống…) đầy đủ, dễ sử dụng',
        ),
        satisfied('tc_hai_long', 'Ông/bà hài lòng thế nào về việc tiếp cận dịch vụ tại cơ quan?'),
        {
          key: 'tc_mong_doi',
          text: 'Ông/bà mong muốn cơ quan cải thiện điều gì về tiếp cận dịch vụ?',
          kind: 'expectation',
          scale: {
            type: 'multiple',
            options: options([
              'Thêm chỗ ngồi chờ',
              'Hướng dẫn, biển chỉ dẫn rõ ràng hơn',
              'Mở rộng dịch vụ công trực tuyến',
              'Làm việc cả sáng thứ Bảy',
            ]),
          },
          required: false,
        },
      ],
    },
    {
      element: 'procedure',
      title: 'Thủ tục hành chính',
      questions: [
        agree('tt_niem_yet', 'Thủ tục hành chính được niêm yết công khai đầy đủ, chính xác'),
        agree('tt_thanh_phan', 'Thành phần hồ sơ phải nộp đúng quy định'),
        agree('tt_phi', 'Phí, lệ phí phải nộp đúng quy định'),
        satisfied('tt_hai_long', 'Ông/bà hài lòng thế nào về thủ tục hành chính đã thực hiện?'),
        {
          key: 'tt_mong_doi',
          text: 'Ông/bà mong muốn thủ tục hành chính được cải thiện ở điểm nào nhất?',
          kind: 'expectation',
          scale: {
            type: 'single',
            options: options([
              'Giảm thành phần hồ sơ',
              'Rút ngắn thời gian giải quyết',
              'Giảm phí, lệ phí',
              'Thực hiện hoàn toàn trực tuyến',
            ]),
          },
          required: false,
        },
      ],
    },
    {
      element: 'official',
      title: 'Công chức trực tiếp giải quyết công việc',
      questions: [
        agree('cc_lich_su', 'Công chức có thái độ giao tiếp lịch sự'),
        agree('cc_lang_nghe', 'Công chức chú ý lắng nghe ý kiến của người dân, tổ chức'),
        agree('cc_huong_dan', 'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo, dễ hiểu'),
        satisfied('cc_thai_do', 'Ông/bà hài lòng thế nào về thái độ phục vụ của công chức?'),
        satisfied('cc_nang_luc', 'Ông/bà hài lòng thế nào về năng lực giải quyết công việc của công chức?'),
      ],
    },
    {
      element: 'result',
      title: 'Kết quả cung ứng dịch vụ hành chính công',
      questions: [
        agree('kq_dung_quy_dinh', 'Kết quả nhận được đúng quy định, thông tin chính xác'),
        agree('kq_dung_hen', 'Kết quả được trả đúng hoặc sớm hơn ngày hẹn'),
        satisfied('kq_hai_long', 'Ông/bà hài lòng thế nào về kết quả giải quyết thủ tục hành chính?'),
      ],
    },
    {
      element: 'feedback',
      title: 'Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị',
      questions: [
        agree(
          'gy_hinh_thuc',
          'Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị (hộp thư, đường dây nóng, Cổng dịch vụ công)',
        ),
        agree('gy_phan_hoi', 'Góp ý, phản ánh, kiến nghị được tiếp nhận và phản hồi kịp thời'),
        satisfied(
          'gy_hai_long',
          'Ông/bà hài lòng thế nào về việc tiếp nhận, xử lý góp ý, phản ánh, kiến nghị?',
          false,
        ),
        {
          key: 'gy_y_kien',
          text: 'Góp ý khác của ông/bà để cơ quan phục vụ tốt hơn',
          kind: 'expectation',
          scale: { type: 'text' },
          required: false,
        },
      ],
    },
  ],
  indexSettings: { ...DEFAULT_INDEX_SETTINGS },
};

const COMMENTS = [
  'Cán bộ hướng dẫn nhiệt tình, mong tiếp tục phát huy.',
  'Nên bố trí thêm chỗ để xe cho người dân.',
  'Mong rút ngắn thời gian chờ lấy số vào buổi sáng.',
  'Hệ thống nộp hồ sơ trực tuyến dễ dùng, tiết kiệm thời gian.',
  'Đề nghị gửi tin nhắn khi hồ sơ có kết quả.',
];

/** A level on a 5-point scale: satisfied (4–5) with probability `p`, otherwise 1–3 leaning to 3. */
function level(random: () => number, p: number): number {
  if (random() < p) return random() < 0.45 ? 5 : 4;
  const r = random();
  return r < 0.6 ? 3 : r < 0.9 ? 2 : 1;
}

function answersFor(random: () => number, mood: number): Answers {
  const answers: Answers = {};
  for (const section of SIPAS_DEMO_TEMPLATE.sections) {
    // Feedback handling is rated lower, as in published SIPAS reports; access a little higher.
    const p = mood + (section.element === 'feedback' ? -0.08 : section.element === 'access' ? 0.03 : 0);
    for (const q of section.questions) {
      const s = q.scale;
      if (s.type === 'likert') {
        if (!q.required && random() < 0.4) continue;
        answers[q.key] = level(random, p);
      } else if (s.type === 'single') {
        if (!q.required && random() < 0.15) continue;
        answers[q.key] = s.options[Math.floor(random() * s.options.length)]?.key ?? 'o1';
      } else if (s.type === 'multiple') {
        const picked = s.options.filter(() => random() < 0.3).map((o) => o.key);
        if (picked.length > 0) answers[q.key] = picked;
      } else if (random() < 0.25) {
        answers[q.key] = COMMENTS[Math.floor(random() * COMMENTS.length)] ?? '';
      }
    }
  }
  return answers;
}

export async function seedSurveys(db: Db): Promise<string> {
  const [existing] = await db
    .select({ id: surveyRounds.id })
    .from(surveyRounds)
    .where(eq(surveyRounds.id, ROUND_ID));
  if (existing) return 'Khảo sát sự hài lòng: đã có đợt mẫu.';
  const found = await db
    .select({ id: agencies.id, slug: agencies.slug, unitId: agencies.unitId })
    .from(agencies)
    .where(inArray(agencies.slug, AGENCY_SLUGS));
  const targets = AGENCY_SLUGS.flatMap((slug) => found.filter((a) => a.slug === slug));
  if (targets.length === 0) return 'Khảo sát sự hài lòng: thiếu cơ quan, bỏ qua.';
  const [clerk] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'cchc.noivu@demo.motcua.vn'));
  const opensAt = vietnamDayStart('2025-10-01');
  const closesAt = vietnamDayEnd('2025-11-30');

  return db.transaction(async (tx) => {
    await tx
      .insert(surveyTemplates)
      .values({
        id: TEMPLATE_ID,
        familyId: TEMPLATE_ID,
        version: 1,
        content: SIPAS_DEMO_TEMPLATE,
        frozenAt: opensAt,
        createdBy: clerk?.id ?? null,
        createdAt: opensAt,
        updatedAt: opensAt,
      })
      .onConflictDoNothing();
    // The sample: dossiers the three centres received and resolved in the third quarter of 2025.
    const eligible = await tx
      .select({ ownerUnitId: dossiers.ownerUnitId, id: dossiers.id, agencyId: dossiers.receivingAgencyId })
      .from(dossiers)
      .where(
        and(
          inArray(dossiers.ownerUnitId, [...new Set(targets.map((t) => t.unitId))]),
          inArray(
            dossiers.receivingAgencyId,
            targets.map((t) => t.id),
          ),
          gte(dossiers.resolvedAt, vietnamDayStart('2025-07-01')),
          lt(dossiers.resolvedAt, vietnamDayEnd('2025-09-30')),
        ),
      )
      .orderBy(asc(dossiers.ownerUnitId), asc(dossiers.id));
    const drawn = drawSample(eligible, 60, SEED);
    await tx.insert(surveyRounds).values({
      id: ROUND_ID,
      templateId: TEMPLATE_ID,
      name: 'Khảo sát sự hài lòng năm 2025 — Trung tâm Phục vụ hành chính công các phường, xã',
      publicToken: ROUND_TOKEN,
      agencyIds: targets.map((t) => t.id),
      opensAt,
      closesAt,
      openLink: true,
      sampleFrom: '2025-07-01',
      sampleTo: '2025-09-30',
      sampleAgencyRole: 'receiving',
      sampleRequested: 60,
      sampleSeed: SEED,
      sampleFrameSize: eligible.length,
      createdBy: clerk?.id ?? null,
      createdAt: opensAt,
    });
    const unitOf = new Map(targets.map((t) => [t.id, t.unitId]));
    const members = drawn.map((d, i) => ({
      ownerUnitId: unitOf.get(d.agencyId) ?? d.ownerUnitId,
      roundId: ROUND_ID,
      dossierId: d.id,
      dossierOwnerUnitId: d.ownerUnitId,
      agencyId: d.agencyId,
      drawOrder: i,
      respondentToken: `demo2025${String(i).padStart(4, '0')}`,
    }));
    if (members.length > 0) await tx.insert(surveySampleMembers).values(members);

    const random = seededRandom(SEED);
    const moods = [0.9, 0.84, 0.8];
    type Planned = { agencyId: string; member: (typeof members)[number] | null; channel: 'online' | 'paper' };
    const planned: Planned[] = [
      // About seven in ten sampled applicants answered.
      ...members
        .filter(() => random() < 0.7)
        .map((m) => ({
          agencyId: m.agencyId,
          member: m,
          channel: (random() < 0.6 ? 'online' : 'paper') as 'online' | 'paper',
        })),
      // Walk-in respondents: the QR code at the counters and paper forms in the boxes.
      ...Array.from({ length: 36 }, (_, i) => ({
        agencyId: targets[i % targets.length]?.id ?? '',
        member: null,
        channel: (i % 3 === 0 ? 'paper' : 'online') as 'online' | 'paper',
      })),
    ];
    const span = closesAt.getTime() - opensAt.getTime() - 86_400_000;
    let written = 0;
    for (const [i, p] of planned.entries()) {
      const agencyIndex = Math.max(
        0,
        targets.findIndex((t) => t.id === p.agencyId),
      );
      const answers = answersFor(random, moods[agencyIndex] ?? 0.85);
      const check = checkAnswers(SIPAS_DEMO_TEMPLATE, answers);
      if (!check.ok) throw new Error(`demo survey answers invalid: ${check.problems[0]?.message}`);
      const ownerUnitId = unitOf.get(p.agencyId);
      if (!ownerUnitId) continue;
      const submittedAt = new Date(opensAt.getTime() + Math.floor(random() * span));
      const id = `5a1e0000-0000-4000-9000-${String(i).padStart(12, '0')}`;
      await tx.insert(surveyResponses).values({
        ownerUnitId,
        id,
        roundId: ROUND_ID,
        agencyId: p.agencyId,
        channel: p.channel,
        sampleDossierId: p.member?.dossierId ?? null,
        enteredBy: p.channel === 'paper' ? (clerk?.id ?? null) : null,
        submittedAt,
      });
      await tx.insert(surveyAnswers).values(
        check.rows.map((r) => ({
          ...r,
          ownerUnitId,
          responseId: id,
          roundId: ROUND_ID,
          agencyId: p.agencyId,
          submittedAt,
        })),
      );
      written += 1;
    }
    return `Khảo sát sự hài lòng: mẫu phiếu SIPAS, đợt năm 2025 với ${members.length} hồ sơ được chọn mẫu và ${written} phiếu trả lời.`;
  });
}

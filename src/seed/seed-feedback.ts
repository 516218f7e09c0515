// Demo feedback (phản ánh, kiến nghị) for phường Vị Thanh in every state, sent and handled through the module's
// own services. Idempotent: each item carries a fixed Idempotency-Key, and a step is taken only while the item
// is still in the state before it.
import { eq } from 'drizzle-orm';
import type { Principal } from '../modules/auth/permissions.ts';
import { users } from '../modules/auth/schema.ts';
import { rolesOf } from '../modules/auth/sessions.ts';
import { actOnFeedback } from '../modules/feedback/act-on-feedback.ts';
import type {
  FeedbackAction,
  SatisfactionInput,
  SubmitFeedbackInput,
} from '../modules/feedback/feedback.types.ts';
import { feedbackItems } from '../modules/feedback/schema.ts';
import { rateMyFeedback } from '../modules/feedback/sender-feedback.ts';
import { submitFeedback } from '../modules/feedback/submit-feedback.ts';
import { agencies } from '../modules/org/schema.ts';
import type { Db } from '../platform/db/connect.ts';

const DAY = 24 * 3600 * 1000;

interface DemoItem {
  key: string;
  daysAgo: number;
  /** Sent from the demo citizen's account. */
  byCitizen?: boolean;
  input: Omit<SubmitFeedbackInput, 'attachments' | 'agencyId'> & { agency?: string };
  /** Steps after sending: who (demo e-mail), how many days after sending, what. */
  steps: {
    by: string;
    after: number;
    action: FeedbackAction | { type: 'rate'; rating: SatisfactionInput };
  }[];
}

const REFORM = 'cchc.noivu@demo.motcua.vn';
const SPECIALIST = 'chuyenvien.vithanh@demo.motcua.vn';
const DESK = 'motcua.vithanh@demo.motcua.vn';
const CITIZEN = 'congdan@demo.motcua.vn';

const items: DemoItem[] = [
  {
    key: 'demo-feedback-01',
    daysAgo: 40,
    byCitizen: true,
    input: {
      subjectKind: 'procedure',
      procedureCode: '1.001193',
      title: 'Chờ lâu khi đăng ký khai sinh cho con tại Trung tâm Phục vụ hành chính công',
      content:
        'Sáng thứ Hai tôi đến làm thủ tục đăng ký khai sinh cho con, phải chờ gần hai tiếng mới đến lượt vì chỉ có một quầy tiếp nhận hộ tịch. Đề nghị bố trí thêm quầy vào đầu tuần.',
      senderName: 'Nguyễn Thị Hoa',
      consentToPublish: true,
    },
    steps: [
      {
        by: REFORM,
        after: 1,
        action: { type: 'assign', agencyId: 'cantho-phuong-vi-thanh-ttpvhcc', field: 'Hộ tịch' },
      },
      {
        by: DESK,
        after: 6,
        action: {
          type: 'answer',
          containsPersonalData: false,
          answer:
            'Trung tâm Phục vụ hành chính công phường Vị Thanh cảm ơn bà đã phản ánh. Từ ngày 01 của tháng sau, Trung tâm bố trí thêm một quầy hộ tịch vào sáng thứ Hai và thứ Ba, đồng thời khuyến khích người dân nộp hồ sơ đăng ký khai sinh trực tuyến trên Cổng dịch vụ công để không phải chờ.',
        },
      },
      {
        by: CITIZEN,
        after: 8,
        action: {
          type: 'rate',
          rating: { satisfaction: 'satisfied', comment: 'Cảm ơn Trung tâm đã tiếp thu.' },
        },
      },
    ],
  },
  {
    key: 'demo-feedback-02',
    daysAgo: 35,
    input: {
      subjectKind: 'regulation',
      title: 'Đề nghị niêm yết rõ lệ phí chứng thực bản sao tại bộ phận một cửa',
      content:
        'Bảng niêm yết tại bộ phận một cửa không ghi rõ mức lệ phí chứng thực bản sao từ bản chính theo trang, người dân phải hỏi lại nhiều lần. Đề nghị niêm yết đầy đủ mức thu phí, lệ phí.',
      consentToPublish: true,
    },
    steps: [
      {
        by: REFORM,
        after: 2,
        action: {
          type: 'assign',
          agencyId: 'cantho-phuong-vi-thanh-ubnd',
          field: 'Chứng thực',
          responseDays: 10,
        },
      },
      {
        by: SPECIALIST,
        after: 20,
        action: {
          type: 'answer',
          containsPersonalData: false,
          answer:
            'UBND phường Vị Thanh đã chỉ đạo niêm yết bổ sung mức lệ phí chứng thực bản sao từ bản chính (2.000 đồng/trang từ trang thứ ba trở đi, tối đa 200.000 đồng/bản) tại khu vực chờ và trên Cổng dịch vụ công.',
        },
      },
    ],
  },
  {
    key: 'demo-feedback-03',
    daysAgo: 30,
    input: {
      subjectKind: 'conduct',
      agency: 'cantho-phuong-vi-thanh-ubnd',
      title: 'Cán bộ hướng dẫn hồ sơ xác nhận tình trạng hôn nhân chưa rõ ràng',
      content:
        'Tôi được hướng dẫn bổ sung giấy tờ hai lần cho cùng một hồ sơ xác nhận tình trạng hôn nhân, mỗi lần một yêu cầu khác nhau. Đề nghị cán bộ hướng dẫn đầy đủ ngay từ lần đầu.',
      senderPhone: '0939123456',
      consentToPublish: false,
    },
    steps: [
      {
        by: REFORM,
        after: 1,
        action: { type: 'assign', agencyId: 'cantho-phuong-vi-thanh-ubnd', field: 'Hộ tịch' },
      },
    ],
  },
  {
    key: 'demo-feedback-04',
    daysAgo: 3,
    input: {
      subjectKind: 'procedure',
      title: 'Không tải được tệp ảnh giấy tờ khi nộp hồ sơ trực tuyến',
      content:
        'Khi nộp hồ sơ trực tuyến đăng ký thường trú, tôi chụp ảnh sổ hộ khẩu cũ bằng điện thoại nhưng hệ thống báo tệp quá lớn. Đề nghị hướng dẫn cách thu nhỏ ảnh hoặc nâng giới hạn dung lượng.',
      senderEmail: 'tran.van.minh@example.vn',
      consentToPublish: true,
    },
    steps: [{ by: REFORM, after: 1, action: { type: 'assign', agencyId: 'cantho-phuong-vi-thanh-ttpvhcc' } }],
  },
  {
    key: 'demo-feedback-05',
    daysAgo: 1,
    input: {
      subjectKind: 'other',
      title: 'Đề nghị mở thêm giờ tiếp nhận hồ sơ vào sáng thứ Bảy',
      content:
        'Nhiều người lao động không thể nghỉ làm trong giờ hành chính để nộp hồ sơ. Đề nghị Trung tâm Phục vụ hành chính công phường Vị Thanh tiếp nhận hồ sơ vào sáng thứ Bảy.',
      senderName: 'Lê Minh Tâm',
      consentToPublish: true,
    },
    steps: [],
  },
  {
    key: 'demo-feedback-06',
    daysAgo: 20,
    input: {
      subjectKind: 'other',
      title: 'Đường hẻm 12 đường Trần Hưng Đạo bị ngập nước',
      content:
        'Mỗi khi mưa lớn, đường hẻm 12 đường Trần Hưng Đạo bị ngập sâu, đi lại rất khó khăn. Đề nghị sửa chữa hệ thống thoát nước trong hẻm.',
      consentToPublish: true,
    },
    steps: [
      {
        by: REFORM,
        after: 1,
        action: {
          type: 'reject',
          reason:
            'Nội dung không thuộc phạm vi phản ánh, kiến nghị về quy định hành chính; đã hướng dẫn người dân gửi đến UBND phường qua đường dây nóng về hạ tầng đô thị.',
        },
      },
    ],
  },
  {
    key: 'demo-feedback-07',
    daysAgo: 25,
    input: {
      subjectKind: 'procedure',
      procedureCode: '1.001193',
      title: 'Hồ sơ đăng ký khai sinh của con tôi bị trả lại',
      content:
        'Hồ sơ đăng ký khai sinh cho cháu Phạm Gia Bảo, sinh ngày 02/3/2026, bị trả lại vì thiếu giấy chứng sinh bản chính, nhưng tôi đã nộp bản chính tại quầy. Đề nghị kiểm tra lại.',
      senderName: 'Phạm Văn Long',
      senderPhone: '0918765432',
      consentToPublish: true,
    },
    steps: [
      {
        by: REFORM,
        after: 1,
        action: { type: 'assign', agencyId: 'cantho-phuong-vi-thanh-ubnd', field: 'Hộ tịch' },
      },
      {
        by: SPECIALIST,
        after: 5,
        action: {
          type: 'answer',
          containsPersonalData: true,
          answer:
            'UBND phường đã kiểm tra: giấy chứng sinh bản chính của cháu Phạm Gia Bảo được lưu trong hồ sơ; việc trả lại là do nhầm lẫn khi số hóa. Hồ sơ đã được giải quyết, mời ông Long nhận kết quả tại quầy số 2.',
        },
      },
    ],
  },
  {
    key: 'demo-feedback-08',
    daysAgo: 1,
    input: {
      subjectKind: 'other',
      title: 'Kiến nghị tiếp nhận hồ sơ vào sáng thứ Bảy',
      content:
        'Tôi đề nghị Trung tâm Phục vụ hành chính công phường Vị Thanh mở cửa tiếp nhận hồ sơ vào sáng thứ Bảy cho người đi làm giờ hành chính.',
      consentToPublish: true,
    },
    steps: [
      { by: REFORM, after: 0, action: { type: 'mark_duplicate', duplicateOfCode: 'demo-feedback-05' } },
    ],
  },
];

async function principalOf(db: Db, email: string): Promise<Principal> {
  const [user] = await db
    .select({ id: users.id, kind: users.kind, fullName: users.fullName })
    .from(users)
    .where(eq(users.email, email));
  if (!user) throw new Error(`demo account ${email} is missing`);
  return { userId: user.id, kind: user.kind, fullName: user.fullName, roles: await rolesOf(db, user.id) };
}

async function agencyIdOf(db: Db, slug: string): Promise<string> {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, slug));
  if (!row) throw new Error(`demo agency ${slug} is missing`);
  return row.id;
}

async function itemByKey(db: Db, key: string) {
  const [row] = await db
    .select({
      id: feedbackItems.id,
      code: feedbackItems.code,
      version: feedbackItems.version,
      status: feedbackItems.status,
    })
    .from(feedbackItems)
    .where(eq(feedbackItems.idempotencyKey, key));
  return row;
}

/** Sends and handles the demo items; a second run finds them and changes nothing. Returns the items created. */
export async function seedFeedback(db: Db, now = new Date()): Promise<number> {
  let created = 0;
  for (const demo of items) {
    if (await itemByKey(db, demo.key)) continue;
    created++;
    const sentAt = new Date(now.getTime() - demo.daysAgo * DAY);
    const { agency, ...input } = demo.input;
    const citizen = demo.byCitizen ? await principalOf(db, CITIZEN) : null;
    const { id } = await submitFeedback(
      { db },
      citizen,
      { ...input, ...(agency ? { agencyId: await agencyIdOf(db, agency) } : {}), attachments: [] },
      demo.key,
      sentAt,
    );
    for (const step of demo.steps) {
      const at = new Date(sentAt.getTime() + step.after * DAY + 2 * 3600 * 1000);
      const actor = await principalOf(db, step.by);
      if (step.action.type === 'rate') {
        await rateMyFeedback(db, actor, id, step.action.rating, at);
        continue;
      }
      let action = step.action;
      if ('agencyId' in action) action = { ...action, agencyId: await agencyIdOf(db, action.agencyId) };
      if (action.type === 'mark_duplicate') {
        const original = await itemByKey(db, action.duplicateOfCode);
        if (!original) throw new Error(`demo item ${action.duplicateOfCode} is missing`);
        action = { ...action, duplicateOfCode: original.code };
      }
      const current = await itemByKey(db, demo.key);
      if (!current) throw new Error('demo item vanished');
      await actOnFeedback(db, actor, id, current.version, action, at);
    }
  }
  return created;
}

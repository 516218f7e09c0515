import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedFeedback } from '../../seed/seed-feedback.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import type { Principal } from '../auth/permissions.ts';
import { users } from '../auth/schema.ts';
import { rolesOf } from '../auth/sessions.ts';
import { workingCalendar } from '../calendar/calendar-store.ts';
import { actOnFeedback } from './act-on-feedback.ts';
import { DEFAULT_RESPONSE_DAYS, responseDue } from './feedback-deadline.ts';
import { feedbackIndicators } from './feedback-indicators.ts';
import { feedbackEvents, feedbackItems } from './schema.ts';

const CITIZEN = 'congdan@demo.motcua.vn';
const REFORM = 'cchc.noivu@demo.motcua.vn';
const DESK = 'motcua.vithanh@demo.motcua.vn'; // TTPVHCC phường Vị Thanh
const SPECIALIST = 'chuyenvien.vithanh@demo.motcua.vn'; // UBND phường Vị Thanh
const OTHER_DESK = 'motcua.vitan@demo.motcua.vn'; // TTPVHCC phường Vị Tân

type Detail = {
  id: string;
  code: string;
  version: number;
  status: string;
  dueAt: string | null;
  assignedAt: string | null;
  availableActions: string[];
  similar: { code: string }[];
  events: { action: string; actorName: string | null }[];
  publishedAt: string | null;
  attachments: { fileId: string; mime: string; sizeBytes: number }[];
};

const body = (over: Record<string, unknown> = {}) => ({
  subjectKind: 'procedure',
  title: 'Thời gian trả kết quả chứng thực chữ ký quá chậm',
  content:
    'Tôi nộp hồ sơ chứng thực chữ ký trên giấy tờ, văn bản từ sáng nhưng đến chiều hôm sau mới được trả kết quả. Đề nghị giải quyết trong ngày như quy định.',
  consentToPublish: true,
  ...over,
});

const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const multipart = (filename: string, type: string, bytes: Buffer) => ({
  headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
  payload: Buffer.concat([
    Buffer.from(
      `--XYZ\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from('\r\n--XYZ--\r\n'),
  ]),
});

describe.each(testDatabaseKinds())('feedback on %s', (kind) => {
  const t = useTestApp(kind);
  const agencyIds = new Map<string, string>();
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    const list = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
    }[];
    for (const a of list) agencyIds.set(a.slug, a.id);
    for (const who of [CITIZEN, REFORM, DESK, SPECIALIST, OTHER_DESK]) cookies[who] = await t.login(who);
  });

  const agency = (slug: string) => {
    const id = agencyIds.get(slug);
    if (!id) throw new Error(`no agency ${slug}`);
    return id;
  };
  const send = (payload: Record<string, unknown>, options: { cookie?: string; key?: string } = {}) =>
    t.request({
      method: 'POST',
      url: '/api/feedback',
      payload,
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.key ? { headers: { 'idempotency-key': options.key } } : {}),
    });
  const idOf = async (code: string) => {
    const [row] = await t.database.db
      .select({ id: feedbackItems.id })
      .from(feedbackItems)
      .where(eq(feedbackItems.code, code));
    if (!row) throw new Error(`no item ${code}`);
    return row.id;
  };
  const view = async (who: string, id: string) => {
    const r = await t.request({
      method: 'GET',
      url: `/api/office/feedback/${id}`,
      cookie: cookies[who] as string,
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Detail;
  };
  const act = (who: string, d: Detail, action: Record<string, unknown>) =>
    t.request({
      method: 'POST',
      url: `/api/office/feedback/${d.id}/actions`,
      cookie: cookies[who] as string,
      payload: { version: d.version, action },
    });
  const principalOf = async (email: string): Promise<Principal> => {
    const [u] = await t.database.db.select().from(users).where(eq(users.email, email));
    if (!u) throw new Error(email);
    return { userId: u.id, kind: u.kind, fullName: u.fullName, roles: await rolesOf(t.database.db, u.id) };
  };
  const itemCount = async () =>
    Number((await t.database.db.select({ n: count() }).from(feedbackItems))[0]?.n ?? 0);

  it('seeds the demo items in every state, once', async () => {
    const rows = await t.database.db.select().from(feedbackItems);
    const demo = rows.filter((r) => r.idempotencyKey?.startsWith('demo-feedback-'));
    expect(new Set(demo.map((r) => r.status))).toEqual(
      new Set(['received', 'assigned', 'answered', 'rejected', 'duplicate']),
    );
    expect(demo.filter((r) => r.publishedAt !== null)).toHaveLength(2);
    expect(demo.some((r) => r.status === 'assigned' && r.dueAt !== null && r.dueAt < new Date())).toBe(true);
    const before = await itemCount();
    expect(await seedFeedback(t.database.db)).toBe(0);
    expect(await itemCount()).toBe(before);
  });

  it('refuses bad input in Vietnamese and stores nothing', async () => {
    const before = await itemCount();
    const cases: [Record<string, unknown>, RegExp][] = [
      [body({ title: 'abc' }), /tiêu đề/],
      [body({ title: undefined }), /Vui lòng nhập tiêu đề\./],
      [body({ content: 'ngắn quá' }), /nội dung/i],
      [body({ subjectKind: 'weather' }), /chọn nội dung phản ánh/],
      [body({ senderPhone: '12345' }), /Số điện thoại/],
      [body({ senderEmail: 'khong-phai-email' }), /Email không hợp lệ/],
      [body({ consentToPublish: undefined }), /công khai/],
      [body({ procedureCode: '9.999999' }), /Không tìm thấy thủ tục/],
      [body({ attachments: [{ fileId: 'a'.repeat(64), name: 'x.pdf' }] }), /chưa được tải lên/],
    ];
    for (const [payload, message] of cases) {
      const r = await send(payload);
      expect(r.statusCode, r.body).toBe(400);
      expect((r.json() as { error: { message: string } }).error.message).toMatch(message);
    }
    expect(await itemCount()).toBe(before);
  });

  it('accepts feedback without an account, with an attachment, and follows it by code and check', async () => {
    const upload = await t.request({
      method: 'POST',
      url: '/api/feedback/files',
      ...multipart('anh-chup.png', 'image/png', pngBytes),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = upload.json() as { fileId: string; name: string };
    const notPdf = await t.request({
      method: 'POST',
      url: '/api/feedback/files',
      ...multipart('virus.pdf', 'application/pdf', Buffer.from('MZ not a pdf')),
    });
    expect(notPdf.statusCode).toBe(415);

    const r = await send(
      body({
        senderName: 'Trần Văn Bình',
        senderPhone: '0912 345 678',
        attachments: [{ fileId: file.fileId, name: file.name }],
      }),
    );
    expect(r.statusCode, r.body).toBe(201);
    const sent = r.json() as { code: string; check: string };
    expect(sent.code).toMatch(/^PAKN-\d{4}-\d{6}$/);
    expect(sent.check).toMatch(/^[A-Z2-9]{6}$/);
    const [row] = await t.database.db.select().from(feedbackItems).where(eq(feedbackItems.code, sent.code));
    expect(row?.senderPhone).toBe('0912345678');
    expect(row?.attachments).toEqual([
      { fileId: file.fileId, name: 'anh-chup.png', mime: 'image/png', sizeBytes: pngBytes.length },
    ]);

    const found = await t.request({
      method: 'GET',
      url: `/api/feedback/lookup?code=${sent.code}&check=${sent.check.toLowerCase()}`,
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({
      code: sent.code,
      status: 'received',
      statusLabel: 'Đã tiếp nhận',
      canRate: false,
    });
    const wrong = await t.request({
      method: 'GET',
      url: `/api/feedback/lookup?code=${sent.code}&check=ZZZZZZ`,
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.message).toMatch(/Không tìm thấy phản ánh/);

    // The reform office opens the attachment; another ward's desk cannot.
    const id = await idOf(sent.code);
    const file200 = await t.request({
      method: 'GET',
      url: `/api/office/feedback/${id}/attachments/${file.fileId}`,
      cookie: cookies[REFORM] as string,
    });
    expect(file200.statusCode).toBe(200);
    expect(file200.headers['content-type']).toBe('image/png');
    const file403 = await t.request({
      method: 'GET',
      url: `/api/office/feedback/${id}/attachments/${file.fileId}`,
      cookie: cookies[OTHER_DESK] as string,
    });
    expect(file403.statusCode).toBe(403);
  });

  it('answers the same item again for a repeated Idempotency-Key', async () => {
    const first = await send(body({ title: 'Phí gửi xe tại trung tâm hành chính' }), {
      key: 'test-key-feedback-001',
    });
    const again = await send(body({ title: 'Phí gửi xe tại trung tâm hành chính' }), {
      key: 'test-key-feedback-001',
    });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().code).toBe(first.json().code);
    expect(again.json().check).toBe(first.json().check);
  });

  it('finds likely duplicates for the sender and the officer, who closes one as a duplicate', async () => {
    const text = {
      title: 'Mở cửa tiếp nhận hồ sơ sáng thứ Bảy',
      content:
        'Đề nghị Trung tâm Phục vụ hành chính công phường Vị Thanh tiếp nhận hồ sơ vào sáng thứ Bảy cho người lao động.',
    };
    const similar = await t.request({ method: 'POST', url: '/api/feedback/similar', payload: text });
    expect(similar.statusCode).toBe(200);
    const items = similar.json().items as { code: string; title: string | null; published: boolean }[];
    const seeded = await t.database.db
      .select({ code: feedbackItems.code, status: feedbackItems.status })
      .from(feedbackItems)
      .where(eq(feedbackItems.idempotencyKey, 'demo-feedback-05'));
    expect(items.map((i) => i.code)).toContain(seeded[0]?.code);
    // Unpublished items show no title to the public.
    expect(items.find((i) => i.code === seeded[0]?.code)?.title).toBeNull();

    const r = await send({ ...body(), ...text });
    expect(r.json().similar.map((s: { code: string }) => s.code)).toContain(seeded[0]?.code);
    const detail = await view(REFORM, await idOf(r.json().code));
    expect(detail.similar.map((s) => s.code)).toContain(seeded[0]?.code);
    const marked = await act(REFORM, detail, { type: 'mark_duplicate', duplicateOfCode: seeded[0]?.code });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ status: 'duplicate', duplicateOfCode: seeded[0]?.code });
  });

  it('assigns with a working-day deadline, answers, publishes without personal data, and takes the rating', async () => {
    const sent = (
      await send(body({ senderName: 'Trần Văn Bình', senderEmail: 'binh@example.vn' }))
    ).json() as {
      code: string;
      check: string;
    };
    let d = await view(REFORM, await idOf(sent.code));
    expect(d.availableActions).toEqual(['assign', 'reject', 'mark_duplicate']);
    // Nobody but the reform office sees an unassigned item; anonymous callers not at all.
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/office/feedback/${d.id}`,
          cookie: cookies[DESK] as string,
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/office/feedback/${d.id}` })).statusCode).toBe(401);

    const assigned = await act(REFORM, d, {
      type: 'assign',
      agencyId: agency('cantho-phuong-vi-thanh-ttpvhcc'),
      field: 'Chứng thực',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    d = assigned.json() as Detail;
    expect(d.status).toBe('assigned');
    const calendar = await workingCalendar(t.database.db);
    expect(d.dueAt).toBe(
      responseDue(calendar, new Date(d.assignedAt ?? ''), DEFAULT_RESPONSE_DAYS).toISOString(),
    );

    // Another agency neither sees nor answers it; the reform office does not answer for the agency.
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/office/feedback/${d.id}`,
          cookie: cookies[OTHER_DESK] as string,
        })
      ).statusCode,
    ).toBe(403);
    const answer = {
      type: 'answer',
      answer: 'Trung tâm đã chấn chỉnh việc trả kết quả chứng thực chữ ký trong ngày làm việc.',
      containsPersonalData: false,
    };
    expect((await act(OTHER_DESK, d, answer)).statusCode).toBe(403);
    expect((await act(SPECIALIST, d, answer)).statusCode).toBe(403);
    expect((await act(REFORM, d, answer)).statusCode).toBe(422);
    const otherQueue = (
      await t.request({
        method: 'GET',
        url: '/api/office/feedback?pageSize=100',
        cookie: cookies[OTHER_DESK] as string,
      })
    ).json();
    expect(otherQueue.items.map((i: { code: string }) => i.code)).not.toContain(sent.code);
    const deskQueue = (
      await t.request({
        method: 'GET',
        url: '/api/office/feedback?status=open&pageSize=100',
        cookie: cookies[DESK] as string,
      })
    ).json();
    expect(deskQueue.items.map((i: { code: string }) => i.code)).toContain(sent.code);

    // Not public before the answer.
    expect((await t.request({ method: 'GET', url: `/api/feedback/published/${sent.code}` })).statusCode).toBe(
      404,
    );
    const stale = await act(DESK, { ...d, version: d.version - 1 }, answer);
    expect(stale.statusCode).toBe(409);
    const answered = await act(DESK, d, answer);
    expect(answered.statusCode, answered.body).toBe(200);
    d = answered.json() as Detail;
    expect(d.status).toBe('answered');
    expect(d.publishedAt).not.toBeNull();
    expect(d.events.map((e) => e.action)).toEqual(['submit', 'assign', 'answer']);
    expect(d.events.at(-1)?.actorName).toBe('Trần Thị Mai');

    const published = await t.request({ method: 'GET', url: `/api/feedback/published/${sent.code}` });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({
      code: sent.code,
      answer: answer.answer,
      agencyName: expect.stringMatching(/Vị Thanh/),
    });
    expect(published.body).not.toMatch(/Trần Văn Bình|binh@example|0912/);
    const list = (
      await t.request({ method: 'GET', url: '/api/feedback/published?q=chung thuc chu ky&pageSize=50' })
    ).json();
    expect(list.items[0].code).toBe(sent.code); // newest answers first
    expect(JSON.stringify(list)).not.toMatch(/Trần Văn Bình|binh@example/);

    // The sender rates it by code and check, changes their mind, and the rating cannot be given twice as new.
    const rate = (satisfaction: string) =>
      t.request({
        method: 'PUT',
        url: '/api/feedback/lookup/satisfaction',
        payload: { code: sent.code, check: sent.check, satisfaction, comment: 'Ý kiến' },
      });
    expect((await rate('meh')).statusCode).toBe(400);
    const first = await rate('dissatisfied');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ satisfaction: 'dissatisfied', canRate: true });
    const second = await rate('satisfied');
    expect(second.json()).toMatchObject({ satisfaction: 'satisfied' });
    expect(second.json().ratedAt).toBe(first.json().ratedAt);
    const events = await t.database.db
      .select()
      .from(feedbackEvents)
      .where(eq(feedbackEvents.feedbackId, d.id));
    expect(events.filter((e) => e.action === 'rate')).toHaveLength(2);
  });

  it('re-assigns to another agency with a new deadline counted from the transfer', async () => {
    const sent = (await send(body({ title: 'Phản ánh cần chuyển đúng cơ quan có thẩm quyền' }))).json() as {
      code: string;
    };
    let d = await view(REFORM, await idOf(sent.code));
    d = (
      await act(REFORM, d, {
        type: 'assign',
        agencyId: agency('cantho-phuong-vi-thanh-ubnd'),
        responseDays: 3,
      })
    ).json() as Detail;
    const noReason = await act(REFORM, d, {
      type: 'reassign',
      agencyId: agency('cantho-phuong-vi-thanh-ttpvhcc'),
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/lý do chuyển/);
    const same = await act(REFORM, d, {
      type: 'reassign',
      agencyId: agency('cantho-phuong-vi-thanh-ubnd'),
      reason: 'Chuyển lại cho đúng',
    });
    expect(same.statusCode).toBe(400);
    const r = await act(REFORM, d, {
      type: 'reassign',
      agencyId: agency('cantho-phuong-vi-thanh-ttpvhcc'),
      reason: 'Nội dung thuộc Trung tâm Phục vụ hành chính công',
    });
    expect(r.statusCode, r.body).toBe(200);
    d = r.json() as Detail;
    const calendar = await workingCalendar(t.database.db);
    expect(d.dueAt).toBe(responseDue(calendar, new Date(d.assignedAt ?? ''), 3).toISOString());
    expect(d.events.map((e) => e.action)).toEqual(['submit', 'assign', 'reassign']);
    // The first agency no longer sees it; the new one does and may answer.
    const first = await t.request({
      method: 'GET',
      url: `/api/office/feedback/${d.id}`,
      cookie: cookies[SPECIALIST] as string,
    });
    expect(first.statusCode).toBe(403);
    expect((await view(DESK, d.id)).availableActions).toEqual(['answer']);
    expect((await view(DESK, d.id)).similar).toEqual([]);
  });

  it('keeps answers with personal data off the portal until an edited version is published', async () => {
    const sent = (await send(body({ title: 'Hồ sơ của tôi bị thất lạc tại bộ phận một cửa' }))).json() as {
      code: string;
    };
    let d = await view(REFORM, await idOf(sent.code));
    d = (
      await act(REFORM, d, {
        type: 'assign',
        agencyId: agency('cantho-phuong-vi-thanh-ubnd'),
        responseDays: 5,
      })
    ).json() as Detail;
    const r = await act(SPECIALIST, d, {
      type: 'answer',
      answer: 'Hồ sơ của ông Nguyễn Văn A, số CCCD 093190001234, đã được tìm thấy và giải quyết.',
      containsPersonalData: true,
    });
    expect(r.statusCode, r.body).toBe(200);
    d = r.json() as Detail;
    expect(d.publishedAt).toBeNull();
    expect((await t.request({ method: 'GET', url: `/api/feedback/published/${sent.code}` })).statusCode).toBe(
      404,
    );
    const list = (await t.request({ method: 'GET', url: '/api/feedback/published?pageSize=50' })).json();
    expect(JSON.stringify(list)).not.toMatch(/093190001234/);

    const half = await act(SPECIALIST, d, {
      type: 'publish',
      publicAnswer: 'Hồ sơ đã được tìm thấy và giải quyết.',
    });
    expect(half.statusCode).toBe(422);
    const pub = await act(SPECIALIST, d, {
      type: 'publish',
      publicContent: 'Người dân phản ánh hồ sơ bị thất lạc tại bộ phận một cửa.',
      publicAnswer: 'Hồ sơ đã được tìm thấy và giải quyết; UBND phường đã nhắc nhở bộ phận lưu trữ.',
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const shown = (await t.request({ method: 'GET', url: `/api/feedback/published/${sent.code}` })).json();
    expect(shown.answer).toMatch(/nhắc nhở bộ phận lưu trữ/);
    expect(JSON.stringify(shown)).not.toMatch(/093190001234/);
  });

  it('links feedback sent from a citizen account, and lets the account rate it', async () => {
    const r = await send(body({ title: 'Cán bộ một cửa hướng dẫn rất tận tình' }), {
      cookie: cookies[CITIZEN] as string,
    });
    const sent = r.json() as { code: string };
    const mine = (
      await t.request({ method: 'GET', url: '/api/my/feedback', cookie: cookies[CITIZEN] as string })
    ).json();
    const item = mine.items.find((i: { code: string }) => i.code === sent.code);
    expect(item).toBeTruthy();
    const [row] = await t.database.db.select().from(feedbackItems).where(eq(feedbackItems.code, sent.code));
    expect(row?.senderName).toBe('Nguyễn Thị Hoa');
    const early = await t.request({
      method: 'PUT',
      url: `/api/my/feedback/${item.id}/satisfaction`,
      cookie: cookies[CITIZEN] as string,
      payload: { satisfaction: 'satisfied' },
    });
    expect(early.statusCode).toBe(422);
    // Another account cannot read it.
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/my/feedback/${item.id}`,
          cookie: cookies[DESK] as string,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('rejects out-of-scope items with a reason, and computes the Decision 766 figures', async () => {
    const from = new Date();
    const db = t.database.db;
    const reform = await principalOf(REFORM);
    const desk = await principalOf(OTHER_DESK);
    const vitanDesk = agency('cantho-phuong-vi-tan-ttpvhcc');
    // Four items for phường Vị Tân: answered on time (dissatisfied), answered late, open and overdue, rejected.
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await send(body({ title: `Phản ánh kiểm thử chỉ số số ${i + 1} tại phường Vị Tân` }));
      codes.push(r.json().code);
    }
    const ids = await Promise.all(codes.map(idOf));
    const version = async (id: string) =>
      (await db.select().from(feedbackItems).where(eq(feedbackItems.id, id)))[0]?.version ?? 0;
    const now = new Date();
    for (const id of ids.slice(0, 3)) {
      await actOnFeedback(
        db,
        reform,
        id,
        await version(id),
        { type: 'assign', agencyId: vitanDesk, responseDays: 2 } as never,
        now,
      );
    }
    const answer = (text: string) => ({ type: 'answer', answer: text, containsPersonalData: false }) as never;
    await actOnFeedback(
      db,
      desk,
      ids[0] as string,
      await version(ids[0] as string),
      answer('Đã trả lời đúng hạn cho người dân.'),
      new Date(now.getTime() + 3600_000),
    );
    await actOnFeedback(
      db,
      desk,
      ids[1] as string,
      await version(ids[1] as string),
      answer('Đã trả lời nhưng quá hạn vài ngày.'),
      new Date(now.getTime() + 10 * 86_400_000),
    );
    const rejected = await act(REFORM, await view(REFORM, ids[3] as string), {
      type: 'reject',
      reason: 'Không thuộc phạm vi.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      withinCompetence: false,
      rejectReason: 'Không thuộc phạm vi.',
    });
    const check = (
      await db
        .select()
        .from(feedbackItems)
        .where(eq(feedbackItems.id, ids[0] as string))
    )[0]?.trackingCheck;
    const rated = await t.request({
      method: 'PUT',
      url: '/api/feedback/lookup/satisfaction',
      payload: { code: codes[0], check, satisfaction: 'dissatisfied' },
    });
    expect(rated.statusCode, rated.body).toBe(200);

    const to = new Date(Date.now() + 1000);
    const asOf = new Date(now.getTime() + 20 * 86_400_000); // item 3 (due in 2 working days) is overdue by then
    const byAgency = await feedbackIndicators(db, { agencyIds: [vitanDesk], from, to, asOf });
    // Hand count: within competence 3 (items 1–3); answered 2; on time 1; overdue open 1; dissatisfied 1;
    // dissatisfied or late = item 1 (dissatisfied) + item 2 (late) + item 3 (overdue) = 3.
    expect(byAgency).toEqual({
      total: 3,
      withinCompetence: 3,
      answered: 2,
      answeredOnTime: 1,
      overdueOpen: 1,
      dissatisfied: 1,
      dissatisfiedOrLate: 3,
      handledOnTimeRate: 33.33,
      satisfactionRate: 0,
    });
    // By the handling unit: the rejected item was never assigned, so it stays with the deployment's top unit.
    const [unit] = await db
      .select({ u: feedbackItems.handlingUnitId })
      .from(feedbackItems)
      .where(eq(feedbackItems.id, ids[0] as string));
    const byUnit = await feedbackIndicators(db, { unitIds: [unit?.u as string], from, to, asOf });
    expect(byUnit.total).toBe(3);
    const all = await feedbackIndicators(db, { from, to, asOf });
    expect(all.total).toBe(4);
    expect(all.withinCompetence).toBe(3);
    expect(all.satisfactionRate).toBe(25); // (4 − 3) ÷ 4

    const api = await t.request({
      method: 'GET',
      url: `/api/office/feedback-indicators?from=${from.toISOString()}&to=${to.toISOString()}`,
      cookie: cookies[OTHER_DESK] as string,
    });
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json()).toMatchObject({ total: 3, answered: 2, answeredOnTime: 1 });
  });
});

import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLAN_TITLE, seedReformPlan } from '../../seed/seed-reform-plan.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { addDays, vietnamToday } from './schedule.ts';
import { reformPlans, reformTasks } from './schema.ts';

const REFORM = 'cchc.noivu@demo.motcua.vn';
const WARD_HEAD = 'truongphong.vithanh@demo.motcua.vn';
const OTHER_WARD = 'motcua.vitan@demo.motcua.vn';
const CITIZEN = 'congdan@demo.motcua.vn';

type Plan = {
  id: string;
  title: string;
  fromYear: number;
  toYear: number;
  unitId: string;
  areas: { id: string; code: string; kind: string }[];
  targets: { code: string; indicatorKey: string | null; years: { year: number; value: number | null }[] }[];
};
type TaskItem = {
  id: string;
  description: string;
  recurrence: string;
  dueDate: string | null;
  state: string;
  leadAgencyId: string;
  occurrenceCount: number;
};
type Board = {
  counts: { open: number; overdue: number; dueSoon: number };
  items: { taskId: string; occurrenceId: string; dueDate: string; overdue: boolean; description: string }[];
};

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

describe.each(testDatabaseKinds())('reform plans on %s', (kind) => {
  const t = useTestApp(kind);
  const cookies: Record<string, string> = {};
  let seeded: Plan;
  const agencyId: Record<string, string> = {};

  const get = async <T>(url: string, cookie = cookies.reform) => {
    const r = await t.request({ method: 'GET', url, cookie });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as T;
  };
  const countRows = async (table: typeof reformPlans | typeof reformTasks) =>
    (await t.database.db.select({ n: count() }).from(table))[0]?.n ?? 0;

  beforeAll(async () => {
    cookies.reform = await t.login(REFORM);
    cookies.ward = await t.login(WARD_HEAD);
    cookies.otherWard = await t.login(OTHER_WARD);
    cookies.citizen = await t.login(CITIZEN);
    const list = await get<{ items: { id: string; title: string }[] }>('/api/office/reform-plans');
    const id = list.items.find((p) => p.title === PLAN_TITLE)?.id;
    seeded = await get<Plan>(`/api/office/reform-plans/${id}`);
    const agencies = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
    }[];
    for (const a of agencies) agencyId[a.slug] = a.id;
  });

  it('seeds the 2021–2025 plan: 13 areas, the seven targets, the duties and the 30/10 and 30/11 deadlines', async () => {
    expect(seeded.fromYear).toBe(2021);
    expect(seeded.areas.filter((a) => a.kind === 'task_area')).toHaveLength(7);
    expect(seeded.areas.filter((a) => a.kind === 'solution')).toHaveLength(6);
    expect(seeded.targets.map((x) => x.code)).toEqual(['1', '2', '3', '4', '5', '6a', '6b', '7']);
    expect(seeded.targets.find((x) => x.code === '2')?.indicatorKey).toBe('on_time');
    expect(seeded.targets[0]?.years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    const { items } = await get<{ items: TaskItem[] }>(`/api/office/reform-plans/${seeded.id}/tasks`);
    const leads = new Set(items.map((i) => i.leadAgencyId));
    for (const slug of [
      'vithanh-noi-vu',
      'vithanh-tu-phap',
      'vithanh-tc-kh',
      'vithanh-vh-tt',
      'vithanh-vp-hdnd-ubnd',
      'vithanh-phuong-vii-ubnd',
    ])
      expect(leads.has(agencyId[slug] as string), slug).toBe(true);
    const review = items.find((i) => i.description.startsWith('Đôn đốc, kiểm tra'));
    const task = await get<{ occurrences: { dueDate: string; status: string; overdue: boolean }[] }>(
      `/api/office/reform-tasks/${review?.id}`,
    );
    expect(task.occurrences.map((o) => o.dueDate)).toEqual([
      '2021-11-30',
      '2022-11-30',
      '2023-11-30',
      '2024-11-30',
      '2025-11-30',
    ]);
    expect(task.occurrences.slice(0, 4).every((o) => o.status === 'done')).toBe(true);
    expect(task.occurrences[4]?.overdue).toBe(true);
    const report = items.find(
      (i) => i.description.startsWith('Báo cáo kết quả') && i.leadAgencyId === agencyId['vithanh-tu-phap'],
    );
    expect(report?.state).toBe('done');
  });

  it('seeds idempotently: a second run adds nothing', async () => {
    const plans = await countRows(reformPlans);
    const tasks = await countRows(reformTasks);
    expect(await seedReformPlan(t.database.db)).toMatch(/đã có/);
    expect(await countRows(reformPlans)).toBe(plans);
    expect(await countRows(reformTasks)).toBe(tasks);
  });

  it('shows the plan board: progress by area, overdue tasks, targets against actuals', async () => {
    const board = await get<{
      areas: { code: string; tasks: number; progress: number | null; overdue: number }[];
      overdue: { leadAgencyName: string; dueDate: string }[];
      targets: unknown[];
    }>(`/api/office/reform-plans/${seeded.id}/board`);
    expect(board.areas).toHaveLength(13);
    expect(board.areas.find((a) => a.code === 'III.1')?.overdue).toBeGreaterThan(0);
    expect(board.overdue.map((o) => o.leadAgencyName)).toContain(
      'Phòng Văn hóa và Thông tin thành phố Vị Thanh',
    );
    expect(board.overdue.map((o) => o.leadAgencyName)).toContain('UBND Xã Hoả Tiến');
    expect(board.targets).toHaveLength(8);
  });

  it('lets only the reform office manage plans; citizens cannot read', async () => {
    const before = await countRows(reformPlans);
    const body = {
      title: 'Kế hoạch thử nghiệm của phường',
      unitId: seeded.unitId,
      fromYear: 2026,
      toYear: 2030,
    };
    const r = await t.request({
      method: 'POST',
      url: '/api/office/reform-plans',
      cookie: cookies.ward,
      payload: body,
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toMatch(/cải cách hành chính/);
    expect(
      (await t.request({ method: 'GET', url: '/api/office/reform-plans', cookie: cookies.citizen }))
        .statusCode,
    ).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/office/reform-plans' })).statusCode).toBe(401);
    expect(await countRows(reformPlans)).toBe(before);
  });

  it('refuses bad input with a Vietnamese message and changes nothing', async () => {
    const plans = await countRows(reformPlans);
    const tasks = await countRows(reformTasks);
    const bad = await t.request({
      method: 'POST',
      url: '/api/office/reform-plans',
      cookie: cookies.reform,
      payload: { title: 'Kế hoạch sai giai đoạn', unitId: seeded.unitId, fromYear: 2030, toYear: 2026 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Giai đoạn không hợp lệ/);
    const noDay = await t.request({
      method: 'POST',
      url: `/api/office/reform-plans/${seeded.id}/tasks`,
      cookie: cookies.reform,
      payload: {
        areaId: seeded.areas[0]?.id,
        description: 'Nhiệm vụ hằng năm thiếu ngày',
        leadAgencyId: agencyId['vithanh-noi-vu'],
        recurrence: 'yearly',
      },
    });
    expect(noDay.statusCode).toBe(400);
    expect(noDay.json().error.message).toMatch(/ngày và tháng đến hạn/);
    const strangerAgency = await t.request({
      method: 'POST',
      url: `/api/office/reform-plans/${seeded.id}/tasks`,
      cookie: cookies.reform,
      payload: {
        areaId: seeded.areas[0]?.id,
        description: 'Nhiệm vụ giao cho cơ quan không tồn tại',
        leadAgencyId: '00000000-0000-4000-8000-000000000000',
        recurrence: 'once',
        dueDate: '2024-12-31',
      },
    });
    expect(strangerAgency.statusCode).toBe(400);
    expect(strangerAgency.json().error.message).toMatch(/Cơ quan không tồn tại/);
    expect(await countRows(reformPlans)).toBe(plans);
    expect(await countRows(reformTasks)).toBe(tasks);
  });

  it('copies 2021–2025 into 2026–2030, shifting one-off deadlines and owing recurring work in the new years', async () => {
    const r = await t.request({
      method: 'POST',
      url: `/api/office/reform-plans/${seeded.id}/copy`,
      cookie: cookies.reform,
      payload: { title: 'Kế hoạch CCHC thành phố giai đoạn 2026 - 2030', fromYear: 2026 },
    });
    expect(r.statusCode, r.body).toBe(201);
    const copy = r.json() as Plan;
    expect([copy.fromYear, copy.toYear]).toEqual([2026, 2030]);
    expect(copy.areas).toHaveLength(13);
    expect(copy.targets.map((x) => x.code)).toEqual(['1', '2', '3', '4', '5', '6a', '6b', '7']);
    const { items } = await get<{ items: TaskItem[] }>(`/api/office/reform-plans/${copy.id}/tasks`);
    const { items: old } = await get<{ items: TaskItem[] }>(`/api/office/reform-plans/${seeded.id}/tasks`);
    expect(items).toHaveLength(old.length);
    expect(items.find((i) => i.description.startsWith('Nâng cấp Trang thông tin'))?.dueDate).toBe(
      '2027-12-31',
    );
    const yearly = items.find((i) => i.description.startsWith('Đôn đốc, kiểm tra'));
    const task = await get<{ occurrences: { dueDate: string; status: string }[] }>(
      `/api/office/reform-tasks/${yearly?.id}`,
    );
    expect(task.occurrences.map((o) => o.dueDate)).toEqual([
      '2026-11-30',
      '2027-11-30',
      '2028-11-30',
      '2029-11-30',
      '2030-11-30',
    ]);
    expect(task.occurrences.every((o) => o.status === 'not_started')).toBe(true);
    expect(
      (await t.database.db.select().from(reformPlans).where(eq(reformPlans.id, copy.id)))[0]?.copiedFromId,
    ).toBe(seeded.id);
  });

  it('flags a ward task as overdue on its board; only the ward reports progress, with evidence', async () => {
    const today = vietnamToday(new Date());
    const created = await t.request({
      method: 'POST',
      url: `/api/office/reform-plans/${seeded.id}/copy`,
      cookie: cookies.reform,
      payload: {
        title: 'Kế hoạch CCHC năm hiện hành',
        fromYear: Number(today.slice(0, 4)),
        toYear: Number(today.slice(0, 4)),
      },
    });
    const plan = created.json() as Plan;
    const r = await t.request({
      method: 'POST',
      url: `/api/office/reform-plans/${plan.id}/tasks`,
      cookie: cookies.reform,
      payload: {
        areaId: plan.areas.find((a) => a.code === 'III.3')?.id,
        description: 'Niêm yết công khai TTHC mới tại Bộ phận Một cửa phường',
        leadAgencyId: agencyId['cantho-phuong-vi-thanh-ubnd'],
        recurrence: 'once',
        dueDate: addDays(today, -1),
        expectedOutput: 'Bảng niêm yết cập nhật',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const task = r.json() as { id: string; occurrences: { id: string; overdue: boolean }[] };
    expect(task.occurrences[0]?.overdue).toBe(true);

    const board = await get<Board>('/api/office/reform-board', cookies.ward);
    const item = board.items.find((i) => i.taskId === task.id);
    expect(item?.overdue).toBe(true);
    expect(board.counts.overdue).toBeGreaterThanOrEqual(1);

    const forbidden = await t.request({
      method: 'POST',
      url: `/api/office/reform-tasks/${task.id}/progress`,
      cookie: cookies.otherWard,
      payload: { occurrenceId: item?.occurrenceId, status: 'done', percent: 100 },
    });
    expect(forbidden.statusCode).toBe(403);

    const upload = await t.request({
      method: 'POST',
      url: '/api/office/reform-files',
      cookie: cookies.ward,
      ...multipart('anh-niem-yet.png', 'image/png', pngBytes),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const fileId = upload.json().fileId as string;
    const badPercent = await t.request({
      method: 'POST',
      url: `/api/office/reform-tasks/${task.id}/progress`,
      cookie: cookies.ward,
      payload: { occurrenceId: item?.occurrenceId, status: 'in_progress', percent: 140 },
    });
    expect(badPercent.statusCode).toBe(400);
    expect(badPercent.json().error.message).toMatch(/Tiến độ từ 0 đến 100%/);
    const done = await t.request({
      method: 'POST',
      url: `/api/office/reform-tasks/${task.id}/progress`,
      cookie: cookies.ward,
      payload: {
        occurrenceId: item?.occurrenceId,
        status: 'done',
        percent: 100,
        note: 'Đã niêm yết đủ 12 thủ tục mới.',
        evidence: [{ fileId, name: 'anh-niem-yet.png' }],
      },
    });
    expect(done.statusCode, done.body).toBe(200);
    const view = done.json() as {
      state: string;
      updates: { evidence: { fileId: string }[]; authorName: string }[];
      history: { action: string }[];
    };
    expect(view.state).toBe('done');
    expect(view.updates[0]?.evidence[0]?.fileId).toBe(fileId);
    expect(view.history.map((h) => h.action)).toEqual(['progress_reported', 'task_created']);
    const file = await t.request({
      method: 'GET',
      url: `/api/office/reform-tasks/${task.id}/evidence/${fileId}`,
      cookie: cookies.ward,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('image/png');
    const after = await get<Board>('/api/office/reform-board', cookies.ward);
    expect(after.items.some((i) => i.taskId === task.id)).toBe(false);
  });

  it('takes entered actuals with evidence only for targets without a live indicator', async () => {
    const targets = seeded.targets as unknown as { id: string; code: string }[];
    const iso = targets.find((x) => x.code === '4');
    const ok = await t.request({
      method: 'PUT',
      url: `/api/office/reform-plans/targets/${iso?.id}/actuals/2024`,
      cookie: cookies.reform,
      payload: { value: 100, note: 'Theo báo cáo ISO năm 2024' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const live = targets.find((x) => x.code === '1');
    const refused = await t.request({
      method: 'PUT',
      url: `/api/office/reform-plans/targets/${live?.id}/actuals/2024`,
      cookie: cookies.reform,
      payload: { value: 95 },
    });
    expect(refused.statusCode).toBe(400);
    const byWard = await t.request({
      method: 'PUT',
      url: `/api/office/reform-plans/targets/${iso?.id}/actuals/2023`,
      cookie: cookies.ward,
      payload: { value: 100 },
    });
    expect(byWard.statusCode).toBe(403);
    const plan = await get<{
      targets: { code: string; years: { year: number; value: number | null; met: boolean | null }[] }[];
    }>(`/api/office/reform-plans/${seeded.id}`);
    const year2024 = plan.targets.find((x) => x.code === '4')?.years.find((y) => y.year === 2024);
    expect(year2024).toMatchObject({ value: 100, met: true });
  });
});

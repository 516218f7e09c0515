import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { reformPlanEvents } from './schema.ts';

// Editing plans and tasks with optimistic concurrency: the editor sends the version it read; a stale one gets
// 409 with a Vietnamese message and changes nothing; every change stays in the history.

describe.each(testDatabaseKinds())('editing reform plans and tasks on %s', (kind) => {
  const t = useTestApp(kind);
  let cookie = '';
  let plan: { id: string; version: number; areas: { id: string }[] };
  let task: { id: string; version: number };
  let ward = '';
  let noiVu = '';

  beforeAll(async () => {
    cookie = await t.login('cchc.noivu@demo.motcua.vn');
    const agencies = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
    }[];
    ward = agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ubnd')?.id as string;
    noiVu = agencies.find((a) => a.slug === 'vithanh-noi-vu')?.id as string;
    const list = (await t.request({ method: 'GET', url: '/api/office/reform-plans', cookie })).json() as {
      items: { id: string }[];
    };
    const seeded = (
      await t.request({ method: 'GET', url: `/api/office/reform-plans/${list.items[0]?.id}`, cookie })
    ).json() as { unitId: string };
    const created = await t.request({
      method: 'POST',
      url: '/api/office/reform-plans',
      cookie,
      payload: {
        title: 'Kế hoạch CCHC năm 2027 (kiểm thử sửa)',
        fromYear: 2027,
        toYear: 2027,
        unitId: seeded.unitId,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    plan = (
      await t.request({ method: 'GET', url: `/api/office/reform-plans/${id}`, cookie })
    ).json() as typeof plan;
    const r = await t.request({
      method: 'POST',
      url: `/api/office/reform-plans/${id}/tasks`,
      cookie,
      payload: {
        areaId: plan.areas[0]?.id,
        description: 'Cập nhật quy trình nội bộ giải quyết TTHC',
        leadAgencyId: ward,
        coordinatingAgencyIds: [noiVu],
        recurrence: 'once',
        dueDate: '2027-05-30',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    task = r.json() as typeof task;
  });

  it('saves a plan edit made on the current version, and refuses a stale one with 409', async () => {
    const ok = await t.request({
      method: 'PATCH',
      url: `/api/office/reform-plans/${plan.id}`,
      cookie,
      payload: { title: 'Kế hoạch CCHC năm 2027', status: 'active', version: plan.version },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/office/reform-plans/${plan.id}`,
      cookie,
      payload: { title: 'Bản sửa cũ', version: plan.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe(
      'Kế hoạch vừa được người khác sửa sau khi bạn mở; vui lòng tải lại trang để xem bản mới rồi sửa lại.',
    );
    const now = (
      await t.request({ method: 'GET', url: `/api/office/reform-plans/${plan.id}`, cookie })
    ).json() as {
      title: string;
      version: number;
    };
    expect(now).toMatchObject({ title: 'Kế hoạch CCHC năm 2027', version: plan.version + 1 });
    const bad = await t.request({
      method: 'PATCH',
      url: `/api/office/reform-plans/${plan.id}`,
      cookie,
      payload: { version: 'hai' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Phiên bản không hợp lệ.');
  });

  it('saves a task edit on the current version (its deadline moves), refuses a stale one, keeps the history', async () => {
    const ok = await t.request({
      method: 'PATCH',
      url: `/api/office/reform-tasks/${task.id}`,
      cookie,
      payload: { dueDate: '2027-06-30', version: task.version },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await t.request({
      method: 'PATCH',
      url: `/api/office/reform-tasks/${task.id}`,
      cookie,
      payload: { description: 'Bản sửa cũ của nhiệm vụ', version: task.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/^Nhiệm vụ vừa được người khác sửa/);
    const view = (
      await t.request({ method: 'GET', url: `/api/office/reform-tasks/${task.id}`, cookie })
    ).json() as {
      description: string;
      dueDate: string;
      version: number;
      occurrences: { dueDate: string }[];
      coordinatingAgencies: { id: string }[];
    };
    // A change that does not mention the coordinating agencies keeps them (it used to clear them).
    expect(view.coordinatingAgencies.map((a) => a.id)).toEqual([noiVu]);
    expect(view).toMatchObject({
      description: 'Cập nhật quy trình nội bộ giải quyết TTHC',
      dueDate: '2027-06-30',
    });
    expect(view.occurrences.map((o) => o.dueDate)).toEqual(['2027-06-30']);
    const events = await t.database.db
      .select({ action: reformPlanEvents.action, data: reformPlanEvents.data })
      .from(reformPlanEvents)
      .where(eq(reformPlanEvents.taskId, task.id));
    expect(events.map((e) => e.action)).toEqual(['task_created', 'task_updated']);
    expect(events[1]?.data).toEqual({ dueDate: '2027-06-30' });
  });
});

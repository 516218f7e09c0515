import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { users } from '../auth/schema.ts';
import { emailAdapter } from '../notify/adapters/email.ts';
import { notificationDeliveries, notifications } from '../notify/schema.ts';
import { type MailCatcher, startMailCatcher } from '../notify/testing/mail-catcher.ts';
import { startNotificationWorker } from '../notify/worker.ts';
import { agencySuccessions } from '../org/schema.ts';
import { runReformReminders } from './reminders.ts';
import { reformTaskOccurrences, reformTaskReminders } from './schema.ts';

const REFORM = 'cchc.noivu@demo.motcua.vn';
const WARD_HEAD = 'truongphong.vithanh@demo.motcua.vn';
const WARD_LEADER = 'lanhdao.vithanh@demo.motcua.vn';
const WARD_SPECIALIST = 'chuyenvien.vithanh@demo.motcua.vn';
const ADMIN = 'quantri@demo.motcua.vn';

// The job runs for 15/06/2026 (Vietnam): a ward task due 14/06 is one day overdue, one due 22/06 gets the
// 7-day reminder, an old ward's task due 16/06 gets the 1-day reminder at the successor ward, one due 25/06
// nothing yet, and a task reported done nothing at all.
const now = new Date('2026-06-15T01:00:00Z');
const email = new Set(['email'] as const);
const base = 'https://motcua.example.vn';

describe.each(testDatabaseKinds())('reform task reminders on %s', (kind) => {
  const t = useTestApp(kind);
  const cookies: Record<string, string> = {};
  const agencyId: Record<string, string> = {};
  const agencyName: Record<string, string> = {};
  const userId: Record<string, string> = {};
  const occurrence: Record<string, string> = {};
  const taskIdOf: Record<string, string> = {};
  let planId = '';
  let oldWardName = '';
  let catcher: MailCatcher;

  const run = (at = now) =>
    runReformReminders(t.database.db, { now: at, channels: email, publicBaseUrl: base });
  const mine = () =>
    t.database.db
      .select()
      .from(notifications)
      .where(inArray(notifications.subjectId, [...Object.values(occurrence), planId]));

  beforeAll(async () => {
    catcher = await startMailCatcher();
    for (const [key, mail] of Object.entries({
      reform: REFORM,
      head: WARD_HEAD,
      leader: WARD_LEADER,
      specialist: WARD_SPECIALIST,
      admin: ADMIN,
    })) {
      cookies[key] = await t.login(mail);
      const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, mail));
      userId[key] = row?.id ?? '';
    }
    const agencies = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
      name: string;
    }[];
    for (const a of agencies) {
      agencyId[a.slug] = a.id;
      agencyName[a.id] = a.name;
    }
    const ward = agencyId['cantho-phuong-vi-thanh-ubnd'] as string;
    const [predecessor] = await t.database.db
      .select({ id: agencySuccessions.predecessorId })
      .from(agencySuccessions)
      .where(eq(agencySuccessions.successorId, ward));
    if (!predecessor) throw new Error('the seed links no old ward to Vị Thanh ward');
    oldWardName = agencyName[predecessor.id] as string;
    const plans = (
      await t.request({ method: 'GET', url: '/api/office/reform-plans', cookie: cookies.reform })
    ).json() as { items: { id: string }[] };
    const seeded = (
      await t.request({
        method: 'GET',
        url: `/api/office/reform-plans/${plans.items[0]?.id}`,
        cookie: cookies.reform,
      })
    ).json() as { unitId: string };
    const created = await t.request({
      method: 'POST',
      url: '/api/office/reform-plans',
      cookie: cookies.reform,
      payload: {
        title: 'Kế hoạch CCHC năm 2026 (kiểm thử nhắc hạn)',
        fromYear: 2026,
        toYear: 2026,
        unitId: seeded.unitId,
        status: 'active',
        coordinatingAgencyId: agencyId['vithanh-noi-vu'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json() as { id: string; areas: { id: string; code: string }[] };
    planId = plan.id;
    const tasks: [string, string, string][] = [
      ['overdue', ward, '2026-06-14'],
      ['week', ward, '2026-06-22'],
      ['oldWard', predecessor.id, '2026-06-16'],
      ['later', ward, '2026-06-25'],
      ['done', ward, '2026-06-13'],
    ];
    for (const [key, lead, dueDate] of tasks) {
      const r = await t.request({
        method: 'POST',
        url: `/api/office/reform-plans/${plan.id}/tasks`,
        cookie: cookies.reform,
        payload: {
          areaId: plan.areas[0]?.id,
          description: `Nhiệm vụ kiểm thử nhắc hạn (${key})`,
          leadAgencyId: lead,
          recurrence: 'once',
          dueDate,
        },
      });
      expect(r.statusCode, r.body).toBe(201);
      const taskId = (r.json() as { id: string }).id;
      taskIdOf[key] = taskId;
      const [occ] = await t.database.db
        .select({ id: reformTaskOccurrences.id })
        .from(reformTaskOccurrences)
        .where(eq(reformTaskOccurrences.taskId, taskId));
      occurrence[key] = occ?.id ?? '';
    }
    const done = await t.request({
      method: 'POST',
      url: `/api/office/reform-tasks/${
        (
          await t.database.db
            .select({ taskId: reformTaskOccurrences.taskId })
            .from(reformTaskOccurrences)
            .where(eq(reformTaskOccurrences.id, occurrence.done as string))
        )[0]?.taskId
      }/progress`,
      cookie: cookies.head,
      payload: { occurrenceId: occurrence.done, status: 'done', percent: 100, evidence: [] },
    });
    expect(done.statusCode, done.body).toBe(200);
  });
  afterAll(() => catcher.close());

  it('two runs at once send each reminder once: the ledger decides in the messages’ transaction', async () => {
    const [a, b] = await Promise.all([run(), run()]);
    // overdue, week and oldWard × the ward's heads and leaders + the reform office's digest
    const rows = await mine();
    expect(rows.length).toBeGreaterThanOrEqual(7);
    expect(a.messages + b.messages).toBe(rows.length);
    const key = (n: (typeof rows)[number]) => `${n.kind}/${n.subjectId}/${n.userId}`;
    expect(new Set(rows.map(key)).size).toBe(rows.length);
    expect((await run()).messages).toBe(0);
    expect((await run(new Date('2026-06-15T16:00:00Z'))).messages).toBe(0); // 23:00 the same day
    const ledger = await t.database.db
      .select()
      .from(reformTaskReminders)
      .where(eq(reformTaskReminders.userId, userId.head as string));
    expect(ledger.map((r) => r.kind).sort()).toEqual(['due_in_1', 'due_in_7', 'overdue']);
  });

  it('tells the lead agency’s head and leader (not its specialists), and the successor ward of an old ward', async () => {
    const rows = await mine();
    const of = (who: string) => rows.filter((n) => n.userId === userId[who]);
    expect(
      of('head')
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['task_due_soon', 'task_due_soon', 'task_overdue']);
    expect(of('leader')).toHaveLength(3);
    expect(of('specialist')).toHaveLength(0);
    const overdue = of('head').find((n) => n.kind === 'task_overdue');
    expect(overdue).toMatchObject({
      title: 'Nhiệm vụ CCHC quá hạn: Nhiệm vụ kiểm thử nhắc hạn (overdue)',
      subjectKind: 'reform_occurrence',
      link: '/quan-tri/viec-cua-co-quan',
      dossierId: null,
    });
    expect(overdue?.body).toContain(
      'có hạn hoàn thành ngày 14/06/2026, đến ngày 15/06/2026 chưa được báo cáo',
    );
    expect(overdue?.body).toContain('Cơ quan chủ trì: UBND phường Vị Thanh');
    expect(overdue?.body).toContain(`${base}/quan-tri/viec-cua-co-quan`);
    const oldWard = of('head').find((n) => n.subjectId === occurrence.oldWard);
    expect(oldWard?.title).toMatch(/còn 1 ngày, hạn 16\/06\/2026/);
    expect(oldWard?.body).toContain(`Cơ quan chủ trì: ${oldWardName}`);
    const digest = of('reform');
    expect(digest).toHaveLength(1);
    expect(digest[0]).toMatchObject({
      kind: 'tasks_overdue_digest',
      link: `/quan-tri/ke-hoach-cchc/${planId}`,
    });
    expect(digest[0]?.body).toContain(
      'UBND phường Vị Thanh: Nhiệm vụ kiểm thử nhắc hạn (overdue) — hạn 14/06/2026',
    );
  });

  it('shows officers their reminders in the in-app inbox, with the link', async () => {
    const r = await t.request({ method: 'GET', url: '/api/my/notifications', cookie: cookies.head });
    expect(r.statusCode, r.body).toBe(200);
    const inbox = r.json() as {
      items: { kind: string; link: string | null; dossierId: string | null }[];
      unread: number;
    };
    expect(inbox.unread).toBeGreaterThanOrEqual(3);
    expect(inbox.items.find((i) => i.kind === 'task_overdue')).toMatchObject({
      link: '/quan-tri/viec-cua-co-quan',
      dossierId: null,
    });
  });

  it('a crash after the commit loses nothing: a worker started later sends every email once', async () => {
    const deliveries = await t.database.db
      .select()
      .from(notificationDeliveries)
      .where(
        inArray(
          notificationDeliveries.notificationId,
          (await mine()).map((n) => n.id),
        ),
      );
    // Every demo officer has an email address and no saved choice: email by default.
    expect(deliveries).toHaveLength((await mine()).length);
    expect(
      deliveries.every((d) => d.status === 'pending' && /^reminder-\d+:email$/.test(d.idempotencyKey)),
    ).toBe(true);
    const adapter = emailAdapter({ url: catcher.url, from: 'Motcua <thongbao@motcua.example.vn>' });
    const worker = startNotificationWorker({ db: t.database.db, adapters: { email: adapter }, pollMs: 50 });
    const mails = await catcher.waitFor(deliveries.length);
    await worker.stop();
    adapter.close();
    expect(mails.filter((m) => m.duplicate)).toHaveLength(0);
    expect(
      mails.find((m) => m.to.includes(WARD_HEAD) && m.subject.startsWith('Nhiệm vụ CCHC quá hạn'))?.text,
    ).toContain('Hạn hoàn thành: 14/06/2026');
    // A rerun after the "restart" adds nothing.
    expect((await run()).messages).toBe(0);
    const after = await t.database.db
      .select({ status: notificationDeliveries.status })
      .from(notificationDeliveries)
      .where(
        and(
          inArray(
            notificationDeliveries.id,
            deliveries.map((d) => d.id),
          ),
        ),
      );
    expect(after.every((d) => d.status === 'sent')).toBe(true);
  });

  it('the next day sends nothing new; a reported task gets no alert; a week later the overdue window has closed', async () => {
    expect((await run(new Date('2026-06-16T01:00:00Z'))).messages).toBe(0);
    // 17/06: the old ward's task (due 16/06) is overdue now.
    const r = await run(new Date('2026-06-17T01:00:00Z'));
    expect(r.messages).toBeGreaterThan(0);
    expect(
      (await mine()).filter((n) => n.subjectId === occurrence.oldWard && n.kind === 'task_overdue').length,
    ).toBeGreaterThanOrEqual(2);
    const ledger = await t.database.db
      .select()
      .from(reformTaskReminders)
      .where(eq(reformTaskReminders.occurrenceId, occurrence.done as string));
    expect(ledger).toHaveLength(0);
    expect((await run(new Date('2026-07-30T01:00:00Z'))).messages).toBe(0);
  });

  it('the run-now endpoint is for administrators, and never for a future day', async () => {
    const url = '/api/office/reform-reminders/run';
    expect((await t.request({ method: 'POST', url, cookie: cookies.reform, payload: {} })).statusCode).toBe(
      403,
    );
    const future = await t.request({
      method: 'POST',
      url,
      cookie: cookies.admin,
      payload: { date: '2099-01-01' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Không thể chạy nhắc hạn cho một ngày trong tương lai.');
    const bad = await t.request({
      method: 'POST',
      url,
      cookie: cookies.admin,
      payload: { date: '15/06/2026' },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await t.request({
      method: 'POST',
      url,
      cookie: cookies.admin,
      payload: { date: '2026-06-15' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ date: '2026-06-15', messages: 0 });
  });

  it('rolls an old ward’s open tasks up to the successor ward’s board, marked with the original agency', async () => {
    const r = await t.request({ method: 'GET', url: '/api/office/reform-board', cookie: cookies.head });
    expect(r.statusCode, r.body).toBe(200);
    const board = r.json() as {
      items: { occurrenceId: string; leadAgencyName: string; rolledUpTo: { name: string } | null }[];
    };
    expect(board.items.find((i) => i.occurrenceId === occurrence.oldWard)).toMatchObject({
      leadAgencyName: oldWardName,
      rolledUpTo: { name: 'UBND phường Vị Thanh' },
    });
    expect(board.items.find((i) => i.occurrenceId === occurrence.week)?.rolledUpTo).toBeNull();
    // The new ward reports on the old ward's task; a ward that did not take it over may not.
    const report = (cookie: string | undefined) =>
      t.request({
        method: 'POST',
        url: `/api/office/reform-tasks/${taskIdOf.oldWard}/progress`,
        cookie,
        payload: { occurrenceId: occurrence.oldWard, status: 'in_progress', percent: 30, evidence: [] },
      });
    expect((await report(await t.login('motcua.vitan@demo.motcua.vn'))).statusCode).toBe(403);
    const ok = await report(cookies.head);
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

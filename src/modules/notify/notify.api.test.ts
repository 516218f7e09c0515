import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { users } from '../auth/schema.ts';
import { holdingAgencyId } from '../dossier/lifecycle/snapshot.ts';
import { dossierEvents, dossiers } from '../dossier/schema.ts';
import { enqueueNotifications, loadActionWithNoticeFacts, planNotice } from './enqueue.ts';
import { type NotificationChannel, notificationDeliveries, notifications } from './schema.ts';

const allChannels = new Set<NotificationChannel>(['email', 'sms', 'zalo']);

describe.each(testDatabaseKinds())('notifications on %s', (kind) => {
  const t = useTestApp(kind);

  const me = async (cookie: string) =>
    ((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).json() as { user: { id: string } })
      .user.id;

  /** A walk-in dossier received at the Vị Thanh desk, as the desk officer. */
  async function receivedDossier(desk: string, applicant: Record<string, unknown> = {}) {
    const agencies = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
    }[];
    const response = await t.request({
      method: 'POST',
      url: '/api/office/dossiers',
      cookie: desk,
      payload: {
        procedureCode: '1.001193',
        receivingAgencyId: agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc')?.id,
        applicant: { fullName: 'Nguyễn Thị Hoa', ...applicant },
        documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
        complete: true,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  }

  /** What the lead's wiring will do after each event: enqueue in the action's transaction. */
  async function enqueueLatest(dossierId: string, actorUserId: string, channels = allChannels) {
    const db = t.database.db;
    const [row] = await db.select().from(dossiers).where(eq(dossiers.id, dossierId));
    if (!row) throw new Error('no dossier');
    const [event] = await db
      .select()
      .from(dossierEvents)
      .where(and(eq(dossierEvents.ownerUnitId, row.ownerUnitId), eq(dossierEvents.dossierId, dossierId)))
      .orderBy(desc(dossierEvents.id))
      .limit(1);
    if (!event) throw new Error('no event');
    return db.transaction((tx) =>
      enqueueNotifications(tx, {
        ownerUnitId: row.ownerUnitId,
        eventId: event.id,
        action: event.action,
        snapshot: row.snapshot,
        actorUserId,
        now: new Date(),
        channels,
      }),
    );
  }

  it('puts the message in the applicant account inbox, with read state and the default email delivery', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const citizen = await t.login('congdan@demo.motcua.vn');
    const citizenId = await me(citizen);
    const dossier = await receivedDossier(desk);
    // As if filed online from the citizen's account.
    await t.database.db
      .update(dossiers)
      .set({ applicantUserId: citizenId })
      .where(eq(dossiers.id, dossier.id));
    const enqueued = await enqueueLatest(dossier.id, await me(desk));
    expect(enqueued?.deliveries).toEqual([{ channel: 'email', address: 'congdan@demo.motcua.vn' }]);

    const inbox = await t.request({ method: 'GET', url: '/api/my/notifications', cookie: citizen });
    expect(inbox.statusCode, inbox.body).toBe(200);
    const page = inbox.json() as {
      items: { id: string; title: string; body: string; readAt: string | null }[];
      total: number;
      unread: number;
    };
    expect(page.total).toBeGreaterThanOrEqual(1);
    expect(page.unread).toBe(page.total);
    const first = page.items[0];
    expect(first?.title).toMatch(/^Hồ sơ .+ đã được tiếp nhận$/);
    expect(first?.body).toContain('Cơ quan tiếp nhận: Trung tâm Phục vụ hành chính công phường Vị Thanh');
    expect(first?.body).toMatch(/Cán bộ xử lý: \S+/);
    expect(first?.body).toMatch(/Thời điểm tiếp nhận: \d\d:\d\d ngày \d\d\/\d\d\/\d{4}/);

    // Somebody else's message is not found, not merely forbidden.
    const other = await t.request({
      method: 'POST',
      url: `/api/my/notifications/${first?.id}/read`,
      cookie: desk,
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.message).toBe('Không tìm thấy thông báo.');
    const read = await t.request({
      method: 'POST',
      url: `/api/my/notifications/${first?.id}/read`,
      cookie: citizen,
    });
    expect(read.json()).toEqual({ unread: page.unread - 1 });
    const all = await t.request({ method: 'POST', url: '/api/my/notifications/read-all', cookie: citizen });
    expect(all.json()).toEqual({ unread: 0 });
    const after = (
      await t.request({ method: 'GET', url: '/api/my/notifications?pageSize=1', cookie: citizen })
    ).json();
    expect(after.items).toHaveLength(1);
    expect(after.items[0].readAt).not.toBeNull();
    expect(after.unread).toBe(0);

    expect((await t.request({ method: 'GET', url: '/api/my/notifications' })).statusCode).toBe(401);
  });

  it('keeps each account its channel choice, refusing a channel without an address', async () => {
    const citizen = await t.login('congdan@demo.motcua.vn');
    const initial = await t.request({
      method: 'GET',
      url: '/api/my/notification-preferences',
      cookie: citizen,
    });
    expect(initial.json()).toEqual({
      email: true,
      sms: false,
      zalo: false,
      zaloUserId: null,
      accountEmail: 'congdan@demo.motcua.vn',
      accountPhone: null,
      availableChannels: [],
    });
    const put = (payload: Record<string, unknown>) =>
      t.request({ method: 'PUT', url: '/api/my/notification-preferences', cookie: citizen, payload });
    const noPhone = await put({ email: true, sms: true, zalo: false });
    expect(noPhone.statusCode).toBe(422);
    expect(noPhone.json().error.message).toBe(
      'Tài khoản chưa có số điện thoại nên không thể nhận thông báo qua SMS.',
    );
    const noZalo = await put({ email: true, sms: false, zalo: true });
    expect(noZalo.statusCode).toBe(422);
    expect(noZalo.json().error.message).toMatch(/mã người dùng Zalo/);
    expect((await put({ email: true, sms: false, zalo: true, zaloUserId: 'abc' })).statusCode).toBe(400);
    const saved = await put({ email: false, sms: false, zalo: true, zaloUserId: '5421876543210' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ email: false, sms: false, zalo: true, zaloUserId: '5421876543210' });
    expect(
      (await t.request({ method: 'GET', url: '/api/my/notification-preferences', cookie: citizen })).json(),
    ).toMatchObject({ email: false, zalo: true, zaloUserId: '5421876543210' });
  });

  it('follows the saved choice, writes walk-ins to the dossier contacts, and shows officers the deliveries', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const deskId = await me(desk);
    const citizen = await t.login('congdan@demo.motcua.vn');
    const citizenId = await me(citizen);
    await t.database.db.update(users).set({ phone: '0912000111' }).where(eq(users.id, citizenId));
    const put = await t.request({
      method: 'PUT',
      url: '/api/my/notification-preferences',
      cookie: citizen,
      payload: { email: false, sms: true, zalo: true, zaloUserId: '5421876543210' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const online = await receivedDossier(desk);
    await t.database.db
      .update(dossiers)
      .set({ applicantUserId: citizenId })
      .where(eq(dossiers.id, online.id));
    const chosen = await enqueueLatest(online.id, deskId);
    expect(chosen?.deliveries.map((d) => d.channel)).toEqual(['sms', 'zalo']);

    const walkIn = await receivedDossier(desk, { email: 'Hoa.Nguyen@example.vn', phone: '0987654321' });
    const enqueued = await enqueueLatest(walkIn.id, deskId, new Set(['email', 'sms']));
    expect(enqueued?.deliveries).toEqual([
      { channel: 'email', address: 'hoa.nguyen@example.vn' },
      { channel: 'sms', address: '0987654321' },
    ]);
    const [message] = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.dossierId, walkIn.id));
    expect(message?.userId).toBeNull();
    const keys = await t.database.db
      .select({ key: notificationDeliveries.idempotencyKey, status: notificationDeliveries.status })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.dossierId, walkIn.id));
    // `<event id>:<channel>`: one event, one key per channel.
    const eventIds = new Set(keys.map((k) => k.key.split(':')[0]));
    expect(eventIds.size).toBe(1);
    expect(keys.map((k) => k.key.split(':')[1]).sort()).toEqual(['email', 'sms']);
    expect(keys.every((k) => k.status === 'pending')).toBe(true);

    const view = await t.request({
      method: 'GET',
      url: `/api/office/dossiers/${walkIn.id}/notifications`,
      cookie: desk,
    });
    expect(view.statusCode, view.body).toBe(200);
    // The app already wrote the receipt's message (no channel configured in tests); the one enqueued above
    // with email and SMS is the one with deliveries.
    const item = view.json().items.find((i: { deliveries: unknown[] }) => i.deliveries.length > 0);
    expect(item).toMatchObject({ kind: 'received', inApp: false });
    expect(item.deliveries).toEqual([
      expect.objectContaining({
        channel: 'email',
        address: 'ho***@example.vn',
        status: 'pending',
        attempts: 0,
        sentAt: null,
      }),
      expect.objectContaining({
        channel: 'sms',
        address: '0987***321',
        status: 'pending',
        attempts: 0,
        lastError: null,
      }),
    ]);
    // Outside the dossier's agencies: not found; citizens: not for them.
    const otherDesk = await t.login('motcua.vitan@demo.motcua.vn');
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/office/dossiers/${walkIn.id}/notifications`,
          cookie: otherDesk,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/office/dossiers/${walkIn.id}/notifications`,
          cookie: citizen,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('plans the same notice from the facts read with the action as from its own read', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const deskId = await me(desk);
    const walkIn = await receivedDossier(desk, { email: 'lan.tran@example.vn', phone: '0987000111' });
    const loaded = await loadActionWithNoticeFacts(t.database.db, walkIn.id, deskId);
    if (!loaded) throw new Error('no dossier');
    // The intake wrote its receipt notice from the names of its first read: the same as a read of the dossier.
    const [written] = await t.database.db
      .select({ title: notifications.title, body: notifications.body })
      .from(notifications)
      .where(eq(notifications.dossierId, walkIn.id));
    const reread = await planNotice(t.database.db, {
      ownerUnitId: loaded.action.ownerUnitId,
      action: 'receive',
      snapshot: loaded.action.snapshot,
      actorUserId: deskId,
      now: new Date(),
      channels: allChannels,
    });
    expect(written).toEqual({ title: reread?.message.title, body: reread?.message.body });
    // The holding agency's name came with the read, so no second read was made.
    expect(loaded.preloaded.agencyNames.has(holdingAgencyId(loaded.action.snapshot))).toBe(true);
    for (const action of ['receive', 'return_result', 'apologise']) {
      const input = {
        ownerUnitId: loaded.action.ownerUnitId,
        action,
        snapshot: loaded.action.snapshot,
        actorUserId: deskId,
        now: new Date('2026-03-02T03:00:00Z'),
        channels: allChannels,
      };
      const read = await planNotice(t.database.db, input);
      const preloaded = await planNotice(t.database.db, input, loaded.preloaded);
      expect(preloaded).toEqual({ ...read, notificationId: preloaded?.notificationId });
      expect(read?.message.body).toContain('Cán bộ xử lý:');
    }
  });

  it('enqueues nothing for an internal step', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const dossier = await receivedDossier(desk);
    const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, dossier.id));
    if (!row) throw new Error('no dossier');
    const result = await enqueueNotifications(t.database.db, {
      ownerUnitId: row.ownerUnitId,
      eventId: 1,
      action: 'complete_step',
      snapshot: row.snapshot,
      actorUserId: await me(desk),
      now: new Date(),
      channels: allChannels,
    });
    expect(result).toBeNull();
  });
});

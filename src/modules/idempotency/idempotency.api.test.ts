import { randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { dossierEvents, dossiers } from '../dossier/schema.ts';
import { deleteExpiredKeys } from './cleanup.ts';
import { idempotencyKeys } from './schema.ts';

type Minimal = { id: string; state: string; version: number };

describe.each(testDatabaseKinds())('Idempotency-Key on the office dossier routes on %s', (kind) => {
  const t = useTestApp(kind);
  let agencyId: string | undefined;
  const intakeBody = async (fullName: string) => {
    agencyId ??= (
      (await t.request({ method: 'GET', url: '/api/agencies' })).json() as { id: string; slug: string }[]
    ).find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc')?.id;
    return {
      procedureCode: '1.001193',
      receivingAgencyId: agencyId,
      applicant: { fullName },
      documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
      complete: true,
    };
  };
  const post = (cookie: string, url: string, payload: object, key?: string, minimal = true) =>
    t.request({
      method: 'POST',
      url,
      cookie,
      payload,
      headers: {
        ...(key ? { 'idempotency-key': key } : {}),
        ...(minimal ? { prefer: 'return=minimal' } : {}),
      },
    });
  const dossiersNamed = async (name: string) =>
    (await t.database.db.select({ n: count() }).from(dossiers).where(eq(dossiers.applicantName, name)))[0]?.n;
  const eventsOf = async (id: string) =>
    (await t.database.db.select({ n: count() }).from(dossierEvents).where(eq(dossierEvents.dossierId, id)))[0]
      ?.n;

  it('replays an intake and an action with the stored answer and writes nothing twice', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const name = `Thử Lặp ${randomUUID().slice(0, 8)}`;
    const body = await intakeBody(name);
    const key = `intake-${randomUUID()}`;
    const first = await post(desk, '/api/office/dossiers', body, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await post(desk, '/api/office/dossiers', body, key);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    // A repeat asking for the full view gets the same dossier.
    const full = await post(desk, '/api/office/dossiers', body, key, false);
    expect(full.statusCode).toBe(201);
    expect(full.json().id).toBe(first.json().id);
    expect(await dossiersNamed(name)).toBe(1);

    const d = first.json() as Minimal;
    const action = { version: d.version, action: { type: 'complete_step', comment: 'Chuyển thẩm định' } };
    const url = `/api/office/dossiers/${d.id}/actions`;
    const actionKey = `act-${randomUUID()}`;
    const acted = await post(desk, url, action, actionKey);
    expect(acted.statusCode, acted.body).toBe(200);
    const events = await eventsOf(d.id);
    const replay = await post(desk, url, action, actionKey);
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(acted.json());
    expect(await eventsOf(d.id)).toBe(events);
    // Without the key the same request is a stale version, as before.
    expect((await post(desk, url, action)).statusCode).toBe(409);
  });

  it('refuses a key reused with another body or on another route (422, in Vietnamese)', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const key = `reuse-${randomUUID()}`;
    const name = `Thử Khác ${randomUUID().slice(0, 8)}`;
    expect((await post(desk, '/api/office/dossiers', await intakeBody(name), key)).statusCode).toBe(201);
    const other = await post(desk, '/api/office/dossiers', await intakeBody(`${name} B`), key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.message).toContain('đã được dùng cho một yêu cầu khác');
    expect(await dossiersNamed(`${name} B`)).toBe(0);
    const d = (await post(desk, '/api/office/dossiers', await intakeBody(name), key)).json() as Minimal;
    const elsewhere = await post(
      desk,
      `/api/office/dossiers/${d.id}/actions`,
      { version: d.version, action: { type: 'complete_step', comment: 'Chuyển' } },
      key,
    );
    expect(elsewhere.statusCode).toBe(422);
    expect(await eventsOf(d.id)).toBe(2);
  });

  it('lets one of concurrent duplicates act and answers the others with its response', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const name = `Thử Đồng Thời ${randomUUID().slice(0, 8)}`;
    const body = await intakeBody(name);
    const key = `race-${randomUUID()}`;
    const intakes = await Promise.all(
      Array.from({ length: 6 }, () => post(desk, '/api/office/dossiers', body, key)),
    );
    for (const r of intakes) expect(r.statusCode, r.body).toBe(201);
    expect(new Set(intakes.map((r) => r.json().id)).size).toBe(1);
    expect(await dossiersNamed(name)).toBe(1);

    const d = intakes[0]?.json() as Minimal;
    const action = { version: d.version, action: { type: 'complete_step', comment: 'Chuyển' } };
    const actionKey = `race-act-${randomUUID()}`;
    const acts = await Promise.all(
      Array.from({ length: 6 }, () => post(desk, `/api/office/dossiers/${d.id}/actions`, action, actionKey)),
    );
    for (const r of acts) expect(r.statusCode, r.body).toBe(200);
    expect(new Set(acts.map((r) => r.json().version)).size).toBe(1);
    expect(await eventsOf(d.id)).toBe(3);
  });

  it('commits the change and its key together: a failure at the key leaves nothing, the retry acts once', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const db = t.database.db;
    // A failure right where the key is written stands in for a crash after the change's own statements.
    await db.execute(sql`create function refuse_crash_key() returns trigger language plpgsql as $$
      begin if new.key like 'crash-%' then raise exception 'simulated crash'; end if; return new; end $$`);
    const arm = () =>
      db.execute(
        sql`create trigger refuse_crash_key before insert on idempotency_keys for each row execute function refuse_crash_key()`,
      );
    const disarm = () => db.execute(sql`drop trigger refuse_crash_key on idempotency_keys`);
    const name = `Thử Sự Cố ${randomUUID().slice(0, 8)}`;
    const body = await intakeBody(name);
    const key = `crash-${randomUUID()}`;
    await arm();
    expect((await post(desk, '/api/office/dossiers', body, key)).statusCode).toBe(500);
    await disarm();
    expect(await dossiersNamed(name)).toBe(0);
    const created = await post(desk, '/api/office/dossiers', body, key);
    expect(created.statusCode, created.body).toBe(201);
    expect(await dossiersNamed(name)).toBe(1);

    const d = created.json() as Minimal;
    const action = { version: d.version, action: { type: 'complete_step', comment: 'Chuyển' } };
    const actionKey = `crash-${randomUUID()}`;
    await arm();
    expect((await post(desk, `/api/office/dossiers/${d.id}/actions`, action, actionKey)).statusCode).toBe(
      500,
    );
    await disarm();
    expect(await eventsOf(d.id)).toBe(2);
    const acted = await post(desk, `/api/office/dossiers/${d.id}/actions`, action, actionKey);
    expect(acted.statusCode, acted.body).toBe(200);
    expect(await eventsOf(d.id)).toBe(3);
    await db.execute(sql`drop function refuse_crash_key()`);
  });

  it('forgets keys after a day', async () => {
    const desk = await t.login('motcua.vithanh@demo.motcua.vn');
    const key = `old-${randomUUID()}`;
    const body = await intakeBody(`Thử Hết Hạn ${randomUUID().slice(0, 8)}`);
    expect((await post(desk, '/api/office/dossiers', body, key)).statusCode).toBe(201);
    await t.database.db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(idempotencyKeys.key, key));
    expect(await deleteExpiredKeys(t.database.db)).toBeGreaterThanOrEqual(1);
    expect(await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key))).toEqual(
      [],
    );
  });
});

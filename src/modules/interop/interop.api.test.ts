import http from 'node:http';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { dossierEvents, dossiers } from '../dossier/schema.ts';
import { fanOut } from './fanout.ts';
import { interopDeliveries, interopRejections } from './schema.ts';
import { sendDue } from './sender.ts';
import { signRequest, verifyWebhook } from './signing.ts';

const ADMIN = 'quantri@demo.motcua.vn';
const DESK = 'motcua.vithanh@demo.motcua.vn';
const PROCEDURE = '1.001193'; // đăng ký khai sinh: online, two required uploads (0.4, 3.2)
const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`).toString('base64');

interface Hook {
  body: string;
  json: {
    eventId: string;
    kind: string;
    sequence: number;
    dossier: { dossierId: string; state: string; externalId: string | null };
  };
  signature: string | undefined;
}

/** A webhook receiver that answers `status()` (down = 503) and records what it got. */
async function receiver() {
  const got: Hook[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (status < 300) {
        const sig = req.headers['x-motcua-signature'];
        got.push({ body, json: JSON.parse(body), signature: typeof sig === 'string' ? sig : undefined });
      }
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    got,
    setStatus: (s: number) => {
      status = s;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(testDatabaseKinds())('interop on %s', (kind) => {
  const t = useTestApp(kind);
  let admin = '';
  let desk = '';
  let apiKey = '';
  let clientId = '';
  let deskAgencyId = '';
  let otherAgencyId = '';
  let hooks: Awaited<ReturnType<typeof receiver>>;
  let secret = '';

  beforeAll(async () => {
    admin = await t.login(ADMIN);
    desk = await t.login(DESK);
    const agencies = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
      unitId: string;
    }[];
    const vithanh = agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc');
    deskAgencyId = vithanh?.id ?? '';
    otherAgencyId = agencies.find((a) => a.unitId !== vithanh?.unitId && /ttpvhcc/.test(a.slug))?.id ?? '';
    const created = await t.request({
      method: 'POST',
      url: '/api/admin/interop/clients',
      cookie: admin,
      payload: {
        name: 'Cổng Dịch vụ công quốc gia (thử)',
        allowedCidrs: ['127.0.0.0/8', '::1/128'],
        unitIds: [vithanh?.unitId],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    ({ apiKey } = created.json() as { apiKey: string });
    clientId = (created.json() as { client: { id: string } }).client.id;
    hooks = await receiver();
    const sub = await t.request({
      method: 'POST',
      url: `/api/admin/interop/clients/${clientId}/subscriptions`,
      cookie: admin,
      payload: { url: hooks.url, ownDossiersOnly: true },
    });
    expect(sub.statusCode, sub.body).toBe(201);
    ({ secret } = sub.json() as { secret: string });
  });
  afterAll(() => hooks?.close());

  const signed = (
    method: 'GET' | 'POST',
    url: string,
    payload?: unknown,
    opts: { key?: string; nonce?: string; at?: number; ip?: string; tamper?: boolean } = {},
  ) => {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const headers = signRequest({
      apiKey: opts.key ?? apiKey,
      method,
      path: url,
      body,
      timestamp: opts.at ?? Date.now() / 1000,
      ...(opts.nonce ? { nonce: opts.nonce } : {}),
    });
    if (opts.tamper) headers['x-motcua-signature'] = `${headers['x-motcua-signature']?.slice(0, -2)}00`;
    return t.request({
      method,
      url,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: body } : {}),
      ...(opts.ip ? { remoteAddress: opts.ip } : {}),
    });
  };

  const application = (externalId: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    sourceSystem: 'DVCQG',
    procedureCode: PROCEDURE,
    receivingAgencyId: deskAgencyId,
    applicant: { fullName: 'Lê Thị Thu', citizenId: '093190001234', phone: '0912345678' },
    formData: {
      childFullName: 'Trần Minh An',
      childBirthDate: '2026-11-20',
      childSex: 'nam',
      placeOfBirth: 'Bệnh viện Đa khoa tỉnh Hậu Giang',
      motherFullName: 'Lê Thị Thu',
      relationship: 'me',
    },
    documents: [
      { slot: '0.4', fileName: 'to-khai.pdf', contentBase64: pdf('to khai') },
      { slot: '3.2', fileName: 'giay-chung-sinh.pdf', contentBase64: pdf('chung sinh') },
    ],
    ...extra,
  });
  const counts = async () => {
    const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(dossiers);
    return row?.n ?? 0;
  };
  const rejections = async (reason: string) =>
    (await t.database.db.select().from(interopRejections).where(eq(interopRejections.reason, reason))).length;

  it('files a dossier as an online submission in the desk queue; a replay gets the same answer, a reuse 409', async () => {
    const first = await signed('POST', '/api/interop/v1/dossiers', application('DVCQG-0001'));
    expect(first.statusCode, first.body).toBe(201);
    const filed = first.json() as { dossierId: string; state: string; code: string | null };
    expect(filed.state).toBe('submitted');
    const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, filed.dossierId));
    expect(row?.channel).toBe('online');
    expect(row?.currentAgencyId).toBe(deskAgencyId);

    const before = await counts();
    const replay = await signed('POST', '/api/interop/v1/dossiers', application('DVCQG-0001'));
    expect(replay.statusCode, replay.body).toBe(201);
    expect(replay.json()).toEqual(first.json());
    const reuse = await signed(
      'POST',
      '/api/interop/v1/dossiers',
      application('DVCQG-0001', {
        applicant: { fullName: 'Người khác', citizenId: '093190001235', phone: '0912345679' },
      }),
    );
    expect(reuse.statusCode, reuse.body).toBe(409);
    expect((reuse.json() as { error: { dossier: { dossierId: string } } }).error.dossier.dossierId).toBe(
      filed.dossierId,
    );
    expect(await counts()).toBe(before);

    // The desk sees it in its intake queue and receives it; the status query follows by id, then by code.
    const queue = await t.request({ method: 'GET', url: '/api/office/dossiers', cookie: desk });
    expect(queue.body).toContain(filed.dossierId);
    const status = await signed('GET', `/api/interop/v1/dossiers/${filed.dossierId}`);
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toMatchObject({ state: 'submitted', externalId: 'DVCQG-0001', sequence: 1 });
  });

  it('refuses an incomplete filing with the missing items, changing nothing', async () => {
    const before = await counts();
    const r = await signed('POST', '/api/interop/v1/dossiers', application('DVCQG-0002', { documents: [] }));
    expect(r.statusCode, r.body).toBe(400);
    expect(r.body).toContain('Thiếu giấy tờ');
    const notPdf = await signed(
      'POST',
      '/api/interop/v1/dossiers',
      application('DVCQG-0003', {
        documents: [
          { slot: '0.4', contentBase64: Buffer.from('MZ not a document at all').toString('base64') },
          { slot: '3.2', contentBase64: pdf('x') },
        ],
      }),
    );
    expect(notPdf.statusCode, notPdf.body).toBe(415);
    expect(await counts()).toBe(before);
  });

  it('refuses unknown clients, bad signatures, replays, stale timestamps, other addresses and other agencies', async () => {
    const before = await counts();
    const body = application('DVCQG-0100');
    const unknown = await signed('POST', '/api/interop/v1/dossiers', body, {
      key: 'mck_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(unknown.statusCode).toBe(401);
    expect(await rejections('unknown_client')).toBe(1);

    const bad = await signed('POST', '/api/interop/v1/dossiers', body, { tamper: true });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.message).toMatch(/Chữ ký/);
    expect(await rejections('bad_signature')).toBe(1);

    const stale = await signed('POST', '/api/interop/v1/dossiers', body, { at: Date.now() / 1000 - 600 });
    expect(stale.statusCode).toBe(401);
    expect(await rejections('stale_timestamp')).toBe(1);

    const elsewhere = await signed('POST', '/api/interop/v1/dossiers', body, { ip: '203.0.113.9' });
    expect(elsewhere.statusCode).toBe(403);
    expect(await rejections('ip_not_allowed')).toBe(1);

    const out = await signed('POST', '/api/interop/v1/dossiers', {
      ...body,
      receivingAgencyId: otherAgencyId,
    });
    expect(out.statusCode, out.body).toBe(403);
    expect(await rejections('out_of_scope')).toBe(1);

    const nonce = 'nonce-replayed-000000001';
    const once = await signed('GET', '/api/interop/v1/dossiers/khong-co', undefined, { nonce });
    expect(once.statusCode).toBe(404);
    const again = await signed('GET', '/api/interop/v1/dossiers/khong-co', undefined, { nonce });
    expect(again.statusCode).toBe(401);
    expect(await rejections('replayed_nonce')).toBe(1);
    expect(await counts()).toBe(before);

    const list = await t.request({ method: 'GET', url: '/api/admin/interop/rejections', cookie: admin });
    expect(list.statusCode).toBe(200);
    expect((list.json() as { reason: string }[]).map((r) => r.reason)).toEqual(
      expect.arrayContaining([
        'unknown_client',
        'bad_signature',
        'stale_timestamp',
        'ip_not_allowed',
        'replayed_nonce',
      ]),
    );
    expect(
      (await t.request({ method: 'GET', url: '/api/admin/interop/rejections', cookie: desk })).statusCode,
    ).toBe(403);
  });

  it('pushes signed status webhooks in order, once each, and rides out an hour-long outage', async () => {
    const db = t.database.db;
    await fanOut(db);
    await sendDue(db);
    hooks.got.length = 0;
    const filed = (await signed('POST', '/api/interop/v1/dossiers', application('DVCQG-0200'))).json() as {
      dossierId: string;
    };
    let clock = Date.now();
    const now = () => new Date(clock);
    const fast = { now, retryBaseMs: 30_000, retryMaxMs: 900_000, random: () => 0.5 };

    // The receiver is down: the submit event is retried with growing delays, and kept.
    hooks.setStatus(503);
    expect(await fanOut(db)).toBe(1);
    clock = Date.now() + 1_000; // the fake clock starts after the delivery was queued (by the database's clock)
    expect(await sendDue(db, fast)).toBe(1);
    const detail = (
      await t.request({ method: 'GET', url: `/api/office/dossiers/${filed.dossierId}`, cookie: desk })
    ).json() as {
      version: number;
    };
    const received = await t.request({
      method: 'POST',
      url: `/api/office/dossiers/${filed.dossierId}/actions`,
      cookie: desk,
      payload: { version: detail.version, action: { type: 'receive', dossierCode: '' } },
    });
    expect(received.statusCode, received.body).toBe(200);
    expect(await fanOut(db)).toBe(1);
    expect(await fanOut(db)).toBe(0); // read once: a second round queues nothing again
    const mine = () =>
      db
        .select()
        .from(interopDeliveries)
        .where(eq(interopDeliveries.dossierId, filed.dossierId))
        .orderBy(interopDeliveries.eventId);
    // An hour and a quarter of outage, polled every minute: only the first event is tried (order), never given up.
    let calls = 0;
    for (let minute = 0; minute < 75; minute++) {
      clock += 60_000;
      calls += await sendDue(db, fast);
    }
    let rows = await mine();
    expect(rows.map((r) => r.status)).toEqual(['pending', 'pending']);
    expect(rows[1]?.attempts).toBe(0);
    expect(rows[0]?.attempts).toBe(calls + 1);
    expect(calls).toBeLessThan(12); // exponential backoff, not every minute
    expect(hooks.got).toHaveLength(0);

    // Back up: both arrive, in order, signed, with sequence numbers; nothing is sent twice.
    hooks.setStatus(200);
    clock += 16 * 60_000;
    await sendDue(db, fast);
    rows = await mine();
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered']);
    expect(hooks.got.map((h) => [h.json.kind, h.json.sequence])).toEqual([
      ['dossier.submit', 1],
      ['dossier.receive', 2],
    ]);
    for (const h of hooks.got) {
      const t0 = Number(/t=(\d+)/.exec(h.signature ?? '')?.[1]);
      expect(verifyWebhook(secret, h.signature, h.body, t0)).toEqual({ ok: true });
      expect(verifyWebhook('whs_wrong', h.signature, h.body, t0).ok).toBe(false);
      expect(h.json.dossier.externalId).toBe('DVCQG-0200');
    }
    expect(new Set(hooks.got.map((h) => h.json.eventId)).size).toBe(2);
    clock += 3_600_000;
    expect(await sendDue(db, fast)).toBe(0);
    expect(hooks.got).toHaveLength(2);

    const status = await signed('GET', `/api/interop/v1/dossiers/${filed.dossierId}`);
    const code = (status.json() as { code: string }).code;
    expect(code).toBeTruthy();
    const byCode = await signed('GET', `/api/interop/v1/dossiers/${encodeURIComponent(code)}`);
    expect(byCode.json()).toMatchObject({ state: 'received', sequence: 2 });
  });

  it('marks a delivery failed after the retry window and re-delivers it on an administrator request', async () => {
    const db = t.database.db;
    hooks.got.length = 0;
    const filed = (await signed('POST', '/api/interop/v1/dossiers', application('DVCQG-0300'))).json() as {
      dossierId: string;
    };
    let clock = Date.now();
    const fast = { now: () => new Date(clock), retryWindowMs: 2 * 3_600_000, random: () => 0.5 };
    hooks.setStatus(500);
    await fanOut(db);
    for (let i = 0; i < 200 && clock - Date.now() < 3 * 3_600_000; i++) {
      clock += 5 * 60_000;
      await sendDue(db, fast);
    }
    const [failed] = await db
      .select()
      .from(interopDeliveries)
      .where(and(eq(interopDeliveries.dossierId, filed.dossierId), eq(interopDeliveries.status, 'failed')));
    expect(failed?.lastError).toBe('HTTP 500');
    const list = await t.request({
      method: 'GET',
      url: '/api/admin/interop/deliveries?status=failed',
      cookie: admin,
    });
    expect(list.body).toContain(filed.dossierId);

    hooks.setStatus(200);
    const redo = await t.request({
      method: 'POST',
      url: `/api/admin/interop/deliveries/${failed?.ownerUnitId}/${failed?.id}/redeliver`,
      cookie: admin,
    });
    expect(redo.statusCode, redo.body).toBe(204);
    const twice = await t.request({
      method: 'POST',
      url: `/api/admin/interop/deliveries/${failed?.ownerUnitId}/${failed?.id}/redeliver`,
      cookie: admin,
    });
    expect(twice.statusCode).toBe(409);
    await sendDue(db, { now: () => new Date(clock) });
    expect(hooks.got.map((h) => h.json.dossier.dossierId)).toEqual([filed.dossierId]);
    const events = await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, filed.dossierId));
    expect(events).toHaveLength(1);
  });
});

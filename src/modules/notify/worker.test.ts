import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/connect.ts';
import { openTestDatabase, testDatabaseKinds } from '../../testing/test-db.ts';
import { smsAdapter } from './adapters/sms.ts';
import { PermanentDeliveryError } from './adapters/types.ts';
import { zaloAdapter } from './adapters/zalo.ts';
import { notificationDeliveries } from './schema.ts';
import {
  checkSmsRequest,
  checkZaloRequest,
  type HttpReceiver,
  smsAccepted,
  startHttpReceiver,
} from './testing/http-receiver.ts';
import { enqueueSample } from './testing/outbox-fixture.ts';
import { startNotificationWorker } from './worker.ts';

const sms = { apiKey: 'k', brandname: 'MOTCUA' };

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(testDatabaseKinds())('notification worker on %s', (kind) => {
  let database: Database;
  let gateway: HttpReceiver;
  let failNext = 0;
  const owner = randomUUID();
  let eventId = 1000;
  const rowsOf = async (key: string) =>
    database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.idempotencyKey, key));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    gateway = await startHttpReceiver({
      path: '/sms',
      check: checkSmsRequest(sms),
      answer: (r, n) => {
        if (failNext > 0) {
          failNext -= 1;
          return { status: 503, json: { error: 'Quá tải' } };
        }
        return smsAccepted(r, n);
      },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await database.close();
  });

  it('retries a failed send after a backoff, then records it sent; attempts and the error stay visible', async () => {
    failNext = 1;
    const id = ++eventId;
    await enqueueSample(database.db, owner, id, [{ channel: 'sms', address: '0912345678' }]);
    const logged: { level: string; fields: Record<string, unknown>; message: string }[] = [];
    const keep = (level: string) => (fields: object, message: string) =>
      logged.push({ level, fields: fields as Record<string, unknown>, message });
    const worker = startNotificationWorker({
      db: database.db,
      adapters: { sms: smsAdapter({ url: gateway.url, ...sms }) },
      pollMs: 20,
      // Long enough that a loaded machine still sees the failed try before the retry (equal jitter: ≥ 1 s).
      retryBaseMs: 2000,
      log: { info: keep('info'), warn: keep('warn'), error: keep('error') },
    });
    const started = Date.now();
    try {
      const [failed] = await until(
        () => rowsOf(`${id}:sms`),
        ([r]) => r?.attempts === 1 && r.lockedUntil === null,
      );
      expect(failed).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
      expect(failed?.lastError).toMatch(/^Cổng SMS trả lời HTTP 503/);
      // Equal jitter: the next try at least half the 2 s base after the failed one, which came after `started`
      // (measured from the start, not from now: how late this check runs depends on the machine's load).
      expect(failed?.nextAttemptAt.getTime() ?? 0).toBeGreaterThanOrEqual(started + 1000);
      const [sent] = await until(
        () => rowsOf(`${id}:sms`),
        ([r]) => r?.status === 'sent',
      );
      expect(sent).toMatchObject({ attempts: 2, lastError: null, lockedUntil: null });
      expect(sent?.providerMessageId).toMatch(/^sms-\d+$/);
      expect(sent?.sentAt).toBeInstanceOf(Date);
      // Each try is in the log with the delivery's id (structured logs: workers name their jobs).
      const mine = logged.filter((l) => String(l.fields.deliveryId) === String(sent?.id));
      expect(mine.map((l) => [l.level, l.message, l.fields.attempts])).toEqual([
        ['warn', 'notification delivery failed', 1],
        ['info', 'notification delivered', 2],
      ]);
      expect(mine[1]?.fields).toMatchObject({ channel: 'sms', idempotencyKey: `${id}:sms` });
    } finally {
      await worker.stop();
    }
  });

  it('gives up after maxAttempts, and at once on a permanent refusal', async () => {
    const oa = await startHttpReceiver({
      path: '/oa',
      check: checkZaloRequest({ accessToken: 't' }),
      answer: () => ({ status: 200, json: { error: -32, message: 'Tạm thời không gửi được' } }),
    });
    const again = ++eventId;
    const refused = ++eventId;
    await enqueueSample(database.db, owner, again, [{ channel: 'zalo', address: '5421' }]);
    await enqueueSample(database.db, owner, refused, [{ channel: 'email', address: 'a@b.vn' }]);
    const worker = startNotificationWorker({
      db: database.db,
      adapters: {
        zalo: zaloAdapter({ url: oa.url, accessToken: 't' }),
        email: {
          send: () => Promise.reject(new PermanentDeliveryError('Địa chỉ email không tồn tại.')),
        },
      },
      pollMs: 20,
      retryBaseMs: 10,
      maxAttempts: 3,
    });
    try {
      const [zalo] = await until(
        () => rowsOf(`${again}:zalo`),
        ([r]) => r?.status === 'failed',
      );
      expect(zalo).toMatchObject({ attempts: 3, sentAt: null });
      expect(zalo?.lastError).toBe('Zalo OA từ chối tin nhắn (mã -32): Tạm thời không gửi được');
      expect(oa.requests).toHaveLength(3);
      const [email] = await until(
        () => rowsOf(`${refused}:email`),
        ([r]) => r?.status === 'failed',
      );
      expect(email).toMatchObject({ attempts: 1, lastError: 'Địa chỉ email không tồn tại.' });
    } finally {
      await worker.stop();
      await oa.close();
    }
  });

  it('lets two workers drain one outbox without sending anything twice', async () => {
    const first = eventId + 1;
    for (let i = 0; i < 30; i++) {
      await enqueueSample(database.db, owner, ++eventId, [{ channel: 'sms', address: '0912345678' }]);
    }
    const before = gateway.requests.length;
    const options = {
      db: database.db,
      adapters: { sms: smsAdapter({ url: gateway.url, ...sms }) },
      pollMs: 10,
      batchSize: 4,
    };
    const workers = [startNotificationWorker(options), startNotificationWorker(options)];
    try {
      await until(
        async () => gateway.requests.length - before,
        (n) => n >= 30,
      );
      await new Promise((r) => setTimeout(r, 100));
      const keys = gateway.requests.slice(before).map((r) => r.idempotencyKey);
      expect(keys).toHaveLength(30);
      expect(new Set(keys).size).toBe(30);
      expect(keys).toContain(`${first}:sms`);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  });
});

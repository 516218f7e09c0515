// A process the crash test kills with SIGKILL: `enqueue <n>` writes n messages × 3 channels to the outbox and then
// idles; `work` runs the worker with the adapters configured from the environment until nothing is pending.
// Database: DATABASE_URL, or the embedded one in DATA_DIR.
import { sql } from 'drizzle-orm';
import { loadNotifyConfig } from '../../../platform/config.ts';
import { openDatabase } from '../../../platform/db/connect.ts';
import { migrate } from '../../../platform/db/migrate.ts';
import { adaptersFromConfig } from '../adapters/from-config.ts';
import { notificationDeliveries } from '../schema.ts';
import { startNotificationWorker } from '../worker.ts';
import { enqueueSample } from './outbox-fixture.ts';

const crashOwnerUnitId = '00000000-0000-4000-8000-00000000c0de';

const [mode, count] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
await migrate(database);
const say = (line: string) => process.stdout.write(`${line}\n`);

if (mode === 'enqueue') {
  for (let i = 1; i <= Number(count); i++) {
    await enqueueSample(database.db, crashOwnerUnitId, i, [
      { channel: 'email', address: `nguoidan${i}@example.vn` },
      { channel: 'sms', address: `09120000${String(i).padStart(2, '0')}` },
      { channel: 'zalo', address: `54218765432${i}` },
    ]);
  }
  say('ENQUEUED');
  // Committed and not sent: the test kills the process here.
  setInterval(() => {}, 1_000);
} else {
  const rowsNow = () =>
    database.db
      .select({
        key: notificationDeliveries.idempotencyKey,
        status: notificationDeliveries.status,
        attempts: notificationDeliveries.attempts,
        providerMessageId: notificationDeliveries.providerMessageId,
      })
      .from(notificationDeliveries);
  // What the outbox says before this worker starts (after a crash: what the last one recorded).
  say(`STATE ${JSON.stringify(await rowsNow())}`);
  const worker = startNotificationWorker({
    db: database.db,
    adapters: adaptersFromConfig(loadNotifyConfig(process.env)),
    pollMs: 50,
    leaseMs: Number(process.env.LEASE_MS ?? 1_500),
    retryBaseMs: 100,
  });
  say('WORKING');
  for (;;) {
    const result = await database.db.execute(
      sql`select count(*)::int as n from ${notificationDeliveries} where status = 'pending'`,
    );
    if ((result as unknown as { rows: { n: number }[] }).rows[0]?.n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await worker.stop();
  say(`DONE ${JSON.stringify(await rowsNow())}`);
  await database.close();
  process.exit(0);
}

import { buildApp } from './app.ts';
import { reminderSettingsFromEnv } from './modules/reform-plan/reminder-schedule.ts';
import { loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/connect.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { migrate } from './platform/db/migrate.ts';
import { duringStartup } from './platform/db/startup-lock.ts';
import { describeFileStore, fileStoreFromConfig } from './platform/files/file-store-from-config.ts';
import { logLine } from './platform/log-line.ts';
import { demoAccounts, demoPassword } from './seed/demo-accounts.ts';
import { seedDemo } from './seed/seed-demo.ts';
import { seedReferenceData } from './seed/seed-reference.ts';

const config = loadConfig();
const started = Date.now();
const say = (line: string) => {
  if (line.trim() || process.stdout.isTTY) logLine('info', line);
};

let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
} catch (error) {
  if (error instanceof DataDirLockedError) {
    logLine('error', error.message);
    process.exit(1);
  }
  const target = config.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `cơ sở dữ liệu nhúng tại ${config.dataDir}`;
  logLine('error', `Không mở được ${target}: ${(error as Error).message}`);
  process.exit(1);
}

// Processes starting together on one PostgreSQL take turns: the first migrates and seeds, the others check.
await duringStartup(database, async () => {
  await migrate(database);
  // The demo seed includes the reference data.
  if (!config.seedDemo) await seedReferenceData(database.db);
  if (config.seedDemo) await seedDemo(database.db, say, { history: true });
});

const app = await buildApp(database, {
  files: fileStoreFromConfig(config),
  uploadLimits: config.uploads,
  webDir: config.webDir,
  logLevel: config.logLevel,
  trustProxy: config.trustProxy,
  metricsToken: config.metricsToken,
  notify: config.notify,
  oidc: config.oidc,
  auth: { sessions: config.sessions },
  notificationWorker: true,
  kpiRollup: true,
  reformReminders: { settings: reminderSettingsFromEnv() },
  interopWorker: true,
  auditSealer: true,
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  say(`Nhận ${signal}, đang dừng…`);
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
say('');
say(`Motcua đã sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1)} giây: http://localhost:${port}`);
say(
  `  Cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite nhúng (${config.dataDir})` : 'PostgreSQL (DATABASE_URL)'}`,
);
say(`  Tài liệu API: http://localhost:${port}/api/docs`);
say(`  Tệp tải lên: ${describeFileStore(config)}`);
const channels = [
  config.notify.email && 'email',
  config.notify.sms && 'SMS',
  config.notify.zalo && 'Zalo OA',
].filter(Boolean);
say(
  `  Thông báo: trong ứng dụng${channels.length ? `, ${channels.join(', ')}` : ' (chưa cấu hình email, SMS, Zalo)'}`,
);
say(
  `  Đăng nhập bằng định danh điện tử: ${config.oidc ? `${config.oidc.issuerUrl} (${config.oidc.buttonLabel})` : 'chưa cấu hình (OIDC_ISSUER_URL)'}`,
);
if (config.seedDemo) {
  say(`  Tài khoản minh họa (chỉ để dùng thử), mật khẩu chung: ${demoPassword}`);
  for (const account of demoAccounts) say(`    ${account.email.padEnd(36)} ${account.label}`);
}

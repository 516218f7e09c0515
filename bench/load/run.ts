import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { aggregateTotals } from '../../src/modules/kpi/aggregate-store.ts';
import { naiveTotals } from '../../src/modules/kpi/raw-facts.ts';
import { type MailCatcher, startMailCatcher } from '../../src/modules/notify/testing/mail-catcher.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';
import { rawRows } from '../../src/platform/db/raw-rows.ts';
import { percentiles } from '../stats.ts';
import { login, Recorder } from './http-client.ts';
import { type Kind, Workload } from './mix.ts';
import { rssMiB, type Started, startBalancer, startServer, stop, waitReady } from './processes.ts';

// `npm run load`: the mix of bench/load/mix.ts at a fixed arrival rate (open model) against PostgreSQL, on a
// fresh database, with the server(s) as child processes as in production. With `--processes N`, N API
// processes (each running every background worker) behind the round-robin balancer of scripts/balancer.mjs;
// afterwards the run checks that no notification was sent twice, that the indicator roll-up counted every
// event once, and that a session opened through one process is valid on the others.

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '600' },
    rate: { type: 'string', default: '20' },
    processes: { type: 'string', default: '1' },
    port: { type: 'string', default: '8000' },
    'database-server': {
      type: 'string',
      default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    'keep-database': { type: 'boolean', default: false },
  },
});
const durationS = Number(args.duration);
const rate = Number(args.rate);
const processes = Number(args.processes);
const basePort = Number(args.port);
if (!(durationS > 0) || !(rate > 0) || !Number.isInteger(processes) || processes < 1)
  throw new Error(
    'usage: npm run load -- [--duration seconds] [--rate requests/s] [--processes n] [--port p]',
  );

/** An arrival starting this much after its scheduled time counts as a late start (the generator fell behind). */
const LATE_MS = 10;
const RSS_EVERY_MS = 5_000;

const runId = `${Date.now()}`;
const logDir = path.resolve(`.tmp/load-${runId}`);
fs.mkdirSync(logDir, { recursive: true });
const serverUrl = args['database-server'];
const dbName = `motcua_load_${runId}`;
const dbUrl = Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString();
const ciDatabase = (action: string) => {
  const r = spawnSync(process.execPath, ['scripts/ci-database.mjs', serverUrl, action, dbName], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`scripts/ci-database.mjs ${action} ${dbName} failed`);
};

const say = (line = '') => process.stdout.write(`${line}\n`);
const started: Started[] = [];
let mail: MailCatcher | undefined;
let database: Awaited<ReturnType<typeof openDatabase>> | undefined;

async function main() {
  say(`Load: ${rate} arrivals/s for ${durationS} s, ${processes} API process(es), PostgreSQL ${dbName}`);
  say(
    `  machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  ciDatabase('create');
  mail = await startMailCatcher({ port: basePort + 90 });
  const webDir = path.resolve('dist/web');
  const env = {
    DATABASE_URL: dbUrl,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'info',
    // The generator plays many citizens: their addresses come in X-Forwarded-For (the balancer appends its own).
    TRUST_PROXY: '127.0.0.1',
    SMTP_URL: mail.url,
    MAIL_FROM: 'Motcua Vị Thanh <thongbao@vithanh.demo.motcua.vn>',
    DATA_DIR: path.join(logDir, 'data'),
    ...(fs.existsSync(path.join(webDir, 'index.html')) ? { WEB_DIR: webDir } : {}),
  };
  // Started together on purpose: they migrate and seed the empty database in turns (startup lock).
  const servers = Array.from({ length: processes }, (_, i) =>
    startServer(`api-${i + 1}`, basePort + 1 + i, env, logDir),
  );
  started.push(...servers);
  const t0 = Date.now();
  await Promise.all(servers.map((s) => waitReady(s.url, 600_000, s.child)));
  say(
    `  ${processes} process(es) ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (migrations and demo seed included)`,
  );
  let base = servers[0]?.url ?? '';
  if (processes > 1) {
    const balancer = startBalancer(
      basePort,
      servers.map((s) => s.url),
      logDir,
    );
    started.push(balancer);
    await waitReady(balancer.url, 10_000, balancer.child);
    base = balancer.url;
  }
  database = await openDatabase({ databaseUrl: dbUrl, poolSize: 2 });

  const recorder = new Recorder();
  const workload = new Workload(base, recorder);
  await workload.setup();
  const sessions = processes > 1 ? await sessionsAcrossProcesses(base, servers) : undefined;

  const rss = new Map<string, { t: number; mib: number }[]>(servers.map((s) => [s.name, []]));
  const sampleRss = (t: number) => {
    for (const s of servers) {
      const mib = rssMiB(s.child.pid);
      if (mib !== null) rss.get(s.name)?.push({ t, mib });
    }
  };
  const { lateStarts, maxLateMs, arrivals, kinds } = await openModel(workload, sampleRss);
  const drained = await drainOutbox();
  const duplicates = await countDuplicates();
  const rollup = await rollupMatches();

  say();
  say(
    `Arrivals: ${arrivals} scheduled at ${rate}/s (${Object.entries(kinds)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')})`,
  );
  say(
    `  late starts (> ${LATE_MS} ms after schedule): ${lateStarts}, worst ${maxLateMs.toFixed(0)} ms; most requests in flight: ${recorder.maxInFlight}`,
  );
  say();
  say('kind                       n      p50 ms    p95 ms    p99 ms    max ms   errors');
  for (const [kind, s] of [...recorder.kinds.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const p = percentiles(s.latencies);
    say(
      `${kind.padEnd(22)}${String(p.n).padStart(7)}${[p.p50, p.p95, p.p99, p.max].map((v) => v.toFixed(1).padStart(10)).join('')}${String(s.errors).padStart(9)}`,
    );
  }
  for (const [kind, s] of recorder.kinds) for (const sample of s.samples) say(`  error ${kind}: ${sample}`);
  say(
    `  chains: ${workload.done.walkInsReceived} walk-ins received, ${workload.done.returned} returned, ${workload.done.onlineSubmitted} online applications submitted`,
  );
  say();
  say('Server memory (RSS, MiB), sampled every 5 s:');
  for (const [name, samples] of rss) {
    const avg = (xs: { mib: number }[]) => xs.reduce((a, x) => a + x.mib, 0) / Math.max(1, xs.length);
    const first = avg(samples.filter((s) => s.t < 60_000));
    const last = avg(samples.filter((s) => s.t >= durationS * 1000 - 60_000));
    const growth = ((last - first) / first) * 100;
    const minutes = Array.from({ length: Math.ceil(durationS / 60) }, (_, m) =>
      avg(samples.filter((s) => s.t >= m * 60_000 && s.t < (m + 1) * 60_000)).toFixed(0),
    );
    say(
      `  ${name}: per minute ${minutes.join(' → ')}; first minute ${first.toFixed(0)} → last minute ${last.toFixed(0)}: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} % (target < 10 %: ${growth < 10 ? 'met' : 'MISSED'})`,
    );
  }
  say();
  say(`Background work (${processes} process(es) polling the same outbox):`);
  say(`  outbox drained: ${drained ? 'yes' : 'NO (deliveries still pending after 120 s)'}`);
  say(
    `  emails: ${duplicates.mails} received, ${duplicates.uniqueMails} distinct, duplicates ${duplicates.mails - duplicates.uniqueMails}; deliveries sent ${duplicates.sent}, sent more than once ${duplicates.retaken}`,
  );
  say(`  indicator roll-up: ${rollup}`);
  if (sessions) say(`  sessions: ${sessions}`);
  for (const s of servers) {
    const stats = s.logStats();
    const n = (msg: string) => stats.byMessage.get(msg) ?? 0;
    say(
      `  ${s.name}: ${n('request completed')} requests, ${n('notification delivered')} notifications delivered, ${n('notification delivery failed')} failed tries; request log lines without reqId: ${stats.requestLinesWithoutReqId}`,
    );
  }
  const plain = started.flatMap((s) => s.plainLines().map((line) => `${s.name}: ${line}`));
  say(
    `  log lines that are not JSON: ${plain.length}${plain.length ? ` (first: ${plain.slice(0, 3).join(' | ')})` : ''}`,
  );
  say(`  logs: ${logDir}`);
  const failed =
    duplicates.mails !== duplicates.uniqueMails || duplicates.retaken > 0 || !rollup.startsWith('equal');
  if (failed) process.exitCode = 1;
}

/** Fixed-rate arrivals: arrival i is due at t0 + i/rate whatever the answers to earlier ones are doing. */
async function openModel(workload: Workload, sampleRss: (t: number) => void) {
  const interval = 1000 / rate;
  const total = Math.round(durationS * rate);
  const kinds: Partial<Record<Kind, number>> = {};
  const pending = new Set<Promise<void>>();
  let lateStarts = 0;
  let maxLateMs = 0;
  let i = 0;
  const t0 = performance.now();
  sampleRss(0);
  const rssTimer = setInterval(() => sampleRss(performance.now() - t0), RSS_EVERY_MS);
  let lastReport = t0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (i < total && t0 + i * interval <= now) {
        const late = now - (t0 + i * interval);
        if (late > LATE_MS) lateStarts++;
        maxLateMs = Math.max(maxLateMs, late);
        const kind = workload.nextKind();
        kinds[kind] = (kinds[kind] ?? 0) + 1;
        const p = workload.arrive(kind).finally(() => pending.delete(p));
        pending.add(p);
        i++;
      }
      if (now - lastReport >= 60_000) {
        lastReport = now;
        process.stdout.write(
          `  … ${Math.round((now - t0) / 1000)} s, ${i} arrivals, ${pending.size} in flight\n`,
        );
      }
      if (i >= total) resolve();
      else setTimeout(tick, Math.max(0, t0 + i * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(pending);
  clearInterval(rssTimer);
  return { lateStarts, maxLateMs, arrivals: total, kinds };
}

async function drainOutbox(): Promise<boolean> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const [row] = await rawRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from notification_deliveries where status = 'pending' and channel = 'email'`,
    );
    if (row?.n === 0) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

/** Emails the catcher received twice (same Message-ID = same delivery), and deliveries that were sent twice. */
async function countDuplicates() {
  const messages = mail?.messages ?? [];
  const [row] = await rawRows<{ sent: number; retaken: number }>(
    db(),
    sql`select count(*) filter (where status = 'sent')::int as sent,
      count(*) filter (where status = 'sent' and attempts > 1)::int as retaken
    from notification_deliveries where channel = 'email'`,
  );
  return {
    mails: messages.length,
    uniqueMails: new Set(messages.map((m) => m.messageId)).size,
    sent: row?.sent ?? 0,
    retaken: row?.retaken ?? 0,
  };
}

/** The monthly aggregates equal the same counters computed from the dossiers themselves (nothing counted twice). */
async function rollupMatches(): Promise<string> {
  const units = await rawRows<{ id: string }>(db(), sql`select id from admin_units`);
  const now = new Date(Date.now() + 7 * 3_600_000);
  const month = (m: number) => new Date(Date.UTC(now.getUTCFullYear(), m, 1)).toISOString().slice(0, 10);
  const filter = {
    unitIds: units.map((u) => u.id),
    fromMonth: month(now.getUTCMonth()),
    toMonth: month(now.getUTCMonth() + 1),
  };
  const until = Date.now() + 60_000;
  let last = '';
  while (Date.now() < until) {
    const aggregated = (await aggregateTotals(db(), filter)).counters;
    const raw = await naiveTotals(db(), filter);
    const differing = Object.keys(raw).filter(
      (k) => raw[k as keyof typeof raw] !== aggregated[k as keyof typeof raw],
    );
    if (differing.length === 0)
      return `equal to the raw counts this month (received offline ${raw.receivedOffline}, online ${raw.receivedOnline}, returned ${raw.returned})`;
    last = differing
      .map((k) => `${k} ${aggregated[k as keyof typeof raw]} vs ${raw[k as keyof typeof raw]}`)
      .join(', ');
    await new Promise((r) => setTimeout(r, 2000));
  }
  return `DIFFERENT after 60 s: ${last}`;
}

/** A session opened through the balancer answers on every process directly; signing out ends it everywhere. */
async function sessionsAcrossProcesses(base: string, servers: Started[]): Promise<string> {
  const cookie = await login(base, 'congdan@demo.motcua.vn', 'Motcua@2026');
  const me = async (url: string) => {
    const r = await fetch(`${url}/api/auth/me`, { headers: { cookie } });
    return r.ok && ((await r.json()) as { user: unknown }).user ? 'signed in' : 'signed out';
  };
  const before = await Promise.all(servers.map((s) => me(s.url)));
  await fetch(`${servers[0]?.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
  // Another process may answer from its principal cache for up to 5 s (auth/sessions.ts).
  await new Promise((r) => setTimeout(r, 5_500));
  const after = await Promise.all(servers.map((s) => me(s.url)));
  const ok = before.every((s) => s === 'signed in') && after.every((s) => s === 'signed out');
  if (!ok) process.exitCode = 1;
  return `${ok ? 'stateless' : 'BROKEN'}: /api/auth/me per process before sign-out ${before.join(', ')}, after ${after.join(', ')}`;
}

function db() {
  if (!database) throw new Error('database not open');
  return database.db;
}

try {
  await main();
} finally {
  for (const s of started.reverse()) await stop(s);
  await database?.close();
  await mail?.close();
  if (!args['keep-database']) ciDatabase('drop');
}

// `npm run chaos`: "crashes lose nothing" (issue 8 §1). Runs the server as a child process under concurrent load —
// clients receive walk-in dossiers and walk them through their lifecycle as five officers, every POST with an
// Idempotency-Key and retried with the same key until acknowledged — and SIGKILLs it at random moments, restarting
// each time. Then it stops the load, lets the outbox drain and proves from the database and the receivers: every
// acknowledged request is stored exactly once, every acknowledged transition is in the history, every notification
// due was delivered exactly once per channel, and the audit chain verifies (when the CLI has `audit`).
//   npm run chaos -- [--kills 20] [--clients 6] [--gap 0.5-4] [--only postgres|embedded] [--port 7500]
// PostgreSQL: a fresh database on DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres).
// Embedded: PGlite in a fresh data directory (SIGKILL is a process kill; PGlite must recover its directory).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { notificationKindOf } from '../src/modules/notify/messages.ts';
import {
  checkSmsRequest,
  type HttpReceiver,
  smsAccepted,
  startHttpReceiver,
} from '../src/modules/notify/testing/http-receiver.ts';
import { type MailCatcher, startMailCatcher } from '../src/modules/notify/testing/mail-catcher.ts';
import { openDatabase } from '../src/platform/db/connect.ts';

const { values: args } = parseArgs({
  options: {
    kills: { type: 'string', default: '20' },
    clients: { type: 'string', default: '6' },
    gap: { type: 'string', default: '0.5-4' },
    only: { type: 'string' },
    port: { type: 'string', default: '7500' },
    keep: { type: 'boolean', default: false },
  },
});
const kills = Number(args.kills);
const clients = Number(args.clients);
const [gapMin, gapMax] = (args.gap ?? '0.5-4').split('-').map((s) => Number(s) * 1000) as [number, number];
const root = path.resolve(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (line: string) => process.stdout.write(`${line}\n`);

const officers = {
  desk: 'motcua.vithanh@demo.motcua.vn',
  specialist: 'chuyenvien.vithanh@demo.motcua.vn',
  head: 'truongphong.vithanh@demo.motcua.vn',
  leader: 'lanhdao.vithanh@demo.motcua.vn',
  clerk: 'vanthu.vithanh@demo.motcua.vn',
} as const;
type Officer = keyof typeof officers;
const smsSettings = { apiKey: 'chaos-sms-key', brandname: 'MOTCUA' };

/** The server under test: a child process started, SIGKILLed and restarted on one database. */
class Server {
  child: ChildProcess | undefined;
  exited: Promise<unknown> = Promise.resolve();
  starts = 0;
  constructor(
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
    readonly logDir: string,
  ) {}
  get base() {
    return `http://127.0.0.1:${this.port}`;
  }
  start() {
    this.starts += 1;
    const log = fs.openSync(
      path.join(this.logDir, `server-${String(this.starts).padStart(2, '0')}.log`),
      'w',
    );
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', resolve));
  }
  /** Resolves when /api/ready answers 200; throws when the process exits first (with its log). */
  async ready(timeoutMs = 300_000) {
    const child = this.child;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!child || child.exitCode !== null || child.signalCode !== null) {
        const log = fs.readFileSync(
          path.join(this.logDir, `server-${String(this.starts).padStart(2, '0')}.log`),
          'utf8',
        );
        throw new Error(`server start ${this.starts} exited (${child?.exitCode}):\n${log.slice(-3000)}`);
      }
      try {
        const r = await fetch(`${this.base}/api/ready`, { signal: AbortSignal.timeout(2000) });
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`server start ${this.starts} not ready after ${timeoutMs} ms`);
  }
  async kill(signal: NodeJS.Signals) {
    this.child?.kill(signal);
    await this.exited;
  }
}

interface Walk {
  name: string;
  intakeKey: string;
  id?: string;
  version?: number;
  /** Acknowledged actions after intake, in order. */
  actions: { type: string; key: string; version: number; replayed: boolean }[];
}

interface LoadStats {
  requests: number;
  acknowledged: number;
  retries: number;
  replayed: number;
  /** Answers a retried request must never get: a 4xx other than 429 (stale version, key refused…). */
  refused: string[];
}

/** Clients walking dossiers through their lifecycle, retrying each POST with the same key until acknowledged. */
function startLoad(server: Server, cookies: Record<Officer, string>, agencyId: string, fileId: string) {
  const walks: Walk[] = [];
  const stats: LoadStats = { requests: 0, acknowledged: 0, retries: 0, replayed: 0, refused: [] };
  let stopping = false;
  let n = 0;

  async function post(who: Officer, url: string, body: unknown, key: string) {
    for (let attempt = 0; ; attempt++) {
      stats.requests += 1;
      try {
        const r = await fetch(`${server.base}${url}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: cookies[who],
            prefer: 'return=minimal',
            'idempotency-key': key,
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await r.text();
        if (r.ok) {
          stats.acknowledged += 1;
          const replayed = r.headers.get('idempotent-replayed') === 'true';
          if (replayed) stats.replayed += 1;
          return { json: JSON.parse(text) as { id: string; version: number; state: string }, replayed };
        }
        if (r.status < 500 && r.status !== 429) {
          stats.refused.push(`${url} ${r.status} ${text.slice(0, 200)}`);
          return null;
        }
      } catch {
        // connection refused or reset: the server is down or was killed mid-request
      }
      stats.retries += 1;
      await sleep(Math.min(1000, 100 * 2 ** Math.min(attempt, 4)));
    }
  }

  const steps: [Officer, Record<string, unknown>][] = [
    ['desk', { type: 'complete_step', comment: 'Chuyển thẩm định' }],
    ['specialist', { type: 'complete_step', comment: 'Đủ điều kiện' }],
    ['head', { type: 'complete_step', comment: 'Trình ký' }],
    ['leader', { type: 'approve', comment: 'Đồng ý' }],
    ['clerk', { type: 'issue_result', resultFileId: fileId }],
    ['desk', { type: 'return_result', channel: 'counter' }],
  ];

  async function client() {
    while (!stopping) {
      n += 1;
      const walk: Walk = {
        name: `Khách Chaos ${String(n).padStart(5, '0')}`,
        intakeKey: `chaos-${randomUUID()}`,
        actions: [],
      };
      walks.push(walk);
      const created = await post(
        'desk',
        '/api/office/dossiers',
        {
          procedureCode: '1.003583',
          receivingAgencyId: agencyId,
          applicant: { fullName: walk.name, email: `khach${n}@chaos.example.vn`, phone: '0912345678' },
          documents: [{ name: 'Tờ khai', originals: 1, copies: 0 }],
          complete: true,
        },
        walk.intakeKey,
      );
      if (!created) continue;
      walk.id = created.json.id;
      walk.version = created.json.version;
      for (const [who, action] of steps) {
        if (stopping) break;
        const key = `chaos-${randomUUID()}`;
        const done = await post(
          who,
          `/api/office/dossiers/${walk.id}/actions`,
          { version: walk.version, action },
          key,
        );
        if (!done) break;
        walk.version = done.json.version;
        walk.actions.push({
          type: String(action.type),
          key,
          version: done.json.version,
          replayed: done.replayed,
        });
      }
    }
  }

  const running = Promise.all(Array.from({ length: clients }, client));
  return {
    walks,
    stats,
    async stop() {
      stopping = true;
      await running;
    },
  };
}

async function login(base: string, email: string) {
  for (;;) {
    const r = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: email, password: 'Motcua@2026' }),
    });
    if (r.ok) return (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (r.status !== 429) throw new Error(`login ${email}: ${r.status} ${await r.text()}`);
    await sleep(1000);
  }
}

type Rows = Record<string, unknown>[];
async function query(
  target: { databaseUrl?: string; dataDir?: string },
  statements: string[],
): Promise<Rows[]> {
  const database = await openDatabase(target);
  try {
    const out: Rows[] = [];
    for (const s of statements)
      out.push(((await database.db.execute(sql.raw(s))) as unknown as { rows: Rows }).rows);
    return out;
  } finally {
    await database.close();
  }
}

interface PhaseResult {
  name: string;
  figures: [string, string | number][];
  failures: string[];
}

async function runPhase(kind: 'postgres' | 'embedded', port: number): Promise<PhaseResult> {
  // Receivers of the phase's own (event ids restart at 1 in each database: a shared catcher would take them for resends).
  const mail = await startMailCatcher({ port: 0 });
  const sms = await startHttpReceiver({
    path: '/sms',
    check: checkSmsRequest(smsSettings),
    answer: smsAccepted,
  });
  try {
    return await runPhaseWith(kind, port, mail, sms);
  } finally {
    await mail.close();
    await sms.close();
  }
}

async function runPhaseWith(
  kind: 'postgres' | 'embedded',
  port: number,
  mail: MailCatcher,
  sms: HttpReceiver,
): Promise<PhaseResult> {
  const started = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `motcua-chaos-${kind}-`));
  const logDir = path.join(root, '.tmp', 'chaos', kind);
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  let target: { databaseUrl?: string; dataDir?: string };
  let dropDatabase = () => {};
  const env: NodeJS.ProcessEnv = {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: workDir,
    SMTP_URL: mail.url,
    MAIL_FROM: 'Motcua Chaos <thongbao@chaos.motcua.vn>',
    SMS_API_URL: sms.url,
    SMS_API_KEY: smsSettings.apiKey,
    SMS_BRANDNAME: smsSettings.brandname,
    DATABASE_URL: '',
  };
  if (kind === 'postgres') {
    const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `motcua_chaos_${Date.now()}`;
    const ciDatabase = (action: string) => {
      const r = spawnSync(process.execPath, ['scripts/ci-database.mjs', serverUrl, action, name], {
        cwd: root,
        stdio: 'inherit',
      });
      if (r.status !== 0) throw new Error(`ci-database ${action} ${name} failed`);
    };
    ciDatabase('create');
    dropDatabase = () => ciDatabase('drop');
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    target = { databaseUrl: env.DATABASE_URL };
  } else target = { dataDir: workDir };
  const mailBefore = mail.messages.length;
  const smsBefore = sms.requests.length;

  say(
    `\n== ${kind === 'postgres' ? 'PostgreSQL' : 'Embedded PGlite (data directory)'}: ${kills} SIGKILLs, ${clients} clients ==`,
  );
  const server = new Server(port, env, logDir);
  const failures: string[] = [];
  const restarts: number[] = [];
  let killed = 0;
  let load: ReturnType<typeof startLoad> | undefined;
  try {
    server.start();
    await server.ready();
    say(`  server ready (fresh database seeded) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const cookies = Object.fromEntries(
      await Promise.all(
        Object.entries(officers).map(async ([k, email]) => [k, await login(server.base, email)]),
      ),
    ) as Record<Officer, string>;
    const agencies = (await (await fetch(`${server.base}/api/agencies`)).json()) as {
      id: string;
      slug: string;
    }[];
    const agencyId = agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc')?.id as string;
    const form = new FormData();
    form.set('file', new Blob([`%PDF-1.4 ket qua chaos ${kind}`]), 'ket-qua.pdf');
    const upload = await fetch(`${server.base}/api/office/files`, {
      method: 'POST',
      headers: { cookie: cookies.clerk },
      body: form,
    });
    const { fileId } = (await upload.json()) as { fileId: string };

    load = startLoad(server, cookies, agencyId, fileId);
    const loadStarted = Date.now();
    for (killed = 0; killed < kills; ) {
      await sleep(gapMin + Math.random() * (gapMax - gapMin));
      await server.kill('SIGKILL');
      killed += 1;
      const down = Date.now();
      server.start();
      await server.ready();
      restarts.push(Date.now() - down);
      say(
        `  kill ${String(killed).padStart(2)}: ${load.stats.acknowledged} acknowledged so far, back in ${((Date.now() - down) / 1000).toFixed(1)} s`,
      );
    }
    // A last stretch of load on the last start, then the clients finish what they have in flight.
    await sleep(gapMax);
    await load.stop();
    const loadSeconds = (Date.now() - loadStarted) / 1000;

    // Expected deliveries: one email and one SMS per acknowledged notifying action (walk-ins give both addresses).
    const notifying = load.walks.flatMap((w) =>
      w.id ? ['receive', ...w.actions.map((a) => a.type)].filter((t) => notificationKindOf(t) !== null) : [],
    ).length;
    const dossierKey = /^\d+:(email|sms)$/;
    const uniqueMail = () =>
      new Set(
        mail.messages
          .slice(mailBefore)
          .filter((m) => dossierKey.test(m.idempotencyKey ?? ''))
          .map((m) => m.messageId),
      ).size;
    const uniqueSms = () =>
      new Set(
        sms.requests
          .slice(smsBefore)
          .filter((r) => !r.duplicate && !r.problems.length && dossierKey.test(r.idempotencyKey ?? ''))
          .map((r) => r.idempotencyKey),
      ).size;
    const drainDeadline = Date.now() + 300_000;
    while ((uniqueMail() < notifying || uniqueSms() < notifying) && Date.now() < drainDeadline)
      await sleep(1000);
    // Deliveries claimed by a killed process are sent again when their lease runs out: stop, look, restart, wait.
    for (let round = 0; round < 6; round++) {
      await server.kill('SIGTERM');
      const [[pending]] = (await query(target, [
        `select count(*)::int as n, max(locked_until) as until from notification_deliveries where status = 'pending'
           and dossier_id in (select id from dossiers where applicant_name like 'Khách Chaos %')`,
      ])) as [[{ n: number; until: string | null }]];
      if (!pending || pending.n === 0) break;
      say(`  drain: ${pending.n} deliveries pending (leases of killed processes), waiting for them`);
      server.start();
      await server.ready();
      const until = pending.until ? new Date(pending.until).getTime() : Date.now();
      await sleep(Math.max(0, until - Date.now()) + 5_000);
    }
    return await verify(kind, target, load, mail, sms, mailBefore, smsBefore, {
      killed,
      restarts,
      loadSeconds,
      failures,
      env,
    });
  } catch (error) {
    failures.push(`phase stopped: ${(error as Error).message}`);
    say(`  PHASE STOPPED after ${killed} kills: ${(error as Error).message}`);
    await load?.stop().catch(() => {});
    return { name: kind, figures: [['kills survived', killed]], failures };
  } finally {
    await server.kill('SIGKILL');
    if (!args.keep) {
      dropDatabase();
      fs.rmSync(workDir, { recursive: true, force: true });
    } else say(`  kept: ${JSON.stringify(target)} ${workDir}`);
  }
}

async function verify(
  kind: string,
  target: { databaseUrl?: string; dataDir?: string },
  load: ReturnType<typeof startLoad>,
  mail: MailCatcher,
  sms: HttpReceiver,
  mailBefore: number,
  smsBefore: number,
  run: {
    killed: number;
    restarts: number[];
    loadSeconds: number;
    failures: string[];
    env: NodeJS.ProcessEnv;
  },
): Promise<PhaseResult> {
  const { walks, stats } = load;
  const failures = run.failures;
  const fail = (what: string, items: unknown[]) => {
    if (items.length) failures.push(`${what}: ${items.length} (${JSON.stringify(items.slice(0, 3))})`);
  };
  const acked = walks.filter((w) => w.id);
  const [dossierRows, eventRows, keyRows, notificationRows, deliveryRows] = (await query(target, [
    `select id::text, applicant_name as name, version from dossiers where applicant_name like 'Khách Chaos %'`,
    `select e.id::text, e.dossier_id::text as dossier, e.action from dossier_events e
       join dossiers d on d.owner_unit_id = e.owner_unit_id and d.id = e.dossier_id
       where d.applicant_name like 'Khách Chaos %' order by e.id`,
    `select key, count(*)::int as n from idempotency_keys where key like 'chaos-%' group by key`,
    `select event_id::text as event, count(*)::int as n from notifications n
       where dossier_id in (select id from dossiers where applicant_name like 'Khách Chaos %') group by event_id`,
    `select channel, status, idempotency_key as key from notification_deliveries
       where dossier_id in (select id from dossiers where applicant_name like 'Khách Chaos %')`,
  ])) as [Rows, Rows, Rows, Rows, Rows];

  // 1. Each acknowledged request stored exactly once.
  const byName = new Map<string, number>();
  for (const r of dossierRows) byName.set(String(r.name), (byName.get(String(r.name)) ?? 0) + 1);
  const dossierById = new Map(dossierRows.map((r) => [String(r.id), r]));
  fail(
    'acknowledged intakes without their dossier',
    acked.filter((w) => !dossierById.has(w.id as string)).map((w) => w.name),
  );
  fail(
    'dossiers stored more than once',
    [...byName].filter(([, n]) => n > 1),
  );
  fail(
    'dossiers nobody was told about (unacknowledged work)',
    dossierRows.filter((r) => !acked.some((w) => w.id === r.id)).map((r) => r.name),
  );
  const keys = new Map(keyRows.map((r) => [String(r.key), Number(r.n)]));
  const ackedKeys = acked.flatMap((w) => [w.intakeKey, ...w.actions.map((a) => a.key)]);
  fail(
    'acknowledged requests without their stored key',
    ackedKeys.filter((k) => keys.get(k) !== 1),
  );

  // 2. The history of each dossier is exactly its acknowledged transitions, in order, each once.
  const history = new Map<string, string[]>();
  const eventsOf = new Map<string, { id: string; action: string }[]>();
  for (const e of eventRows) {
    history.set(String(e.dossier), [...(history.get(String(e.dossier)) ?? []), String(e.action)]);
    eventsOf.set(String(e.dossier), [
      ...(eventsOf.get(String(e.dossier)) ?? []),
      { id: String(e.id), action: String(e.action) },
    ]);
  }
  const missing: string[] = [];
  const extra: string[] = [];
  const versionMismatch: string[] = [];
  for (const w of acked) {
    const expected = ['submit', 'receive', ...w.actions.map((a) => a.type)];
    const actual = history.get(w.id as string) ?? [];
    if (actual.length < expected.length || expected.some((a, i) => actual[i] !== a))
      missing.push(`${w.name}: ${actual.join(',')} vs ${expected.join(',')}`);
    else if (actual.length > expected.length) extra.push(`${w.name}: ${actual.join(',')}`);
    if (Number(dossierById.get(w.id as string)?.version) !== w.version) versionMismatch.push(w.name);
  }
  fail('acknowledged transitions missing from the history', missing);
  fail('transitions stored twice or never acknowledged', extra);
  fail('dossier versions differing from the last acknowledged answer', versionMismatch);

  // 3. Each notification due: one in-app message, one delivery per channel, delivered once at the receivers.
  const dueEvents = [...eventsOf.values()].flat().filter((e) => notificationKindOf(e.action) !== null);
  const notificationsByEvent = new Map(notificationRows.map((r) => [String(r.event), Number(r.n)]));
  fail(
    'in-app messages not exactly once per event due',
    dueEvents.filter((e) => notificationsByEvent.get(e.id) !== 1).map((e) => e.id),
  );
  // Dossier messages only (`<event id>:<channel>`): the reform reminders of the demo data use other keys.
  const dossierKey = /^\d+:(email|sms)$/;
  const mails = mail.messages.slice(mailBefore).filter((m) => dossierKey.test(m.idempotencyKey ?? ''));
  const smses = sms.requests
    .slice(smsBefore)
    .filter((r) => !r.problems.length && dossierKey.test(r.idempotencyKey ?? ''));
  const channelFigures: [string, string | number][] = [];
  for (const channel of ['email', 'sms'] as const) {
    const dueKeys = dueEvents.map((e) => `${e.id}:${channel}`);
    const rows = deliveryRows.filter((r) => r.channel === channel);
    const rowKeys = new Map<string, number>();
    for (const r of rows) rowKeys.set(String(r.key), (rowKeys.get(String(r.key)) ?? 0) + 1);
    fail(
      `${channel} outbox rows not exactly once per event due`,
      dueKeys.filter((k) => rowKeys.get(k) !== 1),
    );
    fail(
      `${channel} deliveries not marked sent`,
      rows.filter((r) => r.status !== 'sent').map((r) => r.key),
    );
    const received =
      channel === 'email'
        ? mails.map((m) => ({ key: m.idempotencyKey, id: m.messageId, resend: m.duplicate }))
        : smses.map((r) => ({ key: r.idempotencyKey, id: r.idempotencyKey, resend: r.duplicate }));
    const distinct = new Map<string, Set<string>>();
    for (const m of received)
      distinct.set(String(m.key), (distinct.get(String(m.key)) ?? new Set()).add(String(m.id)));
    fail(
      `${channel} due but not delivered`,
      dueKeys.filter((k) => !distinct.has(k)),
    );
    fail(
      `${channel} delivered as two different messages`,
      [...distinct].filter(([, ids]) => ids.size > 1).map(([k]) => k),
    );
    fail(
      `${channel} delivered without being due`,
      [...distinct.keys()].filter((k) => !dueKeys.includes(k)),
    );
    channelFigures.push([
      `${channel}: due / delivered once / resends recognised by key`,
      `${dueKeys.length} / ${[...distinct.values()].filter((s) => s.size === 1).length} / ${received.filter((m) => m.resend).length}`,
    ]);
  }
  fail('requests refused (4xx) on retry', stats.refused);

  // 4. The audit chain (the CLI's `audit verify`, when this build has it).
  let audit = 'not available in this build';
  const help = spawnSync(process.execPath, ['bin/motcua.mjs', '--help'], { cwd: root, encoding: 'utf8' });
  if (/\baudit\b/.test(help.stdout ?? '')) {
    const r = spawnSync(process.execPath, ['bin/motcua.mjs', 'audit', 'verify'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: run.env.DATABASE_URL ?? '', DATA_DIR: run.env.DATA_DIR },
    });
    audit =
      r.status === 0
        ? 'verified (exit 0)'
        : `FAILED (exit ${r.status}): ${(r.stdout + r.stderr).slice(-500)}`;
    if (r.status !== 0) failures.push(`audit chain: ${audit}`);
  }
  const transitions = acked.reduce((sum, w) => sum + 2 + w.actions.length, 0);
  const sorted = [...run.restarts].sort((a, b) => a - b);
  return {
    name: kind,
    failures,
    figures: [
      ['SIGKILLs / restarts', `${run.killed} / ${run.restarts.length}`],
      [
        'restart to ready (median / max)',
        `${((sorted[Math.floor(sorted.length / 2)] ?? 0) / 1000).toFixed(1)} s / ${((sorted.at(-1) ?? 0) / 1000).toFixed(1)} s`,
      ],
      ['load duration, clients', `${run.loadSeconds.toFixed(0)} s, ${clients}`],
      ['POSTs sent (attempts) / acknowledged', `${stats.requests} / ${stats.acknowledged}`],
      ['retries after a kill / answered as replay', `${stats.retries} / ${stats.replayed}`],
      ['acknowledged intakes / dossiers stored', `${acked.length} / ${dossierRows.length}`],
      ['acknowledged transitions / in history', `${transitions} / ${eventRows.length}`],
      [
        'acknowledged keys / stored once',
        `${ackedKeys.length} / ${ackedKeys.filter((k) => keys.get(k) === 1).length}`,
      ],
      [
        'in-app messages due / stored once',
        `${dueEvents.length} / ${dueEvents.filter((e) => notificationsByEvent.get(e.id) === 1).length}`,
      ],
      ...channelFigures,
      ['audit chain', audit],
      ['result', failures.length ? `FAILED (${failures.length})` : 'nothing lost, nothing twice'],
    ],
  };
}

const results: PhaseResult[] = [];
const started = new Date();
if (args.only !== 'embedded') results.push(await runPhase('postgres', Number(args.port)));
if (args.only !== 'postgres') results.push(await runPhase('embedded', Number(args.port) + 1));
say(
  `\nChaos run ${started.toISOString()} – ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
);
const labels = results[0]?.figures.map(([label]) => label) ?? [];
const width = Math.max(...labels.map((l) => l.length), 10);
say(`${''.padEnd(width)}  ${results.map((r) => r.name.padEnd(34)).join('')}`);
for (const label of new Set(results.flatMap((r) => r.figures.map(([l]) => l))))
  say(
    `${label.padEnd(width)}  ${results.map((r) => String(r.figures.find(([l]) => l === label)?.[1] ?? '').padEnd(34)).join('')}`,
  );
for (const r of results) for (const f of r.failures) say(`  ${r.name}: ${f}`);
process.exit(results.some((r) => r.failures.length) ? 1 : 0);

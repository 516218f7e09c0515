import { type ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../src/testing/test-db.ts';
import { pgbenchDatabase } from './pgbench.ts';
import { BackendCpuMeter, statCpuMs } from './process-cpu.ts';

// Dossier transitions per second through the HTTP API (real sockets) on PostgreSQL, beside pgbench TPC-B on the
// same server in the same run: the ratio is the figure (target ≥ 0.5). The two alternate in rounds (A B B A …)
// so that other work on a shared machine weighs on both alike, and each prints its CPU per transaction.

const ROUNDS = 4; // of each
const ROUND_S = 5;
const WARM_UP_S = 3; // JIT, pool connections and caches, not counted
// API processes (docs/deploy.md: stateless, any number behind a balancer). One by default: on this two-core
// machine a second one cost more CPU per transition than it saved (docs/benchmarks.md).
const API_PROCESSES = Number(process.env.BENCH_API_PROCESSES ?? 1);
// BENCH_SERVER_CPU_PROF=<dir>: each API process writes a V8 CPU profile there when it closes.
const serverProfileDir = process.env.BENCH_SERVER_CPU_PROF;

/** API processes (bench/transitions-server.ts) on the benchmark's database, each on its own port. */
async function startApiProcesses(databaseUrl: string, count: number) {
  const children: ChildProcess[] = [];
  const bases: string[] = [];
  for (let i = 0; i < count; i++) {
    const child = fork(new URL('./transitions-server.ts', import.meta.url), {
      env: { ...process.env, BENCH_SERVER_DATABASE_URL: databaseUrl },
      execArgv: [
        ...process.execArgv,
        ...(serverProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${serverProfileDir}`] : []),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m) => resolve((m as { port: number }).port));
      child.once('exit', (code) => reject(new Error(`API process exited ${code}`)));
    });
    bases.push(`http://127.0.0.1:${port}`);
  }
  return {
    bases,
    /** CPU of every API process so far, in ms. */
    cpuMs: () => children.reduce((sum, c) => sum + (statCpuMs(`/proc/${c.pid}/stat`) ?? 0), 0),
    /** Share of that CPU spent in the kernel, in ms. */
    systemMs: () =>
      children.reduce((sum, c) => sum + (statCpuMs(`/proc/${c.pid}/stat`, false, 'system') ?? 0), 0),
    stop: () =>
      Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null) return resolve();
              c.once('exit', () => resolve());
              c.send('close');
            }),
        ),
      ),
  };
}

const officers = {
  desk: 'motcua.vithanh@demo.motcua.vn',
  specialist: 'chuyenvien.vithanh@demo.motcua.vn',
  head: 'truongphong.vithanh@demo.motcua.vn',
  leader: 'lanhdao.vithanh@demo.motcua.vn',
  clerk: 'vanthu.vithanh@demo.motcua.vn',
};

export async function benchTransitions() {
  const serverUrl = process.env.DATABASE_URL;
  console.log(
    '\nDossier transitions through the HTTP API on PostgreSQL vs pgbench TPC-B (8 clients, same server)',
  );
  if (!serverUrl) {
    console.log('  (set DATABASE_URL to run this benchmark)');
    return;
  }
  const pgbench = pgbenchDatabase(serverUrl);
  const database = await openTestDatabase('postgres', 2);
  const current = await database.db.execute(sql`select current_database() as name`);
  const [named] = (current as unknown as { rows: { name: string }[] }).rows;
  const url = new URL(serverUrl);
  url.pathname = `/${named?.name}`;
  const api = await startApiProcesses(url.toString(), API_PROCESSES);
  const base = api.bases[0];
  console.log(`  ${API_PROCESSES} API process(es), 8 pooled connections each`);
  try {
    const cookies: Record<string, string> = {};
    for (const [key, email] of Object.entries(officers)) {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: email, password: 'Motcua@2026' }),
      });
      cookies[key] = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    }
    const agencies = (await (await fetch(`${base}/api/agencies`)).json()) as { id: string; slug: string }[];
    const deskAgency = agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc')?.id;
    const form = new FormData();
    form.set('file', new Blob(['%PDF-1.4 ket qua']), 'ket-qua.pdf');
    const upload = await fetch(`${base}/api/office/files`, {
      method: 'POST',
      headers: { cookie: cookies.clerk ?? '' },
      body: form,
    });
    const { fileId } = (await upload.json()) as { fileId: string };

    const worker = new Worker(new URL('./transitions-client.mjs', import.meta.url), {
      workerData: { bases: api.bases, cookies, deskAgency, fileId, clients: 8 },
    });
    worker.on('error', (error) => {
      console.error(error);
      process.exit(1);
    });
    const apiRound = (seconds: number) =>
      new Promise<{ transitions: number; requests: number; elapsedMs: number; clientCpuMs: number }>(
        (resolve) => {
          worker.once('message', resolve);
          worker.postMessage({ seconds });
        },
      );
    const backends = new BackendCpuMeter(String(named?.name));
    const totals = {
      transitions: 0,
      requests: 0,
      ms: 0,
      serverCpuMs: 0,
      systemMs: 0,
      clientCpuMs: 0,
      pgCpuMs: 0,
    };
    const tpcb = { transactions: 0, seconds: 0, pgCpuMs: 0, clientCpuMs: 0 };
    const ratios: string[] = [];
    const loadBefore = os.loadavg()[0] ?? 0;
    await apiRound(WARM_UP_S);
    // Profiling mode: the API alone for a while (attach perf or --cpu-prof), then no figures.
    const profileSeconds = Number(process.env.BENCH_API_ONLY_SECONDS ?? 0);
    if (profileSeconds > 0) {
      const r = await apiRound(profileSeconds);
      console.log(
        `  API only (profiling): ${(r.transitions / (r.elapsedMs / 1000)).toFixed(0)} transitions/s`,
      );
      worker.postMessage({ close: true });
      return;
    }
    for (let i = 0; i < ROUNDS * 2; i++) {
      if (i % 4 === 0 || i % 4 === 3) {
        const r = await pgbench.round(ROUND_S);
        tpcb.transactions += r.transactions;
        tpcb.seconds += r.seconds;
        tpcb.pgCpuMs += r.serverCpuMs;
        tpcb.clientCpuMs += r.clientCpuMs;
        ratios.push(`B ${(r.transactions / r.seconds).toFixed(0)}`);
      } else {
        // The /proc scans of the backend meter stay outside the server's CPU figure.
        backends.start();
        const cpuBefore = api.cpuMs();
        const systemBefore = api.systemMs();
        const r = await apiRound(ROUND_S);
        totals.serverCpuMs += api.cpuMs() - cpuBefore;
        totals.systemMs += api.systemMs() - systemBefore;
        totals.pgCpuMs += backends.stop();
        totals.transitions += r.transitions;
        totals.requests += r.requests;
        totals.ms += r.elapsedMs;
        totals.clientCpuMs += r.clientCpuMs;
        ratios.push(`A ${(r.transitions / (r.elapsedMs / 1000)).toFixed(0)}`);
      }
    }
    worker.postMessage({ close: true });
    const tps = tpcb.transactions / tpcb.seconds;
    const rate = totals.transitions / (totals.ms / 1000);
    const per = (ms: number, n: number) => `${(ms / n).toFixed(2)} ms`;
    console.log(
      `  rounds (${ROUND_S} s each, B = pgbench tps, A = API transitions/s): ${ratios.join(', ')}; load average ${loadBefore.toFixed(1)} → ${(os.loadavg()[0] ?? 0).toFixed(1)}`,
    );
    console.log(
      `  pgbench TPC-B: ${tps.toFixed(0)} tps (${tpcb.transactions} in ${tpcb.seconds.toFixed(1)} s); CPU per transaction: PostgreSQL ${per(tpcb.pgCpuMs, tpcb.transactions)}, pgbench ${per(tpcb.clientCpuMs, tpcb.transactions)}`,
    );
    console.log(
      `  API transitions: ${rate.toFixed(0)} /s (${totals.transitions} in ${(totals.ms / 1000).toFixed(1)} s, ${totals.requests} requests, 8 concurrent clients, ${API_PROCESSES} API process(es)); CPU per transition: PostgreSQL ${per(totals.pgCpuMs, totals.transitions)}, Node servers ${per(totals.serverCpuMs, totals.transitions)} (${((totals.systemMs / totals.serverCpuMs) * 100).toFixed(0)} % in the kernel), load generator ${per(totals.clientCpuMs, totals.transitions)}`,
    );
    console.log(
      `  ratio: ${(rate / tps).toFixed(2)}   target ≥ 0.5: ${rate / tps >= 0.5 ? 'met' : 'MISSED'}`,
    );
  } finally {
    await api.stop();
    await database.close();
    pgbench.drop();
  }
}

import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { openTestDatabase } from '../src/testing/test-db.ts';
import { pgbenchDatabase } from './pgbench.ts';
import { BackendCpuMeter } from './process-cpu.ts';

// Dossier transitions per second through the HTTP API (real sockets) on PostgreSQL, beside pgbench TPC-B on the
// same server in the same run: the ratio is the figure (target ≥ 0.5). The two alternate in rounds (A B B A …)
// so that other work on a shared machine weighs on both alike, and each prints its CPU per transaction.

const ROUNDS = 4; // of each
const ROUND_S = 5;
const WARM_UP_S = 3; // JIT, pool connections and caches, not counted

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
  const database = await openTestDatabase('postgres', 16);
  const app = await buildApp(database, { logLevel: 'silent', filesDir: os.tmpdir() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
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
      workerData: { base, cookies, deskAgency, fileId, clients: 8 },
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
    const current = await database.db.execute(sql`select current_database() as name`);
    const [named] = (current as unknown as { rows: { name: string }[] }).rows;
    const backends = new BackendCpuMeter(String(named?.name));
    const api = {
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
      console.log(`  API only (profiling): ${(r.transitions / (r.elapsedMs / 1000)).toFixed(0)} transitions/s`);
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
        const before = process.cpuUsage();
        const r = await apiRound(ROUND_S);
        const used = process.cpuUsage(before);
        const processMs = (used.user + used.system) / 1000;
        api.systemMs += used.system / 1000;
        api.pgCpuMs += backends.stop();
        api.transitions += r.transitions;
        api.requests += r.requests;
        api.ms += r.elapsedMs;
        api.clientCpuMs += r.clientCpuMs;
        api.serverCpuMs += processMs - r.clientCpuMs;
        ratios.push(`A ${(r.transitions / (r.elapsedMs / 1000)).toFixed(0)}`);
      }
    }
    worker.postMessage({ close: true });
    const tps = tpcb.transactions / tpcb.seconds;
    const rate = api.transitions / (api.ms / 1000);
    const per = (ms: number, n: number) => `${(ms / n).toFixed(2)} ms`;
    console.log(
      `  rounds (${ROUND_S} s each, B = pgbench tps, A = API transitions/s): ${ratios.join(', ')}; load average ${loadBefore.toFixed(1)} → ${(os.loadavg()[0] ?? 0).toFixed(1)}`,
    );
    console.log(
      `  pgbench TPC-B: ${tps.toFixed(0)} tps (${tpcb.transactions} in ${tpcb.seconds.toFixed(1)} s); CPU per transaction: PostgreSQL ${per(tpcb.pgCpuMs, tpcb.transactions)}, pgbench ${per(tpcb.clientCpuMs, tpcb.transactions)}`,
    );
    console.log(
      `  API transitions: ${rate.toFixed(0)} /s (${api.transitions} in ${(api.ms / 1000).toFixed(1)} s, ${api.requests} requests, 8 concurrent clients); CPU per transition: PostgreSQL ${per(api.pgCpuMs, api.transitions)}, Node server ${per(api.serverCpuMs, api.transitions)} (process ${((api.systemMs / (api.serverCpuMs + api.clientCpuMs)) * 100).toFixed(0)} % in the kernel), load generator ${per(api.clientCpuMs, api.transitions)}`,
    );
    console.log(
      `  ratio: ${(rate / tps).toFixed(2)}   target ≥ 0.5: ${rate / tps >= 0.5 ? 'met' : 'MISSED'}`,
    );
  } finally {
    await app.close();
    await database.close();
    pgbench.drop();
  }
}

import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { buildApp } from '../src/app.ts';
import { openTestDatabase } from '../src/testing/test-db.ts';

// Dossier transitions per second through the HTTP API (real sockets) on PostgreSQL, beside pgbench TPC-B on the
// same server in the same run: the ratio is the figure (target ≥ 0.5).

const officers = {
  desk: 'motcua.vithanh@demo.motcua.vn',
  specialist: 'chuyenvien.vithanh@demo.motcua.vn',
  head: 'truongphong.vithanh@demo.motcua.vn',
  leader: 'lanhdao.vithanh@demo.motcua.vn',
  clerk: 'vanthu.vithanh@demo.motcua.vn',
};

function pgbenchTps(serverUrl: string, seconds: number): number {
  const url = new URL(serverUrl);
  const db = `motcua_pgbench_${process.pid}`;
  const env = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: url.username || 'postgres',
  };
  execFileSync('createdb', [db], { env });
  try {
    execFileSync('pgbench', ['-i', '-q', '-s', '10', db], { env, stdio: 'ignore' });
    const out = execFileSync('pgbench', ['-c', '8', '-j', '2', '-T', String(seconds), db], {
      env,
    }).toString();
    const match = /tps = ([\d.]+)/.exec(out);
    return Number(match?.[1] ?? 0);
  } finally {
    execFileSync('dropdb', ['--if-exists', db], { env });
  }
}

export async function benchTransitions(seconds = 20) {
  const serverUrl = process.env.DATABASE_URL;
  console.log(
    '\nDossier transitions through the HTTP API on PostgreSQL vs pgbench TPC-B (8 clients, same server)',
  );
  if (!serverUrl) {
    console.log('  (set DATABASE_URL to run this benchmark)');
    return;
  }
  const tps = pgbenchTps(serverUrl, seconds);
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

    const { transitions, elapsedMs } = await new Promise<{ transitions: number; elapsedMs: number }>(
      (resolve, reject) => {
        const worker = new Worker(new URL('./transitions-client.mjs', import.meta.url), {
          workerData: { base, cookies, deskAgency, fileId, seconds, clients: 8 },
        });
        worker.once('message', resolve);
        worker.once('error', reject);
      },
    );
    const rate = transitions / (elapsedMs / 1000);
    console.log(`  pgbench TPC-B: ${tps.toFixed(0)} tps`);
    console.log(
      `  API transitions: ${rate.toFixed(0)} /s (${transitions} in ${seconds} s, 8 concurrent clients)`,
    );
    console.log(
      `  ratio: ${(rate / tps).toFixed(2)}   target ≥ 0.5: ${rate / tps >= 0.5 ? 'met' : 'MISSED'}`,
    );
  } finally {
    await app.close();
    await database.close();
  }
}

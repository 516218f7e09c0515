import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

async function startOnce(dataDir: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (performance.now() - started > 120_000) throw new Error('server did not start within 120 s');
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

/** `npm start` on a fresh data directory (initdb, migrate, seed) and again on the existing one. */
export async function benchStartup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
  try {
    console.log('\nStart-up of `npm start` with the embedded database (until /api/health answers)');
    const first = await startOnce(dir, 3917);
    console.log(`  fresh data directory:    ${(first / 1000).toFixed(1)} s`);
    const second = await startOnce(dir, 3917);
    console.log(
      `  existing data directory: ${(second / 1000).toFixed(1)} s   target ≤ 15 s: ${second <= 15_000 ? 'met' : 'MISSED'}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

import { execFileSync, spawn } from 'node:child_process';
import { BackendCpuMeter, waitedChildrenCpuMs } from './process-cpu.ts';

/** A scale-10 pgbench database on the server of `serverUrl`, for TPC-B rounds beside another measurement. */
export function pgbenchDatabase(serverUrl: string) {
  const url = new URL(serverUrl);
  const database = `motcua_pgbench_${process.pid}`;
  const env = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: url.username || 'postgres',
  };
  execFileSync('createdb', [database], { env });
  execFileSync('pgbench', ['-i', '-q', '-s', '10', database], { env, stdio: 'ignore' });
  const backends = new BackendCpuMeter(database);

  /** One TPC-B round of `seconds` with 8 clients: transactions, their time, and the CPU it cost. */
  async function round(seconds: number) {
    const clientBefore = waitedChildrenCpuMs();
    backends.start();
    // pgbench's backends exit with it: their CPU is read every 100 ms while it runs.
    const poller = setInterval(() => backends.poll(), 100);
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn('pgbench', ['-c', '8', '-j', '2', '-T', String(seconds), database], { env });
      let text = '';
      child.stdout.on('data', (chunk) => {
        text += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`pgbench exited ${code}`))));
    });
    clearInterval(poller);
    const transactions = Number(/actually processed: (\d+)/.exec(out)?.[1] ?? 0);
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0);
    return {
      transactions,
      // pgbench's own figure excludes connecting; its time is derived from it.
      seconds: tps > 0 ? transactions / tps : seconds,
      serverCpuMs: backends.stop(),
      clientCpuMs: waitedChildrenCpuMs() - clientBefore,
    };
  }

  return {
    round,
    drop: () => execFileSync('dropdb', ['--if-exists', database], { env }),
  };
}

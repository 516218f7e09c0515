import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The processes under test: API servers (`node --import tsx src/main.ts`, as `npm start` runs them) and, for
// several of them, the round-robin balancer in front. Their output goes to files under .tmp/load-<run>/.

export interface Started {
  name: string;
  child: ChildProcess;
  url: string;
  /** Every line the process wrote that is not a JSON object (structured-log check). */
  plainLines: () => string[];
  /** JSON lines by message, and request lines (with `req`, `res` or `responseTime`) that lack a reqId. */
  logStats: () => LogStats;
}

export interface LogStats {
  byMessage: Map<string, number>;
  requestLinesWithoutReqId: number;
}

const root = path.resolve(import.meta.dirname, '../..');

function capture(child: ChildProcess, file: string) {
  const out = fs.createWriteStream(file);
  const plain: string[] = [];
  const stats: LogStats = { byMessage: new Map(), requestLinesWithoutReqId: 0 };
  let rest = '';
  const onData = (chunk: Buffer) => {
    out.write(chunk);
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line);
        if (typeof entry !== 'object' || entry === null) {
          plain.push(line);
          continue;
        }
        stats.byMessage.set(entry.msg, (stats.byMessage.get(entry.msg) ?? 0) + 1);
        if ((entry.req || entry.res || entry.responseTime !== undefined) && !entry.reqId)
          stats.requestLinesWithoutReqId++;
      } catch {
        if (plain.length < 50) plain.push(line);
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return { plainLines: () => plain, logStats: () => stats };
}

export async function waitReady(url: string, timeoutMs: number, child: ChildProcess) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/api/ready`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url}: not ready after ${timeoutMs / 1000} s`);
}

export function startServer(
  name: string,
  port: number,
  env: Record<string, string>,
  logDir: string,
): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    // Production logs: JSON lines on stdout, not a terminal.
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return {
    name,
    child,
    url: `http://127.0.0.1:${port}`,
    ...capture(child, path.join(logDir, `${name}.log`)),
  };
}

export function startBalancer(port: number, backends: string[], logDir: string): Started {
  const child = spawn(process.execPath, ['scripts/balancer.mjs', String(port), ...backends], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return {
    name: 'balancer',
    child,
    url: `http://127.0.0.1:${port}`,
    ...capture(child, path.join(logDir, 'balancer.log')),
  };
}

export async function stop(started: Started, timeoutMs = 20_000) {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** Resident set size of a process in MiB (Linux /proc), or null when it is gone. */
export function rssMiB(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}

import fs from 'node:fs';

// CPU time of processes and threads from /proc (Linux), for the benchmarks' "CPU per transaction" figures: on a
// machine shared with other work the throughput follows the share of the cores a run gets, the CPU cost of one
// transaction does not.

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime (or stime alone) of a /proc stat file in ms, or null when the process is gone. */
export function statCpuMs(path: string, children = false, part: 'all' | 'system' = 'all'): number | null {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  // The command name may contain spaces: the fields start after its closing parenthesis (field 3 = state).
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const at = (n: number) => Number(fields[n - 3]);
  if (part === 'system') return (at(15) + (children ? at(17) : 0)) * TICK_MS;
  return (at(14) + at(15) + (children ? at(16) + at(17) : 0)) * TICK_MS;
}

/** CPU of the calling thread (a worker reads its own share of the process). */
export const threadCpuMs = () => statCpuMs('/proc/thread-self/stat') ?? 0;

/** CPU of the child processes this process has waited for (pgbench runs). */
export const waitedChildrenCpuMs = () => {
  const self = statCpuMs('/proc/self/stat', true) ?? 0;
  return self - (statCpuMs('/proc/self/stat') ?? 0);
};

/** The server processes (backends) of one database on a local PostgreSQL, found by their process titles. */
function backendsOf(database: string): number[] {
  const marker = ` ${database} `;
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/**
 * CPU spent by the backends of one database between `start()` and `stop()`. `poll()` in between catches
 * backends that exit before `stop()` (pgbench closes its connections when it ends): a backend counts up to its
 * last poll, so poll often when connections are short-lived.
 */
export class BackendCpuMeter {
  private first = new Map<number, number>();
  private last = new Map<number, number>();

  constructor(private readonly database: string) {}

  start(): void {
    this.first.clear();
    this.last.clear();
    this.poll();
    for (const [pid, ms] of this.last) this.first.set(pid, ms);
  }

  poll(): void {
    for (const pid of backendsOf(this.database)) {
      const ms = statCpuMs(`/proc/${pid}/stat`);
      if (ms !== null) this.last.set(pid, ms);
    }
  }

  /** Milliseconds of CPU since `start()`. */
  stop(): number {
    this.poll();
    let total = 0;
    for (const [pid, ms] of this.last) total += ms - (this.first.get(pid) ?? 0);
    return total;
  }
}

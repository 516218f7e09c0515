// The shell of a background worker: runs a round every `intervalMs` (counted from the end of the last one), one
// round at a time. A nudge runs one soon: at once when idle, right after the current round otherwise. A failed
// round is reported and the loop goes on. `stop()` cancels what is scheduled and waits for a running round.

export interface PollingLoop {
  /** Runs a round soon (e.g. right after a transaction that gave the worker something to do committed). */
  nudge(): void;
  /** Stops scheduling rounds and waits for the one running, if any. */
  stop(): Promise<void>;
}

export interface PollingLoopOptions {
  /** One round of work; `signal` is aborted by `stop()` (a long round may end early). */
  round: (signal: AbortSignal) => Promise<unknown>;
  intervalMs: number;
  /** Delay before the first round (default `intervalMs`). */
  firstDelayMs?: number;
  /** Called with what a failed round threw. */
  onError: (error: unknown) => void;
  /** Whether a pending timer keeps the process alive (default: it does not). */
  keepAlive?: boolean;
}

export function startPollingLoop(options: PollingLoopOptions): PollingLoop {
  const { round, intervalMs, firstDelayMs = intervalMs, onError, keepAlive = false } = options;
  const stopping = new AbortController();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let again = false;
  const schedule = (delay: number) => {
    if (stopping.signal.aborted) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
    if (!keepAlive) timer.unref?.();
  };
  const tick = () => {
    if (stopping.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = round(stopping.signal)
      .then(() => undefined)
      .catch(onError)
      .finally(() => {
        running = undefined;
        const now = again;
        again = false;
        schedule(now ? 0 : intervalMs);
      });
  };
  schedule(firstDelayMs);
  return {
    nudge: () => schedule(0),
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await running;
    },
  };
}

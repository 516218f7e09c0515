import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPollingLoop } from './polling-loop.ts';

/** A round that stays running until the test lets it finish. */
function heldRounds() {
  const started: AbortSignal[] = [];
  const finish: (() => void)[] = [];
  const round = (signal: AbortSignal) => {
    started.push(signal);
    return new Promise<void>((resolve) => finish.push(resolve));
  };
  return { round, started, finishNext: () => finish.shift()?.() };
}

describe('a polling loop', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a round after the first delay, then every interval from the end of the last', async () => {
    const round = vi.fn(async () => {});
    const loop = startPollingLoop({ round, intervalMs: 1000, firstDelayMs: 10, onError: () => {} });
    await vi.advanceTimersByTimeAsync(9);
    expect(round).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(round).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(round).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(round).toHaveBeenCalledTimes(2);
    await loop.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(round).toHaveBeenCalledTimes(2);
  });

  it('waits the interval before the first round unless told otherwise', async () => {
    const round = vi.fn(async () => {});
    const loop = startPollingLoop({ round, intervalMs: 500, onError: () => {} });
    await vi.advanceTimersByTimeAsync(499);
    expect(round).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(round).toHaveBeenCalledTimes(1);
    await loop.stop();
  });

  it('runs a round at once when nudged, and once more after the running round when nudged during it', async () => {
    const rounds = heldRounds();
    const loop = startPollingLoop({ round: rounds.round, intervalMs: 60_000, onError: () => {} });
    loop.nudge();
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds.started).toHaveLength(1);
    loop.nudge();
    loop.nudge();
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds.started).toHaveLength(1);
    rounds.finishNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds.started).toHaveLength(2);
    rounds.finishNext();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(rounds.started).toHaveLength(2);
    await loop.stop();
  });

  it('reports a failed round and goes on', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const loop = startPollingLoop({
      round: async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
      intervalMs: 100,
      firstDelayMs: 0,
      onError: (error) => errors.push(error),
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('boom');
    await loop.stop();
  });

  it('stops: aborts the signal, waits for the running round and schedules nothing more', async () => {
    const rounds = heldRounds();
    const loop = startPollingLoop({
      round: rounds.round,
      intervalMs: 100,
      firstDelayMs: 0,
      onError: () => {},
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds.started).toHaveLength(1);
    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds.started[0]?.aborted).toBe(true);
    expect(stopped).toBe(false);
    rounds.finishNext();
    await stopping;
    expect(stopped).toBe(true);
    loop.nudge();
    await vi.advanceTimersByTimeAsync(1000);
    expect(rounds.started).toHaveLength(1);
  });
});

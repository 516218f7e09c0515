/**
 * Delay before the next try after `attempt` failed tries: base·2^(attempt−1), capped, with "equal jitter"
 * (half fixed, half random) so deliveries that failed together (a provider outage) do not all retry together.
 */
export function retryDelayMs(
  attempt: number,
  { baseMs = 30_000, maxMs = 3_600_000 }: { baseMs?: number; maxMs?: number } = {},
  random: () => number = Math.random,
): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

// The simulation driver: every dossier's next action waits in one queue ordered by time, so actions happen in
// time order across dossiers and receipt codes are drawn in the order of receipt, as the server's counter
// would. Each action goes through the real `transition`; a refusal means a bug here and stops the run.
import { isoFromDay, vnDayOfMs } from '../modules/calendar/day.ts';
import { formatDossierCode } from '../modules/dossier/dossier-code.ts';
import { transition } from '../modules/dossier/lifecycle/transition.ts';
import type { HistoricAccounts } from './history-accounts.ts';
import { type Move, nextMove } from './history-agent.ts';
import type { HistoryContext } from './history-context.ts';
import { createDossiers, type GenerationEnv, type SimDossier } from './history-dossier.ts';

interface Entry {
  at: number;
  seq: number;
  dossier: SimDossier;
  move: Move;
}

/** A binary min-heap on (at, seq): ties keep the order in which moves were scheduled. */
class MoveQueue {
  private readonly heap: Entry[] = [];

  push(entry: Entry): void {
    const h = this.heap;
    h.push(entry);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(h[i] as Entry, h[parent] as Entry)) break;
      [h[i], h[parent]] = [h[parent] as Entry, h[i] as Entry];
      i = parent;
    }
  }

  pop(): Entry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < h.length && before(h[l] as Entry, h[min] as Entry)) min = l;
      if (r < h.length && before(h[r] as Entry, h[min] as Entry)) min = r;
      if (min === i) break;
      [h[i], h[min]] = [h[min] as Entry, h[i] as Entry];
      i = min;
    }
    return top;
  }
}

/** Counter key of a receipt: the agency and the Vietnam-local day, as nextDossierCode counts. */
export const codeKey = (agencyId: string, at: number) => `${agencyId}|${isoFromDay(vnDayOfMs(at))}`;

const before = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/**
 * Receipt codes drawn in memory per agency and Vietnam-local day, in the server's format
 * (`nextDossierCode`), continuing any counters already in the database. The last number of each day is
 * written back to dossier_code_counters with the dossiers, so live receipts continue the sequence.
 */
export class CodeBook {
  readonly counters: Map<string, number>;
  readonly touched = new Set<string>();

  constructor(
    private readonly ctx: HistoryContext,
    existing: ReadonlyMap<string, number>,
  ) {
    this.counters = new Map(existing);
  }

  draw(agencyId: string, at: number): string {
    const identifier = this.ctx.agencies.get(agencyId)?.identifierCode;
    if (!identifier) throw new Error(`agency ${agencyId} has no identifier code`);
    const key = codeKey(agencyId, at);
    const day = key.slice(agencyId.length + 1);
    const sequence = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, sequence);
    this.touched.add(key);
    return formatDossierCode({ agencyIdentifier: identifier, receivedOn: day, sequence });
  }
}

function play(env: GenerationEnv, codes: CodeBook, entry: Entry): void {
  const { dossier: d, move, at } = entry;
  const action =
    move.action.type === 'receive'
      ? { ...move.action, dossierCode: codes.draw(d.snapshot.receivingAgencyId, at) }
      : move.action;
  const result = transition(d.snapshot, action, move.actor, new Date(at), env.ctx.calendar);
  if (!result.ok) {
    throw new Error(
      `history: ${action.type} refused on dossier #${d.index} (${d.snapshot.state}): ${result.message}`,
    );
  }
  d.snapshot = result.snapshot;
  d.events.push(result.event);
}

export interface GeneratedHistory {
  dossiers: SimDossier[];
  codes: CodeBook;
}

/** Creates `count` dossiers and plays their lives up to `now`; what would happen later stays undone. */
export function generateHistory(
  ctx: HistoryContext,
  accounts: HistoricAccounts,
  options: { count: number; seed: number },
): GeneratedHistory {
  const env: GenerationEnv = { ctx, accounts, now: ctx.now.getTime() };
  const dossiers = createDossiers(env, options.count, options.seed);
  const codes = new CodeBook(ctx, ctx.counters);
  const queue = new MoveQueue();
  let seq = 0;
  const schedule = (dossier: SimDossier, lastAt: number) => {
    const move = nextMove(env, dossier, lastAt);
    if (move) queue.push({ at: Math.max(move.at, lastAt), seq: seq++, dossier, move });
  };
  for (const d of dossiers) schedule(d, Date.parse(d.snapshot.createdAt));
  for (let entry = queue.pop(); entry; entry = queue.pop()) {
    if (entry.at > env.now) continue;
    play(env, codes, entry);
    schedule(entry.dossier, entry.at);
  }
  return { dossiers, codes };
}

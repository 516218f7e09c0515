// The fate of a generated dossier, drawn once when it is created: channel, how intake goes, what happens during
// processing and how fast. The simulation then plays it through the real state machine.
import type { Channel } from '../modules/dossier/lifecycle/actions.ts';
import { lateShare, onlineShare, POST_SHARE, RATES } from './history-mix.ts';
import type { Rng } from './history-random.ts';

/** Where a recent dossier of phường Vị Thanh is left waiting, so each demo officer's queue has work. */
export type HoldKind =
  | 'intake'
  | 'supplement'
  | 'return'
  | 'specialist'
  | 'head_of_office'
  | 'signing_leader'
  | 'clerk';

export interface Fate {
  channel: Channel;
  /** The desk's first check. */
  intake: 'receive' | 'supplement' | 'refuse';
  /** After an intake supplement request: received once supplied, refused (never supplied), or withdrawn. */
  afterIntake: 'receive' | 'refuse' | 'withdraw';
  /** A supplement asked during appraisal: none, supplied, or never supplied. */
  supplement: 'none' | 'supplied' | 'abandoned';
  withdraw: boolean;
  /** Stop resolving (Decree 118 only: ignored for dossiers received under Decree 61). */
  stop: boolean;
  late: boolean;
  apology: boolean;
  /** The step that overruns when the dossier is late. */
  culprit: 'appraisal' | 'interlinked' | 'review' | 'signing';
  transfer: boolean;
  reject: boolean;
  /** Share of the time left to the due date that an on-time step uses (0.1 – 0.95). */
  pace: number;
  startsStep: boolean;
  hold: HoldKind | null;
}

export interface FateInput {
  isoDay: string;
  onlineAllowed: boolean;
  /** The unit's late factor. */
  late: number;
  /** Decide lateness and apologies from their probabilities (systematic sampling keeps the trend out of the noise). */
  lateGate: (p: number) => boolean;
  apologyGate: (p: number) => boolean;
  transferable: boolean;
  /** Decree 61 dossiers near 1 July 2025 get no intake supplement, so none is received under Decree 118. */
  intakeMayWait: boolean;
}

function channelOf(rng: Rng, input: FateInput): Channel {
  if (input.onlineAllowed && rng.chance(onlineShare(input.isoDay))) return 'online';
  return rng.chance(POST_SHARE) ? 'post' : 'counter';
}

function intakeOf(rng: Rng, input: FateInput): Fate['intake'] {
  const x = rng.next();
  if (x < RATES.refuseAtIntake) return 'refuse';
  if (x < RATES.refuseAtIntake + RATES.intakeSupplement && input.intakeMayWait) return 'supplement';
  return 'receive';
}

/** One ending at most among withdrawal, stop and an abandoned supplement; supplied supplements mix with any. */
function processingOf(rng: Rng): Pick<Fate, 'supplement' | 'withdraw' | 'stop'> {
  const supplement = rng.chance(RATES.processingSupplement)
    ? rng.chance(RATES.supplementAbandoned)
      ? 'abandoned'
      : 'supplied'
    : 'none';
  const ending = supplement === 'abandoned' ? 0.5 : rng.next();
  return {
    supplement,
    withdraw: ending < RATES.withdraw,
    stop: ending >= RATES.withdraw && ending < RATES.withdraw + RATES.stop,
  };
}

export function drawFate(rng: Rng, input: FateInput): Fate {
  const late = input.lateGate(Math.min(0.5, lateShare(input.isoDay) * input.late));
  const transfer = input.transferable && rng.chance(RATES.transfer);
  return {
    channel: channelOf(rng, input),
    intake: intakeOf(rng, input),
    afterIntake: rng.weighted({ receive: 0.8, refuse: 0.1, withdraw: 0.1 }),
    ...processingOf(rng),
    late,
    apology: late && input.apologyGate(RATES.apology),
    culprit:
      transfer && rng.chance(0.35)
        ? 'interlinked'
        : rng.weighted({ appraisal: 0.8, review: 0.13, signing: 0.07 }),
    transfer,
    reject: rng.chance(RATES.reject),
    pace: 0.1 + 0.8 * rng.next() ** 1.4,
    startsStep: rng.chance(RATES.startStep),
    hold: null,
  };
}

/** A recent dossier of the demo ward, moving quickly until it waits in the queue of `hold`. */
export function holdFate(rng: Rng, hold: HoldKind, onlineAllowed: boolean): Fate {
  return {
    channel: hold === 'intake' || (onlineAllowed && rng.chance(0.6)) ? 'online' : 'counter',
    intake: 'receive',
    afterIntake: 'receive',
    supplement: hold === 'supplement' ? 'supplied' : 'none',
    withdraw: false,
    stop: false,
    late: false,
    apology: false,
    culprit: 'appraisal',
    transfer: false,
    reject: false,
    pace: 0.2,
    startsStep: rng.chance(0.5),
    hold,
  };
}

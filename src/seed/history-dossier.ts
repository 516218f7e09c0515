// A generated dossier before simulation: where and when it arrives, what for, from whom, and its fate. Most are
// spread over the years by demand; a few recent ones of phường Vị Thanh are set to wait in the demo queues.
import type { DossierEventDraft } from '../modules/dossier/lifecycle/event.ts';
import { type DossierSnapshot, newDossier } from '../modules/dossier/lifecycle/snapshot.ts';
import type { CitizenAccount, HistoricAccounts } from './history-accounts.ts';
import { type HistoryContext, type Offer, REORGANISED_ON, type ReceivingPoint } from './history-context.ts';
import { drawFate, type Fate, type HoldKind, holdFate } from './history-fate.ts';
import { addressAt, houseOf, mobileOf, organisationOf, personOf } from './history-people.ts';
import { Rng, WeightedTable } from './history-random.ts';
import { type Speciality, specialityOf } from './history-staff.ts';
import {
  arrivalHours,
  HOUR_MS,
  officeInstant,
  sampleDays,
  vnDay,
  workingDayBefore,
  workingDays,
} from './history-time.ts';

export const HISTORY_START = '2021-01-01';

export interface Applicant {
  kind: 'person' | 'organisation';
  fullName: string;
  citizenId: string | null;
  phone: string | null;
  email: string | null;
  address: string;
  /** The applicant's portal account (online dossiers). */
  accountId: string | null;
}

export interface StepPlan {
  /** Step index and clock restarts the plan was made for. */
  key: string;
  endsAt: number;
  startAt: number | null;
  supplementAt: number | null;
  apology: { at: number; date: string } | null;
  exitAt: number | null;
  /** The step runs late on purpose: the steps after it hurry. */
  culprit: boolean;
}

export interface SimDossier {
  index: number;
  rng: Rng;
  point: ReceivingPoint;
  offer: Offer;
  fate: Fate;
  speciality: Speciality;
  applicant: Applicant;
  snapshot: DossierSnapshot;
  events: DossierEventDraft[];
  submitAt: number;
  /** The desk's first check of the dossier (at once at the counter). */
  checkAt: number;
  plan: StepPlan | null;
  hurry: boolean;
}

export interface GenerationEnv {
  ctx: HistoryContext;
  accounts: HistoricAccounts;
  now: number;
}

const pools = new WeakMap<Offer, CitizenAccount[]>();

function citizenFor(rng: Rng, env: GenerationEnv, offer: Offer): CitizenAccount | undefined {
  let pool = pools.get(offer);
  if (!pool) {
    pool = offer.homeUnitIds.flatMap((id) => env.accounts.citizens.get(id) ?? []);
    pools.set(offer, pool);
  }
  return pool.length ? rng.pick(pool) : undefined;
}

function applicantOf(rng: Rng, env: GenerationEnv, offer: Offer, online: boolean, year: number): Applicant {
  const organisation = /hợp tác/i.test(offer.procedure.field);
  const account = online ? citizenFor(rng, env, offer) : undefined;
  if (account) {
    return {
      kind: organisation ? 'organisation' : 'person',
      fullName: organisation ? organisationOf(rng) : account.fullName,
      citizenId: organisation ? null : account.citizenId,
      phone: account.phone,
      email: account.email,
      address: addressAt(account.house, offer.place),
      accountId: account.id,
    };
  }
  const person = personOf(rng, year);
  return {
    kind: organisation ? 'organisation' : 'person',
    fullName: organisation ? organisationOf(rng) : person.fullName,
    citizenId: organisation ? null : person.citizenId,
    phone: organisation ? mobileOf(rng) : person.phone,
    email: null,
    address: addressAt(houseOf(rng, offer.place.commune), offer.place),
    accountId: null,
  };
}

interface Arrival {
  point: ReceivingPoint;
  offer: Offer;
  fate: Fate;
  createdAt: number;
  submitAt: number;
  checkAt: number;
}

function build(env: GenerationEnv, index: number, rng: Rng, a: Arrival): SimDossier {
  const online = a.fate.channel === 'online';
  const applicant = applicantOf(rng, env, a.offer, online, new Date(a.checkAt).getUTCFullYear());
  const id = rng.uuid();
  const { procedure } = a.offer;
  const snapshot = newDossier({
    id,
    procedureCode: procedure.code,
    // Walk-in applicants have no account: the desk acts for them, as receive-walk-in.ts does.
    applicantUserId: applicant.accountId ?? `counter:${id}`,
    channel: a.fate.channel,
    receivingAgencyId: a.point.agency.id,
    competentAgencyId: a.offer.competentAgencyId,
    assistingAgencyId: online ? null : a.point.agency.id,
    statutory: procedure.statutory,
    process: procedure.process,
    createdAt: new Date(a.createdAt),
  });
  return {
    index,
    rng,
    ...a,
    speciality: specialityOf(procedure.group),
    applicant,
    snapshot,
    events: [],
    plan: null,
    hurry: false,
  };
}

/** Times of arrival: the desk's check at an office hour of `day`; online filings at any hour before it. */
function arrivalTimes(rng: Rng, env: GenerationEnv, day: string, online: boolean) {
  const checkAt = officeInstant(env.ctx.calendar, day, arrivalHours(rng));
  const submitAt = online ? checkAt - rng.between(0.3, 30) * HOUR_MS : checkAt;
  return { checkAt, submitAt, createdAt: online ? submitAt - rng.between(5, 50) * 60_000 : checkAt };
}

/** Systematic sampling: exactly one "yes" per unit of accumulated probability, from a random start. */
function systematicGate(start: number): (p: number) => boolean {
  let carry = start;
  return (p) => {
    carry += p;
    if (carry < 1) return false;
    carry -= 1;
    return true;
  };
}

interface Draws {
  tables: EraTables;
  lateGate: (p: number) => boolean;
  apologyGate: (p: number) => boolean;
}

function naturalDossier(env: GenerationEnv, draws: Draws, day: string, index: number, seed: number) {
  const rng = new Rng(seed, index + 1);
  const era = day < REORGANISED_ON ? 'plan' : 'new';
  const point = draws.tables[era].draw(rng);
  const offer = point.offers.draw(rng);
  const fate = drawFate(rng, {
    isoDay: day,
    onlineAllowed: offer.procedure.online,
    late: point.late,
    lateGate: draws.lateGate,
    apologyGate: draws.apologyGate,
    transferable: point.transferTarget(offer.procedure.field) !== null,
    intakeMayWait: era === 'new' || day < '2025-05-15',
  });
  return build(env, index, rng, {
    point,
    offer,
    fate,
    ...arrivalTimes(rng, env, day, fate.channel === 'online'),
  });
}

/** Round robin over the demo queues: specialist, head, signing leader, clerk, then the desk's three waits. */
const HOLD_ORDER: HoldKind[] = [
  'specialist',
  'head_of_office',
  'signing_leader',
  'clerk',
  'intake',
  'supplement',
  'return',
];
const MAX_HOLDS = 25;

export function holdKinds(count: number): HoldKind[] {
  const n = Math.min(MAX_HOLDS, Math.floor(count / 10));
  return Array.from({ length: n }, (_, i) => HOLD_ORDER[i % HOLD_ORDER.length] as HoldKind);
}

function holdDossier(env: GenerationEnv, point: ReceivingPoint, hold: HoldKind, index: number, seed: number) {
  const rng = new Rng(seed, index + 1);
  let offer = point.committeeOffers.draw(rng);
  for (let i = 0; i < 30 && hold === 'intake' && !offer.procedure.online; i++)
    offer = point.committeeOffers.draw(rng);
  const fate = holdFate(rng, hold, offer.procedure.online);
  const today = vnDay(env.now);
  const day = workingDayBefore(env.ctx.calendar, today, rng.int(1, 10));
  const times = arrivalTimes(rng, env, day, fate.channel === 'online');
  if (hold === 'intake') {
    // Filed online in the last day or two and not yet checked by the desk.
    times.submitAt = env.now - rng.between(0.5, 40) * HOUR_MS;
    times.createdAt = times.submitAt - rng.between(5, 50) * 60_000;
    times.checkAt = env.now + HOUR_MS;
  }
  return build(env, index, rng, { point, offer, fate, ...times });
}

type EraTables = Record<'plan' | 'new', WeightedTable<ReceivingPoint>>;

/** `count` dossiers: receipt days drawn by demand up to yesterday, and the demo ward's queue fillers. */
export function createDossiers(env: GenerationEnv, count: number, seed: number): SimDossier[] {
  const { ctx } = env;
  const demoDesk = ctx.successors.find((p) => p.agency.slug === 'cantho-phuong-vi-thanh-ttpvhcc');
  const holds = demoDesk && demoDesk.committeeOffers.size > 0 ? holdKinds(count) : [];
  const yesterday = workingDayBefore(ctx.calendar, vnDay(env.now), 1);
  const days = workingDays(ctx.calendar, HISTORY_START, yesterday);
  const master = new Rng(seed, 0);
  const sampled = sampleDays(master, days, count - holds.length);
  const tables: EraTables = {
    plan: new WeightedTable(ctx.plan.map((p) => [p, p.weight] as const)),
    new: new WeightedTable(ctx.successors.map((p) => [p, p.weight] as const)),
  };
  const draws = {
    tables,
    lateGate: systematicGate(master.next()),
    apologyGate: systematicGate(master.next()),
  };
  const natural = sampled.map((day, i) => naturalDossier(env, draws, day, i, seed));
  const held = demoDesk
    ? holds.map((hold, j) => holdDossier(env, demoDesk, hold, natural.length + j, seed))
    : [];
  return [...natural, ...held];
}

import { asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAssignments, users } from '../modules/auth/schema.ts';
import { ACTION_POLICY } from '../modules/dossier/lifecycle/action-policy.ts';
import type { ActionType } from '../modules/dossier/lifecycle/actions.ts';
import type { DossierState } from '../modules/dossier/lifecycle/states.ts';
import { dossierCodeCounters, dossierEvents, dossiers } from '../modules/dossier/schema.ts';
import { agencies } from '../modules/org/schema.ts';
import type { Database } from '../platform/db/connect.ts';
import { useTestApp } from '../testing/test-app.ts';
import { openTestDatabase, testDatabaseKinds } from '../testing/test-db.ts';
import { demoAccounts } from './demo-accounts.ts';
import { ensureHistoricAccounts, HISTORIC_EMAIL_PATTERN } from './history-accounts.ts';
import { loadHistoryContext } from './history-context.ts';
import { generateHistory } from './history-simulate.ts';
import type { HistoryFigures } from './history-stats.ts';
import { type SeedHistoryResult, seedHistory } from './seed-history.ts';

const NOW = new Date('2026-11-20T09:30:00+07:00');
const SEED = 7;
const COUNT = 300;
const REORGANISED = Date.parse('2025-07-01T00:00:00+07:00');

type EventRow = typeof dossierEvents.$inferSelect;

const share = (part: number, whole: number) => (whole ? part / whole : 0);

function channelShare(f: HistoryFigures, years: number[]) {
  const rows = f.years.filter((y) => years.includes(y.year));
  const created = rows.reduce((s, y) => s + y.created, 0);
  return share(
    rows.reduce((s, y) => s + y.online, 0),
    created,
  );
}

describe.each(testDatabaseKinds())('seed-history on %s', (kind) => {
  let database: Database;
  let result: SeedHistoryResult;
  let rows: (typeof dossiers.$inferSelect)[];
  let events: Map<string, EventRow[]>;
  let slugs: Map<string, string>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    result = await seedHistory(database.db, { dossiers: COUNT, seed: SEED, now: NOW });
    rows = await database.db.select().from(dossiers);
    const all = await database.db.select().from(dossierEvents).orderBy(asc(dossierEvents.id));
    slugs = new Map((await database.db.select().from(agencies)).map((a) => [a.id, a.slug]));
    events = new Map();
    for (const e of all) events.set(e.dossierId, [...(events.get(e.dossierId) ?? []), e]);
  }, 120_000);
  afterAll(() => database?.close());

  const figures = () => {
    if (!result.created) throw new Error('no history was created');
    return result.figures;
  };

  it('creates the requested dossiers through the state machine, one stored event per version', () => {
    expect(result.created).toBe(true);
    expect(rows).toHaveLength(COUNT);
    for (const row of rows) {
      const list = events.get(row.id) ?? [];
      expect(list.length, row.id).toBe(row.version);
      expect(row.snapshot.version).toBe(row.version);
      expect(row.state).toBe(row.snapshot.state);
    }
  });

  it('stores only legal event sequences, in time order', () => {
    for (const row of rows) {
      const list = events.get(row.id) ?? [];
      let state: DossierState = 'draft';
      let at = Date.parse(row.snapshot.createdAt);
      for (const e of list) {
        const policy = ACTION_POLICY[e.action as ActionType];
        expect(policy.from, `${e.action} from ${state}`).toContain(e.fromState);
        expect(e.fromState).toBe(state);
        expect(e.at.getTime()).toBeGreaterThanOrEqual(at);
        expect(e.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
        state = e.toState as DossierState;
        at = e.at.getTime();
      }
      expect(state).toBe(row.state);
    }
  });

  it('gives unique receipt codes per agency and day, and leaves the counters at the last number', async () => {
    const coded = rows.filter((r) => r.code);
    expect(new Set(coded.map((r) => r.code)).size).toBe(coded.length);
    const last = new Map<string, number>();
    for (const row of coded) {
      const [, yymmdd = '', seq] = /-(\d{6})-(\d{4})$/.exec(row.code ?? '') ?? [];
      const day = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4)}`;
      // The code carries the Vietnam-local receipt day.
      expect(new Date((row.receivedAt?.getTime() ?? 0) + 7 * 3_600_000).toISOString().slice(0, 10)).toBe(day);
      const key = `${row.receivingAgencyId}|${day}`;
      last.set(key, Math.max(last.get(key) ?? 0, Number(seq)));
    }
    const counters = await database.db.select().from(dossierCodeCounters);
    const stored = new Map(counters.map((c) => [`${c.agencyId}|${c.day}`, c.last]));
    expect(last.size).toBeGreaterThan(0);
    for (const [key, max] of last) expect(stored.get(key), key).toBe(max);
  });

  it('resolves most dossiers on time, improving over the years', () => {
    const f = figures();
    const resolved = f.years.reduce((s, y) => s + y.resolved, 0);
    const onTime = f.years.reduce((s, y) => s + y.onTime, 0);
    expect(share(onTime, resolved)).toBeGreaterThan(0.86);
    expect(share(onTime, resolved)).toBeLessThan(0.99);
    const early = f.years.filter((y) => y.year <= 2022);
    const late = f.years.filter((y) => y.year >= 2025);
    const rate = (ys: typeof early) =>
      share(
        ys.reduce((s, y) => s + y.onTime, 0),
        ys.reduce((s, y) => s + y.resolved, 0),
      );
    expect(rate(late)).toBeGreaterThanOrEqual(rate(early));
  });

  it('leaves recent dossiers open, some overdue, in every demo queue of phường Vị Thanh', async () => {
    const f = figures();
    expect(f.open).toBeGreaterThan(0);
    expect(f.overdue).toBeGreaterThan(0);
    const grants = await database.db
      .select({ email: users.email, role: roleAssignments.role, agencyId: roleAssignments.agencyId })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId));
    const vithanh = demoAccounts.filter((a) => a.email.endsWith('.vithanh@demo.motcua.vn'));
    for (const account of vithanh) {
      const mine = grants.filter((g) => g.email === account.email);
      const queue = rows.filter((r) =>
        mine.some((g) => g.agencyId === r.currentAgencyId && g.role === r.currentRole),
      );
      expect(queue.length, account.email).toBeGreaterThan(0);
    }
  });

  it('moves the channel mix toward online over the years', () => {
    const f = figures();
    const before = channelShare(f, [2021, 2022]);
    const after = channelShare(f, [2025, 2026]);
    expect(before).toBeLessThan(0.4);
    expect(after).toBeGreaterThan(0.45);
    expect(after - before).toBeGreaterThan(0.2);
  });

  it('applies Decree 118 only to dossiers received from 1 July 2025, and stops only those', () => {
    for (const row of rows.filter((r) => r.receivedAt)) {
      const after = (row.receivedAt?.getTime() ?? 0) >= REORGANISED;
      expect(row.ruleProfile, row.code ?? row.id).toBe(after ? 'nd118-2025' : 'nd61-2018');
    }
    for (const row of rows.filter((r) => r.state === 'stopped')) expect(row.ruleProfile).toBe('nd118-2025');
    // Old desks received until 30 June 2025, the successors' centres from 1 July.
    for (const row of rows.filter((r) => r.receivedAt)) {
      const successor = slugs.get(row.receivingAgencyId)?.startsWith('cantho-');
      expect(successor, row.code ?? row.id).toBe((row.receivedAt?.getTime() ?? 0) >= REORGANISED);
    }
    for (const list of events.values()) {
      for (const e of list.filter((x) => x.action === 'stop')) {
        expect(rows.find((r) => r.id === e.dossierId)?.ruleProfile).toBe('nd118-2025');
      }
    }
  });

  it('acts through inactive historic accounts and the demo officers only', async () => {
    const historic = await database.db.select().from(users).where(like(users.email, HISTORIC_EMAIL_PATTERN));
    expect(historic.length).toBeGreaterThan(50);
    expect(historic.every((u) => !u.active)).toBe(true);
    const known = new Set((await database.db.select({ id: users.id }).from(users)).map((u) => u.id));
    for (const list of events.values()) {
      for (const e of list) if (e.actorUserId) expect(known.has(e.actorUserId)).toBe(true);
    }
  });

  it('adds nothing when run again', async () => {
    const again = await seedHistory(database.db, { dossiers: COUNT, seed: SEED + 1, now: NOW });
    expect(again.created).toBe(false);
    expect(await database.db.$count(dossiers)).toBe(COUNT);
  });

  it('generates the same history from the same seed', async () => {
    const ctx = await loadHistoryContext(database.db, NOW);
    const accounts = await ensureHistoricAccounts(database.db, ctx, 50);
    const digest = () =>
      generateHistory(ctx, accounts, { count: 120, seed: SEED }).dossiers.map((d) => [
        d.snapshot.id,
        d.snapshot.code,
        d.snapshot.state,
        d.applicant.fullName,
        d.events.map((e) => `${e.action}@${e.at}`).join(','),
      ]);
    const first = digest();
    expect(digest()).toEqual(first);
    expect(generateHistory(ctx, accounts, { count: 120, seed: SEED + 1 }).dossiers[0]?.snapshot.id).not.toBe(
      first[0]?.[0],
    );
  });
});

describe.each(testDatabaseKinds())('generated dossiers in the product on %s', (kind) => {
  const t = useTestApp(kind);

  it('lets a demo officer open a generated dossier from the queue and act on it', async () => {
    const result = await seedHistory(t.database.db, { dossiers: 150, seed: SEED });
    expect(result.created).toBe(true);
    const cookie = await t.login('chuyenvien.vithanh@demo.motcua.vn');
    const queue = await t.request({ method: 'GET', url: '/api/office/dossiers?scope=queue', cookie });
    expect(queue.statusCode, queue.body).toBe(200);
    const [first] = (queue.json() as { items: { id: string }[] }).items;
    if (!first) throw new Error('the specialist queue is empty');
    const detail = await t.request({ method: 'GET', url: `/api/office/dossiers/${first.id}`, cookie });
    expect(detail.statusCode, detail.body).toBe(200);
    const dossier = detail.json() as { version: number; availableActions: { type: string }[] };
    expect(dossier.availableActions.map((a) => a.type)).toContain('complete_step');
    const acted = await t.request({
      method: 'POST',
      url: `/api/office/dossiers/${first.id}/actions`,
      cookie,
      payload: { version: dossier.version, action: { type: 'complete_step', comment: 'Đủ điều kiện.' } },
    });
    expect(acted.statusCode, acted.body).toBe(200);
    expect((acted.json() as { version: number }).version).toBe(dossier.version + 1);
  });
});

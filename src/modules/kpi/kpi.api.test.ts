import { eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { dossierWalk } from '../../testing/dossier-walk.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { users } from '../auth/schema.ts';
import { dossiers } from '../dossier/schema.ts';
import { aggregateTotals } from './aggregate-store.ts';
import { vnMonthOf } from './counters.ts';
import type { FigureFilter } from './figure-filter.ts';
import { filterOf, scopeUnits } from './figures.ts';
import { naiveTotals } from './raw-facts.ts';
import { rollupKpi } from './rollup.ts';

const CITIZEN = 'congdan@demo.motcua.vn';
const DESK = 'motcua.vithanh@demo.motcua.vn';
const ADMIN = 'quantri@demo.motcua.vn';

type Figures = {
  scope: { unitName: string; unitCount: number };
  indicators: {
    key: string;
    numerator: number;
    denominator: number;
    value: number | null;
    met: boolean | null;
  }[];
  counters: Record<string, number>;
  ratings: { total: number; satisfied: number };
  open: { open: number; overdue: number };
  index766: { total: number | null; outOf: number };
  trend: { month: string }[];
};

describe.each(testDatabaseKinds())('indicators on %s', (kind) => {
  const t = useTestApp(kind);
  const month = vnMonthOf(new Date()).slice(0, 7);
  const ids = { returned: '', resultIssued: '', open: '', unit: '', agency: '' };

  const { act, toResult } = dossierWalk(t);
  const intake = (desk: string) => dossierWalk(t).intake(desk, ids.agency);
  const figures = async (query: string) => {
    const r = await t.request({ method: 'GET', url: `/api/kpi/figures?${query}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Figures;
  };
  const indicator = (f: Figures, key: string) => f.indicators.find((i) => i.key === key);

  beforeAll(async () => {
    const agencies = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
      unitId: string;
    }[];
    const desk = agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc');
    if (!desk) throw new Error('demo desk missing');
    ids.agency = desk.id;
    ids.unit = desk.unitId;
    const cookie = await t.login(DESK);
    const returned = await act(cookie, await toResult(cookie), { type: 'return_result', channel: 'counter' });
    const resultIssued = await toResult(cookie);
    const open = await intake(cookie);
    Object.assign(ids, { returned: returned.id, resultIssued: resultIssued.id, open: open.id });
    const [citizen] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, CITIZEN));
    await t.database.db
      .update(dossiers)
      .set({ applicantUserId: citizen?.id ?? null })
      .where(inArray(dossiers.id, [returned.id]));
  }, 90_000);

  it('folds every event once: the aggregates equal a count over the raw dossiers', async () => {
    const first = await rollupKpi(t.database.db);
    expect(first.events).toBeGreaterThan(0);
    expect((await rollupKpi(t.database.db)).events).toBe(0);
    const scope = await scopeUnits(t.database.db, ids.unit, 'current');
    const filters: FigureFilter[] = [
      filterOf({ view: 'current', from: month, to: month }, scope?.unitIds ?? []),
      filterOf({ view: 'current', from: month, to: month, agencyId: ids.agency }, scope?.unitIds ?? []),
      filterOf({ view: 'current', from: '2021-01', to: month, field: 'Hộ tịch' }, scope?.unitIds ?? []),
    ];
    for (const f of filters) {
      const aggregated = await aggregateTotals(t.database.db, f);
      expect(aggregated.counters).toEqual(await naiveTotals(t.database.db, f));
    }
    const f = await figures(`unit=${ids.unit}&from=${month}&to=${month}`);
    expect(f.counters).toMatchObject({
      receivedOffline: 3,
      receivedOnline: 0,
      resultsIssued: 2,
      resultsDigitised: 2,
      returned: 1,
    });
    expect((f.counters.resolvedEarly ?? 0) + (f.counters.resolvedOnTime ?? 0)).toBe(2);
    expect(indicator(f, 'on_time')).toMatchObject({ numerator: 2, denominator: 2, value: 100, met: true });
    expect(indicator(f, 'dossiers_online')).toMatchObject({
      numerator: 0,
      denominator: 3,
      value: 0,
      met: false,
    });
    expect(f.open.open).toBe(1);
    expect(f.trend.map((m) => m.month)).toEqual([month]);
    expect(f.index766.total).not.toBeNull();
  });

  it('lists exactly the dossiers behind a figure, and exports them to Excel', async () => {
    const desk = await t.login(DESK);
    const list = async (metrics: string) => {
      const r = await t.request({
        method: 'GET',
        url: `/api/office/kpi/dossiers?unit=${ids.unit}&from=${month}&to=${month}&metrics=${metrics}`,
        cookie: desk,
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { total: number; items: { id: string; code: string }[] };
    };
    const onTime = await list('resolvedEarly,resolvedOnTime');
    expect(onTime.total).toBe(2);
    expect(onTime.items.map((i) => i.id).sort()).toEqual([ids.returned, ids.resultIssued].sort());
    expect((await list('receivedOnline,receivedOffline')).total).toBe(3);
    expect((await list('returned')).items.map((i) => i.id)).toEqual([ids.returned]);
    // The dossiers being processed now (live, whatever the months), the same as the figure's open count.
    expect((await list('openNow')).items.map((i) => i.id)).toEqual([ids.open]);
    expect((await list('overdueNow')).total).toBe(0);
    const xlsx = await t.request({
      method: 'GET',
      url: `/api/office/kpi/dossiers?unit=${ids.unit}&from=${month}&to=${month}&metrics=returned&format=xlsx`,
      cookie: desk,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(3).getCell(2).value).toBe('Mã hồ sơ');
    expect(sheet?.rowCount).toBe(4);
    // Without signing in, no dossier list.
    const anonymous = await t.request({
      method: 'GET',
      url: `/api/office/kpi/dossiers?from=${month}&to=${month}&metrics=returned`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('counts a rating once, and moves the count when the citizen changes it', async () => {
    const citizen = await t.login(CITIZEN);
    const rate = (level: string) =>
      t.request({
        method: 'PUT',
        url: `/api/my/dossiers/${ids.returned}/rating`,
        cookie: citizen,
        payload: { level },
      });
    expect((await rate('very_satisfied')).statusCode).toBe(200);
    await rollupKpi(t.database.db);
    let f = await figures(`unit=${ids.unit}&from=${month}&to=${month}`);
    expect(f.ratings).toEqual({ total: 1, satisfied: 1 });
    expect(indicator(f, 'satisfaction')).toMatchObject({ value: 100, met: true });
    expect((await rate('unsatisfied')).statusCode).toBe(200);
    expect((await rollupKpi(t.database.db)).ratings).toBe(1);
    f = await figures(`unit=${ids.unit}&from=${month}&to=${month}`);
    expect(f.ratings).toEqual({ total: 1, satisfied: 0 });
    expect(indicator(f, 'satisfaction')).toMatchObject({ value: 0, met: false });
    // Nothing new: nothing read, nothing moved.
    expect(await rollupKpi(t.database.db)).toEqual({ events: 0, ratings: 0 });
    expect((await figures(`unit=${ids.unit}&from=${month}&to=${month}`)).ratings).toEqual({
      total: 1,
      satisfied: 0,
    });
  });

  it('rolls old units up into their successors, or shows the organisation of the time', async () => {
    const current = await figures(`unit=${ids.unit}&view=current&from=${month}&to=${month}`);
    const historical = await figures(`unit=${ids.unit}&view=historical&from=${month}&to=${month}`);
    expect(current.scope.unitCount).toBeGreaterThan(historical.scope.unitCount);
    const rankings = await t.request({
      method: 'GET',
      url: `/api/kpi/rankings?from=${month}&to=${month}&by=agency`,
    });
    expect(rankings.statusCode, rankings.body).toBe(200);
    const rows = rankings.json().rows as { id: string; resolved: number }[];
    expect(rows.reduce((s, r) => s + r.resolved, 0)).toBe(2);
  });

  it.runIf(kind === 'postgres')(
    'is not held back by a long transaction in another database of the same server',
    async () => {
      // A bulk load or a test elsewhere on the server keeps a transaction open with an id older than ours.
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        await other.query('begin');
        await other.query('select pg_current_xact_id()');
        const cookie = await t.login(DESK);
        await intake(cookie);
        await rollupKpi(t.database.db);
        const f = await figures(`unit=${ids.unit}&from=${month}&to=${month}`);
        expect(f.counters.receivedOffline).toBe(4);
      } finally {
        await other.query('rollback').catch(() => {});
        await other.end();
      }
    },
  );

  it('refuses bad queries with a Vietnamese message', async () => {
    const bad = async (query: string, pattern: RegExp, status = 400) => {
      const r = await t.request({ method: 'GET', url: `/api/kpi/figures?${query}` });
      expect(r.statusCode, r.body).toBe(status);
      expect(r.json().error.message).toMatch(pattern);
    };
    await bad('from=2026-13', /YYYY-MM/);
    await bad('from=2026-05&to=2026-01', /từ tháng bắt đầu/);
    await bad('from=2020-01&to=2026-01', /tối đa 60 tháng/);
    await bad('unit=khong-phai-uuid', /đơn vị hành chính/);
    await bad('unit=00000000-0000-4000-8000-000000000000', /Không tìm thấy đơn vị/, 404);
    const desk = await t.login(DESK);
    const drill = await t.request({
      method: 'GET',
      url: `/api/office/kpi/dossiers?from=${month}&to=${month}&metrics=khong_co`,
      cookie: desk,
    });
    expect(drill.statusCode).toBe(400);
    expect(drill.json().error.message).toMatch(/Chỉ số cần xem chi tiết không hợp lệ/);
  });

  it('lets administrators change the targets; others may not', async () => {
    const settings = (await t.request({ method: 'GET', url: '/api/kpi/settings' })).json();
    expect(settings.targets.on_time).toEqual({ op: '>=', value: 95 });
    const changed = { ...settings, targets: { ...settings.targets, on_time: { op: '>=', value: 97 } } };
    const desk = await t.login(DESK);
    const put = (cookie: string, body: unknown) =>
      t.request({ method: 'PUT', url: '/api/office/kpi/settings', cookie, payload: body as object });
    expect((await put(desk, changed)).statusCode).toBe(403);
    const admin = await t.login(ADMIN);
    const wrong = await put(admin, { ...changed, targets: { on_time: { op: '>=', value: 140 } } });
    expect(wrong.statusCode).toBe(400);
    expect((await put(admin, changed)).statusCode).toBe(200);
    const f = await figures(`unit=${ids.unit}&from=${month}&to=${month}`);
    expect(indicator(f, 'on_time')?.met).toBe(true);
    expect((await t.request({ method: 'GET', url: '/api/kpi/settings' })).json().targets.on_time.value).toBe(
      97,
    );
  });
});

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { columnsOf } from '../dossier/dossier-store.ts';
import type { Channel } from '../dossier/lifecycle/actions.ts';
import type { DossierSnapshot } from '../dossier/lifecycle/snapshot.ts';
import { act, applicant, draft, officer, vn } from '../dossier/lifecycle/test-fixtures.ts';
import { dossiers } from '../dossier/schema.ts';
import { readPdf } from '../forms/pdf-text.testing.ts';
import { adminUnits } from '../org/schema.ts';
import { reportColumns } from './procedure-handling.ts';

const DESK = 'motcua.vithanh@demo.motcua.vn';
const OTHER_WARD_DESK = 'motcua.vitan@demo.motcua.vn';
const ADMIN = 'quantri@demo.motcua.vn';
const URL = '/api/office/reports/procedure-handling';

type Counts = Record<(typeof reportColumns)[number], number>;
interface Report {
  rows: { level: number; field: string; counts: Counts }[];
  levels: { level: number; label: string; counts: Counts }[];
  totals: Counts;
  period: { from: string; to: string; label: string };
}

describe.each(testDatabaseKinds())('procedure-handling report (Biểu 06) on %s', (kind) => {
  const t = useTestApp(kind);
  let deskAgency: string;
  let unitId: string;

  /** A walk-in dossier received now through the API; then March 2026 history inserted as the server stores it. */
  async function setUp() {
    if (deskAgency) return;
    const agencies = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
    }[];
    const receiving = agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc')?.id as string;
    const cookie = await t.login(DESK);
    const created = await t.request({
      method: 'POST',
      url: '/api/office/dossiers',
      cookie,
      payload: {
        procedureCode: '1.001193',
        receivingAgencyId: receiving,
        applicant: { fullName: 'Nguyễn Thị Hoa', phone: '0912345678', citizenId: '093190001234' },
        documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
        complete: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const [live] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, created.json().id));
    if (!live) throw new Error('no dossier');
    deskAgency = live.receivingAgencyId;
    unitId = live.ownerUnitId;
    const competent = live.competentAgencyId;
    const desk = officer('desk_officer', deskAgency);
    const specialist = officer('specialist', competent);
    const head = officer('head_of_office', competent);
    const leader = officer('signing_leader', competent);

    const received = (at: string, channel: Channel = 'counter') => {
      const when = vn(at);
      let s = draft(new Date(when.getTime() - 3_600_000), {
        id: randomUUID(),
        channel,
        receivingAgencyId: deskAgency,
        competentAgencyId: competent,
      });
      s = act(
        s,
        { type: 'submit' },
        channel === 'online' ? applicant : desk,
        new Date(when.getTime() - 1_800_000),
      );
      s = act(s, { type: 'receive', dossierCode: `T-${s.id.slice(0, 8)}` }, desk, when);
      return act(s, { type: 'complete_step', comment: '' }, desk, new Date(when.getTime() + 600_000));
    };
    const decided = (s: DossierSnapshot, at: string) => {
      const when = vn(at);
      s = act(s, { type: 'complete_step', comment: '' }, specialist, new Date(when.getTime() - 120_000));
      s = act(s, { type: 'complete_step', comment: '' }, head, new Date(when.getTime() - 60_000));
      return act(s, { type: 'approve' }, leader, when);
    };
    const history: [DossierSnapshot, string][] = [
      [decided(received('2026-02-25T09:00'), '2026-03-10T10:00'), 'Hộ tịch'], // carried over, late
      [decided(received('2026-03-02T09:00', 'online'), '2026-03-05T10:00'), 'Chứng thực'], // online, early
      [decided(received('2026-03-02T09:00'), '2026-03-09T16:00'), 'Chứng thực'], // on time
      [received('2026-03-02T09:00'), 'Hộ tịch'], // open, overdue
      [act(received('2026-03-03T09:00'), { type: 'withdraw' }, applicant, vn('2026-03-04T08:00')), 'Hộ tịch'],
      [decided(received('2026-02-02T09:00'), '2026-02-05T10:00'), 'Hộ tịch'], // resolved before March
    ];
    await t.database.db.insert(dossiers).values(
      history.map(([s, field]) => ({
        ownerUnitId: live.ownerUnitId,
        id: s.id,
        procedureId: live.procedureId,
        procedureCode: live.procedureCode,
        procedureName: live.procedureName,
        field,
        receivingAgencyId: deskAgency,
        competentAgencyId: competent,
        applicantKind: 'citizen',
        applicantName: 'Trần Văn Báo Cáo',
        ...columnsOf(s),
        createdAt: new Date(s.createdAt),
      })),
    );
  }

  const get = async (cookie: string, query: string) =>
    t.request({ method: 'GET', url: `${URL}?${query}`, cookie });

  async function checkCellsAgainstDrillDown(cookie: string, scope: string, report: Report) {
    for (const column of reportColumns) {
      expect(report.rows.reduce((sum, r) => sum + r.counts[column], 0)).toBe(report.totals[column]);
      const cells: { field?: string; level?: number; n: number }[] = [
        { n: report.totals[column] },
        ...report.levels.map((l) => ({ level: l.level, n: l.counts[column] })),
        ...report.rows.map((r) => ({ field: r.field, level: r.level, n: r.counts[column] })),
      ];
      for (const cell of cells) {
        const q = new URLSearchParams(`${scope}&column=${column}`);
        if (cell.field) q.set('field', cell.field);
        if (cell.level) q.set('level', String(cell.level));
        const response = await t.request({ method: 'GET', url: `${URL}/dossiers?${q}`, cookie });
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json() as { total: number; items: { id: string; code: string }[] };
        expect(body.items, `${cell.field ?? 'total'} / ${column}`).toHaveLength(cell.n);
        expect(body.total).toBe(cell.n);
      }
    }
    expect(report.totals.received_total).toBe(report.totals.resolved_total + report.totals.pending_total);
  }

  it('counts March 2026 by field, and every cell equals its drill-down list', async () => {
    await setUp();
    const cookie = await t.login(DESK);
    const scope = `agencyId=${deskAgency}&period=month&year=2026&month=3`;
    const response = await get(cookie, scope);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as Report;
    expect(report.period).toMatchObject({ from: '2026-03-01', to: '2026-03-31', label: 'Tháng 3 năm 2026' });
    expect(report.rows.map((r) => r.field)).toEqual(['Chứng thực', 'Hộ tịch']);
    expect(report.totals).toEqual({
      received_total: 4,
      received_online: 1,
      received_offline: 2,
      carried_over: 1,
      resolved_total: 3,
      resolved_early: 1,
      resolved_on_time: 1,
      resolved_late: 1,
      pending_total: 1,
      pending_within: 0,
      pending_overdue: 1,
    });
    await checkCellsAgainstDrillDown(cookie, scope, report);
    const late = await t.request({
      method: 'GET',
      url: `${URL}/dossiers?${scope}&column=resolved_late`,
      cookie,
    });
    expect(late.json().items[0]).toMatchObject({
      procedureName: expect.any(String),
      receivedAt: expect.any(String),
    });
  });

  it('covers a whole unit for the administrator, with the walk-in dossier received today', async () => {
    await setUp();
    const cookie = await t.login(ADMIN);
    const year = Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));
    const scope = `unitId=${unitId}&period=year&year=${year}`;
    const response = await get(cookie, scope);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as Report;
    expect(report.totals.received_total).toBeGreaterThanOrEqual(1);
    await checkCellsAgainstDrillDown(cookie, scope, report);
  });

  it('reports a city with the units under it in rows by level, each level drillable', async () => {
    await setUp();
    const cookie = await t.login(ADMIN);
    const year = Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));
    const [ward] = await t.database.db.select().from(adminUnits).where(eq(adminUnits.id, unitId));
    if (!ward?.parentId) throw new Error('the ward has no parent unit');
    const wardReport = (await get(cookie, `unitId=${unitId}&period=year&year=${year}`)).json() as Report;
    const scope = `unitId=${ward.parentId}&period=year&year=${year}`;
    const response = await get(cookie, scope);
    expect(response.statusCode, response.body).toBe(200);
    const city = response.json() as Report;
    // The ward's dossiers are reported under "Cấp xã" in its parent's report.
    const commune = city.levels.find((l) => l.label === 'Cấp xã');
    expect(commune?.counts.received_total).toBeGreaterThanOrEqual(wardReport.totals.received_total);
    expect(city.rows.every((r) => city.levels.some((l) => l.level === r.level))).toBe(true);
    await checkCellsAgainstDrillDown(cookie, scope, city);
  });

  it('prints the same totals as XLSX and a PDF', async () => {
    await setUp();
    const cookie = await t.login(DESK);
    const scope = `agencyId=${deskAgency}&period=quarter&year=2026&quarter=1`;
    const report = (await get(cookie, scope)).json() as Report;
    const xlsx = await get(cookie, `${scope}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell(6, 3).value).toBe('Số hồ sơ nhận giải quyết');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
    const totalRow = sheet.getRow(sheet.rowCount);
    expect(totalRow.getCell(2).value).toBe('Tổng cộng');
    const values = reportColumns.map((_, i) => totalRow.getCell(3 + i).value);
    expect(values).toEqual(reportColumns.map((c) => report.totals[c]));
    // Each level's subtotal row, its fields, then the total row.
    expect(sheet.rowCount).toBe(9 + report.levels.length + report.rows.length + 1);
    expect(sheet.getRow(10).getCell(1).value).toBe('I');
    expect(sheet.getRow(10).getCell(2).value).toBe('Cấp xã');

    const pdf = await get(cookie, `${scope}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await readPdf(pdf.rawPayload)).text;
    expect(text).toContain('Biểu số 06/VPCP/KSTT');
    expect(text).toContain('Quý I năm 2026');
  });

  it('refuses bad periods with a Vietnamese 400 and other agencies with 403', async () => {
    await setUp();
    const cookie = await t.login(DESK);
    const inverted = await get(cookie, `agencyId=${deskAgency}&from=2026-03-02&to=2026-03-01`);
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().error.message).toContain('Ngày kết thúc phải từ ngày bắt đầu trở đi.');
    const long = await get(cookie, `agencyId=${deskAgency}&from=2025-01-01&to=2026-01-01`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toContain('Kỳ báo cáo dài tối đa 1 năm.');
    const noScope = await get(cookie, 'period=year&year=2026');
    expect(noScope.statusCode).toBe(400);
    const other = await get(await t.login(OTHER_WARD_DESK), `agencyId=${deskAgency}&period=year&year=2026`);
    expect(other.statusCode).toBe(403);
    const otherUnit = await get(await t.login(OTHER_WARD_DESK), `unitId=${unitId}&period=year&year=2026`);
    expect(otherUnit.statusCode).toBe(403);
    expect(
      (await t.request({ method: 'GET', url: `${URL}?agencyId=${deskAgency}&period=year&year=2026` }))
        .statusCode,
    ).toBe(401);
  });
});

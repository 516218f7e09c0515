import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import { adminUnits, agencies } from '../org/schema.ts';
import { headcountQuotas, jobPositions } from './schema.ts';

const HEAD = 'truongphong.vithanh@demo.motcua.vn';
const SPECIALIST = 'chuyenvien.vithanh@demo.motcua.vn';
const REFORM = 'cchc.noivu@demo.motcua.vn';
const OTHER_DESK = 'motcua.vitan@demo.motcua.vn';

const position = (agencyId: string, over: Record<string, unknown> = {}) => ({
  agencyId,
  code: 'VH-01',
  name: 'Công chức Văn hóa – Xã hội',
  group: 'professional',
  requiredDegree: 'university',
  requiredField: 'Văn hóa học',
  competencies: [
    { kind: 'skill', text: 'Tổ chức phong trào văn hóa, thể thao' },
    { kind: 'certificate', text: 'Chứng chỉ tin học ứng dụng cơ bản' },
  ],
  headcount: 2,
  ...over,
});

type AgencyView = {
  positions: {
    id: string;
    code: string;
    version: number;
    holders: { officialId: string }[];
    balance: Record<string, number>;
  }[];
  quotaLines: { kind: string; quota: number | null; actual: number; over: number; vacancy: number }[];
  unassigned: { officialId: string; fullName: string }[];
  canManage: boolean;
  canManageQuota: boolean;
  streamlining: { progress: { baseHeadcount: number; targetReduction: number } } | null;
};

describe.each(testDatabaseKinds())('job positions and headcount API (%s)', (kind) => {
  const t = useTestApp(kind);
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    for (const r of await t.database.db.select({ id: agencies.id, slug: agencies.slug }).from(agencies))
      ids[r.slug] = r.id;
    for (const [key, email] of Object.entries({
      head: HEAD,
      specialist: SPECIALIST,
      reform: REFORM,
      vitan: OTHER_DESK,
    }))
      cookies[key] = await t.login(email);
  }, 60_000);

  const get = (who: string, url: string) => t.request({ method: 'GET', url, cookie: cookies[who] as string });
  const send = (who: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.request({ method, url, cookie: cookies[who] as string, ...(payload ? { payload } : {}) });
  const own = () => ids['cantho-phuong-vi-thanh-ubnd'] as string;
  const view = async (who = 'head', year = 2026) =>
    (await get(who, `/api/office/positions/agency/${own()}?year=${year}`)).json() as AgencyView;

  it('needs a signed-in officer', async () => {
    expect(
      (await t.request({ method: 'GET', url: `/api/office/positions/agency/${own()}` })).statusCode,
    ).toBe(401);
  });

  it('rejects bad input with Vietnamese messages and writes nothing', async () => {
    const count = async () =>
      (
        await t.database.db
          .select({ id: jobPositions.id })
          .from(jobPositions)
          .where(eq(jobPositions.agencyId, own()))
      ).length;
    const before = await count();
    const bad = await send(
      'head',
      'POST',
      '/api/office/positions',
      position(own(), { name: '', headcount: 0, group: 'x' }),
    );
    expect(bad.statusCode).toBe(400);
    const messages = (bad.json().error.fields as { message: string }[]).map((f) => f.message).join(' | ');
    expect(messages).toContain('Vui lòng nhập tên vị trí.');
    expect(messages).toContain('Vị trí cần ít nhất 1 người.');
    expect(messages).toContain('Vui lòng chọn nhóm vị trí việc làm.');
    const quota = await send('reform', 'PUT', `/api/office/positions/quotas/${own()}/2026`, {
      civilServants: -1,
      publicEmployees: 0,
      contractStaff: 0,
      decisionNumber: '',
      version: 0,
    });
    expect(quota.statusCode).toBe(400);
    expect(quota.body).toContain('không được âm');
    expect(await count()).toBe(before);
  });

  it('lets the agency head define positions and place holders; shows vacancies and over-staffing', async () => {
    const created = await send('head', 'POST', '/api/office/positions', position(own()));
    expect(created.statusCode, created.body).toBe(201);
    const again = await send('head', 'POST', '/api/office/positions', position(own()));
    expect(again.statusCode).toBe(409);
    const lead = await send(
      'head',
      'POST',
      '/api/office/positions',
      position(own(), { code: 'LD-01', name: 'Chủ tịch UBND', group: 'leadership', headcount: 1 }),
    );
    expect(lead.statusCode).toBe(201);
    const before = await view();
    expect(before.canManage).toBe(true);
    expect(before.canManageQuota).toBe(false);
    const [a, b, c] = before.unassigned;
    const vh = created.json().id as string;
    const ld = lead.json().id as string;
    expect(
      (await send('head', 'POST', `/api/office/positions/${vh}/holders`, { officialId: a?.officialId }))
        .statusCode,
    ).toBe(200);
    expect(
      (await send('head', 'POST', `/api/office/positions/${ld}/holders`, { officialId: b?.officialId }))
        .statusCode,
    ).toBe(200);
    expect(
      (await send('head', 'POST', `/api/office/positions/${ld}/holders`, { officialId: c?.officialId }))
        .statusCode,
    ).toBe(200);
    // Twice the same: 409; an official of another agency: 400.
    expect(
      (await send('head', 'POST', `/api/office/positions/${ld}/holders`, { officialId: c?.officialId }))
        .statusCode,
    ).toBe(409);
    const after = await view();
    const byCode = new Map(after.positions.map((p) => [p.code, p]));
    expect(byCode.get('VH-01')?.balance).toEqual({ needed: 2, held: 1, vacancy: 1, over: 0 });
    expect(byCode.get('LD-01')?.balance).toEqual({ needed: 1, held: 2, vacancy: 0, over: 1 });
    expect(after.unassigned.length).toBe(before.unassigned.length - 3);
    // Moving an official to another position ends the first link.
    expect(
      (await send('head', 'POST', `/api/office/positions/${vh}/holders`, { officialId: c?.officialId }))
        .statusCode,
    ).toBe(200);
    const moved = new Map((await view()).positions.map((p) => [p.code, p.balance.held]));
    expect(moved.get('LD-01')).toBe(1);
    expect(moved.get('VH-01')).toBe(2);
    expect(
      (await send('head', 'DELETE', `/api/office/positions/${vh}/holders/${c?.officialId}`)).statusCode,
    ).toBe(200);
    // A position with holders cannot be removed.
    expect((await send('head', 'DELETE', `/api/office/positions/${vh}`)).statusCode).toBe(409);
  });

  it('refuses changes outside the manager’s scope with 403', async () => {
    const other = ids['cantho-phuong-vi-thanh-kinh-te'] as string;
    expect((await send('head', 'POST', '/api/office/positions', position(other))).statusCode).toBe(403);
    expect(
      (await send('specialist', 'POST', '/api/office/positions', position(own(), { code: 'X-1' })))
        .statusCode,
    ).toBe(403);
    expect((await get('vitan', `/api/office/positions/agency/${own()}`)).statusCode).toBe(403);
    const pos = (await view()).positions[0];
    const { agencyId: _a, ...body } = position(own());
    expect(
      (await send('vitan', 'PUT', `/api/office/positions/${pos?.id}`, { ...body, version: pos?.version }))
        .statusCode,
    ).toBe(403);
    // The head may not enter the province's quota.
    const quota = {
      civilServants: 3,
      publicEmployees: 0,
      contractStaff: 0,
      decisionNumber: '12/QĐ-UBND',
      version: 0,
    };
    expect((await send('head', 'PUT', `/api/office/positions/quotas/${own()}/2026`, quota)).statusCode).toBe(
      403,
    );
  });

  it('answers 409 to an edit or a quota on a stale version and changes nothing', async () => {
    const pos = (await view()).positions.find((p) => p.code === 'VH-01');
    const { agencyId: _a, ...body } = position(own());
    const first = await send('head', 'PUT', `/api/office/positions/${pos?.id}`, {
      ...body,
      headcount: 3,
      version: pos?.version,
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await send('head', 'PUT', `/api/office/positions/${pos?.id}`, {
      ...body,
      headcount: 9,
      version: pos?.version,
    });
    expect(stale.statusCode).toBe(409);
    expect((await view()).positions.find((p) => p.code === 'VH-01')?.balance.needed).toBe(3);

    const quota = {
      civilServants: 3,
      publicEmployees: 0,
      contractStaff: 1,
      decisionNumber: '12/QĐ-UBND',
      version: 0,
    };
    expect(
      (await send('reform', 'PUT', `/api/office/positions/quotas/${own()}/2026`, quota)).statusCode,
    ).toBe(200);
    expect(
      (
        await send('reform', 'PUT', `/api/office/positions/quotas/${own()}/2026`, {
          ...quota,
          civilServants: 9,
        })
      ).statusCode,
    ).toBe(409);
    const [row] = await t.database.db
      .select()
      .from(headcountQuotas)
      .where(eq(headcountQuotas.agencyId, own()));
    expect(row?.civilServants).toBe(3);
    const lines = (await view()).quotaLines;
    const civil = lines.find((l) => l.kind === 'civilServants');
    // Five cadres and civil servants serve since July 2025 (seed): two over the quota of three.
    expect(civil).toMatchObject({ quota: 3, actual: 5, over: 2, vacancy: 0 });
    expect(lines.find((l) => l.kind === 'contractStaff')).toMatchObject({ quota: 1, actual: 0, vacancy: 1 });
  });

  it('follows the seeded streamlining plan and sums the city with its wards', async () => {
    const noiVu = ids['vithanh-noi-vu'] as string;
    const seeded = (
      await get('reform', `/api/office/positions/agency/${noiVu}?year=2024`)
    ).json() as AgencyView;
    expect(seeded.streamlining?.progress.baseHeadcount).toBe(5);
    expect(seeded.streamlining?.progress.targetReduction).toBe(1);
    const [city] = await t.database.db
      .select({ id: adminUnits.id })
      .from(adminUnits)
      .where(and(eq(adminUnits.kind, 'city'), eq(adminUnits.tier, 2)));
    const summary = await get(
      'reform',
      `/api/office/positions/summary?year=2024&unitId=${city?.id}&view=historical`,
    );
    expect(summary.statusCode, summary.body).toBe(200);
    const s = summary.json() as {
      rows: { agencyName: string; needed: number; held: number }[];
      total: { needed: number; held: number };
    };
    expect(s.rows.length).toBeGreaterThan(3);
    expect(s.total.needed).toBe(s.rows.reduce((n, r) => n + r.needed, 0));
    expect(s.rows.find((r) => r.agencyName.startsWith('Phòng Nội vụ'))).toMatchObject({ needed: 6, held: 5 });
    const xlsx = await get(
      'reform',
      `/api/office/positions/summary.xlsx?year=2024&unitId=${city?.id}&view=historical`,
    );
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tổng hợp');
    const last = sheet?.getRow(sheet.rowCount);
    expect(last?.getCell(1).value).toBe('Tổng cộng');
    expect(last?.getCell(4).value).toBe(s.total.needed);
    // A reader limited to one agency sees only it in the summary.
    const mine = (await get('vitan', '/api/office/positions/summary')).json() as { rows: unknown[] };
    expect(mine.rows.length).toBe(1);
  });
});

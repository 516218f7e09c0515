import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';

const REFORM = 'cchc.noivu@demo.motcua.vn';
const DESK = 'motcua.vithanh@demo.motcua.vn';
const OTHER_WARD = 'motcua.vitan@demo.motcua.vn';
const CITIZEN = 'congdan@demo.motcua.vn';

type Criterion = {
  id: string;
  code: string;
  kind: string;
  value: number | null;
  systemDetail: string | null;
  target: number;
};
type Assessment = {
  id: string;
  version: number;
  status: string;
  criteria: Criterion[];
  score: number | null;
  gaps: { code: string; shortfall: number }[];
  canEdit: boolean;
};

const YEAR = new Date().getFullYear();

describe.each(testDatabaseKinds())('e-government self-assessment on %s', (kind) => {
  const t = useTestApp(kind);
  const cookies: Record<string, string> = {};
  const agencyId: Record<string, string> = {};
  let unitId = '';
  let assessment: Assessment;

  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    cookie?: string,
    payload?: object,
  ) => t.request({ method, url, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });
  const base = '/api/office/egov-assessments';

  beforeAll(async () => {
    cookies.reform = await t.login(REFORM);
    cookies.desk = await t.login(DESK);
    cookies.otherWard = await t.login(OTHER_WARD);
    cookies.citizen = await t.login(CITIZEN);
    for (const a of (await send('GET', '/api/agencies')).json() as {
      id: string;
      slug: string;
      unitId: string;
    }[]) {
      agencyId[a.slug] = a.id;
      if (a.slug === 'vithanh-ubnd') unitId = a.unitId;
    }
  });

  it('has the seeded criteria of the year; only the reform office changes them', async () => {
    const list = (await send('GET', `${base}/criteria?year=${YEAR}`, cookies.desk)).json() as {
      items: { id: string; kind: string; version: number }[];
    };
    expect(list.items.length).toBeGreaterThanOrEqual(10);
    expect(list.items.filter((c) => c.kind === 'system')).toHaveLength(5);
    const body = {
      year: YEAR,
      code: '9.1',
      groupName: 'Khác',
      title: 'Tiêu chí thử nghiệm',
      kind: 'number',
      unit: 'điểm',
      target: 2,
      weight: 1,
    };
    expect((await send('POST', `${base}/criteria`, cookies.desk, body)).statusCode).toBe(403);
    const bad = await send('POST', `${base}/criteria`, cookies.reform, { ...body, kind: 'system' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/nguồn số liệu/);
    const created = await send('POST', `${base}/criteria`, cookies.reform, body);
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json() as { id: string; version: number };
    expect(
      (await send('PATCH', `${base}/criteria/${c.id}`, cookies.reform, { version: c.version + 1, target: 3 }))
        .statusCode,
    ).toBe(409);
    expect((await send('DELETE', `${base}/criteria/${c.id}`, cookies.reform)).statusCode).toBe(204);
    // Next year starts from this year's list.
    const copy = await send('POST', `${base}/criteria/copy`, cookies.reform, {
      fromYear: YEAR,
      toYear: YEAR + 1,
    });
    expect(copy.statusCode, copy.body).toBe(201);
    expect((copy.json() as { items: unknown[] }).items).toHaveLength(list.items.length);
    expect(
      (await send('POST', `${base}/criteria/copy`, cookies.reform, { fromYear: YEAR, toYear: YEAR + 1 }))
        .statusCode,
    ).toBe(409);
  });

  it("lets an agency fill its own self-assessment with the system's figures prefilled, and no other", async () => {
    const ward = agencyId['cantho-phuong-vi-thanh-ttpvhcc'];
    expect((await send('POST', base, cookies.otherWard, { year: YEAR, agencyId: ward })).statusCode).toBe(
      403,
    );
    expect((await send('POST', base, cookies.desk, { year: YEAR, unitId })).statusCode).toBe(403);
    expect((await send('POST', base, cookies.citizen, { year: YEAR, agencyId: ward })).statusCode).toBe(403);
    const opened = await send('POST', base, cookies.desk, { year: YEAR, agencyId: ward });
    expect(opened.statusCode, opened.body).toBe(201);
    assessment = opened.json() as Assessment;
    expect(assessment.status).toBe('draft');
    const system = assessment.criteria.filter((c) => c.kind === 'system');
    expect(system.length).toBe(5);
    expect(system.every((c) => c.systemDetail !== null)).toBe(true);
    // Unit-only criteria (Wi-Fi points) are not asked of an agency.
    expect(assessment.criteria.some((c) => c.code === '4.1')).toBe(false);
    expect((await send('GET', `${base}/${assessment.id}`, cookies.otherWard)).statusCode).toBe(403);

    const entered = assessment.criteria.filter((c) => c.kind !== 'system');
    const valueFor = (c: Criterion) =>
      c.kind === 'yes_no' ? 1 : c.kind === 'level' ? 2 : Math.min(c.target, 80);
    const badYesNo = await send('PUT', `${base}/${assessment.id}/values`, cookies.desk, {
      version: assessment.version,
      values: entered.filter((c) => c.kind === 'yes_no').map((c) => ({ criterionId: c.id, value: 3 })),
    });
    expect(badYesNo.statusCode).toBe(400);
    expect(badYesNo.json().error.message).toMatch(/Có hoặc Không/);
    const early = await send('POST', `${base}/${assessment.id}/submit`, cookies.desk, {
      version: assessment.version,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toMatch(/Vui lòng nhập giá trị/);
    const saved = await send('PUT', `${base}/${assessment.id}/values`, cookies.desk, {
      version: assessment.version,
      values: entered.map((c) => ({ criterionId: c.id, value: valueFor(c), evidence: 'Báo cáo số 01/BC' })),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await send('PUT', `${base}/${assessment.id}/values`, cookies.desk, {
      version: assessment.version,
      values: [],
    });
    expect(stale.statusCode).toBe(409);
    assessment = saved.json() as Assessment;
    expect(assessment.score).not.toBeNull();
    const level = assessment.gaps.find((g) => g.code === '3.2');
    expect(level?.shortfall).toBe(1);
    const submitted = await send('POST', `${base}/${assessment.id}/submit`, cookies.desk, {
      version: assessment.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    assessment = submitted.json() as Assessment;
    expect(assessment.status).toBe('submitted');
    expect(assessment.canEdit).toBe(false);
  });

  it('lets the reform office review and see the gap list, in Excel too', async () => {
    expect((await send('GET', `${base}/gaps?year=${YEAR}`, cookies.desk)).statusCode).toBe(403);
    const badYear = await send('GET', `${base}/gaps?year=abc`, cookies.reform);
    expect(badYear.statusCode).toBe(400);
    expect(
      (
        await send('POST', `${base}/${assessment.id}/review`, cookies.desk, {
          version: assessment.version,
          decision: 'accept',
        })
      ).statusCode,
    ).toBe(403);
    const noNote = await send('POST', `${base}/${assessment.id}/review`, cookies.reform, {
      version: assessment.version,
      decision: 'return',
    });
    expect(noNote.statusCode).toBe(400);
    const reviewed = await send('POST', `${base}/${assessment.id}/review`, cookies.reform, {
      version: assessment.version,
      decision: 'accept',
      note: 'Thống nhất kết quả tự đánh giá',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().status).toBe('reviewed');
    const overview = (await send('GET', `${base}/gaps?year=${YEAR}`, cookies.reform)).json() as {
      subjects: { assessmentId: string; gaps: { code: string }[] }[];
    };
    const mine = overview.subjects.find((s) => s.assessmentId === assessment.id);
    expect(mine?.gaps.map((g) => g.code)).toContain('3.2');
    const xlsx = await send('GET', `${base}/gaps.xlsx?year=${YEAR}`, cookies.reform);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The city as a whole, by the reform office.
    const city = await send('POST', base, cookies.reform, { year: YEAR, unitId });
    expect(city.statusCode, city.body).toBe(201);
    expect((city.json() as Assessment).criteria.some((c) => c.code === '4.1')).toBe(true);
  });
});

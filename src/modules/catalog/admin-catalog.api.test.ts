import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';

const newProcedure = {
  code: '9.000001',
  name: 'Thủ tục xác nhận thí điểm của phường',
  field: 'Thí điểm',
  levels: ['commune'],
  processingTimeValue: 3,
  processingTimeUnit: 'working_days',
  feeText: 'Miễn phí',
  feeAmountVnd: 0,
  requiredDocuments: [
    {
      group: null,
      documents: [
        { name: 'Tờ khai theo mẫu', originals: 1, copies: 0, formName: 'Mẫu TK-01', formUrl: null },
      ],
    },
  ],
  legalBasis: ['118/2025/NĐ-CP'],
  onlineMode: 'full',
  onlineLevel: 4,
  internalProcess: [
    {
      name: 'Tiếp nhận hồ sơ',
      actorRole: 'desk_officer',
      agencyRole: 'receiving',
      durationValue: 4,
      durationUnit: 'working_hours',
    },
    {
      name: 'Thẩm định',
      actorRole: 'specialist',
      agencyRole: 'competent',
      durationValue: 20,
      durationUnit: 'working_hours',
    },
  ],
  agencyIds: [] as string[],
};

describe.each(testDatabaseKinds())('catalog administration on %s', (kind) => {
  const t = useTestApp(kind);
  const publicGet = (code: string) => t.request({ method: 'GET', url: `/api/procedures/${code}` });

  it('adds a procedure unpublished, publishes it, and withdraws it', async () => {
    const cookie = await t.login('quantri@demo.motcua.vn');
    const agencies = (await t.request({ method: 'GET', url: '/api/agencies?at=2026-01-01' })).json();
    const ward = agencies.find((a: { slug: string }) => a.slug === 'cantho-phuong-vi-tan-ubnd');
    const created = await t.request({
      method: 'POST',
      url: '/api/admin/procedures',
      cookie,
      payload: { ...newProcedure, agencyIds: [ward.id] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ published: false, version: 1, internalProcessIsDefault: false });
    expect((await publicGet('9.000001')).statusCode).toBe(404);
    const search = async () =>
      (await t.request({ method: 'GET', url: '/api/procedures?q=thi%20diem%20phuong' })).json().total;
    expect(await search()).toBe(0);

    expect(
      (await t.request({ method: 'POST', url: '/api/admin/procedures/9.000001/publish', cookie })).statusCode,
    ).toBe(200);
    const visible = await publicGet('9.000001');
    expect(visible.statusCode).toBe(200);
    expect(visible.json().agencies).toEqual([
      { id: ward.id, name: 'UBND phường Vị Tân', unitName: 'Phường Vị Tân' },
    ]);
    expect(await search()).toBe(1);

    await t.request({ method: 'POST', url: '/api/admin/procedures/9.000001/unpublish', cookie });
    expect((await publicGet('9.000001')).statusCode).toBe(404);
  });

  it('refuses a stale edit (optimistic concurrency) and a duplicate code', async () => {
    const cookie = await t.login('quantri@demo.motcua.vn');
    const current = (
      await t.request({ method: 'GET', url: '/api/admin/procedures/1.001193', cookie })
    ).json();
    const {
      flags: _f,
      agencies,
      updatedAt: _u,
      published: _p,
      internalProcessIsDefault: _d,
      sourceUrl: _s,
      sourceNote: _n,
      channels: _c,
      procedureType: _t,
      ...editable
    } = current;
    const edit = {
      ...editable,
      agencyIds: agencies.map((a: { id: string }) => a.id),
      name: 'Thủ tục đăng ký khai sinh (sửa)',
    };
    const first = await t.request({
      method: 'PUT',
      url: '/api/admin/procedures/1.001193',
      cookie,
      payload: edit,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(current.version + 1);
    const stale = await t.request({
      method: 'PUT',
      url: '/api/admin/procedures/1.001193',
      cookie,
      payload: edit,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/người khác cập nhật/);
    expect((await publicGet('1.001193')).json().name).toBe('Thủ tục đăng ký khai sinh (sửa)');
    const duplicate = await t.request({
      method: 'POST',
      url: '/api/admin/procedures',
      cookie,
      payload: { ...newProcedure, code: '1.001193' },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('rejects invalid procedures with the field named, and writes nothing', async () => {
    const cookie = await t.login('quantri@demo.motcua.vn');
    const base = { ...newProcedure, code: '9.000002' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, code: 'x' }, 'code'],
      [{ ...base, levels: [] }, 'levels'],
      [{ ...base, processingTimeUnit: 'weeks' }, 'processingTimeUnit'],
      [{ ...base, onlineMode: 'sometimes' }, 'onlineMode'],
      [{ ...base, name: 'x'.repeat(1001) }, 'name'],
      [{ ...base, agencyIds: ['00000000-0000-4000-8000-000000000000'] }, 'agencyIds.0'],
    ];
    for (const [payload, field] of cases) {
      const response = await t.request({ method: 'POST', url: '/api/admin/procedures', cookie, payload });
      expect(response.statusCode, field).toBe(400);
      expect(response.json().error.fields[0].path).toBe(field);
    }
    expect(
      (await t.request({ method: 'GET', url: '/api/admin/procedures/9.000002', cookie })).statusCode,
    ).toBe(404);
  });

  it('lists doubtful imported values for review and lets an administrator confirm them', async () => {
    const cookie = await t.login('quantri@demo.motcua.vn');
    const open = (
      await t.request({ method: 'GET', url: '/api/admin/procedure-flags?status=open', cookie })
    ).json();
    expect(open.length).toBeGreaterThan(400);
    const birth = open.find(
      (f: { procedureCode: string; attribute: string }) =>
        f.procedureCode === '1.001193' && f.attribute === 'processing_time',
    );
    expect(birth.reason).toMatch(/đơn vị/);
    const flagged = (
      await t.request({ method: 'GET', url: '/api/admin/procedures?q=1.001193', cookie })
    ).json();
    const before = flagged.items[0].openFlags;
    expect(before).toBeGreaterThan(0);
    const resolved = await t.request({
      method: 'POST',
      url: `/api/admin/procedure-flags/${birth.id}/resolve`,
      cookie,
      payload: { status: 'corrected', note: 'Theo Luật Hộ tịch: trong ngày làm việc' },
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({
      status: 'corrected',
      resolutionNote: 'Theo Luật Hộ tịch: trong ngày làm việc',
    });
    const again = await t.request({
      method: 'POST',
      url: `/api/admin/procedure-flags/${birth.id}/resolve`,
      cookie,
      payload: { status: 'confirmed' },
    });
    expect(again.statusCode).toBe(409);
    const after = (
      await t.request({ method: 'GET', url: '/api/admin/procedures?q=1.001193', cookie })
    ).json();
    expect(after.items[0].openFlags).toBe(before - 1);
    const onlyFlagged = (
      await t.request({ method: 'GET', url: '/api/admin/procedures?flagged=false&pageSize=100', cookie })
    ).json();
    expect(onlyFlagged.items.every((p: { openFlags: number }) => p.openFlags === 0)).toBe(true);
  });
});

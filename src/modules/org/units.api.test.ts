import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';
import type { UnitNode } from './units.ts';

const flatten = (nodes: UnitNode[]): UnitNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe.each(testDatabaseKinds())('administrative units on %s', (kind) => {
  const t = useTestApp(kind);
  const tree = async (query = '') =>
    (await t.request({ method: 'GET', url: `/api/units${query}` })).json() as UnitNode[];

  it('shows the plan-era structure: Hậu Giang → Vị Thanh → nine wards and communes', async () => {
    const roots = await tree('?at=2023-05-01');
    expect(roots.map((r) => r.name)).toEqual(['Tỉnh Hậu Giang']);
    const city = roots[0]?.children[0];
    expect(city).toMatchObject({ code: '930', name: 'Thành phố Vị Thanh', kind: 'city' });
    expect(city?.children.map((w) => w.code)).toEqual([
      '31318',
      '31321',
      '31324',
      '31327',
      '31330',
      '31333',
      '31336',
      '31338',
      '31339',
    ]);
    expect(city?.agencies.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        'Phòng Nội vụ thành phố Vị Thanh',
        'Phòng Tư pháp thành phố Vị Thanh',
        'Phòng Tài chính – Kế hoạch thành phố Vị Thanh',
        'Phòng Văn hóa và Thông tin thành phố Vị Thanh',
        'Văn phòng HĐND và UBND thành phố Vị Thanh',
        'Trung tâm Phục vụ hành chính công thành phố Vị Thanh',
      ]),
    );
  });

  it('shows two-level government since 1 July 2025: Cần Thơ → three successor units', async () => {
    const roots = await tree('?at=2025-07-01');
    expect(roots.map((r) => r.name)).toEqual(['Thành phố Cần Thơ']);
    expect(roots[0]?.children.map((w) => w.name)).toEqual(['Phường Vị Thanh', 'Phường Vị Tân', 'Xã Hỏa Lựu']);
  });

  it('keeps units apart when a successor reuses an old code, and links them', async () => {
    const all = flatten(await tree());
    const withCode = all.filter((u) => u.code === '31321');
    expect(withCode.map((u) => u.name).sort()).toEqual(['Phường III', 'Phường Vị Thanh']);
    const viThanh = withCode.find((u) => u.name === 'Phường Vị Thanh');
    const predecessors = all.filter((u) => viThanh?.predecessorIds.includes(u.id)).map((u) => u.name);
    expect(predecessors.sort()).toEqual(['Phường I', 'Phường III', 'Phường VII']);
    const hoaLuu = all.find((u) => u.name === 'Xã Hỏa Lựu');
    expect(
      all
        .filter((u) => hoaLuu?.predecessorIds.includes(u.id))
        .map((u) => u.code)
        .sort(),
    ).toEqual(['31336', '31338', '31339']);
  });

  it('rejects a malformed date', async () => {
    const response = await t.request({ method: 'GET', url: '/api/units?at=01/07/2025' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/YYYY-MM-DD/);
  });

  it('seeds idempotently: a second run changes nothing', async () => {
    const { seedDemo } = await import('../../seed/seed-demo.ts');
    const { agencies, adminUnits } = await import('./schema.ts');
    const { procedures, procedureFlags } = await import('../catalog/schema.ts');
    const { users } = await import('../auth/schema.ts');
    const counts = async () =>
      Promise.all(
        [agencies, adminUnits, procedures, procedureFlags, users].map(
          async (table) => (await t.database.db.select().from(table)).length,
        ),
      );
    const before = await counts();
    await seedDemo(t.database.db);
    expect(await counts()).toEqual(before);
  });
});

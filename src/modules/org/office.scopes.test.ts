import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../../seed/demo-accounts.ts';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';

// Every role, against its own agency and another one: the server enforces agency scope on every route.
describe.each(testDatabaseKinds())('back-office scopes on %s', (kind) => {
  const t = useTestApp(kind);
  const agencyIdBySlug = async () => {
    const all = (await t.request({ method: 'GET', url: '/api/agencies' })).json() as {
      id: string;
      slug: string;
    }[];
    return new Map(all.map((a) => [a.slug, a.id]));
  };
  const officers = demoAccounts.filter((a) => a.kind === 'officer' && a.roles.every((r) => r.agency));

  it.each(officers.map((o) => [o.roles[0]?.role, o] as const))(
    '%s sees exactly its own agency and is refused others',
    async (_role, account) => {
      const ids = await agencyIdBySlug();
      const cookie = await t.login(account.email);
      const ownIds = new Set(account.roles.map((r) => ids.get(r.agency ?? '') as string));
      const own = ids.get(account.roles[0]?.agency ?? '') as string;
      const mine = (await t.request({ method: 'GET', url: '/api/office/agencies', cookie })).json();
      expect(new Set(mine.map((a: { id: string }) => a.id))).toEqual(ownIds);
      const detail = await t.request({ method: 'GET', url: `/api/office/agencies/${own}`, cookie });
      expect(detail.statusCode).toBe(200);
      expect(detail.json().staff.map((s: { fullName: string }) => s.fullName)).toContain(account.fullName);
      for (const [slug, id] of ids) {
        if (ownIds.has(id)) continue;
        const other = await t.request({ method: 'GET', url: `/api/office/agencies/${id}`, cookie });
        expect(other.statusCode, slug).toBe(403);
        expect(other.json().error.message).toBe('Bạn không có quyền xem dữ liệu của cơ quan này.');
      }
      // Guessed ids reveal nothing either: same answer as an existing agency outside the scope.
      const guessed = await t.request({
        method: 'GET',
        url: '/api/office/agencies/00000000-0000-4000-8000-000000000000',
        cookie,
      });
      expect(guessed.statusCode).toBe(403);
      for (const url of ['/api/admin/users', '/api/admin/procedures', '/api/admin/procedure-flags']) {
        expect((await t.request({ method: 'GET', url, cookie })).statusCode, url).toBe(403);
      }
    },
  );

  it('shows a ward desk the procedures the ward carries out', async () => {
    const ids = await agencyIdBySlug();
    const cookie = await t.login('lanhdao.vithanh@demo.motcua.vn');
    const detail = (
      await t.request({
        method: 'GET',
        url: `/api/office/agencies/${ids.get('cantho-phuong-vi-thanh-ubnd')}`,
        cookie,
      })
    ).json();
    expect(detail.agency.name).toBe('UBND phường Vị Thanh');
    expect(detail.procedures.map((p: { code: string }) => p.code)).toContain('1.001193');
  });

  it('refuses citizens and anonymous users', async () => {
    const citizen = await t.login('congdan@demo.motcua.vn');
    expect(
      (await t.request({ method: 'GET', url: '/api/office/agencies', cookie: citizen })).statusCode,
    ).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/admin/users', cookie: citizen })).statusCode).toBe(
      403,
    );
    for (const url of [
      '/api/office/agencies',
      '/api/admin/users',
      '/api/admin/procedures',
      '/api/admin/calendar/schedule',
    ]) {
      const response = await t.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json().error.message).toBe('Vui lòng đăng nhập để tiếp tục.');
    }
    expect(
      (await t.request({ method: 'GET', url: '/api/office/agencies', cookie: 'motcua_sid=forged' }))
        .statusCode,
    ).toBe(401);
  });

  it('gives the deployment administrator every agency', async () => {
    const ids = await agencyIdBySlug();
    const cookie = await t.login('quantri@demo.motcua.vn');
    const all = (await t.request({ method: 'GET', url: '/api/office/agencies', cookie })).json();
    expect(all).toHaveLength(ids.size);
  });
});

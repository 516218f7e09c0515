import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.ts';
import { testDatabaseKinds } from '../../testing/test-db.ts';

describe.each(testDatabaseKinds())('accounts API on %s', (kind) => {
  const t = useTestApp(kind);
  const signup = (payload: Record<string, unknown>) =>
    t.request({ method: 'POST', url: '/api/auth/signup', payload });
  const countUsers = async () => {
    const { users } = await import('./schema.ts');
    return (await t.database.db.select({ id: users.id }).from(users)).length;
  };

  it('signs a citizen up, keeps them signed in, and signs them out', async () => {
    const response = await signup({
      fullName: 'Lê Thị Thu',
      email: 'Thu.Le@Example.vn',
      phone: '+84 912 345 678',
      citizenId: '093190001234',
      password: 'mat-khau-dai',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().user).toMatchObject({
      kind: 'citizen',
      email: 'thu.le@example.vn',
      phone: '0912345678',
      citizenId: '093190001234',
      roles: [],
    });
    const sid = response.cookies.find((c) => c.name === 'motcua_sid');
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const cookie = `motcua_sid=${sid?.value}`;
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).json().user.fullName).toBe(
      'Lê Thị Thu',
    );
    expect((await t.request({ method: 'POST', url: '/api/auth/logout', cookie })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).json()).toEqual({ user: null });
    // Sign in again with the phone number in another spelling.
    const login = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: '0912.345.678', password: 'mat-khau-dai' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('refuses bad sign-ups with a Vietnamese message and creates nothing', async () => {
    const before = await countUsers();
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ fullName: 'A B', password: 'mat-khau-dai' }, 400, /email hoặc số điện thoại/],
      [{ fullName: 'A B', email: 'khong-phai-email', password: 'mat-khau-dai' }, 400, /Email không hợp lệ/],
      [{ fullName: 'A B', phone: '12345', password: 'mat-khau-dai' }, 400, /Số điện thoại/],
      [{ fullName: 'A B', email: 'x@y.vn', citizenId: '12345', password: 'mat-khau-dai' }, 400, /12 chữ số/],
      [
        { fullName: 'A B', email: 'x@y.vn', citizenId: '999190001234', password: 'mat-khau-dai' },
        400,
        /mã tỉnh/,
      ],
      [
        { fullName: 'A B', email: 'x@y.vn', citizenId: '093990001234', password: 'mat-khau-dai' },
        400,
        /Năm sinh/,
      ],
      [{ fullName: 'A B', email: 'x@y.vn', password: 'ngan' }, 400, /ít nhất 8 ký tự/],
      [{ fullName: 'A'.repeat(500), email: 'x@y.vn', password: 'mat-khau-dai' }, 400, /quá dài/],
      [{ fullName: 'A B', email: 'x@y.vn', password: 'mat-khau-dai', role: 'admin' }, 400, /không hợp lệ/],
      [{ fullName: 'A B', email: 'congdan@demo.motcua.vn', password: 'mat-khau-dai' }, 409, /đã được dùng/],
    ];
    for (const [payload, status, message] of cases) {
      const response = await signup(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().error.message).toMatch(message);
    }
    expect(await countUsers()).toBe(before);
  });

  it('answers malformed JSON and wrong content types with 400, never 500', async () => {
    const malformed = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"identifier": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toBe('Nội dung yêu cầu không phải JSON hợp lệ.');
    const wrongTypes = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: 42, password: ['x'] },
    });
    expect(wrongTypes.statusCode).toBe(400);
    expect(wrongTypes.json().error.fields[0].path).toBe('identifier');
    const text = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toMatch(/Content-Type/);
  });

  it('throttles repeated failed sign-ins per account, with a clear message', async () => {
    const attempt = (password: string) =>
      t.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { identifier: 'motcua.vitan@demo.motcua.vn', password },
      });
    for (let i = 0; i < 5; i++) expect((await attempt('sai-mat-khau')).statusCode).toBe(401);
    const blocked = await attempt('Motcua@2026');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toMatch(
      /^Tài khoản tạm khóa đến \d{2}:\d{2} do nhập sai mật khẩu nhiều lần\.$/,
    );
  });

  it('does not reveal whether an account exists', async () => {
    const unknown = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: 'khong-ton-tai@demo.motcua.vn', password: 'x' },
    });
    const wrong = await t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: 'vanthu.vithanh@demo.motcua.vn', password: 'x' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('changes a password only with the current one', async () => {
    const cookie = await t.login('chuyenvien.vithanh@demo.motcua.vn');
    const wrong = await t.request({
      method: 'POST',
      url: '/api/auth/change-password',
      cookie,
      payload: { currentPassword: 'khong-dung', newPassword: 'mat-khau-moi-123' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/Mật khẩu hiện tại không đúng/);
    const ok = await t.request({
      method: 'POST',
      url: '/api/auth/change-password',
      cookie,
      payload: { currentPassword: 'Motcua@2026', newPassword: 'mat-khau-moi-123' },
    });
    expect(ok.statusCode).toBe(204);
    await expect(t.login('chuyenvien.vithanh@demo.motcua.vn')).rejects.toThrow(/401/);
    await t.login('chuyenvien.vithanh@demo.motcua.vn', 'mat-khau-moi-123');
  });

  it('lets an administrator create an officer scoped to an agency', async () => {
    const admin = await t.login('quantri@demo.motcua.vn');
    const agencies = (await t.request({ method: 'GET', url: '/api/agencies?at=2026-01-01' })).json();
    const desk = agencies.find((a: { slug: string }) => a.slug === 'cantho-xa-hoa-luu-ttpvhcc');
    const created = await t.request({
      method: 'POST',
      url: '/api/admin/users',
      cookie: admin,
      payload: {
        fullName: 'Trương Văn Mới',
        email: 'moi@demo.motcua.vn',
        password: 'mat-khau-dai',
        roles: [{ role: 'desk_officer', agencyId: desk.id }],
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().roles).toEqual([
      { role: 'desk_officer', agencyId: desk.id, agencyName: desk.name },
    ]);
    const officer = await t.login('moi@demo.motcua.vn', 'mat-khau-dai');
    const mine = (await t.request({ method: 'GET', url: '/api/office/agencies', cookie: officer })).json();
    expect(mine.map((a: { id: string }) => a.id)).toEqual([desk.id]);
    const noAgency = await t.request({
      method: 'POST',
      url: '/api/admin/users',
      cookie: admin,
      payload: {
        fullName: 'X Y',
        email: 'xy@demo.motcua.vn',
        password: 'mat-khau-dai',
        roles: [{ role: 'specialist', agencyId: null }],
      },
    });
    expect(noAgency.statusCode).toBe(400);
    expect(noAgency.json().error.message).toMatch(/gắn với một cơ quan/);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Database } from '../../platform/db/connect.ts';
import { demoPassword } from '../../seed/demo-accounts.ts';
import { openTestDatabase, testDatabaseKinds } from '../../testing/test-db.ts';
import { enrolmentRequiredMessage, sessionExpiredMessage } from './guards.ts';
import { saveTwoFactorPolicy } from './security-settings.ts';
import { forgetCachedPrincipals } from './sessions.ts';
import { totpAt } from './totp.ts';

// 2026-12-07 14:00 UTC = 21:00 in Vietnam. The app reads this clock; tests move it instead of sleeping.
const start = Date.parse('2026-12-07T14:00:00Z');
const minutes = (n: number) => n * 60_000;

describe.each(testDatabaseKinds())('account security on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let filesDir: string;
  let nowMs = start;
  const advance = (ms: number) => {
    nowMs += ms;
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-security-test-'));
    app = await buildApp(database, { logLevel: 'silent', filesDir, auth: { now: () => new Date(nowMs) } });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  const request = ({ cookie, headers, ...options }: InjectOptions & { cookie?: string | undefined }) =>
    app.inject({ ...options, headers: { ...headers, ...(cookie ? { cookie } : {}) } });
  const sid = (response: LightMyRequestResponse) => {
    const value = response.cookies.find((c) => c.name === 'motcua_sid')?.value;
    return value ? `motcua_sid=${value}` : undefined;
  };
  const password = (identifier: string, pass = demoPassword, userAgent = 'vitest') =>
    request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier, password: pass },
      headers: { 'user-agent': userAgent },
    });
  const signIn = async (identifier: string, userAgent?: string) => {
    const response = await password(identifier, demoPassword, userAgent);
    expect(response.statusCode, response.body).toBe(200);
    const cookie = sid(response);
    if (!cookie) throw new Error('no session cookie');
    return cookie;
  };
  const secondFactor = (cookie: string | undefined, code: string) =>
    request({ method: 'POST', url: '/api/auth/second-factor', cookie, payload: { code } });
  const officerRoute = (cookie: string | undefined) =>
    request({ method: 'GET', url: '/api/office/agencies', cookie });
  const enrol = async (cookie: string) => {
    const started = await request({ method: 'POST', url: '/api/auth/totp/enrol', cookie });
    expect(started.statusCode, started.body).toBe(200);
    const { secret } = started.json();
    const confirmed = await request({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      cookie,
      payload: { code: totpAt(secret, nowMs) },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[], confirmed };
  };

  it('enrols an authenticator, then asks for a code after the password; a code and a recovery code work once', async () => {
    const email = 'chuyenvien.vithanh@demo.motcua.vn';
    const cookie = await signIn(email);
    expect((await request({ method: 'GET', url: '/api/auth/totp', cookie })).json()).toMatchObject({
      enrolled: false,
      required: false,
    });
    const started = await request({ method: 'POST', url: '/api/auth/totp/enrol', cookie });
    const { secret, otpauthUri, qrDataUrl } = started.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(
      new RegExp(`^otpauth://totp/Motcua:chuyenvien\\.vithanh%40demo\\.motcua\\.vn\\?secret=${secret}&`),
    );
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await request({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      cookie,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/Mã xác thực không đúng/);
    const confirmed = await request({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      cookie,
      payload: { code: totpAt(secret, nowMs) },
    });
    expect(confirmed.statusCode).toBe(200);
    const codes: string[] = confirmed.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    // Confirming rotated the session id; the new one works.
    const rotated = sid(confirmed) ?? '';
    expect(rotated).not.toBe(cookie);
    const status = await request({ method: 'GET', url: '/api/auth/totp', cookie: rotated });
    expect(status.json()).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });
    // The secret is never sent again, nor stored in clear.
    expect(status.body).not.toContain(secret);
    const { totpFactors, recoveryCodes } = await import('./schema.ts');
    const [stored] = await database.db.select().from(totpFactors);
    expect(stored?.secretEnc).not.toContain(secret);
    const hashes = await database.db.select().from(recoveryCodes);
    expect(hashes.map((h) => h.codeHash).join()).not.toContain(codes[0]?.replace('-', ''));
    await request({ method: 'POST', url: '/api/auth/logout', cookie: rotated });

    // Password first: a pending session that grants nothing.
    const first = await password(email);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ user: null, secondFactorRequired: true });
    const pending = sid(first);
    expect((await officerRoute(pending)).statusCode).toBe(401);
    expect((await request({ method: 'GET', url: '/api/auth/me', cookie: pending })).json()).toEqual({
      user: null,
    });
    // The code accepted at the confirmation is not accepted again (same time step).
    const replay = await secondFactor(pending, totpAt(secret, nowMs));
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.message).toMatch(/Mã xác thực không đúng hoặc đã được dùng/);
    advance(30_000);
    const code = totpAt(secret, nowMs);
    const done = await secondFactor(pending, code);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().user.email).toBe(email);
    const full = sid(done);
    expect(full).not.toBe(pending);
    expect((await officerRoute(full)).statusCode).toBe(200);
    // The pending session ended with the second step.
    expect((await secondFactor(pending, code)).statusCode).toBe(401);
    // The same code on another sign-in is a replay.
    const again = sid(await password(email));
    expect((await secondFactor(again, code)).statusCode).toBe(401);
    // A recovery code works once (any case, without the dash).
    const recovery = codes[0] ?? '';
    const byRecovery = await secondFactor(again, recovery.toUpperCase().replace('-', ''));
    expect(byRecovery.statusCode, byRecovery.body).toBe(200);
    const third = sid(await password(email));
    expect((await secondFactor(third, recovery)).statusCode).toBe(401);
    expect(
      (await request({ method: 'GET', url: '/api/auth/totp', cookie: sid(byRecovery) })).json()
        .recoveryCodesLeft,
    ).toBe(9);
    // The pending session lasts 5 minutes.
    advance(minutes(6));
    const late = await secondFactor(third, totpAt(secret, nowMs));
    expect(late.statusCode).toBe(401);
    expect(late.json().error.message).toMatch(/Phiên xác thực đã hết hạn/);

    // Turning it off needs the password and a code.
    const signedIn = sid(await secondFactor(sid(await password(email)), totpAt(secret, nowMs))) ?? '';
    const disable = (payload: Record<string, string>) =>
      request({ method: 'POST', url: '/api/auth/totp/disable', cookie: signedIn, payload });
    advance(30_000);
    const badPassword = await disable({ password: 'sai-mat-khau', code: totpAt(secret, nowMs) });
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json().error.message).toMatch(/Mật khẩu không đúng/);
    expect((await disable({ password: demoPassword, code: '123456' })).statusCode).toBe(400);
    const off = await disable({ password: demoPassword, code: totpAt(secret, nowMs) });
    expect(off.statusCode).toBe(204);
    expect((await password(email)).json().secondFactorRequired).toBe(false);
  });

  it('locks the account after 5 wrong codes, shows it to the owner, and lets an administrator unlock it', async () => {
    const email = 'vanhoa@demo.motcua.vn';
    const { secret } = await enrol(await signIn(email));
    const pending = sid(await password(email));
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 5; i++) last = await secondFactor(pending, '000000');
    expect(last?.statusCode).toBe(401);
    const lockedUntil = new Date(nowMs + minutes(15)).toLocaleTimeString('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    expect(last?.json().error.message).toBe(
      `Mã xác thực không đúng. Tài khoản tạm khóa đến ${lockedUntil} do nhập sai mã xác thực nhiều lần.`,
    );
    // Locked: even the right password is refused, saying until when.
    const refused = await password(email);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toBe(
      `Tài khoản tạm khóa đến ${lockedUntil} do nhập sai mã xác thực nhiều lần.`,
    );
    const admin = await signIn('quantri@demo.motcua.vn');
    const locks = (await request({ method: 'GET', url: '/api/admin/lockouts', cookie: admin })).json();
    const lock = locks.find((l: { email: string }) => l.email === email);
    expect(lock).toMatchObject({ reason: 'second_factor', kind: 'officer' });
    const citizen = await signIn('congdan@demo.motcua.vn');
    expect((await request({ method: 'GET', url: '/api/admin/lockouts', cookie: citizen })).statusCode).toBe(
      403,
    );
    const unlocked = await request({
      method: 'POST',
      url: `/api/admin/lockouts/${lock.id}/unlock`,
      cookie: admin,
    });
    expect(unlocked.statusCode).toBe(204);
    expect(
      (await request({ method: 'POST', url: `/api/admin/lockouts/${lock.id}/unlock`, cookie: admin }))
        .statusCode,
    ).toBe(404);
    advance(30_000);
    const back = await secondFactor(sid(await password(email)), totpAt(secret, nowMs));
    expect(back.statusCode, back.body).toBe(200);
    const events = (
      await request({ method: 'GET', url: '/api/auth/security-events', cookie: sid(back) })
    ).json();
    expect(events.failures.filter((f: { kind: string }) => f.kind === 'second_factor')).toHaveLength(5);
    expect(events.lockouts).toHaveLength(1);
    expect(events.lockouts[0]).toMatchObject({ reason: 'second_factor' });
    expect(events.lockouts[0].unlockedAt).not.toBeNull();
  });

  it('says until when a password lockout lasts, in Vietnam time', async () => {
    const response = await signUp('khoa.matkhau@example.vn');
    expect(response.statusCode).toBe(201);
    nowMs = Math.max(nowMs, start) + minutes(60);
    const at = nowMs;
    for (let i = 0; i < 4; i++)
      expect((await password('khoa.matkhau@example.vn', 'sai-mat-khau')).statusCode).toBe(401);
    const fifth = await password('khoa.matkhau@example.vn', 'sai-mat-khau');
    const until = new Date(at + minutes(15)).toLocaleTimeString('vi-VN', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    expect(fifth.json().error.message).toBe(
      `Email/số điện thoại hoặc mật khẩu không đúng. Tài khoản tạm khóa đến ${until} do nhập sai mật khẩu nhiều lần.`,
    );
    const locked = await password('khoa.matkhau@example.vn', 'mat-khau-dai');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toBe(
      `Tài khoản tạm khóa đến ${until} do nhập sai mật khẩu nhiều lần.`,
    );
    // The lock ends by itself.
    advance(minutes(16));
    expect((await password('khoa.matkhau@example.vn', 'mat-khau-dai')).statusCode).toBe(200);
  });

  const signUp = (email: string) =>
    request({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { fullName: 'Trần Văn Thử', email, password: 'mat-khau-dai' },
    });

  it('forces officers covered by the policy to enrol before anything else, per role when asked', async () => {
    const admin = await signIn('quantri@demo.motcua.vn');
    const put = (body: Record<string, unknown>) =>
      request({ method: 'PUT', url: '/api/admin/security-settings', cookie: admin, payload: body });
    try {
      const saved = await put({ requireTotpForOfficers: true, requireTotpRoles: ['signing_leader'] });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toEqual({ requireTotpForOfficers: true, requireTotpRoles: ['signing_leader'] });
      // A head of office is not covered; a signing leader is.
      const head = await password('truongphong.vithanh@demo.motcua.vn');
      expect(head.json().user.mustEnrolTotp).toBe(false);
      expect((await officerRoute(sid(head))).statusCode).toBe(200);
      const leaderLogin = await password('lanhdao.vithanh@demo.motcua.vn');
      expect(leaderLogin.json().user.mustEnrolTotp).toBe(true);
      const leader = sid(leaderLogin) ?? '';
      const refused = await officerRoute(leader);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toBe(enrolmentRequiredMessage);
      expect((await request({ method: 'GET', url: '/api/auth/sessions', cookie: leader })).statusCode).toBe(
        403,
      );
      expect(
        (await request({ method: 'GET', url: '/api/auth/me', cookie: leader })).json().user.mustEnrolTotp,
      ).toBe(true);
      // Enrolling is allowed, and gives a new session id that may do the rest.
      const { confirmed } = await enrol(leader);
      const after = sid(confirmed);
      expect(after).toBeDefined();
      expect((await officerRoute(after)).statusCode).toBe(200);
      // The old id works only for the requests already in flight (30 s), then no more.
      advance(31_000);
      const old = await officerRoute(leader);
      expect(old.statusCode).toBe(401);
      expect(old.json().error.message).toBe(sessionExpiredMessage);
      // Every back-office role: citizens are never covered.
      expect((await put({ requireTotpForOfficers: true, requireTotpRoles: [] })).statusCode).toBe(200);
      const desk = await password('motcua.vitan@demo.motcua.vn');
      expect(desk.json().user.mustEnrolTotp).toBe(true);
      expect((await officerRoute(sid(desk))).statusCode).toBe(403);
      const citizen = await signIn('congdan@demo.motcua.vn');
      expect((await request({ method: 'GET', url: '/api/auth/sessions', cookie: citizen })).statusCode).toBe(
        200,
      );
    } finally {
      await saveTwoFactorPolicy(database.db, { requireTotpForOfficers: false, requireTotpRoles: [] }, null);
      forgetCachedPrincipals(database.db);
    }
  });

  it('ends idle sessions (officers sooner than citizens) and every session after 12 hours', async () => {
    let officer = await signIn('vanthu.vithanh@demo.motcua.vn');
    const active = async () => {
      const response = await officerRoute(officer);
      expect(response.statusCode).toBe(200);
      // The token rotates every 15 minutes: the browser keeps the newest cookie.
      officer = sid(response) ?? officer;
    };
    advance(minutes(29));
    await active();
    advance(minutes(29));
    await active();
    advance(minutes(31));
    const idle = await officerRoute(officer);
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.message).toBe('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');

    expect((await signUp('dai.han@example.vn')).statusCode).toBe(201);
    let citizen = sid(await password('dai.han@example.vn', 'mat-khau-dai'));
    const sessions = () => request({ method: 'GET', url: '/api/auth/sessions', cookie: citizen });
    // Active every 100 minutes (tokens rotate on the way): still signed in until the 12th hour.
    for (let elapsed = 0; elapsed + 100 < 12 * 60; elapsed += 100) {
      advance(minutes(100));
      const response = await sessions();
      expect(response.statusCode).toBe(200);
      citizen = sid(response) ?? citizen;
    }
    advance(minutes(100));
    const over = await sessions();
    expect(over.statusCode).toBe(401);
    expect(over.json().error.message).toBe(sessionExpiredMessage);
  });

  it('rotates the session id periodically and on sign-in; the old id stops working', async () => {
    expect((await signUp('xoay.phien@example.vn')).statusCode).toBe(201);
    const before = sid(await password('xoay.phien@example.vn', 'mat-khau-dai')) ?? '';
    // Signing in again with a session cookie ends that session.
    const relogin = await request({
      method: 'POST',
      url: '/api/auth/login',
      cookie: before,
      payload: { identifier: 'xoay.phien@example.vn', password: 'mat-khau-dai' },
    });
    const cookie = sid(relogin) ?? '';
    expect(cookie).not.toBe(before);
    expect((await request({ method: 'GET', url: '/api/auth/sessions', cookie: before })).statusCode).toBe(
      401,
    );
    advance(minutes(16));
    const rotatedResponse = await request({ method: 'GET', url: '/api/auth/sessions', cookie });
    expect(rotatedResponse.statusCode).toBe(200);
    const rotated = sid(rotatedResponse) ?? '';
    expect(rotated).toMatch(/^motcua_sid=/);
    expect(rotated).not.toBe(cookie);
    expect((await request({ method: 'GET', url: '/api/auth/sessions', cookie })).statusCode).toBe(200);
    advance(31_000);
    expect((await request({ method: 'GET', url: '/api/auth/sessions', cookie })).statusCode).toBe(401);
    expect((await request({ method: 'GET', url: '/api/auth/sessions', cookie: rotated })).statusCode).toBe(
      200,
    );
  });

  it('rotates the session id when the account’s roles change', async () => {
    const { roleAssignments, users } = await import('./schema.ts');
    const { eq } = await import('drizzle-orm');
    const before = await signIn('cchc.noivu@demo.motcua.vn');
    expect((await officerRoute(before)).statusCode).toBe(200);
    const [officer] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'cchc.noivu@demo.motcua.vn'));
    await database.db
      .insert(roleAssignments)
      .values({ userId: officer?.id ?? '', role: 'admin', agencyId: null });
    forgetCachedPrincipals(database.db);
    const changed = await officerRoute(before);
    expect(changed.statusCode).toBe(200);
    const after = sid(changed);
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    advance(31_000);
    expect((await officerRoute(before)).statusCode).toBe(401);
    expect((await request({ method: 'GET', url: '/api/admin/lockouts', cookie: after })).statusCode).toBe(
      200,
    );
  });

  it('lists the account’s sessions and ends one, the others, or all others on a password change', async () => {
    expect((await signUp('nhieu.phien@example.vn')).statusCode).toBe(201);
    const open = (agent: string) => signInCitizen('nhieu.phien@example.vn', agent);
    const phone = await open('Điện thoại');
    const laptop = await open('Máy tính');
    const tablet = await open('Máy tính bảng');
    const list = (await request({ method: 'GET', url: '/api/auth/sessions', cookie: laptop })).json();
    // The sign-up opened one too.
    expect(list).toHaveLength(4);
    expect(
      list.filter((s: { current: boolean }) => s.current).map((s: { userAgent: string }) => s.userAgent),
    ).toEqual(['Máy tính']);
    const phoneSession = list.find((s: { userAgent: string }) => s.userAgent === 'Điện thoại');
    expect(phoneSession).toMatchObject({ ip: '127.0.0.1' });
    expect(JSON.stringify(list)).not.toMatch(/token/i);
    const ended = await request({
      method: 'DELETE',
      url: `/api/auth/sessions/${phoneSession.id}`,
      cookie: laptop,
    });
    expect(ended.statusCode).toBe(204);
    expect((await request({ method: 'GET', url: '/api/auth/sessions', cookie: phone })).statusCode).toBe(401);
    const others = await request({ method: 'POST', url: '/api/auth/sessions/end-others', cookie: laptop });
    expect(others.json()).toEqual({ ended: 2 });
    expect((await request({ method: 'GET', url: '/api/auth/sessions', cookie: tablet })).statusCode).toBe(
      401,
    );
    // Someone else's session cannot be ended.
    const stranger = await signIn('congdan@demo.motcua.vn');
    const mine = (await request({ method: 'GET', url: '/api/auth/sessions', cookie: laptop })).json()[0].id;
    expect(
      (await request({ method: 'DELETE', url: `/api/auth/sessions/${mine}`, cookie: stranger })).statusCode,
    ).toBe(404);
    const second = await open('Điện thoại mới');
    const changed = await request({
      method: 'POST',
      url: '/api/auth/change-password',
      cookie: laptop,
      payload: { currentPassword: 'mat-khau-dai', newPassword: 'mat-khau-moi-dai' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await request({ method: 'GET', url: '/api/auth/sessions', cookie: second })).statusCode).toBe(
      401,
    );
    expect((await request({ method: 'GET', url: '/api/auth/sessions', cookie: laptop })).statusCode).toBe(
      200,
    );
  });

  const signInCitizen = async (email: string, agent: string) => {
    const response = await password(email, 'mat-khau-dai', agent);
    expect(response.statusCode).toBe(200);
    return sid(response) ?? '';
  };
});

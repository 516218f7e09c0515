// Sign-in with the national electronic identity against a real OpenID provider (oidc-provider), over real HTTP:
// the test plays the browser, following redirects and submitting the provider's login and consent forms.

import { createServer } from 'node:net';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { OidcConfig } from '../../platform/config.ts';
import type { Database } from '../../platform/db/connect.ts';
import { demoPassword } from '../../seed/demo-accounts.ts';
import { openTestDatabase, testDatabaseKinds } from '../../testing/test-db.ts';
import { identityLinks, oidcTransactions, users } from './schema.ts';
import {
  demoClient,
  demoPublicClientId,
  type RunningOidcProvider,
  startOidcProvider,
} from './testing/oidc-provider-server.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A tiny browser: one cookie jar for 127.0.0.1 (cookies are not per port), redirects followed by hand. */
class Browser {
  readonly cookies = new Map<string, string>();

  async get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  async send(url: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects from `url` until one leads to `stopAt` (returned, not followed) or a page (returned). */
  async follow(url: string, stopAt: string): Promise<{ url: string; response?: Response }> {
    let current = url;
    for (let hops = 0; hops < 20; hops++) {
      if (current.startsWith(stopAt)) return { url: current };
      const response = await this.get(current);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current).href;
        continue;
      }
      return { url: current, response };
    }
    throw new Error('too many redirects');
  }
}

const formAction = (html: string, pageUrl: string) => {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on ${pageUrl}: ${html.slice(0, 300)}`);
  return new URL(action.replaceAll('&amp;', '&'), pageUrl).href;
};

describe.each(testDatabaseKinds())('sign-in with the electronic identity on %s', (kind) => {
  let database: Database;
  let provider: RunningOidcProvider;
  /** OIDC with a confidential client; officers may still use passwords. */
  let app: FastifyInstance;
  /** OIDC with the public client and OIDC_REQUIRE_FOR_OFFICERS. */
  let strictApp: FastifyInstance;
  /** No OIDC configured. */
  let plainApp: FastifyInstance;
  let base: string;
  let strictBase: string;
  let settings: OidcConfig;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const [port, strictPort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    strictBase = `http://127.0.0.1:${strictPort}`;
    provider = await startOidcProvider({
      redirectUris: [`${base}/api/auth/oidc/callback`, `${strictBase}/api/auth/oidc/callback`],
    });
    settings = {
      issuerUrl: provider.issuer,
      clientId: demoClient.clientId,
      clientSecret: demoClient.clientSecret,
      clientAuthMethod: 'client_secret_basic',
      redirectUri: `${base}/api/auth/oidc/callback`,
      scopes: 'openid profile cccd',
      idNumberClaim: 'cccd',
      buttonLabel: 'Đăng nhập bằng VNeID',
      requireForOfficers: false,
    };
    const files = { filesDir: '/tmp/motcua-oidc-test-files', logLevel: 'silent' };
    app = await buildApp(database, { ...files, oidc: settings });
    strictApp = await buildApp(database, {
      ...files,
      oidc: {
        ...settings,
        clientId: demoPublicClientId,
        clientSecret: undefined,
        redirectUri: `${strictBase}/api/auth/oidc/callback`,
        requireForOfficers: true,
      },
    });
    plainApp = await buildApp(database, files);
    await app.listen({ port, host: '127.0.0.1' });
    await strictApp.listen({ port: strictPort, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await strictApp?.close();
    await plainApp?.close();
    await provider?.close();
    await database?.close();
  });

  const countUsers = async () => (await database.db.select({ id: users.id }).from(users)).length;

  /**
   * Starts at the app, signs in at the provider as `login`, and returns the URL the provider sends the browser
   * back to (not yet followed), with the browser holding the transaction cookie.
   */
  async function toCallback(
    browser: Browser,
    login: string,
    options: { appBase?: string; next?: string; consent?: boolean } = {},
  ): Promise<string> {
    const appBase = options.appBase ?? base;
    const callback = `${appBase}/api/auth/oidc/callback`;
    const start = await browser.get(
      `${appBase}/api/auth/oidc/start${options.next ? `?next=${encodeURIComponent(options.next)}` : ''}`,
    );
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') ?? '');
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    let step = await browser.follow(authorize.href, callback);
    for (let pages = 0; step.response && pages < 4; pages++) {
      const html = await step.response.text();
      const isLogin = html.includes('name="login"');
      if (!isLogin && options.consent === false) {
        const abort = /href="([^"]*\/abort)"/.exec(html)?.[1];
        if (!abort) throw new Error('no cancel link');
        step = await browser.follow(new URL(abort, step.url).href, callback);
        continue;
      }
      const body = new URLSearchParams(
        isLogin ? { prompt: 'login', login, password: 'bat-ky' } : { prompt: 'consent' },
      );
      const posted = await browser.send(formAction(html, step.url), {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      const location = posted.headers.get('location');
      if (!location) throw new Error(`provider answered ${posted.status}: ${await posted.text()}`);
      step = await browser.follow(new URL(location, step.url).href, callback);
    }
    if (step.response) throw new Error(`stuck at ${step.url}`);
    return step.url;
  }

  async function signIn(login: string, options: { appBase?: string; next?: string } = {}) {
    const browser = new Browser();
    const callbackUrl = await toCallback(browser, login, options);
    const landing = await browser.get(callbackUrl);
    return { browser, landing, location: landing.headers.get('location') ?? '' };
  }

  const me = async (browser: Browser, appBase = base) =>
    (await (await browser.get(`${appBase}/api/auth/me`)).json()).user;

  it('tells the portal whether the button is shown, and what it says', async () => {
    expect((await app.inject({ url: '/api/auth/oidc' })).json()).toEqual({
      enabled: true,
      label: 'Đăng nhập bằng VNeID',
      requiredForOfficers: false,
    });
    expect((await plainApp.inject({ url: '/api/auth/oidc' })).json()).toMatchObject({ enabled: false });
    const start = await plainApp.inject({ url: '/api/auth/oidc/start' });
    expect(start.statusCode).toBe(404);
    expect(start.json().error.message).toMatch(/Chưa cấu hình/);
  });

  it('creates a citizen account on the first sign-in and finds it by the link afterwards', async () => {
    const before = await countUsers();
    const first = await signIn('079190001234', { next: '/ho-so-cua-toi' });
    expect(first.landing.status).toBe(302);
    expect(first.location).toBe('/ho-so-cua-toi');
    expect(first.browser.cookies.has('motcua_sid')).toBe(true);
    expect(first.browser.cookies.has('motcua_oidc')).toBe(false);
    const user = await me(first.browser);
    expect(user).toMatchObject({ kind: 'citizen', citizenId: '079190001234', roles: [] });
    expect(user.fullName).toBe('Công dân minh họa 1234');
    expect(await countUsers()).toBe(before + 1);
    const links = await (await first.browser.get(`${base}/api/auth/identity-links`)).json();
    expect(links).toEqual([
      expect.objectContaining({ provider: 'VNeID', issuer: provider.issuer, linkedBy: 'sign_in' }),
    ]);
    expect(links[0]).not.toHaveProperty('subject');
    // The transaction is used once and gone.
    expect(await database.db.select().from(oidcTransactions)).toHaveLength(0);

    const second = await signIn('079190001234');
    expect(second.location).toBe('/tai-khoan');
    expect((await me(second.browser)).id).toBe(user.id);
    expect(await countUsers()).toBe(before + 1);
  });

  it('links an existing account with the same CCCD, then matches by issuer and subject first', async () => {
    const signup = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: {
        fullName: 'Trần Văn Bình',
        email: 'binh.tran@example.vn',
        citizenId: '093190005678',
        password: 'mat-khau-dai',
      },
    });
    expect(signup.statusCode).toBe(201);
    const accountId = signup.json().user.id;
    const before = await countUsers();
    const { browser, location } = await signIn('093190005678');
    expect(location).toBe('/tai-khoan');
    expect(await me(browser)).toMatchObject({ id: accountId, fullName: 'Trần Văn Bình' });
    expect(await countUsers()).toBe(before);
    // Even if the account's CCCD changes, the link still finds it.
    await database.db.update(users).set({ citizenId: '093190009999' }).where(eq(users.id, accountId));
    const again = await signIn('093190005678');
    expect((await me(again.browser)).id).toBe(accountId);
    expect(await countUsers()).toBe(before);
  });

  it('refuses a consent the person denied, and creates nothing', async () => {
    const before = await countUsers();
    const browser = new Browser();
    const callbackUrl = await toCallback(browser, '079190002222', { consent: false, next: '/tai-khoan' });
    expect(new URL(callbackUrl).searchParams.get('error')).toBe('access_denied');
    const landing = await browser.get(callbackUrl);
    expect(landing.headers.get('location')).toBe('/dang-nhap?loi_dinh_danh=denied&next=%2Ftai-khoan');
    expect(browser.cookies.has('motcua_sid')).toBe(false);
    expect(await countUsers()).toBe(before);
  });

  it('refuses a callback whose state does not match, and the transaction cannot be tried again', async () => {
    const before = await countUsers();
    const browser = new Browser();
    const callbackUrl = new URL(await toCallback(browser, '079190003333'));
    const goodState = callbackUrl.searchParams.get('state') ?? '';
    callbackUrl.searchParams.set('state', 'gia-mao');
    const cookie = browser.cookies.get('motcua_oidc') ?? '';
    const bad = await browser.get(callbackUrl.href);
    expect(bad.headers.get('location')).toBe('/dang-nhap?loi_dinh_danh=state');
    // The right state afterwards finds no transaction any more.
    browser.cookies.set('motcua_oidc', cookie);
    callbackUrl.searchParams.set('state', goodState);
    const retry = await browser.get(callbackUrl.href);
    expect(retry.headers.get('location')).toBe('/dang-nhap?loi_dinh_danh=expired');
    expect(browser.cookies.has('motcua_sid')).toBe(false);
    expect(await countUsers()).toBe(before);
  });

  it('refuses a callback without a transaction, with an unknown one, and with an expired one', async () => {
    const before = await countUsers();
    const browser = new Browser();
    const callbackUrl = await toCallback(browser, '079190004444');
    const handle = browser.cookies.get('motcua_oidc') ?? '';
    browser.cookies.delete('motcua_oidc');
    expect((await browser.get(callbackUrl)).headers.get('location')).toBe('/dang-nhap?loi_dinh_danh=expired');
    browser.cookies.set('motcua_oidc', 'khong-ton-tai');
    expect((await browser.get(callbackUrl)).headers.get('location')).toBe('/dang-nhap?loi_dinh_danh=expired');
    // The real transaction, but past its ten minutes.
    await database.db.update(oidcTransactions).set({ expiresAt: new Date(Date.now() - 1000) });
    browser.cookies.set('motcua_oidc', handle);
    expect((await browser.get(callbackUrl)).headers.get('location')).toBe('/dang-nhap?loi_dinh_danh=expired');
    expect(browser.cookies.has('motcua_sid')).toBe(false);
    expect(await countUsers()).toBe(before);
  });

  it('refuses a code exchanged with the wrong PKCE verifier', async () => {
    const before = await countUsers();
    const browser = new Browser();
    const callbackUrl = await toCallback(browser, '079190005555');
    await database.db.update(oidcTransactions).set({ codeVerifier: 'x'.repeat(64) });
    const landing = await browser.get(callbackUrl);
    expect(landing.headers.get('location')).toBe('/dang-nhap?loi_dinh_danh=code');
    expect(browser.cookies.has('motcua_sid')).toBe(false);
    expect(await countUsers()).toBe(before);
  });

  it('refuses a code that was already used (replayed with a new transaction)', async () => {
    const first = new Browser();
    const usedCallback = new URL(await toCallback(first, '079190006666'));
    expect((await first.get(usedCallback.href)).headers.get('location')).toBe('/tai-khoan');
    const before = await countUsers();
    // An attacker starts their own sign-in and pastes the used code with their own state.
    const attacker = new Browser();
    const start = await attacker.get(`${base}/api/auth/oidc/start`);
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    usedCallback.searchParams.set('state', state);
    const replay = await attacker.get(usedCallback.href);
    expect(replay.headers.get('location')).toBe('/dang-nhap?loi_dinh_danh=code');
    expect(attacker.cookies.has('motcua_sid')).toBe(false);
    expect(await countUsers()).toBe(before);
  });

  it('refuses identities without a CCCD or with a malformed one, and creates nothing', async () => {
    const before = await countUsers();
    const missing = await signIn('khongcccd');
    expect(missing.location).toBe('/dang-nhap?loi_dinh_danh=no_id');
    const malformed = await signIn('999190001234');
    expect(malformed.location).toBe('/dang-nhap?loi_dinh_danh=bad_id');
    expect(missing.browser.cookies.has('motcua_sid')).toBe(false);
    expect(await countUsers()).toBe(before);
    expect(
      await database.db.select().from(identityLinks).where(eq(identityLinks.subject, 'khongcccd')),
    ).toHaveLength(0);
  });

  it('goes back only to paths on this site', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { location } = await signIn('079190001234', { next });
      expect(location, next).toBe('/tai-khoan');
    }
  });

  it('requires officers to use the identity provider when so configured, and never creates officers', async () => {
    const officerEmail = 'motcua.vitan@demo.motcua.vn';
    const refused = await strictApp.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: officerEmail, password: demoPassword },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(
      /phải đăng nhập bằng định danh điện tử.*Đăng nhập bằng VNeID/,
    );
    expect(refused.cookies.find((c) => c.name === 'motcua_sid')).toBeUndefined();
    // Citizens still use their passwords.
    const citizen = await strictApp.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: 'congdan@demo.motcua.vn', password: demoPassword },
    });
    expect(citizen.statusCode).toBe(200);
    expect((await strictApp.inject({ url: '/api/auth/oidc' })).json().requiredForOfficers).toBe(true);

    // The officer's identity is unknown: signing in with it makes a citizen account, not an officer's.
    const unknown = await signIn('canbo-vitan', { appBase: strictBase });
    expect(unknown.location).toBe('/dang-nhap?loi_dinh_danh=no_id');

    // The administrator links the officer's account (on the app where passwords still work for officers).
    const adminLogin = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: 'quantri@demo.motcua.vn', password: demoPassword },
    });
    const adminCookie = `motcua_sid=${adminLogin.cookies.find((c) => c.name === 'motcua_sid')?.value}`;
    const [officer] = await database.db.select().from(users).where(eq(users.email, officerEmail));
    if (!officer) throw new Error('no demo officer');
    const link = (userId: string, subject: string, cookie = adminCookie) =>
      app.inject({
        method: 'POST',
        url: `/api/admin/users/${userId}/identity-links`,
        payload: { subject },
        headers: { cookie },
      });
    const citizenCookie = `motcua_sid=${citizen.cookies.find((c) => c.name === 'motcua_sid')?.value}`;
    expect((await link(officer.id, 'canbo-vitan', citizenCookie)).statusCode).toBe(403);
    expect((await link(officer.id, '')).json().error.message).toMatch(/Vui lòng nhập mã định danh/);
    const created = await link(officer.id, 'canbo-vitan');
    expect(created.statusCode).toBe(201);
    expect((await link(officer.id, 'canbo-vitan')).statusCode).toBe(409);
    const listed = await app.inject({
      url: `/api/admin/users/${officer.id}/identity-links`,
      headers: { cookie: adminCookie },
    });
    expect(listed.json()).toEqual([
      expect.objectContaining({ subject: 'canbo-vitan', linkedBy: 'admin', provider: 'VNeID' }),
    ]);
    expect(
      (
        await app.inject({
          url: `/api/admin/users/${officer.id}/identity-links`,
          headers: { cookie: citizenCookie },
        })
      ).statusCode,
    ).toBe(403);
    const [someCitizen] = await database.db
      .select()
      .from(users)
      .where(eq(users.email, 'congdan@demo.motcua.vn'));
    expect((await link(someCitizen?.id ?? '', 'demo-x')).statusCode).toBe(404);

    const linked = await signIn('canbo-vitan', { appBase: strictBase });
    expect(linked.location).toBe('/quan-tri');
    expect(await me(linked.browser, strictBase)).toMatchObject({ id: officer.id, kind: 'officer' });

    // An officer whose account holds their CCCD is matched by it.
    const [other] = await database.db.select().from(users).where(eq(users.email, 'quantri@demo.motcua.vn'));
    if (!other) throw new Error('no demo admin');
    await database.db.update(users).set({ citizenId: '092185001111' }).where(eq(users.id, other.id));
    const byNumber = await signIn('092185001111', { appBase: strictBase });
    expect(await me(byNumber.browser, strictBase)).toMatchObject({ id: other.id, kind: 'officer' });

    // The administrator removes the link: the identity no longer reaches the officer's account.
    const unlinked = await app.inject({
      method: 'DELETE',
      url: `/api/admin/users/${officer.id}/identity-links/${created.json().id}`,
      headers: { cookie: adminCookie },
    });
    expect(unlinked.statusCode).toBe(204);
    const afterUnlink = await signIn('canbo-vitan', { appBase: strictBase });
    expect(afterUnlink.location).toBe('/dang-nhap?loi_dinh_danh=no_id');
  });

  it('refuses a disabled account', async () => {
    const { browser } = await signIn('079190007777');
    const user = await me(browser);
    await database.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    const again = await signIn('079190007777');
    expect(again.location).toBe('/dang-nhap?loi_dinh_danh=locked');
    expect(again.browser.cookies.has('motcua_sid')).toBe(false);
  });
});

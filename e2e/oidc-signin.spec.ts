import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login, pickOption } from './helpers.ts';

// The e2e server starts the demo OpenID provider (src/modules/auth/testing/oidc-provider-server.ts) on
// E2E_PORT+200: its sign-in page takes any password, and a 12-digit login name is the person's CCCD.
const providerOrigin = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3999) + 200}`;

test('a citizen who refuses consent at the identity provider is back on the login page with the reason', async ({
  page,
}) => {
  await page.goto('/dang-nhap');
  await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
  await expect(page).toHaveURL(new RegExp(`^${providerOrigin}/interaction/`));
  await page.locator('input[name="login"]').fill('086190004243');
  await page.locator('input[name="password"]').fill('bat-ky');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('link', { name: '[ Cancel ]' }).click();
  await expect(page).toHaveURL(/\/dang-nhap\?loi_dinh_danh=denied/);
  await expect(page.getByRole('alert')).toContainText('Bạn đã từ chối cho phép chia sẻ thông tin định danh');
  await expect(page.getByRole('link', { name: 'Đăng nhập bằng VNeID' })).toBeVisible();
});

test('a citizen signs in with the electronic identity and sees it linked on the account page', async ({
  page,
}) => {
  await page.goto('/dang-nhap?next=%2Ftai-khoan');
  await expectNoSeriousA11yViolations(page, 'login page with the identity button');
  await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
  await expect(page).toHaveURL(new RegExp(`^${providerOrigin}/interaction/`));
  await page.locator('input[name="login"]').fill('086190004242');
  await page.locator('input[name="password"]').fill('bat-ky');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(/\/tai-khoan$/);
  await expect(page.getByRole('heading', { name: 'Tài khoản', level: 1 })).toBeVisible();
  const profile = page.getByRole('region', { name: 'Thông tin cá nhân' });
  await expect(profile).toContainText('Công dân minh họa 4242');
  await expect(profile).toContainText('086190004242');
  await expect(profile).toContainText('Đã liên kết với VNeID');

  // Signed in for real: the session survives a reload, and signing out works as with a password.
  await page.reload();
  await expect(profile).toContainText('Đã liên kết với VNeID');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).not.toHaveURL(/\/tai-khoan$/);
  expect((await (await page.request.get('/api/auth/me')).json()).user).toBeNull();
});

test('the administrator links an officer to their identity, and the officer signs in with it to the back office', async ({
  page,
  browser,
}) => {
  await login(page, 'quantri@demo.motcua.vn');
  await page.goto('/quan-tri/can-bo');
  const card = page.locator('.ant-card', { hasText: 'Định danh điện tử của cán bộ (VNeID)' });
  await pickOption(page, card.getByLabel('Cán bộ'), 'Ngô Thị Hạnh', { typed: 'Ngô Thị Hạnh' });
  await expect(card).toContainText('Chưa liên kết');
  await card.getByLabel('Mã định danh (subject) tại VNeID').fill('canbo-vitan-e2e');
  await card.getByRole('button', { name: 'Liên kết' }).click();
  await expect(card).toContainText('VNeID: canbo-vitan-e2e');
  await expect(card).toContainText('(do quản trị viên)');

  // The officer, in another browser: the identity has no CCCD, the link alone finds the account.
  const context = await browser.newContext();
  const officer = await context.newPage();
  await officer.goto('/dang-nhap');
  await officer.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
  await officer.locator('input[name="login"]').fill('canbo-vitan-e2e');
  await officer.locator('input[name="password"]').fill('bat-ky');
  await officer.getByRole('button', { name: 'Sign-in' }).click();
  await officer.getByRole('button', { name: 'Continue' }).click();
  await expect(officer).toHaveURL(/\/quan-tri/);
  const me = await (await officer.request.get('/api/auth/me')).json();
  expect(me.user).toMatchObject({ kind: 'officer', fullName: 'Ngô Thị Hạnh' });
  await context.close();
});

import { expect as baseExpect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, expectSkipLink, expectVisibleFocus, login } from './helpers.ts';

// Many pages per test, each a lazily loaded chunk: allow a slow, shared CI machine.
const expect = baseExpect.configure({ timeout: 30_000 });

test('the portal pages have no serious accessibility violations', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.getByRole('link', { name: /Hộ tịch/ }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'trang chủ');

  await page.goto('/thu-tuc?q=khai%20sinh');
  await expect(page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'danh mục thủ tục');

  await page.goto('/thu-tuc/1.001193');
  await expect(page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'trang thủ tục');

  await page.goto('/dang-nhap');
  await expect(page.getByLabel('Mật khẩu')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'đăng nhập');

  await page.goto('/dang-ky');
  await expect(page.getByLabel('Nhập lại mật khẩu')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'đăng ký');

  await page.goto('/tra-cuu');
  await expect(page.getByLabel('Mã kiểm tra')).toBeVisible();
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByText('Vui lòng nhập mã hồ sơ.')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'tra cứu hồ sơ');

  await page.goto('/cong-khai-ket-qua');
  await expect(page.getByRole('heading', { name: 'Mục tiêu kế hoạch và kết quả thực hiện' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'công khai kết quả');

  await login(page, 'congdan@demo.motcua.vn');
  await page.goto('/tai-khoan');
  await expect(page.getByRole('heading', { name: 'Đổi mật khẩu' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'tài khoản');
  await page.goto('/thong-bao');
  await expect(page.getByRole('heading', { level: 1, name: 'Thông báo' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'thông báo');
});

test('the back office pages have no serious accessibility violations', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, 'quantri@demo.motcua.vn');
  await page.goto('/quan-tri');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'tổng quan quản trị');

  await page.goto('/quan-tri/thu-tuc');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'quản lý thủ tục');

  await page.context().clearCookies();
  await login(page, 'motcua.vithanh@demo.motcua.vn');
  await page.goto('/quan-tri/ho-so');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'danh sách hồ sơ');

  await page.goto('/quan-tri/tiep-nhan');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'tiếp nhận hồ sơ');
});

test('every page starts with a skip link and shows where the keyboard focus is', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Từ khóa tìm kiếm')).toBeEditable();
  await expectSkipLink(page);
  // Tab on from the main content: the search box, then its button, each with a visible focus style.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Từ khóa tìm kiếm')).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /Tìm kiếm/ })).toBeFocused();
  await expectVisibleFocus(page);

  await page.goto('/tra-cuu');
  await expect(page.getByLabel('Mã hồ sơ')).toBeVisible();
  await expectSkipLink(page);

  await login(page, 'motcua.vithanh@demo.motcua.vn');
  await page.goto('/quan-tri');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectSkipLink(page);
});

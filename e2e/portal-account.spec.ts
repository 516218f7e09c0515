import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, login } from './helpers.ts';

test('a citizen signs up, signs out and signs in again', async ({ page }, testInfo) => {
  const email = `cong.dan.${testInfo.project.name}.${Date.now()}@example.vn`;
  await page.goto('/dang-ky');
  await expectNoHorizontalScroll(page);
  await page.getByLabel('Họ và tên').fill('Phan Văn Dân');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-cua-dan');
  await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-cua-dan');
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page).toHaveURL(/\/tai-khoan/);
  await expect(page.getByText('Phan Văn Dân').first()).toBeVisible();
  await page.getByRole('button', { name: 'Đăng xuất' }).first().click();
  await expect(page.getByRole('link', { name: 'Đăng nhập' }).first()).toBeVisible();

  await login(page, email, 'mat-khau-cua-dan');
  await expect(page).toHaveURL(/\/tai-khoan/);
  await expect(page.getByText('Phan Văn Dân').first()).toBeVisible();
});

test('a wrong password is refused with a Vietnamese message', async ({ page }) => {
  await page.goto('/dang-nhap');
  await page.getByLabel('Email hoặc số điện thoại').fill('congdan@demo.motcua.vn');
  await page.getByLabel('Mật khẩu').fill('khong-dung-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByText('Email/số điện thoại hoặc mật khẩu không đúng.')).toBeVisible();
});

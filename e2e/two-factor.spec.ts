import { expect, test } from '@playwright/test';
import { totpAt } from '../src/modules/auth/totp.ts';
import { login } from './helpers.ts';

// A fresh officer (the demo accounts stay without two-factor for the other specs).
test('an officer turns on two-factor sign-in, then signs in with password and code', async ({ page }) => {
  const email = `hai.buoc.${Date.now()}@demo.motcua.vn`;
  const password = 'mat-khau-hai-buoc';
  await login(page, 'quantri@demo.motcua.vn');
  const agencies = (await (await page.request.get('/api/agencies?at=2026-01-01')).json()) as {
    id: string;
    slug: string;
  }[];
  const desk = agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc');
  const created = await page.request.post('/api/admin/users', {
    data: {
      fullName: 'Đỗ Thị Bảo Mật',
      email,
      password,
      roles: [{ role: 'desk_officer', agencyId: desk?.id }],
    },
  });
  expect(created.status()).toBe(201);
  await page.context().clearCookies();

  await login(page, email, password);
  await page.goto('/tai-khoan/bao-mat');
  await expect(page.getByText('Chưa bật')).toBeVisible();
  await page.getByRole('link', { name: 'Bật xác thực hai bước' }).click();
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await expect(page.getByRole('img', { name: /Mã QR/ })).toBeVisible();
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('Mã 6 chữ số đang hiển thị trong ứng dụng').fill(totpAt(secret, Date.now()));
  await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
  await expect(page.getByText('Đã bật xác thực hai bước.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Mã khôi phục' }).getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: 'Tôi đã lưu các mã khôi phục' }).click();
  await expect(page).toHaveURL(/\/quan-tri/);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).not.toHaveURL(/\/quan-tri/);

  await page.goto('/dang-nhap');
  await page.getByLabel('Email hoặc số điện thoại').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { name: 'Xác thực hai bước' })).toBeVisible();
  const code = page.getByLabel('Mã xác thực hoặc mã khôi phục');
  await code.fill('000000');
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(
    page.getByText('Mã xác thực không đúng hoặc đã được dùng. Vui lòng nhập mã mới trên ứng dụng.'),
  ).toBeVisible();
  // The code of the next 30-second step: the one used to confirm the enrolment is not accepted twice.
  await code.fill(totpAt(secret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(page).toHaveURL(/\/quan-tri/);
  await expect(page.getByText('Đỗ Thị Bảo Mật').first()).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

test('an administrator publishes a procedure and it appears publicly', async ({ page }) => {
  const code = '1.003583';
  const name = 'Thủ tục đăng ký khai sinh lưu động';
  await login(page, 'quantri@demo.motcua.vn');
  // Start from a withdrawn procedure (through the same API the back office uses).
  const withdraw = await page.request.post(`/api/admin/procedures/${code}/unpublish`);
  expect(withdraw.ok()).toBeTruthy();
  expect((await page.request.get(`/api/procedures/${code}`)).status()).toBe(404);

  await page.goto('/quan-tri/thu-tuc');
  await page.getByPlaceholder(/Tìm/).first().fill('khai sinh luu dong');
  await page.getByPlaceholder(/Tìm/).first().press('Enter');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row.getByText('Chưa công bố')).toBeVisible();
  await row.getByRole('button', { name: 'Công bố' }).click();
  await expect(row.getByText('Đã công bố')).toBeVisible();

  await page.goto('/thu-tuc?q=khai%20sinh%20luu%20dong');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

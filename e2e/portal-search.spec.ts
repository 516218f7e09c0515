import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll } from './helpers.ts';

test('a newcomer searches "khai sinh" without diacritics and opens the procedure', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.getByLabel('Từ khóa tìm kiếm').first().fill('khai sinh');
  await page
    .getByRole('button', { name: /Tìm kiếm/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/thu-tuc\?.*q=khai/);
  const result = page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh', exact: true });
  await expect(result).toBeVisible();
  await expectNoHorizontalScroll(page);
  await result.click();
  await expect(page).toHaveURL(/\/thu-tuc\/1\.001193$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' })).toBeVisible();
  await expect(page.getByText('Thành phần hồ sơ').first()).toBeVisible();
  await expect(page.getByText('UBND phường Vị Thanh').first()).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test('an unknown procedure gets a Vietnamese not-found page', async ({ page }) => {
  await page.goto('/thu-tuc/9.999999');
  await expect(page.getByText(/Không tìm thấy/).first()).toBeVisible();
});

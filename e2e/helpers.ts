import { expect, type Page } from '@playwright/test';

export const demoPassword = 'Motcua@2026';

export async function login(page: Page, email: string, password = demoPassword) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Email hoặc số điện thoại').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).not.toHaveURL(/dang-nhap/);
}

/** Nothing on the page is wider than the viewport (no sideways scrolling on phones). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

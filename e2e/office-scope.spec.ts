import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

test('an officer sees only their own agency', async ({ page }) => {
  await login(page, 'motcua.vithanh@demo.motcua.vn');
  await expect(page).toHaveURL(/\/quan-tri/);
  const own = 'Trung tâm Phục vụ hành chính công phường Vị Thanh';
  await expect(page.getByText(own).first()).toBeVisible();
  await expect(page.getByText('Trung tâm Phục vụ hành chính công phường Vị Tân')).toHaveCount(0);
  await page.getByText(own).first().click();
  await expect(page.getByRole('heading', { name: own })).toBeVisible();
  await expect(page.getByText('Trần Thị Mai').first()).toBeVisible();

  // Another ward's agency, reached by its address, is refused.
  const agencies = (await (await page.request.get('/api/agencies')).json()) as { id: string; slug: string }[];
  const other = agencies.find((a) => a.slug === 'cantho-phuong-vi-tan-ttpvhcc');
  await page.goto(`/quan-tri/co-quan/${other?.id}`);
  await expect(page.getByText('Bạn không có quyền xem dữ liệu của cơ quan này.')).toBeVisible();
  // Administration is not offered to a desk officer.
  await expect(page.getByRole('link', { name: /Quản lý thủ tục|Thủ tục hành chính/ })).toHaveCount(0);
});

import { expect, type Page, test } from '@playwright/test';
import { login, pickOption } from './helpers.ts';

// Job positions and headcount: the reform office enters the province's quota for UBND phường Vị Thanh (three
// civil servants for five serving), then the ward's head defines two positions, places holders, and sees one
// position short of a person, one over-staffed and the agency over its quota; the city summary exports to Excel.

test.use({ actionTimeout: 15_000 });
test.setTimeout(240_000);

const AGENCY = 'UBND phường Vị Thanh';
const year = new Date().getFullYear();

async function choose(page: Page, label: string, option: string) {
  await pickOption(page, page.getByLabel(label, { exact: true }), option, { typed: option });
}

async function addPosition(page: Page, code: string, name: string, group: string, headcount: string) {
  await page.getByRole('button', { name: 'Thêm vị trí' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm vị trí việc làm' });
  await form.getByLabel('Mã vị trí').fill(code);
  await form.getByLabel('Tên vị trí').fill(name);
  await pickOption(page, form.getByLabel('Nhóm vị trí'), group);
  await form.getByLabel('Số người cần').fill(headcount);
  await form.getByRole('button', { name: 'Thêm yêu cầu' }).click();
  await form.getByLabel('Nội dung yêu cầu').fill('Sử dụng thành thạo phần mềm một cửa điện tử');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form).toBeHidden();
}

async function placeFirstUnassigned(page: Page, positionName: string) {
  const row = page.getByRole('row', { name: new RegExp(positionName) });
  await row.getByRole('button', { name: 'Bố trí cán bộ' }).click();
  const form = page.getByRole('dialog', { name: `Bố trí cán bộ — ${positionName}` });
  await pickOption(page, form.getByLabel('Cán bộ'), '(chưa bố trí)', { shown: /\S/ });
  await form.getByRole('button', { name: 'Bố trí' }).click();
  await expect(form).toBeHidden();
}

test('an agency defines positions, places holders and sees a vacancy and over-quota', async ({ page }) => {
  await login(page, 'cchc.noivu@demo.motcua.vn');
  await page.getByRole('link', { name: 'Vị trí việc làm, biên chế' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vị trí việc làm, biên chế' })).toBeVisible();
  await choose(page, 'Cơ quan, đơn vị', AGENCY);
  await page.getByRole('button', { name: 'Nhập biên chế' }).click();
  const quota = page.getByRole('dialog', { name: new RegExp(`Biên chế được giao năm ${year}`) });
  await quota.getByLabel('Công chức (gồm cán bộ)').fill('3');
  await quota.getByLabel('Số quyết định giao biên chế').fill('25/QĐ-UBND');
  await quota.getByRole('button', { name: 'Lưu' }).click();
  await expect(quota).toBeHidden();
  await expect(page.getByTestId('quota-table')).toContainText('Vượt biên chế 2');

  await page.context().clearCookies();
  await login(page, 'truongphong.vithanh@demo.motcua.vn');
  await page.goto('/quan-tri/vi-tri-viec-lam');
  await expect(page.getByText(`${AGENCY} — số liệu đến ngày`)).toBeVisible();
  await addPosition(page, 'VH-01', 'Công chức Văn hóa – Xã hội', 'Chuyên môn, nghiệp vụ', '2');
  await addPosition(page, 'LD-01', 'Chủ tịch UBND phường', 'Lãnh đạo, quản lý', '1');
  await placeFirstUnassigned(page, 'Công chức Văn hóa – Xã hội');
  await placeFirstUnassigned(page, 'Chủ tịch UBND phường');
  await placeFirstUnassigned(page, 'Chủ tịch UBND phường');

  await expect(page.getByRole('row', { name: /Công chức Văn hóa – Xã hội/ })).toContainText('Thiếu 1');
  await expect(page.getByRole('row', { name: /Chủ tịch UBND phường/ })).toContainText('Vượt 1');
  await expect(page.getByTestId('positions-vacancy')).toContainText('1');
  await expect(page.getByTestId('positions-over')).toContainText('1');
  await expect(page.getByTestId('quota-table')).toContainText('Vượt biên chế 2');
  // The head may not enter the province's quota.
  await expect(page.getByRole('button', { name: /biên chế$/ })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Tổng hợp' }).click();
  const summary = page.getByTestId('positions-summary');
  await expect(summary.getByRole('row', { name: new RegExp(AGENCY) })).toContainText('Vượt 2');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Xuất Excel/ }).click();
  expect((await download).suggestedFilename()).toBe(`vi-tri-viec-lam-bien-che-${year}.xlsx`);
});

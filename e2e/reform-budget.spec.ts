import { expect, type Page, test } from '@playwright/test';
import { login, pickOption } from './helpers.ts';

// The reform budget: Phòng Nội vụ (lead agency) drafts and proposes a 2025 line for one of its tasks, Phòng
// Tài chính – Kế hoạch appraises it, the city's leader approves it, the finance office records disbursements
// beyond the approved amount, and the summary shows planned against spent with the overrun flag; Excel exports.

test.use({ actionTimeout: 15_000 });
test.setTimeout(240_000);

const DESCRIPTION = 'Hội nghị triển khai sắp xếp tổ chức bộ máy (kiểm thử e2e)';

async function as(page: Page, email: string, url: string) {
  await page.context().clearCookies();
  await login(page, email);
  await page.goto(url);
  await expect(page.getByTestId('budget-status')).toBeVisible();
}

async function step(
  page: Page,
  action: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('button', { name: action, exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: action });
  await fill(dialog);
  await dialog.getByRole('button', { name: action }).click();
  await expect(dialog).toBeHidden();
}

async function date(dialog: ReturnType<Page['getByRole']>, label: string, value: string) {
  const input = dialog.getByLabel(label);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

test('a line goes from proposal to disbursement and the summary flags the overrun', async ({ page }) => {
  await login(page, 'cchc.noivu@demo.motcua.vn');
  await page.getByRole('link', { name: 'Kinh phí CCHC' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kinh phí CCHC' })).toBeVisible();
  await page.getByLabel('Năm', { exact: true }).fill('2025');
  await page.getByLabel('Năm', { exact: true }).press('Enter');
  await page.getByRole('button', { name: 'Lập dự toán' }).click();
  const form = page.getByRole('dialog', { name: 'Lập dự toán kinh phí CCHC' });
  await expect(form.getByLabel('Năm', { exact: true })).toHaveValue('2025');
  await pickOption(page, form.getByLabel('Nhiệm vụ của kế hoạch'), 'III.4', { typed: 'Sắp xếp lại cơ quan' });
  await form.getByLabel('Nội dung dự toán').fill(DESCRIPTION);
  await form.getByLabel('Số tiền đề xuất (đồng)').fill('50000000');
  await form.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(page.getByTestId('budget-status')).toHaveText('Dự thảo');
  const lineUrl = page.url();
  await step(page, 'Gửi đề xuất', async () => {});
  await expect(page.getByTestId('budget-status')).toHaveText('Đã đề xuất');
  // The lead agency has no appraisal button.
  await expect(page.getByRole('button', { name: 'Thẩm định' })).toHaveCount(0);

  await as(page, 'taichinh.tckh@demo.motcua.vn', lineUrl);
  await step(page, 'Thẩm định', async (d) => {
    await d.getByLabel('Số tiền thẩm định').fill('40000000');
    await d.getByLabel('Ý kiến thẩm định').fill('Giảm chi thuê hội trường.');
  });
  await expect(page.getByTestId('budget-status')).toHaveText('Đã thẩm định');

  await as(page, 'lanhdao.ubndtp@demo.motcua.vn', lineUrl);
  await step(page, 'Phê duyệt', async (d) => {
    await d.getByLabel('Số quyết định').fill('120/QĐ-UBND');
    await date(d, 'Ngày quyết định', '10/01/2025');
  });
  await expect(page.getByTestId('budget-status')).toHaveText('Đã phê duyệt');

  await as(page, 'taichinh.tckh@demo.motcua.vn', lineUrl);
  for (const [amount, paidOn, doc] of [
    ['30000000', '15/03/2025', 'GRDT-0315'],
    ['15000000', '20/05/2025', 'GRDT-0520'],
  ]) {
    await step(page, 'Ghi nhận giải ngân', async (d) => {
      await d.getByLabel('Số tiền giải ngân').fill(amount as string);
      await date(d, 'Ngày giải ngân', paidOn as string);
      await d.getByLabel('Số chứng từ').fill(doc as string);
    });
  }
  await expect(page.getByRole('cell', { name: 'GRDT-0520' })).toBeVisible();
  await expect(page.locator('.ant-card-head').first()).toContainText('Vượt dự toán');

  await page.goto('/quan-tri/kinh-phi-cchc?nam=2025&tab=tong-hop');
  const byAgency = page.getByTestId('budget-by-agency');
  const row = byAgency.getByRole('row', { name: /Phòng Nội vụ/ });
  await expect(row).toContainText('Vượt dự toán');
  await expect(byAgency).toContainText('Tổng cộng');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Xuất Excel/ }).click();
  expect((await download).suggestedFilename()).toBe('kinh-phi-cchc-2025.xlsx');
});

import { expect, test } from '@playwright/test';
import { demoPassword, expectNoSeriousA11yViolations, login } from './helpers.ts';

// A desk officer receives a dossier and opens it (a read of the applicant's personal data); the administrator
// finds both in «Nhật ký kiểm toán» by the dossier code and checks the log's integrity.

test('the administrator finds the transitions and the read of a dossier and verifies the chains', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const desk = await (await browser.newContext()).newPage();
  const signIn = await desk.request.post('/api/auth/login', {
    data: { identifier: 'motcua.vithanh@demo.motcua.vn', password: demoPassword },
  });
  expect(signIn.ok()).toBeTruthy();
  const agencies = (await (await desk.request.get('/api/agencies')).json()) as { id: string; slug: string }[];
  const received = await desk.request.post('/api/office/dossiers', {
    data: {
      procedureCode: '1.001193',
      receivingAgencyId: agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc')?.id,
      applicant: { fullName: 'Trương Văn Kiểm', phone: '0912000111', citizenId: '093190009999' },
      documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
      complete: true,
    },
  });
  expect(received.status()).toBe(201);
  const dossier = (await received.json()) as { id: string; code: string };
  expect((await desk.request.get(`/api/office/dossiers/${dossier.id}`)).ok()).toBeTruthy();

  await login(page, 'quantri@demo.motcua.vn');
  await page.getByRole('link', { name: 'Nhật ký kiểm toán' }).click();
  await expect(page.getByRole('heading', { name: 'Nhật ký kiểm toán', level: 1 })).toBeVisible();
  await page.getByLabel('Mã hồ sơ').fill(dossier.code);
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  const entries = page.getByTestId('audit-entries');
  const rows = entries.locator('tr.ant-table-row');
  await expect(rows.filter({ hasText: 'Xem thông tin cá nhân trong hồ sơ' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Xử lý hồ sơ' }).first()).toBeVisible();
  await expect(rows.first()).toContainText('Trần Thị Mai');
  await expect(rows.first()).toContainText(dossier.code);
  // The log names the record, never the applicant.
  await expect(entries).not.toContainText('Trương Văn Kiểm');

  await page.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
  const result = page.getByTestId('audit-verify-result');
  await expect(result).toContainText('Nhật ký toàn vẹn');
  await expect(result).toContainText('Phường Vị Thanh');
  await expect(result.getByText('Toàn vẹn', { exact: true }).first()).toBeVisible();
  // Sealed now: each entry shows its place in its unit's chain.
  await expect(rows.first()).toContainText(/Mục số \d+/);
  await expectNoSeriousA11yViolations(page);
});

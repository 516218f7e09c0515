import { expect, type Page, test } from '@playwright/test';
import { chooseOption, login } from './helpers.ts';

// E-government self-assessment (plan III.7): the ward's one-stop centre opens its self-assessment for the year,
// finds the system's figures filled in, enters the rest with evidence and submits; the reform office sees the
// centre's criteria below target in the year's gap list and can download it.

test.use({ actionTimeout: 15_000 });
// The shared machine is slow; the journey has many steps.
test.setTimeout(180_000);

const DESK = 'motcua.vithanh@demo.motcua.vn';
const REFORM = 'cchc.noivu@demo.motcua.vn';
const CENTRE = 'Trung tâm Phục vụ hành chính công phường Vị Thanh';

const pick = (page: Page, label: string, option: string) =>
  chooseOption(page, label, new RegExp(`^${option}$`));

test('an agency fills and submits its self-assessment; the reform office sees the gaps', async ({
  page,
  browser,
}) => {
  await login(page, DESK);
  await page.goto('/quan-tri/chinh-quyen-dien-tu');
  await expect(page.getByRole('heading', { name: 'Tự đánh giá chính quyền điện tử' })).toBeVisible();
  await page.getByRole('button', { name: `Tự đánh giá: ${CENTRE}` }).click();
  await expect(page.getByText(CENTRE).first()).toBeVisible();
  // The five figures the system knows are there already.
  await expect(page.getByText(/^Số liệu hệ thống:/)).toHaveCount(5);

  await pick(page, 'Giá trị tiêu chí 2.3', 'Có');
  await pick(page, 'Giá trị tiêu chí 3.1', 'Có');
  await pick(page, 'Giá trị tiêu chí 3.3', 'Không');
  await page.getByLabel('Giá trị tiêu chí 3.2').fill('2');
  await page
    .getByLabel('Minh chứng tiêu chí 3.2')
    .fill('Phòng họp không giấy dùng cho giao ban tuần (Báo cáo 15/BC)');
  await page.getByLabel('Giá trị tiêu chí 4.3').fill('90');
  await page.getByRole('button', { name: 'Gửi bộ phận CCHC' }).click();
  await expect(page.getByText('Đã gửi bản tự đánh giá đến bộ phận cải cách hành chính.')).toBeVisible();
  await expect(page.getByText('Đã gửi, chờ thẩm định')).toBeVisible();
  await expect(page.getByTestId('egov-score')).not.toHaveText('—');
  await page.screenshot({ path: test.info().outputPath('assessment.png'), fullPage: true });

  const office = await browser.newPage();
  await login(office, REFORM);
  await office.goto('/quan-tri/chinh-quyen-dien-tu');
  await office.getByRole('tab', { name: 'Tiêu chí chưa đạt' }).click();
  const card = office.locator('.ant-card', { hasText: CENTRE });
  await expect(card.getByRole('row', { name: /Mức độ sử dụng phòng họp không giấy/ })).toContainText('1 mức');
  await expect(card.getByRole('row', { name: /nhóm Zalo/ })).toBeVisible();
  await expect(card.getByRole('row', { name: /máy tính/ })).toContainText('10 %');
  await office.screenshot({ path: test.info().outputPath('gap-list.png'), fullPage: true });
  const href = await office.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href');
  const xlsx = await office.request.get(href as string);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  await office.close();
});

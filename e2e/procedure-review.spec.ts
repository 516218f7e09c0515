import { expect, type Page, test } from '@playwright/test';
import { chooseOption, login, pickOption } from './helpers.ts';

// Procedure review (plan III.3): the reform office plans a yearly review, puts "Đăng ký khai sinh" on it for the
// ward's one-stop centre, records a burden and a proposal, takes the proposal through submission and approval
// with its decision, sees the estimated saving for citizens, and downloads the review report.

test.use({ actionTimeout: 15_000 });
// The shared machine is slow; the journey has many steps.
test.setTimeout(180_000);

const REFORM = 'cchc.noivu@demo.motcua.vn';
const CENTRE = 'Trung tâm Phục vụ hành chính công phường Vị Thanh';

const choose = (page: Page, label: string, typed: string, option: string | RegExp) =>
  chooseOption(page, label, option, { typed });

test('a yearly review plan: burdens, a decided proposal, the estimated saving and the Excel report', async ({
  page,
}) => {
  await login(page, REFORM);
  await page.goto('/quan-tri/ra-soat-tthc');
  await expect(page.getByRole('heading', { name: 'Rà soát, đơn giản hóa TTHC' })).toBeVisible();
  await page.getByRole('button', { name: 'Lập kế hoạch rà soát' }).click();
  const title = `Kế hoạch rà soát TTHC thử nghiệm ${Date.now()}`;
  await choose(page, 'Đơn vị hành chính', 'Vị Thanh', /Vị Thanh/);
  await page.getByLabel('Tên kế hoạch').fill(title);
  await page.getByRole('button', { name: 'Lập kế hoạch', exact: true }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  await page.getByRole('button', { name: 'Thêm thủ tục cần rà soát' }).click();
  await choose(page, 'Thủ tục hành chính', 'khai sinh', '1.001193');
  await choose(page, 'Cơ quan rà soát', CENTRE, CENTRE);
  await page.getByLabel('Người rà soát').fill('Trần Thị Mai');
  await page.getByLabel('Thời hạn hoàn thành').fill('2026-06-30');
  await page.getByRole('button', { name: 'Thêm', exact: true }).click();
  const row = page.getByRole('row', { name: /1\.001193/ });
  await expect(row).toContainText('Chưa rà soát');
  await row.getByRole('link').click();

  // Burdens found.
  await page.getByRole('button', { name: 'Thêm gánh nặng' }).click();
  await pickOption(page, page.getByLabel('Loại gánh nặng 1'), 'Số lần đi lại');
  await page.getByLabel('Mô tả gánh nặng 1').fill('Người dân phải đến hai lần: nộp hồ sơ và nhận kết quả');
  await page.getByRole('button', { name: 'Lưu kết quả rà soát' }).click();
  await expect(page.getByText('Đã lưu kết quả rà soát.')).toBeVisible();

  // A proposal, submitted and approved with its decision.
  await pickOption(page, page.getByLabel('Loại đề xuất'), 'Thực hiện trực tuyến');
  await page.getByLabel('Nội dung đề xuất').fill('Nộp hồ sơ và nhận kết quả trực tuyến');
  await page.getByLabel('Số ngày làm việc rút ngắn / hồ sơ').fill('1');
  await page.getByLabel('Số lần đi lại giảm / hồ sơ').fill('2');
  await page.getByRole('button', { name: 'Thêm đề xuất' }).click();
  const proposal = page.getByRole('row', { name: /Nộp hồ sơ và nhận kết quả trực tuyến/ });
  await expect(proposal).toContainText('Đề xuất');
  await proposal.getByRole('button', { name: 'Trình' }).click();
  await expect(proposal).toContainText('Đã trình');
  await proposal.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
  await page.getByLabel('Số quyết định').fill('125/QĐ-UBND');
  await page.getByLabel('Ngày quyết định').fill('2026-07-15');
  await page.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
  await expect(proposal).toContainText('Được phê duyệt');
  await expect(proposal).toContainText('QĐ 125/QĐ-UBND');

  // The estimated saving: 1 day × 200.000 + 2 visits × 50.000 per dossier, times the 12 months' dossiers.
  const saving = page.getByRole('row', { name: /Chi phí tiết kiệm mỗi hồ sơ/ });
  await expect(saving).toContainText('300.000 đồng');
  await expect(page.getByText(/Công thức: Tiết kiệm\/năm = Số hồ sơ 12 tháng gần nhất/)).toBeVisible();
  const volume = Number(((await page.getByTestId('dossier-volume').textContent()) ?? '0').replace(/\./g, ''));
  await expect(page.getByRole('row', { name: /Chi phí tiết kiệm mỗi năm/ })).toContainText(
    `${(300_000 * volume).toLocaleString('vi-VN')} đồng`,
  );

  await page.screenshot({ path: test.info().outputPath('review-page.png'), fullPage: true });

  // The review report.
  await page.getByRole('link', { name: new RegExp(title) }).click();
  const href = await page.getByRole('link', { name: 'Xuất báo cáo Excel' }).getAttribute('href');
  const report = await page.request.get(href as string);
  expect(report.status()).toBe(200);
  expect(report.headers()['content-type']).toContain('spreadsheetml');
});

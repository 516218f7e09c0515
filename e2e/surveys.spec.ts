import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expectNoHorizontalScroll, login, pickOption } from './helpers.ts';

test('the reform office runs a survey round, a citizen answers on a phone, the results and Excel follow', async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const templateName = `Phiếu khảo sát kiểm thử ${stamp}`;
  const roundName = `Đợt khảo sát kiểm thử ${stamp}`;

  // Design a template from the five-element preset.
  await login(page, 'cchc.noivu@demo.motcua.vn');
  await page.getByRole('link', { name: 'Khảo sát sự hài lòng' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Khảo sát sự hài lòng' })).toBeVisible();
  await page.getByRole('link', { name: 'Thiết kế mẫu phiếu mới' }).click();
  await expect(page.getByText('Tiếp cận dịch vụ', { exact: true }).first()).toBeVisible();
  await page.getByLabel('Tên mẫu phiếu').fill(templateName);
  await page.getByLabel('Nội dung câu hỏi 1').fill('Ông/bà hài lòng thế nào về nơi đón tiếp, chỗ ngồi chờ?');
  await page.getByRole('button', { name: 'Lưu mẫu phiếu' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/khao-sat\/mau\/[0-9a-f-]{36}$/);

  // Open a round for the Vị Thanh service centre, with a sample of resolved dossiers.
  await page.goto('/quan-tri/khao-sat/dot/moi');
  await page.getByLabel('Tên đợt khảo sát').fill(roundName);
  await pickOption(page, page.getByLabel('Mẫu phiếu'), templateName);
  const centre = 'Trung tâm Phục vụ hành chính công phường Vị Thanh';
  await pickOption(page, page.getByLabel('Cơ quan được khảo sát'), centre, { typed: centre });
  await page.getByLabel('Cỡ mẫu (số hồ sơ)').fill('5');
  await page.getByRole('button', { name: 'Tạo đợt khảo sát' }).click();
  await expect(page.getByRole('heading', { level: 1, name: roundName })).toBeVisible();
  await expect(page.getByText('Đang mở')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Mã QR của đường dẫn khảo sát' })).toBeVisible();
  const indexTable = page.getByRole('table', { name: 'Chỉ số hài lòng' });
  const allRow = indexTable.getByRole('row').filter({ hasText: 'Tất cả cơ quan' });
  await expect(allRow).toContainText('—');
  await expect(page.getByTestId('cong-thuc')).toContainText('(Hài lòng, Rất hài lòng)');
  const publicUrl = (await page.getByRole('link', { name: /\/khao-sat\// }).getAttribute('href')) ?? '';
  const path = new URL(publicUrl).pathname;

  // A citizen answers on a phone-sized screen through the public link, without signing in.
  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const citizen = await phone.newPage();
  await citizen.goto(path);
  await expect(citizen.getByRole('heading', { level: 1, name: roundName })).toBeVisible();
  await expectNoHorizontalScroll(citizen);
  // Sending without answers points at what is missing.
  await citizen.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click();
  await expect(citizen.getByText(/Còn \d+ câu chưa trả lời/)).toBeVisible();
  await citizen.getByRole('radio', { name: 'Trung tâm Phục vụ hành chính công phường Vị Thanh' }).check();
  const questions = citizen
    .locator('fieldset.survey-question')
    .filter({ has: citizen.getByRole('radio', { name: 'Rất hài lòng' }) });
  const count = await questions.count();
  expect(count).toBe(5);
  for (let i = 0; i < count; i += 1)
    await questions.nth(i).getByRole('radio', { name: 'Rất hài lòng' }).check();
  await citizen.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click();
  await expect(citizen.getByRole('heading', { name: 'Cảm ơn ông/bà đã tham gia khảo sát!' })).toBeVisible();
  await phone.close();

  // The results page shows the response and the index moves from "—" to 100%.
  await page.reload();
  const total = page.locator('.ant-statistic').filter({ hasText: 'Tổng số phiếu' });
  await expect(total.locator('.ant-statistic-content')).toHaveText('1');
  await expect(allRow).toContainText('100%');
  await expect(allRow.getByRole('cell').last()).toHaveText('100%');

  // The Excel workbook downloads with one row per response and the questions as headers.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải kết quả (Excel)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ket-qua-khao-sat-.*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('Phiếu trả lời');
  expect(sheet?.rowCount).toBe(2);
  expect(sheet?.getRow(1).getCell(7).value).toBe('Ông/bà hài lòng thế nào về nơi đón tiếp, chỗ ngồi chờ?');
  expect(sheet?.getRow(2).getCell(7).value).toBe('Rất hài lòng');
  expect(sheet?.getRow(2).getCell(3).value).toBe('Trực tuyến');
});

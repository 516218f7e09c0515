import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

// A ward fills its 2025 reform report with the figures the system prefilled and submits it; the reform office
// accepts it and downloads the city's consolidated report, which carries every accepted agency's figures.

const YEAR = 2025;

test('a ward submits its yearly report with prefilled figures, the reform office accepts and consolidates', async ({
  browser,
}) => {
  const wardContext = await browser.newContext();
  const ward = await wardContext.newPage();
  await login(ward, 'truongphong.vithanh@demo.motcua.vn');
  await ward.getByRole('link', { name: 'Báo cáo CCHC năm' }).first().click();
  await expect(ward.getByRole('heading', { name: 'Báo cáo cải cách hành chính năm' })).toBeVisible();
  await ward.goto(`/quan-tri/bao-cao-cchc?nam=${YEAR}`);
  await expect(ward.getByText(`Hạn gửi báo cáo: 30/10/${YEAR}`)).toBeVisible();
  await ward.getByRole('button', { name: `Lập báo cáo năm ${YEAR} — UBND phường Vị Thanh` }).click();

  await expect(
    ward.getByRole('heading', { name: `Báo cáo CCHC năm ${YEAR} — UBND phường Vị Thanh` }),
  ).toBeVisible();
  await expect(ward.getByText('Đang soạn')).toBeVisible();
  await expect(ward.getByText('Trễ hạn')).toBeVisible();
  // The figures are prefilled and read-only.
  await expect(ward.getByText('Hồ sơ TTHC tiếp nhận')).toBeVisible();
  await expect(ward.getByText('Văn bản trao đổi dưới dạng điện tử')).toBeVisible();
  const reportId = ward.url().split('/').pop() as string;
  const view = (await (await ward.request.get(`/api/office/reform-reports/${reportId}`)).json()) as {
    figures: { received: number };
    areas: { code: string; title: string }[];
  };
  const received = view.figures.received.toLocaleString('vi-VN');
  await expect(
    ward.getByRole('row').filter({ hasText: 'Hồ sơ TTHC tiếp nhận' }).getByText(received, { exact: true }),
  ).toBeVisible();
  await ward.getByRole('button', { name: 'Cập nhật số liệu' }).click();
  await expect(ward.getByText('Đã cập nhật số liệu.')).toBeVisible();
  await expectNoSeriousA11yViolations(ward, 'report form');

  for (const area of view.areas)
    await ward
      .getByLabel(`${area.code}. ${area.title}`)
      .fill(`Phường Vị Thanh thực hiện ${area.code} năm ${YEAR}.`);
  await ward.getByLabel('Đánh giá chung').fill('Hoàn thành các nhiệm vụ CCHC trọng tâm của năm.');
  await ward.getByLabel('Kiến nghị, đề xuất').fill('Trang bị thêm máy quét cho Bộ phận Một cửa.');
  await ward.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(ward.getByText('Đã gửi báo cáo.')).toBeVisible();
  await expect(ward.getByText('Đã gửi', { exact: true })).toBeVisible();
  await expect(ward.getByRole('button', { name: 'Cập nhật số liệu' })).toHaveCount(0);
  await wardContext.close();

  const officeContext = await browser.newContext({ acceptDownloads: true });
  const office = await officeContext.newPage();
  await login(office, 'cchc.noivu@demo.motcua.vn');
  await office.goto(`/quan-tri/bao-cao-cchc?nam=${YEAR}`);
  const row = office.getByRole('row').filter({ hasText: 'UBND phường Vị Thanh' });
  await expect(row.getByText('Đã gửi')).toBeVisible();
  await row.getByRole('link', { name: 'UBND phường Vị Thanh' }).click();
  await expect(office.getByText('Xem xét báo cáo')).toBeVisible();
  await expect(
    office.getByText(`Phường Vị Thanh thực hiện ${view.areas[0]?.code} năm ${YEAR}.`),
  ).toBeVisible();
  await office.getByRole('button', { name: 'Chấp nhận' }).click();
  await expect(office.getByText('Đã chấp nhận báo cáo.')).toBeVisible();
  await expect(office.getByText('Đã chấp nhận', { exact: true })).toBeVisible();

  await office.getByRole('link', { name: `← Báo cáo CCHC năm ${YEAR}` }).click();
  await expect(office.getByText(`Báo cáo tổng hợp của thành phố năm ${YEAR}`)).toBeVisible();
  const [download] = await Promise.all([
    office.waitForEvent('download'),
    office.getByRole('link', { name: /Báo cáo tổng hợp \(DOCX\)/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`bao-cao-tong-hop-cchc-${YEAR}.docx`);
  const path = await download.path();
  const zip = await JSZip.loadAsync(fs.readFileSync(path));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  expect(xml).toContain('UBND phường Vị Thanh');
  expect(xml).toContain(`>${received}<`);
  expect(xml).toContain('Toàn thành phố');
  expect(xml).toContain(`Phường Vị Thanh thực hiện ${view.areas[1]?.code} năm ${YEAR}.`);
  await officeContext.close();
});

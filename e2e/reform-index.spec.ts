import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

// The reform index (Chỉ số CCHC) of 2025: two wards self-score (one with an evidence file), the council
// (the reform office) moves the year to appraisal, re-scores one criterion, goes through response and final
// appraisal, publishes, and the published ranking shows the appraised totals.

const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const YEAR_TITLE = 'Xác định Chỉ số cải cách hành chính năm 2025 của các phường, xã';
const vn = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

async function openYear(page: Page) {
  await page.getByRole('link', { name: 'Chỉ số CCHC' }).first().click();
  await expect(page.getByRole('heading', { name: 'Chỉ số cải cách hành chính' })).toBeVisible();
  await page.getByRole('link', { name: YEAR_TITLE }).click();
  await expect(page.getByRole('heading', { name: YEAR_TITLE })).toBeVisible();
}

async function score(page: Page, button: string, points: number, comment: string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Điểm', { exact: true }).fill(String(points));
  await dialog.getByRole('textbox', { name: /Giải thích|Nhận xét/ }).fill(comment);
  return dialog;
}

async function selfScore(page: Page, email: string, ward: string, points: number, withEvidence: boolean) {
  await login(page, email);
  await openYear(page);
  await page.getByRole('link', { name: ward }).click();
  await expect(page.getByRole('heading', { name: `Chỉ số CCHC năm 2025 — ${ward}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'self-assessment sheet');
  if (withEvidence) {
    const dialog = await score(page, 'Tự chấm mục 1.2', 2, 'Đủ 4 báo cáo quý, gửi đúng hạn');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog.getByText(/yêu cầu tài liệu kiểm chứng/)).toBeVisible();
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'bao-cao-quy.png', mimeType: 'image/png', buffer: pngBytes });
    await expect(dialog.getByText('bao-cao-quy.png')).toBeVisible();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('link', { name: 'bao-cao-quy.png' })).toBeVisible();
  }
  const dialog = await score(page, 'Tự chấm mục 2.2', points, 'Triển khai đầy đủ văn bản của cấp trên');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('row').filter({ hasText: 'Tổ chức thực hiện văn bản quy phạm pháp luật' }),
  ).toContainText(vn(points));
  await expectNoSeriousA11yViolations(page, 'self-assessment sheet');
}

async function advance(page: Page, to: string) {
  await page.getByRole('button', { name: `Chuyển sang: ${to}`, exact: true }).click();
  await page.getByRole('button', { name: 'Chuyển', exact: true }).click();
  await expect(page.getByRole('button', { name: `Chuyển sang: ${to}`, exact: true })).toBeHidden();
}

test('two agencies self-score, the council appraises, and the published ranking shows the appraised scores', async ({
  browser,
}) => {
  const a = await browser.newContext();
  await selfScore(await a.newPage(), 'truongphong.vithanh@demo.motcua.vn', 'UBND phường Vị Thanh', 3, true);
  await a.close();
  const b = await browser.newContext();
  await selfScore(await b.newPage(), 'motcua.vitan@demo.motcua.vn', 'UBND phường Vị Tân', 2, false);
  await b.close();

  const council = await browser.newContext();
  const page = await council.newPage();
  await login(page, 'cchc.noivu@demo.motcua.vn');
  await openYear(page);
  await advance(page, 'Thẩm định');
  await page.getByRole('link', { name: 'UBND phường Vị Thanh' }).click();
  const dialog = await score(page, 'Thẩm định mục 2.2', 2.5, 'Chưa có kế hoạch triển khai một văn bản');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: 'Tổ chức thực hiện văn bản quy phạm pháp luật' });
  await expect(row).toContainText('Hội đồng: Chưa có kế hoạch triển khai một văn bản');
  await expect(row).toContainText(vn(2.5));
  const sheetTotal = (await page.getByTestId('sheet-total').textContent()) ?? '';
  await page.getByRole('link', { name: '← Kỳ đánh giá' }).click();
  await advance(page, 'Giải trình');
  await advance(page, 'Thẩm định lại');
  await advance(page, 'Đã công bố');

  await page.getByRole('tab', { name: 'Kết quả, xếp hạng' }).click();
  const results = (await (await page.request.get('/api/public/reform-index/2025')).json()) as {
    items: { agencyName: string; total: number; selfTotal: number; rank: number; grade: string }[];
  };
  const viThanh = results.items.find((r) => r.agencyName === 'UBND phường Vị Thanh');
  const viTan = results.items.find((r) => r.agencyName === 'UBND phường Vị Tân');
  // The appraisal lowered Vị Thanh's 2.2 by 0.5: the ranking counts the appraised score, not the self-score.
  expect(vn(viThanh?.total ?? -1)).toBe(sheetTotal);
  expect(viThanh?.total).toBeCloseTo((viThanh?.selfTotal ?? 0) - 0.5, 2);
  expect(viTan?.total).toBe(viTan?.selfTotal);
  const ranking = page.getByRole('tabpanel');
  const rankRow = ranking.getByRole('row').filter({ hasText: 'UBND phường Vị Thanh' });
  await expect(rankRow).toContainText(vn(viThanh?.total ?? -1));
  await expect(rankRow).toContainText(String(viThanh?.grade));
  await expect(ranking.getByRole('row').filter({ hasText: 'UBND phường Vị Tân' })).toContainText(
    vn(viTan?.total ?? -1),
  );
  await expectNoSeriousA11yViolations(page, 'published ranking');
  await council.close();

  // Published: anyone sees the ranking on the portal, without signing in.
  const visitor = await browser.newContext();
  const pub = await visitor.newPage();
  await pub.goto('/chi-so-cchc');
  await expect(pub.getByRole('heading', { name: 'Chỉ số cải cách hành chính' })).toBeVisible();
  await expect(pub.getByRole('row').filter({ hasText: 'UBND phường Vị Thanh' })).toContainText(
    vn(viThanh?.total ?? -1),
  );
  await expectNoSeriousA11yViolations(pub, 'public ranking');
  await visitor.close();
});

import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { login } from './helpers.ts';

// Biểu 06 (Circular 01/2020/TT-VPCP): the Excel file a desk officer downloads opens, its total row carries the
// same eleven numbers as the report on screen, and a number's drill-down lists exactly that many dossiers.

const columns = [
  'received_total',
  'received_online',
  'received_offline',
  'carried_over',
  'resolved_total',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'pending_total',
  'pending_within',
  'pending_overdue',
] as const;

test('the Biểu 06 Excel file opens and its totals match the report and its drill-down', async ({ page }) => {
  await login(page, 'motcua.vithanh@demo.motcua.vn');
  await page.goto('/quan-tri/bao-cao');
  const item = (label: string) => page.locator('.ant-form-item').filter({ hasText: label });
  await item('Kỳ báo cáo').locator('.ant-select').click();
  await page.locator('.ant-select-item-option[title="Năm"]').click();
  await item('Năm').getByRole('spinbutton').fill('2025');
  await item('Năm').getByRole('spinbutton').press('Tab');
  const received = page.getByRole('button', {
    name: /^Tổng số hồ sơ nhận giải quyết, tổng cộng: \d+ hồ sơ$/,
  });
  await expect(received).toBeVisible({ timeout: 20_000 });
  const onScreen = Number(/: (\d+) hồ sơ/.exec((await received.getAttribute('aria-label')) ?? '')?.[1]);
  expect(onScreen).toBeGreaterThan(0);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Tải Excel/ }).click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  let totals: number[] = [];
  sheet?.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (values.some((v) => v === 'Tổng cộng'))
      totals = values.filter((v): v is number => typeof v === 'number');
  });
  expect(totals).toHaveLength(columns.length);
  expect(totals[0]).toBe(onScreen);
  // received = resolved + in progress, in the file as on screen.
  expect(totals[0]).toBe((totals[4] ?? 0) + (totals[8] ?? 0));

  const href = (await page.getByRole('link', { name: /Tải Excel/ }).getAttribute('href')) ?? '';
  const json = await (await page.request.get(href.replace('format=xlsx', 'format=json'))).json();
  expect(totals).toEqual(columns.map((c) => json.totals[c]));

  const resolved = json.totals.resolved_total as number;
  await page.getByRole('button', { name: `Đã giải quyết, tổng cộng: ${resolved} hồ sơ` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('row')).not.toHaveCount(0);
  const list = await (
    await page.request.get(
      href
        .replace('procedure-handling?', 'procedure-handling/dossiers?')
        .replace('format=xlsx', 'column=resolved_total'),
    )
  ).json();
  expect(list.items).toHaveLength(resolved);
  // The modal's first page shows the first of them.
  await expect(dialog.getByRole('link', { name: list.items[0].code })).toBeVisible();
});

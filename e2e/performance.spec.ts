import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';
import { budgetKb, measureFirstScreen } from '../scripts/js-budget.mjs';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// Chunks that belong to other pages: none may be fetched for the portal's first screen.
const notOnFirstScreen =
  /OfficeApp|DossierPage|DossierListPage|IntakePage|DashboardPage|AgencyPage|ProceduresAdminPage|ProcedureEditPage|FlagsReviewPage|OfficersPage|CalendarAdminPage|CatalogPage|ProcedurePage|SignUpPage|LoginPage|AccountPage|TrackingPage|NotificationsPage|table-|date-picker-|select-|echarts|pdf/;

test('the portal home page fetches at most 250 KB of gzipped JavaScript, and no other page', async ({
  page,
}, testInfo) => {
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (!url.pathname.endsWith('.js')) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    scripts.set(url.pathname, zlib.gzipSync(body, { level: 9 }).length);
  });
  await page.goto('/');
  await expect(page.getByLabel('Từ khóa tìm kiếm')).toBeEditable();
  await expect(page.getByRole('link', { name: /Hộ tịch/ }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');

  const files = [...scripts.keys()];
  const gzip = [...scripts.values()].reduce((sum, n) => sum + n, 0);
  const stat = measureFirstScreen();
  const figure = `${kb(gzip)} gzipped in ${files.length} files (build graph: ${kb(stat.gzip)} in ${stat.files.length})`;
  console.log(`First screen JavaScript in Chromium: ${figure}`);
  testInfo.annotations.push({ type: 'first-screen-js', description: figure });

  expect(files.filter((file) => notOnFirstScreen.test(file))).toEqual([]);
  expect(gzip, `first screen JS ${kb(gzip)} > budget ${budgetKb} KB`).toBeLessThanOrEqual(budgetKb * 1024);
  expect(stat.gzip).toBeLessThanOrEqual(budgetKb * 1024);
});

test('on a slow 3G line (400 kbit/s, 400 ms) the home page search box becomes usable in time', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: (400 * 1000) / 8,
    uploadThroughput: (400 * 1000) / 8,
  });
  const started = Date.now();
  await page.goto('/', { waitUntil: 'commit' });
  const search = page.getByLabel('Từ khóa tìm kiếm');
  await expect(search).toBeEditable({ timeout: 60_000 });
  await search.fill('khai sinh');
  await expect(search).toHaveValue('khai sinh');
  const seconds = (Date.now() - started) / 1000;
  console.log(`Slow 3G: home page search box usable after ${seconds.toFixed(1)} s`);
  testInfo.annotations.push({ type: 'slow-3g-usable', description: `${seconds.toFixed(1)} s` });
  expect(seconds).toBeLessThanOrEqual(30);
});

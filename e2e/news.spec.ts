import { expect as baseExpect, test } from '@playwright/test';
import { expectNoHorizontalScroll, login, pickOption } from './helpers.ts';

// Reform news: the culture office writes a guide linked to the birth-registration procedure and publishes it; it
// appears on the portal's news list, on its own page (readable on a phone), under "Hướng dẫn" on the procedure
// page and in the RSS feed; unpublished, it disappears from all of them.

// A loaded 2-core machine takes seconds to start the back office after a full page load.
const expect = baseExpect.configure({ timeout: 30_000 });

test.use({ actionTimeout: 15_000 });
test.setTimeout(240_000);

const PROCEDURE = '1.001193';
const TITLE = `Hướng dẫn khai sinh trực tuyến từng bước ${Date.now() % 100000}`;

test('the culture office publishes a guide on the portal and takes it down', async ({ page, browser }) => {
  await login(page, 'vanhoa@demo.motcua.vn');
  await page.goto('/quan-tri/tin-tuc');
  await expect(page.getByRole('heading', { name: 'Tin tức, hướng dẫn' })).toBeVisible();
  await page.getByRole('link', { name: 'Viết bài mới' }).click();

  await pickOption(page, page.getByLabel('Loại bài viết'), 'Hướng dẫn');
  await page.getByLabel('Tiêu đề', { exact: true }).fill(TITLE);
  await page.getByLabel('Tóm tắt').fill('Ba bước nộp hồ sơ khai sinh trên Cổng dịch vụ công.');
  const editor = page.getByRole('textbox', { name: 'Nội dung bài viết' });
  await editor.click();
  await page.keyboard.type('Chuẩn bị giấy chứng sinh');
  await page.getByRole('button', { name: 'Tiêu đề mục' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Đăng nhập và nộp hồ sơ trực tuyến.');
  await page.getByLabel('Thủ tục liên quan').click();
  await page.getByLabel('Thủ tục liên quan').fill(PROCEDURE);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Lưu bài viết' }).click();
  await expect(page.getByText('Đã lưu bài viết.')).toBeVisible();
  await expect(page.getByText('Bản nháp')).toBeVisible();
  await page.getByRole('button', { name: 'Đăng ngay' }).click();
  await expect(page.getByText('Đã đăng bài lên cổng.')).toBeVisible();
  await expect(page.locator('.ant-tag', { hasText: 'Đã đăng' })).toBeVisible();

  // The public, on a phone, without signing in.
  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const reader = await phone.newPage();
  await reader.goto('/tin-tuc');
  await expect(
    reader.locator('head link[rel="alternate"][type="application/rss+xml"][href="/api/news/rss.xml"]'),
  ).toHaveCount(1);
  await reader.getByRole('link', { name: TITLE }).click();
  await expect(reader.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(reader.getByRole('heading', { level: 2, name: 'Chuẩn bị giấy chứng sinh' })).toBeVisible();
  await expect(reader.getByText('Đăng nhập và nộp hồ sơ trực tuyến.')).toBeVisible();
  await expectNoHorizontalScroll(reader);
  await reader.getByRole('link', { name: /Thủ tục đăng ký khai sinh/ }).click();
  await expect(reader).toHaveURL(new RegExp(`/thu-tuc/${PROCEDURE}`));
  const guides = reader.locator('section[aria-labelledby="guides"]');
  await expect(guides.getByRole('heading', { name: 'Hướng dẫn' })).toBeVisible();
  await expect(guides.getByRole('link', { name: TITLE })).toBeVisible();
  const feed = await phone.request.get('/api/news/rss.xml');
  expect(feed.headers()['content-type']).toContain('application/rss+xml');
  const xml = await feed.text();
  expect(xml).toContain(`<title>${TITLE}</title>`);
  expect(xml.indexOf(TITLE)).toBeLessThan(xml.indexOf('Hướng dẫn đăng ký khai sinh trực tuyến'));

  // Unpublished: gone from the list, the procedure page and the feed.
  await page.getByRole('button', { name: 'Gỡ bài' }).click();
  await expect(page.getByText('Đã gỡ bài khỏi cổng.')).toBeVisible();
  await reader.goto('/tin-tuc');
  await expect(reader.getByRole('link', { name: 'Hướng dẫn đăng ký khai sinh trực tuyến' })).toBeVisible();
  await expect(reader.getByRole('link', { name: TITLE })).toHaveCount(0);
  await reader.goto(`/thu-tuc/${PROCEDURE}`);
  await expect(
    reader.locator('section[aria-labelledby="guides"]').getByRole('link', { name: TITLE }),
  ).toHaveCount(0);
  expect(await (await phone.request.get('/api/news/rss.xml')).text()).not.toContain(TITLE);
  await phone.close();
});

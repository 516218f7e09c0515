import { type APIRequestContext, type Browser, expect, type Page, request, test } from '@playwright/test';
import { demoPassword, expectNoHorizontalScroll, expectNoSeriousA11yViolations, login } from './helpers.ts';

// The indicator dashboards: the public "Công khai kết quả" page (targets against actuals, rankings) on a phone;
// the back office's dashboard where a figure's numerator opens the very dossiers it counts, with the Excel
// download; a citizen's rating at the counter moving the dashboard's rating count; the settings' validation.
// The demo's historical dossiers are folded into the aggregates by the background roll-up shortly after start.

const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

interface Figure {
  key: string;
  numerator: number;
  denominator: number;
  value: number | null;
}

async function officerApi(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const r = await context.post('/api/auth/login', { data: { identifier: email, password: demoPassword } });
  expect(r.ok()).toBe(true);
  return context;
}

/** The whole deployment's figures of this year once the roll-up has folded the demo's dossiers. */
async function rolledUpFigures(page: Page): Promise<Figure[]> {
  let figures: Figure[] = [];
  await expect
    .poll(
      async () => {
        const r = await page.request.get('/api/kpi/figures');
        figures = ((await r.json()) as { indicators: Figure[] }).indicators;
        return figures.find((f) => f.key === 'on_time')?.denominator ?? 0;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  return figures;
}

/** The number in a count such as "513 hồ sơ trước hạn, đúng hạn" (vi-VN digit grouping with dots). */
const countIn = (text: string | null) =>
  Number(((text ?? '').match(/[\d.]+/)?.[0] ?? '').replaceAll('.', ''));

test('the public page shows the targets against the figures, the rankings and the formulas on a phone', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 360, height: 740 });
  const figures = await rolledUpFigures(page);
  const onTime = figures.find((f) => f.key === 'on_time') as Figure;

  await page.goto('/');
  await page
    .getByRole('link', { name: /Công khai kết quả/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/cong-khai-ket-qua/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Công khai kết quả cải cách hành chính' }),
  ).toBeVisible();

  const card = page.locator('[data-indicator="on_time"]');
  await expect(card.getByRole('heading', { name: 'Hồ sơ giải quyết trước hạn, đúng hạn' })).toBeVisible();
  await expect(card.getByTestId('kpi-value-on_time')).toHaveText(
    `${percent.format(onTime.value as number)}%`,
  );
  await expect(card.getByText('Mục tiêu: từ 95%')).toBeVisible();
  await expect(
    card.getByText((onTime.value as number) >= 95 ? 'Đạt mục tiêu' : 'Chưa đạt mục tiêu'),
  ).toBeVisible();
  await expect(
    card.getByText(`${onTime.numerator.toLocaleString('vi-VN')} hồ sơ trước hạn, đúng hạn`),
  ).toBeVisible();
  await card.getByText('Cách tính').click();
  await expect(card.getByText(/Trước hạn \+ đúng hạn/)).toBeVisible();
  await expect(page.locator('[data-indicator="satisfaction"]').getByText('Mục tiêu: trên 90%')).toBeVisible();

  await expect(page.getByTestId('kpi-766-total')).toHaveText(/^[\d,]+\/[\d,]+$/);
  // Today's organisation: the wards of the new city; the historical switch shows the organisation of the time.
  const units = page.getByRole('table', { name: 'Xếp hạng đơn vị' });
  await expect(units.getByRole('rowheader', { name: 'Phường Vị Thanh' })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Xếp hạng cơ quan giải quyết' }).getByRole('row').nth(1),
  ).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.getByRole('switch', { name: 'Theo địa giới tại thời điểm đó' }).click();
  await page.getByLabel('Năm', { exact: true }).click();
  await page.locator('.ant-select-item-option[title="Năm 2024"]').click();
  await expect(units.getByRole('rowheader', { name: 'Tỉnh Hậu Giang' })).toBeVisible();
  await expect(page).toHaveURL(/theo=thoi-diem/);

  await page.getByRole('heading', { name: 'Diễn biến theo tháng' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('img', { name: /Biểu đồ đường tỷ lệ đúng hạn theo tháng/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Phản ánh, kiến nghị đã trả lời' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page, 'công khai kết quả');
});

test("the dashboard's on-time numerator opens exactly the dossiers it counts, with the Excel download", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await rolledUpFigures(page);
  await login(page, 'quantri@demo.motcua.vn');
  await page.getByRole('link', { name: 'Chỉ số, mục tiêu CCHC' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Chỉ số, mục tiêu cải cách hành chính' }),
  ).toBeVisible();

  const numerator = page.getByTestId('kpi-numerator-on_time');
  await expect(numerator).toHaveText(/hồ sơ trước hạn, đúng hạn/);
  await expectNoSeriousA11yViolations(page, 'chỉ số CCHC');
  const expected = countIn(await numerator.textContent());
  expect(expected).toBeGreaterThan(0);
  await numerator.click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText(/trước hạn, đúng hạn/).first()).toBeVisible();
  await expect(drawer.getByTestId('kpi-drill-total')).toHaveText(expected.toLocaleString('vi-VN'));
  const first = drawer.locator('.ant-table-row').first();
  await expect(first.getByRole('link')).toHaveAttribute('href', /^\/quan-tri\/ho-so\/[0-9a-f-]{36}$/);

  const excel = drawer.getByRole('link', { name: /Tải Excel/ });
  const href = await excel.getAttribute('href');
  expect(href).toContain('format=xlsx');
  const download = await page.request.get(href as string);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('spreadsheetml');
  const body = await download.body();
  expect(body.subarray(0, 2).toString()).toBe('PK');
  expect(body.length).toBeGreaterThan(5_000);
  await drawer.getByRole('button', { name: 'Đóng danh sách hồ sơ' }).click();

  // The denominator drills down too.
  const denominator = page.getByTestId('kpi-denominator-on_time');
  const all = countIn(await denominator.textContent());
  await denominator.click();
  await expect(page.getByRole('dialog').getByTestId('kpi-drill-total')).toHaveText(
    all.toLocaleString('vi-VN'),
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Đóng danh sách hồ sơ' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
});

async function ratingsOnDashboard(browser: Browser): Promise<{ page: Page; read: () => Promise<number> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, 'cchc.noivu@demo.motcua.vn');
  await page.goto('/quan-tri/chi-so');
  const read = async () => countIn(await page.getByTestId('kpi-ratings-total').textContent());
  // The first answer covers every unit of the city and the charts' chunk: allow a loaded machine its time.
  await expect(page.getByTestId('kpi-ratings-total')).toBeVisible({ timeout: 30_000 });
  return { page, read };
}

test('a citizen rating a returned dossier at the counter changes the dashboard rating count', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const desk = await officerApi(baseURL as string, 'motcua.vithanh@demo.motcua.vn');
  // A returned, not yet rated dossier of this desk (from the demo's history of this year).
  const year = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4);
  const month = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
  let code = '';
  await expect
    .poll(
      async () => {
        const r = await desk.get(
          `/api/office/kpi/dossiers?from=${year}-01&to=${month}&metrics=returned&pageSize=200`,
        );
        const items = ((await r.json()) as { items: { code: string | null; ratingLevel: string | null }[] })
          .items;
        code = items.find((d) => d.code && !d.ratingLevel)?.code ?? '';
        return code;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');

  const dashboard = await ratingsOnDashboard(browser);
  const before = await dashboard.read();

  const counter = await (await browser.newContext()).newPage();
  await login(counter, 'motcua.vithanh@demo.motcua.vn');
  await counter.goto('/quan-tri/danh-gia-tai-quay');
  await counter.getByLabel(/Mã hồ sơ/).fill(code);
  await counter.getByRole('button', { name: /Tìm hồ sơ/ }).click();
  await counter.getByRole('radio', { name: 'Rất hài lòng' }).click();
  await counter.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(counter.getByText(/Rất hài lòng/).first()).toBeVisible();

  await expect(async () => {
    await dashboard.page.reload();
    expect(await dashboard.read()).toBe(before + 1);
  }).toPass({ timeout: 30_000 });
  await expect(dashboard.page.getByTestId('kpi-numerator-satisfaction')).toContainText(/[1-9]/);
  await desk.dispose();
});

test('the settings refuse points that do not add up to 100 and save valid ones', async ({ page }) => {
  await login(page, 'cchc.noivu@demo.motcua.vn');
  await page.goto('/quan-tri/chi-so/cai-dat');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Mục tiêu kế hoạch và điểm Bộ chỉ số 766' }),
  ).toBeVisible();
  const max = page.getByLabel('Điểm tối đa — Hồ sơ trực tuyến');
  await expect(max).toHaveValue('12');
  await max.fill('30');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Tổng điểm tối đa của các chỉ số phải bằng 100 (hiện là 118).',
  );
  const stored = await page.request.get('/api/kpi/settings');
  expect(JSON.stringify(await stored.json())).not.toContain('"max":30');

  await max.fill('12');
  await page.getByRole('spinbutton', { name: 'Hồ sơ giải quyết trước hạn, đúng hạn' }).fill('95');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu mục tiêu và cách tính điểm.')).toBeVisible();
});

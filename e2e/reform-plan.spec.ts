import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, login } from './helpers.ts';

// A ward's reform task whose deadline has passed shows as overdue on the ward's board ("Việc của cơ quan tôi");
// the ward reports it done and it leaves the board.

const vietnamDate = (offsetDays: number) =>
  new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

test('a ward task past its deadline is flagged overdue on the ward board, then reported done', async ({
  browser,
}) => {
  const description = `Niêm yết công khai TTHC mới tại Bộ phận Một cửa phường ${Date.now()}`;

  // The reform office copies the seeded plan into the current year and gives the ward a task due yesterday.
  const office = await browser.newContext();
  const reform = await office.newPage();
  await login(reform, 'cchc.noivu@demo.motcua.vn');
  await reform.goto('/quan-tri/ke-hoach-cchc');
  await expect(reform.getByRole('heading', { name: 'Kế hoạch cải cách hành chính' })).toBeVisible();
  await reform.getByRole('link', { name: /giai đoạn 2021 - 2025/ }).click();
  await expect(reform.getByText('Mục tiêu và kết quả đạt được')).toBeVisible();
  await expect(reform.getByText(/Nhiệm vụ quá hạn/)).toBeVisible();
  await expectNoSeriousA11yViolations(reform, 'plan page');

  const plans = (await (await reform.request.get('/api/office/reform-plans')).json()) as {
    items: { id: string; title: string }[];
  };
  const source = plans.items.find((p) => p.title.includes('2021 - 2025'));
  const year = Number(vietnamDate(0).slice(0, 4));
  const copied = await reform.request.post(`/api/office/reform-plans/${source?.id}/copy`, {
    data: { title: `Kế hoạch CCHC năm ${year} (kiểm thử)`, fromYear: year, toYear: year },
  });
  expect(copied.status()).toBe(201);
  const plan = (await copied.json()) as { id: string; areas: { id: string; code: string }[] };
  const agencies = (await (await reform.request.get('/api/agencies')).json()) as {
    id: string;
    slug: string;
  }[];
  const created = await reform.request.post(`/api/office/reform-plans/${plan.id}/tasks`, {
    data: {
      areaId: plan.areas.find((a) => a.code === 'III.3')?.id,
      description,
      leadAgencyId: agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ubnd')?.id,
      recurrence: 'once',
      dueDate: vietnamDate(-1),
      expectedOutput: 'Bảng niêm yết cập nhật',
    },
  });
  expect(created.status()).toBe(201);
  await office.close();

  // The ward's head sees it on the board, in red, flagged overdue.
  const wardContext = await browser.newContext();
  const ward = await wardContext.newPage();
  await login(ward, 'truongphong.vithanh@demo.motcua.vn');
  await ward.getByRole('link', { name: 'Việc của cơ quan tôi' }).first().click();
  await expect(ward.getByRole('heading', { name: 'Việc của cơ quan tôi' })).toBeVisible();
  const row = ward.getByRole('row').filter({ hasText: description });
  await expect(row).toBeVisible();
  await expect(row.getByText('Quá hạn')).toBeVisible();
  await expect(row.getByText('Bảng niêm yết cập nhật')).toBeVisible();
  await expectNoSeriousA11yViolations(ward, 'agency board');

  // The ward reports it done; it leaves the board and the history records the report.
  await row.getByRole('link', { name: description }).click();
  await expect(ward.getByRole('heading', { name: 'Nhiệm vụ cải cách hành chính' })).toBeVisible();
  await expectNoSeriousA11yViolations(ward, 'task page');
  await ward.getByLabel('Tình trạng').click();
  await ward.getByTitle('Hoàn thành').click();
  await ward.getByLabel('Kết quả, ghi chú').fill('Đã niêm yết đủ các thủ tục mới.');
  await ward.getByRole('button', { name: 'Lưu báo cáo' }).click();
  await expect(ward.getByText('Đã niêm yết đủ các thủ tục mới.')).toBeVisible();
  await expect(ward.getByText('Cập nhật tiến độ').first()).toBeVisible();
  await ward.getByRole('link', { name: 'Việc của cơ quan tôi' }).first().click();
  await expect(ward.getByRole('heading', { name: 'Việc của cơ quan tôi' })).toBeVisible();
  await expect(ward.locator('.ant-spin-spinning')).toHaveCount(0);
  await expect(ward.getByRole('row').filter({ hasText: description })).toHaveCount(0);
  await wardContext.close();
});

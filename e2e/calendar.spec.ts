import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

test('a visitor sees when a dossier submitted today would be decided', async ({ page }) => {
  await page.goto('/thu-tuc/1.003583');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const line = page.getByText(/Nếu nộp hồ sơ hôm nay, dự kiến có kết quả vào/);
  await expect(line).toBeVisible();
  await expect(line).toContainText(/(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), \d{2}\/\d{2}\/\d{4}/);
  await expect(line).toContainText('(trước 17:00)');
  await expect(page.getByText('Đã trừ thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết.')).toBeVisible();
});

test('an administrator adds a day off to the official schedule and removes it again', async ({ page }) => {
  await login(page, 'quantri@demo.motcua.vn');
  // A working day of next year that is neither a day off nor already in the official schedule.
  const year = new Date().getFullYear() + 1;
  const holidays = (await (await page.request.get(`/api/calendar/holidays?year=${year}`)).json()) as {
    date: string;
  }[];
  const scheduled = (await (await page.request.get(`/api/admin/calendar/schedule?year=${year}`)).json()) as {
    date: string;
  }[];
  const taken = new Set([...holidays, ...scheduled].map((d) => d.date));
  const day = new Date(Date.UTC(year, 6, 14));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6 || taken.has(day.toISOString().slice(0, 10))) {
    day.setUTCDate(day.getUTCDate() + 1);
  }
  const iso = day.toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  const shown = `${d}/${m}/${y}`;
  const name = 'Nghỉ thử nghiệm kiểm thử tự động';

  try {
    await page.goto('/quan-tri/lich-nghi');
    await expect(page.getByRole('heading', { level: 1, name: 'Lịch nghỉ lễ, Tết' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Lịch nghỉ lễ, Tết' })).toBeVisible();

    const date = page.getByLabel('Ngày', { exact: true });
    await date.click();
    await date.fill(shown);
    await date.press('Enter');
    await page.getByLabel('Tên ngày').fill(name);
    await page.getByLabel('Số hiệu văn bản').fill('Thông báo số 1/TB-KT');
    await page.getByRole('button', { name: 'Thêm vào lịch' }).click();
    await expect(page.getByText(/Đã tính lại hạn giải quyết của \d+ hồ sơ đang xử lý\./)).toBeVisible();

    const daysOff = page.getByRole('table').first();
    await expect(page.getByRole('heading', { name: `Các ngày nghỉ năm ${year}` })).toBeVisible();
    const dayOffRow = page
      .getByRole('row')
      .filter({ hasText: shown })
      .filter({ hasText: 'Nghỉ theo thông báo' });
    await expect(dayOffRow).toBeVisible();
    await expect(daysOff).toBeVisible();
    const scheduleRow = page
      .getByRole('row')
      .filter({ hasText: shown })
      .filter({ has: page.getByRole('button', { name: /^Xóa ngày/ }) });
    await expect(scheduleRow).toContainText(name);
    await expect(scheduleRow).toContainText('Ngày nghỉ');

    await scheduleRow.getByRole('button', { name: /^Xóa ngày/ }).click();
    await page.getByRole('button', { name: 'Xóa', exact: true }).click();
    await expect(page.getByRole('row').filter({ hasText: shown })).toHaveCount(0);
  } finally {
    // Leave the schedule as found even when a step above failed.
    const rows = (await (await page.request.get(`/api/admin/calendar/schedule?year=${year}`)).json()) as {
      id: string;
      date: string;
    }[];
    for (const row of rows.filter((r) => r.date === iso)) {
      await page.request.delete(`/api/admin/calendar/schedule/${row.id}`);
    }
  }
});

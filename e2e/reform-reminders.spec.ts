import { expect, test } from '@playwright/test';
import { capturedMails, expectNoSeriousA11yViolations, login } from './helpers.ts';

// A ward's reform task goes past its deadline: it is flagged on the ward's board ("Việc của cơ quan tôi"), and the
// reminders run (hourly in the server; here started at once by an administrator through the documented
// "run now" endpoint, for today) tells the ward's head in the back office's notifications and by email.

const vietnamDate = (offsetDays: number) =>
  new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

test('an overdue ward task is flagged on the board and the ward head gets the alert in-app and by email', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const description = `Rà soát quy trình nội bộ TTHC cấp phường ${Date.now()}`;
  const due = vietnamDate(-1);

  // The reform office copies the seeded plan into the current year, puts it in force, and gives the ward a task
  // that was due yesterday.
  const office = await browser.newContext();
  const reform = await office.newPage();
  await login(reform, 'cchc.noivu@demo.motcua.vn');
  const plans = (await (await reform.request.get('/api/office/reform-plans')).json()) as {
    items: { id: string; title: string }[];
  };
  const source = plans.items.find((p) => p.title.includes('2021 - 2025'));
  const year = Number(vietnamDate(0).slice(0, 4));
  const copied = await reform.request.post(`/api/office/reform-plans/${source?.id}/copy`, {
    data: { title: `Kế hoạch CCHC năm ${year} (kiểm thử nhắc hạn)`, fromYear: year, toYear: year },
  });
  expect(copied.status()).toBe(201);
  const plan = (await copied.json()) as { id: string; areas: { id: string; code: string }[] };
  const activated = await reform.request.patch(`/api/office/reform-plans/${plan.id}`, {
    data: { status: 'active' },
  });
  expect(activated.status(), await activated.text()).toBe(200);
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
      dueDate: due,
    },
  });
  expect(created.status()).toBe(201);
  await office.close();

  // The reminders run now (the server's hourly run would do the same); running again sends nothing twice.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, 'quantri@demo.motcua.vn');
  const run = await admin.request.post('/api/office/reform-reminders/run', { data: {} });
  expect(run.status(), await run.text()).toBe(200);
  expect(((await run.json()) as { messages: number }).messages).toBeGreaterThan(0);
  const again = await admin.request.post('/api/office/reform-reminders/run', { data: {} });
  expect(((await again.json()) as { messages: number }).messages).toBe(0);
  await adminContext.close();

  // The ward's head: the task is flagged overdue on the board …
  const wardContext = await browser.newContext();
  const ward = await wardContext.newPage();
  await login(ward, 'truongphong.vithanh@demo.motcua.vn');
  await ward.goto('/quan-tri/viec-cua-co-quan');
  await expect(ward.getByRole('heading', { name: 'Việc của cơ quan tôi' })).toBeVisible();
  const row = ward.getByRole('row').filter({ hasText: description });
  await expect(row.getByText('Quá hạn')).toBeVisible();

  // … and the bell leads to the alert, which names the task, the agency and the deadline, and links back.
  const bell = ward.getByRole('link', { name: /^Thông báo: \d+ thông báo chưa đọc/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(ward.getByRole('heading', { name: 'Thông báo', level: 1 })).toBeVisible();
  const alert = ward.locator('li').filter({ hasText: `Nhiệm vụ CCHC quá hạn: ${description}` });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(`có hạn hoàn thành ngày ${vn(due)}`);
  await expect(alert).toContainText('Cơ quan chủ trì: UBND phường Vị Thanh');
  await expectNoSeriousA11yViolations(ward, 'officer notifications');
  await alert.getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
  await expect(alert.getByRole('button', { name: 'Đánh dấu đã đọc' })).toHaveCount(0);
  await alert.getByRole('link', { name: 'Xem việc của cơ quan' }).click();
  await expect(ward.getByRole('heading', { name: 'Việc của cơ quan tôi' })).toBeVisible();
  await expect(ward.getByRole('row').filter({ hasText: description })).toBeVisible();
  await wardContext.close();

  // The same alert went out by email (the e2e server's SMTP catcher).
  await expect
    .poll(
      () =>
        capturedMails().find(
          (m) => m.to.includes('truongphong.vithanh@demo.motcua.vn') && m.subject.includes(description),
        ),
      { timeout: 20_000 },
    )
    .toBeTruthy();
  const mail = capturedMails().find(
    (m) => m.to.includes('truongphong.vithanh@demo.motcua.vn') && m.subject.includes(description),
  );
  expect(mail?.subject).toBe(`Nhiệm vụ CCHC quá hạn: ${description}`);
  expect(mail?.text).toContain(`Hạn hoàn thành: ${vn(due)}`);
  expect(mail?.text).toContain('/quan-tri/viec-cua-co-quan');
});

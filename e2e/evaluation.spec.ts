import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { capturedMails, demoPassword, expectNoSeriousA11yViolations } from './helpers.ts';

// The 9-indicator evaluation: a head of office self-scores a returned dossier, the reform office appraises it,
// the list shows the grade; an administrator changes the rating scale and the citizen's rating page follows.

// A missing element fails the step quickly instead of waiting for the whole test's time.
test.use({ actionTimeout: 15_000 });

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.request.post('/api/auth/login', {
    data: { identifier: email, password: demoPassword },
  });
  expect(response.ok()).toBeTruthy();
  return page;
}

type Detail = { id: string; code: string; version: number; state: string };

async function act(page: Page, d: Detail, action: Record<string, unknown>): Promise<Detail> {
  const r = await page.request.post(`/api/office/dossiers/${d.id}/actions`, {
    data: { version: d.version, action },
  });
  expect(r.ok(), await r.text()).toBeTruthy();
  return (await r.json()) as Detail;
}

/** A walk-in birth registration at the ward's centre, driven through the API to its return at the counter. */
async function returnedDossier(browser: Browser, email: string): Promise<Detail> {
  const desk = await signedIn(browser, 'motcua.vithanh@demo.motcua.vn');
  const agencies = (await (await desk.request.get('/api/agencies')).json()) as { id: string; slug: string }[];
  const created = await desk.request.post('/api/office/dossiers', {
    data: {
      procedureCode: '1.001193',
      receivingAgencyId: agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc')?.id,
      applicant: { fullName: 'Lâm Thị Ngọc', phone: '0913444555', email },
      documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
      complete: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  let d = (await created.json()) as Detail;
  const [specialist, head, leader, clerk] = await Promise.all(
    ['chuyenvien', 'truongphong', 'lanhdao', 'vanthu'].map((who) =>
      signedIn(browser, `${who}.vithanh@demo.motcua.vn`),
    ),
  );
  d = await act(desk, d, { type: 'complete_step', comment: 'Chuyển thẩm định' });
  d = await act(specialist as Page, d, { type: 'complete_step', comment: 'Đủ điều kiện' });
  d = await act(head as Page, d, { type: 'complete_step', comment: 'Trình ký' });
  d = await act(leader as Page, d, { type: 'approve', decisionNo: '31/QĐ-UBND' });
  const upload = await (clerk as Page).request.post('/api/office/files', {
    multipart: {
      file: {
        name: 'trich-luc.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n% kết quả\n'),
      },
    },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  d = await act(clerk as Page, d, { type: 'issue_result', resultFileId: (await upload.json()).fileId });
  d = await act(desk, d, { type: 'return_result', channel: 'counter' });
  expect(d.state).toBe('returned');
  for (const p of [desk, specialist, head, leader, clerk]) await p?.context().close();
  return d;
}

test('a head self-scores a returned dossier, the reform office appraises it and the list shows the grade', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const email = `danhgia.${Date.now()}@example.vn`;
  const dossier = await returnedDossier(browser, email);

  // The head of the ward's committee fills in the self-score from the suggestions.
  const head = await signedIn(browser, 'truongphong.vithanh@demo.motcua.vn');
  await head.goto(`/quan-tri/ho-so/${dossier.id}`);
  const card = head.locator('section', {
    has: head.getByRole('heading', { name: 'Đánh giá giải quyết TTHC' }),
  });
  await expect(
    card.getByText('Chỉ liên hệ 1 nơi: Trung tâm Phục vụ hành chính công phường Vị Thanh.'),
  ).toBeVisible();
  await card.getByRole('button', { name: 'Tự chấm điểm' }).click();
  const selfForm = head.getByRole('form', { name: 'Phiếu tự chấm điểm' });
  await expect(selfForm.getByText('Còn 2 tiêu chí chưa chấm: 7, 8.')).toBeVisible();
  for (const key of ['7', '8']) {
    await selfForm
      .getByRole('radiogroup', { name: new RegExp(`^${key}\\. `) })
      .getByText('2 điểm')
      .click();
  }
  await selfForm.getByLabel('Ghi chú tiêu chí 8').fill('Không có phản ánh, kiến nghị');
  await selfForm.getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
  await expect(card.getByTestId('evaluation-grade')).toBeVisible();
  // The card itself (the page's own summary above it is checked by the dossier specs).
  const axe = await new AxeBuilder({ page: head })
    .include('section:has(#dossier-evaluation-title)')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
  const selfGrade = (await card.getByTestId('evaluation-grade').textContent()) ?? '';
  expect(selfGrade).toMatch(/\(\d+ điểm\)/);

  // The reform office appraises it from the list page: indicator 6 lowered to 0.
  const reform = await signedIn(browser, 'cchc.noivu@demo.motcua.vn');
  await reform.goto('/quan-tri/danh-gia-giai-quyet');
  await expect(reform.getByRole('heading', { name: 'Đánh giá giải quyết thủ tục hành chính' })).toBeVisible();
  await reform.getByRole('button', { name: `Xem đánh giá hồ sơ ${dossier.code}` }).click();
  const drawer = reform.getByRole('dialog');
  await drawer.getByRole('button', { name: 'Thẩm định điểm' }).click();
  const appraisal = drawer.getByRole('form', { name: 'Phiếu thẩm định điểm' });
  await appraisal.getByRole('radiogroup', { name: /^6\. / }).getByText('0 điểm').click();
  await appraisal.getByLabel('Ghi chú tiêu chí 6').fill('Chưa niêm yết tại Bộ phận Một cửa');
  await appraisal.getByRole('button', { name: 'Lưu điểm thẩm định' }).click();
  await expect(drawer.getByText('Ghi chú thẩm định: Chưa niêm yết tại Bộ phận Một cửa')).toBeVisible();
  const view = (await (await reform.request.get(`/api/office/dossiers/${dossier.id}/evaluation`)).json()) as {
    evaluation: { selfTotal: number; appraisedTotal: number; grade: { label: string } };
    indicators: { key: string; selfScore: number; appraisedScore: number }[];
  };
  const six = view.indicators.find((i) => i.key === '6');
  expect(six?.appraisedScore).toBe(0);
  expect(view.evaluation.appraisedTotal).toBe(view.evaluation.selfTotal - (six?.selfScore ?? 0));
  await reform.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  const row = reform.getByRole('row', { name: new RegExp(dossier.code) });
  await expect(
    row.getByText(`${view.evaluation.grade.label} (${view.evaluation.appraisedTotal})`),
  ).toBeVisible();
  await expect(reform.getByRole('heading', { name: /Tổng hợp theo cơ quan/ })).toBeVisible();
  const summary = reform.getByRole('row', { name: /UBND phường Vị Thanh/ }).first();
  await expect(summary).toBeVisible();
  await expectNoSeriousA11yViolations(reform, 'evaluation list');
});

test('an administrator changes the rating scale and the citizen rating page shows the new levels', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const email = `thangdiem.${Date.now()}@example.vn`;
  await returnedDossier(browser, email);
  const admin = await signedIn(browser, 'quantri@demo.motcua.vn');
  const before = (await (await admin.request.get('/api/admin/rating-scale')).json()) as { levels: unknown[] };
  try {
    await admin.goto('/quan-tri/cai-dat-danh-gia');
    await expect(admin.getByRole('heading', { name: 'Thang đánh giá mức độ hài lòng' })).toBeVisible();
    await expect(
      admin.getByRole('heading', { name: 'Xếp loại kết quả đánh giá giải quyết TTHC' }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(admin, 'evaluation settings');
    await admin.getByRole('button', { name: /Thêm mức$/ }).click();
    await admin.getByLabel('Tên mức 4').fill('Bình thường');
    await admin.getByLabel('Mã mức 4').fill('neutral');
    await admin.getByRole('button', { name: 'Đưa mức 4 lên' }).click();
    // Validation: an empty name is refused before saving.
    await admin.getByLabel('Tên mức 1').fill('');
    await expect(admin.getByText('Vui lòng nhập tên mức đánh giá.')).toBeVisible();
    await expect(admin.getByRole('button', { name: 'Lưu thang đánh giá' })).toBeDisabled();
    await admin.getByLabel('Tên mức 1').fill('Rất hài lòng');
    // The preview shows the citizen's buttons in the new order.
    const preview = admin.locator('.evaluation-preview');
    await expect(preview.getByRole('radio')).toHaveText([
      'Rất hài lòng',
      'Hài lòng',
      'Bình thường',
      'Không hài lòng',
    ]);
    await admin.getByRole('button', { name: 'Lưu thang đánh giá' }).click();
    await expect(admin.getByText('Đã lưu thang đánh giá.')).toBeVisible();

    // The return notification's email carries the rating link; the page shows the new scale.
    await expect
      .poll(() => capturedMails().filter((m) => m.to.includes(email)).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    const mail = capturedMails().find((m) => m.to.includes(email) && /\/danh-gia\//.test(m.text));
    const link = mail?.text.match(/https?:\/\/\S+\/danh-gia\/\S+/)?.[0];
    expect(link, 'rating link in the email').toBeTruthy();
    const citizen = await (await browser.newContext()).newPage();
    await citizen.goto(new URL(link as string).pathname);
    await expect(citizen.getByRole('radiogroup', { name: 'Mức độ hài lòng' }).getByRole('radio')).toHaveText([
      'Rất hài lòng',
      'Hài lòng',
      'Bình thường',
      'Không hài lòng',
    ]);
  } finally {
    await admin.request.put('/api/admin/rating-scale', { data: before });
  }
});

import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import { capturedMails, demoPassword, expectNoHorizontalScroll } from './helpers.ts';

// The online journey on a 360 px phone: a citizen signs up, applies for a birth registration with two uploads,
// the desk asks for a supplement, the citizen sees it in the app and in the captured email and supplies it, the
// dossier is resolved and the citizen downloads the electronic result; a stranger tracks it by code and check
// value and sees no personal data. The office side goes through the API (its screens have their own specs).

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const PROCEDURE = '1.001193';
const DESK = 'Trung tâm Phục vụ hành chính công phường Vị Thanh';

/** A small, valid one-page PDF. */
function pdf(title: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>',
  ];
  const stream = `BT /F1 12 Tf 10 50 Td (${title}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Uploads a file into the document card whose title starts with `title`. */
async function uploadInto(page: Page, title: RegExp, fileName: string) {
  const card = page.getByRole('region', { name: title });
  const chooser = page.waitForEvent('filechooser');
  await card.getByRole('button', { name: 'Chọn tệp hoặc chụp ảnh' }).click();
  await (await chooser).setFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf(fileName) });
  await expect(card.getByText('Đã tải lên')).toBeVisible();
  await expect(card.getByRole('link', { name: /Xem Tệp 1/ })).toBeVisible();
}

/** Yesterday in Vietnam, YYYY-MM-DD. */
function yesterday(): string {
  const time = Date.now() + 7 * 3_600_000 - 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** An officer's API session (the office screens have their own specs). */
async function officer(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const r = await context.post('/api/auth/login', { data: { identifier: email, password: demoPassword } });
  expect(r.ok()).toBe(true);
  return context;
}

interface OfficeView {
  state: string;
  version: number;
  availableActions: { type: string }[];
}

/** Moves the dossier on as its holders would, until it is returned online, issuing `resultFileId` as the result. */
async function resolveAtTheOffice(officers: APIRequestContext[], id: string, resultFileId: string) {
  const payloads: Record<string, unknown> = {
    receive: { type: 'receive', dossierCode: '' },
    complete_step: { type: 'complete_step', comment: 'Hồ sơ hợp lệ, đề nghị giải quyết.' },
    approve: { type: 'approve' },
    issue_result: { type: 'issue_result', resultFileId },
    return_result: { type: 'return_result', channel: 'online' },
  };
  for (let round = 0; round < 12; round++) {
    let moved = false;
    for (const context of officers) {
      const r = await context.get(`/api/office/dossiers/${id}`);
      if (!r.ok()) continue;
      const view = (await r.json()) as OfficeView;
      if (view.state === 'returned') return;
      const next = view.availableActions.map((a) => a.type).find((type) => type in payloads);
      if (!next) continue;
      const acted = await context.post(`/api/office/dossiers/${id}/actions`, {
        data: { version: view.version, action: payloads[next] },
      });
      expect(acted.ok(), await acted.text()).toBe(true);
      moved = true;
    }
    if (!moved) break;
  }
  throw new Error('the dossier did not reach "returned"');
}

test('a citizen applies online, supplements on request and downloads the result; a stranger tracks it', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const email = `dan.${Date.now()}@example.vn`;
  // Signing up (with an email: notifications go there too).
  await page.goto('/dang-ky');
  await page.getByLabel('Họ và tên').fill('Trần Thị Mai');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-cua-mai');
  await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-cua-mai');
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page.getByText('Trần Thị Mai').first()).toBeVisible();

  // The procedure page offers the online application.
  await page.goto(`/thu-tuc/${PROCEDURE}`);
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await expect(page).toHaveURL(new RegExp(`/nop-ho-so/${PROCEDURE.replace('.', '\\.')}$`));

  // Step 1: where to file.
  await expect(page.getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.getByRole('radio', { name: new RegExp(DESK) }).check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(page).toHaveURL(/\/ho-so-cua-toi\/[0-9a-f-]{36}\/soan/);
  const dossierId = /ho-so-cua-toi\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';

  // Step 2: the applicant (prefilled from the account) and the procedure's own questions.
  await expect(page.getByLabel('Họ và tên', { exact: true })).toHaveValue('Trần Thị Mai');
  await page.getByLabel('Số định danh cá nhân (CCCD)').fill('093190001234');
  await page.getByLabel('Số điện thoại').fill('0912345678');
  await page.getByLabel('Họ, chữ đệm và tên của trẻ').fill('Nguyễn Minh An');
  await page.getByLabel('Ngày, tháng, năm sinh của trẻ').fill(yesterday());
  await page.getByRole('radio', { name: 'Nam', exact: true }).check();
  await page.getByLabel('Nơi sinh', { exact: true }).fill('Bệnh viện Đa khoa tỉnh Hậu Giang');
  await page.getByLabel('Họ, chữ đệm và tên người mẹ').fill('Trần Thị Mai');
  await page.getByRole('radio', { name: 'Mẹ', exact: true }).check();
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByText(/Đã lưu nháp lúc/)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  // Step 3: the two required documents.
  await expect(page.getByRole('heading', { name: 'Giấy tờ bắt buộc' })).toBeVisible();
  await uploadInto(page, /^Giấy chứng sinh/, 'giay-chung-sinh.pdf');
  await uploadInto(page, /^Mẫu hộ tịch điện tử tương tác/, 'to-khai-khai-sinh.pdf');
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  // Step 4: review and submit.
  await expect(page.getByText('Hồ sơ đã đủ thông tin và giấy tờ bắt buộc')).toBeVisible();
  await expect(page.getByText('093190001234')).toBeVisible();
  await expect(page.getByText('Nguyễn Minh An')).toBeVisible();
  await expectNoHorizontalScroll(page);
  const submit = page.getByRole('button', { name: 'Nộp hồ sơ' });
  await expect(submit).toBeDisabled();
  await page.getByRole('checkbox', { name: /Tôi cam đoan/ }).check();
  await submit.click();
  await expect(page.getByRole('heading', { name: 'Đã nộp hồ sơ thành công' })).toBeVisible();
  await expect(page.getByText(/kiểm tra hồ sơ trong giờ hành chính/)).toBeVisible();

  // "Hồ sơ của tôi": the dossier is there, submitted and waiting for the desk.
  await page.getByRole('link', { name: 'Về Hồ sơ của tôi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' })).toBeVisible();
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Xem chi tiết: Thủ tục đăng ký khai sinh' }) })
    .filter({ hasText: 'Đã nộp, chờ kiểm tra tiếp nhận' })
    .first();
  await expect(card).toBeVisible();
  await expect(card).toContainText('Chưa có mã – cấp khi hồ sơ được tiếp nhận');
  await expect(card).toContainText(DESK);
  await expectNoHorizontalScroll(page);

  // Its page says what happens next, with the history and the two documents.
  await page.goto(`/ho-so-cua-toi/${dossierId}`);
  await expect(page.getByText('Đã nộp, chờ kiểm tra tiếp nhận').first()).toBeVisible();
  await expect(page.getByText(/Bạn không cần làm gì thêm/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Quá trình xử lý' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rút hồ sơ' })).toBeVisible();
  await expectNoHorizontalScroll(page);

  // The desk asks for a supplement.
  const base = baseURL ?? '';
  const desk = await officer(base, 'motcua.vithanh@demo.motcua.vn');
  const staff = [
    desk,
    await officer(base, 'chuyenvien.vithanh@demo.motcua.vn'),
    await officer(base, 'truongphong.vithanh@demo.motcua.vn'),
    await officer(base, 'lanhdao.vithanh@demo.motcua.vn'),
    await officer(base, 'vanthu.vithanh@demo.motcua.vn'),
  ];
  const atDesk = (await (await desk.get(`/api/office/dossiers/${dossierId}`)).json()) as OfficeView;
  const reason = 'Ảnh Giấy chứng sinh bị mờ, vui lòng chụp lại rõ nét.';
  const asked = await desk.post(`/api/office/dossiers/${dossierId}/actions`, {
    data: { version: atDesk.version, action: { type: 'request_intake_supplement', reasons: [reason] } },
  });
  expect(asked.ok(), await asked.text()).toBe(true);

  // The citizen is told in the app…
  await page.goto('/thong-bao');
  await expect(page.getByText('Hồ sơ của ông/bà cần bổ sung, hoàn thiện').first()).toBeVisible();
  await expect(page.getByText(/bị mờ/).first()).toBeVisible();
  // …and by email (the outbox worker sends it within seconds).
  await expect
    .poll(() => capturedMails().filter((m) => m.to.includes(email) && /bổ sung/.test(m.subject)).length, {
      timeout: 30_000,
    })
    .toBe(1);
  const mail = capturedMails().find((m) => m.to.includes(email) && /bổ sung/.test(m.subject));
  expect(mail?.text).toContain('bị mờ');
  expect(mail?.text).toContain('Trung tâm Phục vụ hành chính công phường Vị Thanh');

  // The citizen supplies the document against the same dossier.
  await page.goto(`/ho-so-cua-toi/${dossierId}`);
  await expect(page.getByText(/Vui lòng bổ sung/).first()).toBeVisible();
  const panel = page.locator('#bo-sung');
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Chọn tệp bổ sung hoặc chụp ảnh' }).click();
  await (await chooser).setFiles({
    name: 'giay-chung-sinh-chup-lai.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('giay chung sinh chup lai'),
  });
  await expect(panel.getByRole('link', { name: /^Xem Giấy tờ bổ sung/ })).toBeVisible();
  await panel.getByRole('button', { name: 'Gửi bổ sung' }).click();
  await expect(page.getByText('Đã nộp, chờ kiểm tra tiếp nhận').first()).toBeVisible();

  // The office receives it, resolves it and returns the electronic result online.
  const clerk = staff[4];
  if (!clerk) throw new Error('no clerk session');
  const result = await clerk.post('/api/office/files', {
    multipart: {
      file: { name: 'trich-luc-khai-sinh.pdf', mimeType: 'application/pdf', buffer: pdf('trich luc') },
    },
  });
  expect(result.ok()).toBe(true);
  const { fileId } = (await result.json()) as { fileId: string };
  await resolveAtTheOffice(staff, dossierId, fileId);

  // The citizen downloads the result.
  await page.goto(`/ho-so-cua-toi/${dossierId}`);
  await expect(page.getByText('Đã trả kết quả').first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải kết quả điện tử' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/\.pdf$/);
  const trackingLink = page.getByRole('link', { name: /tra cứu công khai/i }).first();
  const href = (await trackingLink.getAttribute('href')) ?? '';
  expect(href).toMatch(/\/tra-cuu\?code=.+&check=[A-Z2-9]{6}$/);

  // A stranger with the code and the check value sees the status, and nobody's personal data.
  const stranger = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await stranger.goto(href);
  await expect(stranger.getByText('Đã trả kết quả').first()).toBeVisible();
  await expect(stranger.getByText('Thủ tục đăng ký khai sinh').first()).toBeVisible();
  for (const personal of ['Trần Thị Mai', '093190001234', '0912345678', email]) {
    await expect(stranger.getByText(personal)).toHaveCount(0);
  }
  await expectNoHorizontalScroll(stranger);
  for (const context of staff) await context.dispose();
});

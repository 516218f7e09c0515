import { type Browser, expect, type Page, test } from '@playwright/test';
import { readPdf } from '../src/modules/forms/pdf-text.testing.ts';
import { demoPassword } from './helpers.ts';

// The one-stop journey in a real browser, one signed-in browser context per officer.
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.request.post('/api/auth/login', {
    data: { identifier: email, password: demoPassword },
  });
  expect(response.ok()).toBeTruthy();
  return page;
}

async function act(page: Page, url: string, button: string, fill: Record<string, string> = {}) {
  await page.goto(url);
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  for (const [label, value] of Object.entries(fill)) {
    const field = dialog.getByLabel(label);
    await field.fill(value);
    // A date picker takes a typed date when the field loses focus.
    if (/^\d{2}\/\d{2}\/\d{4}$/.test(value)) await field.press('Tab');
  }
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(dialog).toBeHidden();
}

test('a walk-in dossier goes from the ward desk through interlinked processing to the returned result', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const desk = await signedIn(browser, 'motcua.vithanh@demo.motcua.vn');
  await desk.goto('/quan-tri/tiep-nhan');
  const procedure = desk.getByLabel('Thủ tục hành chính');
  await procedure.fill('khai sinh luu dong');
  await desk.getByText('Thủ tục đăng ký khai sinh lưu động').first().click();
  await desk.getByLabel('Họ tên').fill('Trần Văn Khải');
  await desk.getByLabel('Số điện thoại').fill('0913222333');
  const popup = desk
    .context()
    .waitForEvent('page')
    .catch(() => undefined);
  await desk.getByRole('button', { name: 'Tiếp nhận và in phiếu hẹn' }).click();
  await expect(desk).toHaveURL(/\/quan-tri\/ho-so\/[0-9a-f-]{36}$/);
  await popup;
  const heading = desk.getByRole('heading', { name: /^Hồ sơ / }).first();
  await expect(heading).toContainText(/Hồ sơ \S+-\d{6}-\d{4}/);
  const code = ((await heading.textContent()) ?? '').replace('Hồ sơ ', '').trim();
  const url = new URL(desk.url()).pathname;
  const id = url.split('/').pop() as string;

  // The receipt (Mẫu 01) is a real PDF with the applicant and the code in its text.
  const receipt = await desk.request.get(`/api/office/dossiers/${id}/forms/receipt`);
  expect(receipt.headers()['content-type']).toContain('application/pdf');
  const receiptText = (await readPdf(await receipt.body())).text;
  expect(receiptText).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  expect(receiptText).toContain('Trần Văn Khải');
  expect(receiptText).toContain(code);

  await act(desk, url, 'Hoàn thành bước và chuyển bước tiếp theo', { 'Ý kiến xử lý': 'Hồ sơ đầy đủ' });

  // Interlinked: the specialist sends it to the economic office for an opinion, and completes that step there.
  const specialist = await signedIn(browser, 'chuyenvien.vithanh@demo.motcua.vn');
  await specialist.goto(url);
  await specialist.getByRole('button', { name: 'Chuyển liên thông hồ sơ', exact: true }).click();
  const transfer = specialist.getByRole('dialog');
  await transfer.getByLabel('Cơ quan nhận liên thông').click();
  await specialist.keyboard.type('Kinh tế, Hạ tầng');
  await specialist.getByText('Phòng Kinh tế, Hạ tầng và Đô thị phường Vị Thanh').last().click();
  await transfer.getByLabel('Tên bước xử lý').fill('Cho ý kiến về địa điểm');
  await transfer.getByLabel('Thời gian xử lý (giờ làm việc)').fill('4');
  await transfer.getByLabel('Nội dung chuyển').fill('Đề nghị cho ý kiến');
  await transfer.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(transfer).toBeHidden();
  await act(specialist, url, 'Hoàn thành bước và chuyển bước tiếp theo', { 'Ý kiến xử lý': 'Thống nhất' });

  // A supplement is requested during processing and brought to the desk.
  await act(specialist, url, 'Yêu cầu bổ sung hồ sơ trong quá trình giải quyết', {
    'Nội dung cần bổ sung': 'Bản sao giấy xác nhận cư trú',
  });
  await act(desk, url, 'Bổ sung hồ sơ', { 'Ghi chú về giấy tờ đã bổ sung': 'Đã nhận bản sao' });

  const head = await signedIn(browser, 'truongphong.vithanh@demo.motcua.vn');
  await act(head, url, 'Hoàn thành bước và chuyển bước tiếp theo', { 'Ý kiến xử lý': 'Trình ký' });
  const leader = await signedIn(browser, 'lanhdao.vithanh@demo.motcua.vn');
  await act(leader, url, 'Phê duyệt hồ sơ', { 'Số quyết định, văn bản': '21/QĐ-UBND' });

  // The clerk attaches the digitised result.
  const clerk = await signedIn(browser, 'vanthu.vithanh@demo.motcua.vn');
  await clerk.goto(url);
  await clerk.getByRole('button', { name: 'Phát hành kết quả', exact: true }).click();
  const issue = clerk.getByRole('dialog');
  // The name shows at once; the upload finishes later (slowly on a loaded machine): confirm only after it.
  const uploaded = clerk.waitForResponse((r) => r.url().endsWith('/api/office/files') && r.status() === 201);
  await issue.getByLabel('Tệp kết quả').setInputFiles({
    name: 'trich-luc-khai-sinh.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% Trích lục khai sinh\n'),
  });
  await expect(issue.getByText('trich-luc-khai-sinh.pdf')).toBeVisible();
  await uploaded;
  await issue.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(issue).toBeHidden();

  // The desk returns it at the counter from the queue.
  await desk.goto('/quan-tri/ho-so');
  await desk.getByRole('button', { name: `Trả kết quả hồ sơ ${code}` }).click();
  const giveBack = desk.getByRole('dialog');
  await giveBack.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(giveBack).toBeHidden();
  await desk.goto(url);
  await expect(desk.getByText('Đã trả kết quả').first()).toBeVisible();

  // The control sheet lists every hand-over, the interlinked one included.
  const sheet = await desk.request.get(`/api/office/dossiers/${id}/forms/control-sheet`);
  const sheetText = (await readPdf(await sheet.body())).text;
  expect(sheetText).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
  expect(sheetText).toContain('Cho ý kiến về địa điểm');
  expect(sheetText).toContain('Phòng Kinh tế, Hạ tầng và Đô thị');
  const detail = await (await desk.request.get(`/api/office/dossiers/${id}`)).json();
  expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
    'submit',
    'receive',
    'complete_step',
    'transfer',
    'complete_step',
    'request_supplement',
    'supply_supplement',
    'complete_step',
    'approve',
    'issue_result',
    'return_result',
  ]);
});

test('a dossier that will be late gets an apology with a new date', async ({ browser }) => {
  test.setTimeout(120_000);
  const desk = await signedIn(browser, 'motcua.vithanh@demo.motcua.vn');
  const agencies = (await (await desk.request.get('/api/agencies')).json()) as { id: string; slug: string }[];
  const created = await desk.request.post('/api/office/dossiers', {
    data: {
      procedureCode: '1.003583',
      receivingAgencyId: agencies.find((a) => a.slug === 'cantho-phuong-vi-thanh-ttpvhcc')?.id,
      applicant: { fullName: 'Lê Thị Muộn', phone: '0987654321' },
      documents: [{ name: 'Tờ khai', originals: 1, copies: 0 }],
      complete: true,
    },
  });
  const dossier = await created.json();
  const url = `/quan-tri/ho-so/${dossier.id}`;
  await act(desk, url, 'Hoàn thành bước và chuyển bước tiếp theo', { 'Ý kiến xử lý': 'Chuyển thẩm định' });
  const head = await signedIn(browser, 'truongphong.vithanh@demo.motcua.vn');
  const due = new Date(dossier.dueAt);
  const newDate = new Date(due.getTime() + 14 * 86_400_000 + 7 * 3_600_000); // two weeks later, Vietnam date
  while ([0, 6].includes(newDate.getUTCDay())) newDate.setUTCDate(newDate.getUTCDate() + 1);
  const [y, m, d] = newDate.toISOString().slice(0, 10).split('-');
  await act(head, url, 'Xin lỗi và hẹn lại ngày trả kết quả', {
    'Lý do chậm trả kết quả': 'Cần xác minh thêm thông tin nơi sinh',
    'Ngày hẹn trả mới': `${d}/${m}/${y}`,
  });
  await expect(head.getByRole('link', { name: 'Văn bản xin lỗi, hẹn lại' })).toBeVisible();
  const after = await (await head.request.get(`/api/office/dossiers/${dossier.id}`)).json();
  expect(new Date(after.dueAt).getTime()).toBeGreaterThan(due.getTime());
  expect(after.classification.extendedByApology).toBe(true);
  const apology = await head.request.get(`/api/office/dossiers/${dossier.id}/forms/apology`);
  expect((await readPdf(await apology.body())).text).toContain('Cần xác minh thêm thông tin nơi sinh');
  // It counts as late: the public tracking page (code and the last 4 digits of the applicant's phone) says so.
  const stranger = await browser.newPage();
  await stranger.goto(`/tra-cuu?code=${encodeURIComponent(after.code)}&check=4321`);
  await expect(stranger.getByText('Trễ hạn').first()).toBeVisible();
  await expect(stranger.getByText('Lê Thị Muộn')).toHaveCount(0);
  await stranger.close();
});

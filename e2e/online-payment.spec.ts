import { type APIRequestContext, expect, request, test } from '@playwright/test';
import { demoPassword, expectNoSeriousA11yViolations, login } from './helpers.ts';

// Paying a fee online: a citizen's online dossier is received by the desk, its fee shows as due on "Hồ sơ của
// tôi"; the citizen pays on the (local, simulated) VNPAY page, comes back, and sees the fee paid once the
// gateway's signed IPN has arrived; then downloads the electronic receipt. The application and the desk's
// receipt go through the API (their screens have their own specs).

const PROCEDURE = '1.001193';
const CITIZEN = 'congdan@demo.motcua.vn';
const DESK = 'motcua.vithanh@demo.motcua.vn';
const ADMIN = 'quantri@demo.motcua.vn';
const FEE = 25_000;

async function session(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const r = await context.post('/api/auth/login', { data: { identifier: email, password: demoPassword } });
  expect(r.ok()).toBe(true);
  return context;
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

/** Test data: the procedure gets a fee (the demo catalogue's online procedures are free of charge). */
async function giveProcedureAFee(admin: APIRequestContext) {
  const p = await (await admin.get(`/api/admin/procedures/${PROCEDURE}`)).json();
  const keys = [
    'code',
    'name',
    'field',
    'levels',
    'processingTimeValue',
    'processingTimeUnit',
    'processingTimeText',
    'requiredDocuments',
    'legalBasis',
    'onlineMode',
    'onlineLevel',
    'internalProcess',
    'resultText',
    'conditions',
    'subjects',
    'competentAgencyText',
    'implementingAgencyText',
    'decisionNo',
  ];
  const body = Object.fromEntries(keys.filter((k) => k in p).map((k) => [k, p[k]]));
  const r = await admin.put(`/api/admin/procedures/${PROCEDURE}`, {
    data: {
      ...body,
      feeText: 'Lệ phí 25.000 đồng (dữ liệu thử nghiệm)',
      feeAmountVnd: FEE,
      agencyIds: p.agencies.map((a: { id: string }) => a.id),
      version: p.version,
    },
  });
  expect(r.ok(), await r.text()).toBe(true);
}

/** A citizen's complete online application, submitted, then received at the desk. */
async function receivedDossier(citizen: APIRequestContext, desk: APIRequestContext): Promise<string> {
  const info = await (await citizen.get(`/api/procedures/${PROCEDURE}/application`)).json();
  const option = info.receivingOptions.find((o: { receivingAgencyName: string }) =>
    /Vị Thanh/.test(o.receivingAgencyName),
  );
  let d = await (
    await citizen.post('/api/my/dossiers', {
      data: { procedureCode: PROCEDURE, receivingAgencyId: option.receivingAgencyId },
    })
  ).json();
  d = await (
    await citizen.put(`/api/my/dossiers/${d.id}/draft`, {
      data: {
        version: d.version,
        applicant: { fullName: 'Nguyễn Thị Hoa', citizenId: '093190001234', phone: '0912345678' },
        formData: {
          childFullName: 'Trần Minh An',
          childBirthDate: '2026-11-20',
          childSex: 'nam',
          placeOfBirth: 'Bệnh viện Đa khoa tỉnh Hậu Giang',
          motherFullName: 'Nguyễn Thị Hoa',
          relationship: 'me',
        },
      },
    })
  ).json();
  for (const slot of d.documentSlots.filter((s: { required: boolean }) => s.required)) {
    const upload = await citizen.post('/api/my/files', {
      multipart: {
        file: { name: `giay-to-${slot.slot}.pdf`, mimeType: 'application/pdf', buffer: pdf(slot.slot) },
      },
    });
    expect(upload.ok(), await upload.text()).toBe(true);
    const { fileId } = await upload.json();
    const attached = await citizen.post(`/api/my/dossiers/${d.id}/documents`, {
      data: { fileId, slot: slot.slot },
    });
    expect(attached.ok(), await attached.text()).toBe(true);
    d = await attached.json();
  }
  const submitted = await citizen.post(`/api/my/dossiers/${d.id}/actions`, {
    data: { version: d.version, action: { type: 'submit' } },
  });
  expect(submitted.ok(), await submitted.text()).toBe(true);
  const office = await (await desk.get(`/api/office/dossiers/${d.id}`)).json();
  const received = await desk.post(`/api/office/dossiers/${d.id}/actions`, {
    data: { version: office.version, action: { type: 'receive', dossierCode: '' } },
  });
  expect(received.ok(), await received.text()).toBe(true);
  return d.id;
}

test('a citizen pays the fee of a received dossier online and downloads the receipt', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const base = baseURL ?? '';
  const [admin, citizen, desk] = await Promise.all([
    session(base, ADMIN),
    session(base, CITIZEN),
    session(base, DESK),
  ]);
  await giveProcedureAFee(admin);
  const id = await receivedDossier(citizen, desk);

  await login(page, CITIZEN);
  await page.goto(`/ho-so-cua-toi/${id}`);
  const card = page.getByRole('region', { name: 'Phí, lệ phí' });
  await expect(card.getByText('25.000 đồng')).toBeVisible();
  await expect(card.getByTestId('payment-status')).toHaveText('Chưa nộp lệ phí');

  // The simulated VNPAY page: pick a bank and pay.
  await card.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();
  await expect(page.getByRole('heading', { name: 'Cổng thanh toán VNPAY (mô phỏng)' })).toBeVisible();
  await expect(page.getByText('25.000 đ')).toBeVisible();
  await page.getByLabel('Vietcombank').check();
  await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();

  // Back on the dossier: the gateway's word on the return is shown, paid only once the IPN has arrived.
  await expect(page).toHaveURL(new RegExp(`/ho-so-cua-toi/${id}\\?thanh-toan=MC`));
  await expect(card.getByTestId('payment-status')).toHaveText('Đã nộp lệ phí', { timeout: 20_000 });
  await expect(card.getByText(/qua VNPAY \(mã giao dịch \d+\)/)).toBeVisible();
  await expect(card.getByRole('button', { name: 'Thanh toán trực tuyến' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'Hồ sơ của tôi (đã nộp lệ phí)');

  // The electronic receipt.
  const downloading = page.waitForEvent('download');
  await card.getByRole('link', { name: /Tải biên lai điện tử/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^bien-lai-MC[0-9A-F]+\.pdf$/);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');

  // The office sees it paid too, and the day's reconciliation agrees with the gateway.
  const office = await (await desk.get(`/api/office/dossiers/${id}`)).json();
  expect(office.payment.status).toBe('paid');
  const adminPage = await (await browser.newContext()).newPage();
  await login(adminPage, ADMIN);
  await adminPage.goto(`/quan-tri/ho-so/${id}`);
  await expect(adminPage.getByTestId('office-payment-status')).toHaveText('Đã nộp lệ phí');
  await adminPage.getByRole('link', { name: 'Đối soát thanh toán' }).click();
  await expect(adminPage.getByRole('heading', { name: 'Đối soát thanh toán', level: 1 })).toBeVisible();
  const row = adminPage.getByRole('row', { name: new RegExp(office.payment.txnRef) });
  await expect(row.getByText('Đã thanh toán')).toBeVisible();
  await expect(row.getByText('Khớp')).toBeVisible();
  await expectNoSeriousA11yViolations(adminPage, 'Đối soát thanh toán');
  await adminPage.context().close();
  await Promise.all([admin.dispose(), citizen.dispose(), desk.dispose()]);
});

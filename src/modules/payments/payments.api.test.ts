import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Database } from '../../platform/db/connect.ts';
import { demoPassword } from '../../seed/demo-accounts.ts';
import { openTestDatabase, testDatabaseKinds } from '../../testing/test-db.ts';
import { procedures } from '../catalog/schema.ts';
import { paymentNotifications, paymentOrders } from './schema.ts';
import { type SimTransaction, startVnpaySimulator, type VnpaySimulator } from './testing/vnpay-simulator.ts';

// The whole payment journey against the local gateway simulator over HTTP: the app listens on a real port so
// the simulator's IPN reaches it; the browser's part (payment page, return URL) is played with fetch.

const CITIZEN = 'congdan@demo.motcua.vn';
const DESK = 'motcua.vithanh@demo.motcua.vn';
const ADMIN = 'quantri@demo.motcua.vn';
const PROCEDURE = '1.001193';
const FEE = 50_000;
const SECRET = 'API-TEST-HASH-SECRET-0123456789AB';

type Payment = {
  status: string;
  payable: boolean;
  amountVnd: number;
  txnRef: string | null;
  receiptAvailable: boolean;
  lastReturn: { success: boolean; signatureValid: boolean; message: string } | null;
  orders?: { txnRef: string; state: string }[];
  messages?: { kind: string; verdict: string }[];
};

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

describe.each(testDatabaseKinds())('online payment on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let sim: VnpaySimulator;
  let filesDir = '';
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-pay-files-'));
    sim = await startVnpaySimulator({
      hashSecret: SECRET,
      ipnUrl: 'http://127.0.0.1:9/unset',
      ipnRetryMs: 200,
    });
    app = await buildApp(database, {
      logLevel: 'silent',
      filesDir,
      payments: {
        vnpay: {
          tmnCode: sim.options.tmnCode,
          hashSecret: SECRET,
          paymentUrl: sim.paymentUrl,
          apiUrl: sim.apiUrl,
          apiTimeoutMs: 400,
        },
        pendingCheck: { pollMs: 3_600_000, retryMs: 60_000 },
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    sim.options.ipnUrl = `http://127.0.0.1:${port}/api/payments/vnpay/ipn`;
    await database.db.update(procedures).set({ feeAmountVnd: FEE }).where(eq(procedures.code, PROCEDURE));
  }, 60_000);
  afterAll(async () => {
    await sim?.close();
    await app?.close();
    await database?.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  const login = async (email: string) => {
    const known = cookies.get(email);
    if (known) return known;
    const r = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { identifier: email, password: demoPassword },
    });
    const cookie = `motcua_sid=${r.cookies.find((c) => c.name === 'motcua_sid')?.value}`;
    cookies.set(email, cookie);
    return cookie;
  };
  const call = async (email: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: await login(email) }, ...(payload ? { payload } : {}) });
  const myPayment = async (id: string, txnRef?: string) =>
    (
      await call(CITIZEN, 'GET', `/api/my/dossiers/${id}/payment${txnRef ? `?txnRef=${txnRef}` : ''}`)
    ).json() as Payment;
  const officePayment = async (id: string) =>
    (await call(ADMIN, 'GET', `/api/office/dossiers/${id}/payment`)).json() as Payment;

  /** A citizen's online dossier, submitted and received by the desk (its fee becomes due). */
  async function receivedDossier(): Promise<string> {
    const info = (
      await app.inject({ method: 'GET', url: `/api/procedures/${PROCEDURE}/application` })
    ).json() as {
      receivingOptions: { receivingAgencyId: string; receivingAgencyName: string }[];
    };
    const agency = info.receivingOptions.find((o) =>
      /Vị Thanh/.test(o.receivingAgencyName),
    )?.receivingAgencyId;
    let d = (
      await call(CITIZEN, 'POST', '/api/my/dossiers', { procedureCode: PROCEDURE, receivingAgencyId: agency })
    ).json() as {
      id: string;
      version: number;
      documentSlots: { slot: string; required: boolean }[];
    };
    d = (
      await call(CITIZEN, 'PUT', `/api/my/dossiers/${d.id}/draft`, {
        version: d.version,
        applicant: { fullName: 'Nguyễn Thị Hoa', citizenId: '093190001234', phone: '0912 345 678' },
        formData: {
          childFullName: 'Trần Minh An',
          childBirthDate: '2026-11-20',
          childSex: 'nam',
          placeOfBirth: 'Bệnh viện Đa khoa tỉnh Hậu Giang',
          motherFullName: 'Nguyễn Thị Hoa',
          relationship: 'me',
        },
      })
    ).json();
    for (const slot of d.documentSlots.filter((s) => s.required)) {
      const upload = await app.inject({
        method: 'POST',
        url: '/api/my/files',
        headers: { cookie: await login(CITIZEN), 'content-type': 'multipart/form-data; boundary=XYZ' },
        payload: Buffer.concat([
          Buffer.from(
            `--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
          ),
          pdf(`giay-to-${slot.slot}`),
          Buffer.from('\r\n--XYZ--\r\n'),
        ]),
      });
      const fileId = (upload.json() as { fileId: string }).fileId;
      d = (
        await call(CITIZEN, 'POST', `/api/my/dossiers/${d.id}/documents`, { fileId, slot: slot.slot })
      ).json();
    }
    const submitted = await call(CITIZEN, 'POST', `/api/my/dossiers/${d.id}/actions`, {
      version: d.version,
      action: { type: 'submit' },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await myPayment(d.id)).status).toBe('not_required');
    const office = (await call(DESK, 'GET', `/api/office/dossiers/${d.id}`)).json() as { version: number };
    const received = await call(DESK, 'POST', `/api/office/dossiers/${d.id}/actions`, {
      version: office.version,
      action: { type: 'receive', dossierCode: '' },
    });
    expect(received.statusCode, received.body).toBe(200);
    return d.id;
  }

  /** The citizen's browser on the gateway page: opens it, picks a bank, pays (or cancels); answers the return URL. */
  async function payAtGateway(paymentUrl: string, action: 'pay' | 'cancel'): Promise<string> {
    const page = await fetch(paymentUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Thanh toán');
    const txnRef = new URL(paymentUrl).searchParams.get('vnp_TxnRef') ?? '';
    const done = await fetch(`${sim.url}/paymentv2/pay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ txnRef, bank: 'VCB', action }).toString(),
      redirect: 'manual',
    });
    expect(done.status).toBe(302);
    return done.headers.get('location') ?? '';
  }

  const notificationsOf = async (txnRef: string) =>
    database.db.select().from(paymentNotifications).where(eq(paymentNotifications.txnRef, txnRef));

  let paidDossier = '';
  let paidTxnRef = '';

  it('shows the fee due once received; the return URL comes back before the IPN and marks nothing paid', async () => {
    const id = await receivedDossier();
    paidDossier = id;
    const due = await myPayment(id);
    expect(due).toMatchObject({ status: 'due', payable: true, amountVnd: FEE });
    const view = (await call(CITIZEN, 'GET', `/api/my/dossiers/${id}`)).json() as {
      payment: { status: string };
    };
    expect(view.payment.status).toBe('due');

    const started = await call(CITIZEN, 'POST', `/api/my/dossiers/${id}/payment`);
    expect(started.statusCode, started.body).toBe(200);
    const { paymentUrl, txnRef } = started.json() as { paymentUrl: string; txnRef: string };
    paidTxnRef = txnRef;
    // A second click gives the same open order.
    expect((await call(CITIZEN, 'POST', `/api/my/dossiers/${id}/payment`)).json().txnRef).toBe(txnRef);
    expect(new URL(paymentUrl).searchParams.get('vnp_Amount')).toBe(String(FEE * 100));

    sim.options.ipnDelayMs = 1_500;
    const location = await payAtGateway(paymentUrl, 'pay');
    const back = await app.inject({ method: 'GET', url: location.replace(/^https?:\/\/[^/]+/, '') });
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe(`/ho-so-cua-toi/${id}?thanh-toan=${txnRef}`);
    const meanwhile = await myPayment(id, txnRef);
    expect(meanwhile.status).toBe('pending');
    expect(meanwhile.lastReturn).toMatchObject({ success: true, signatureValid: true });

    await sim.ipnSettled(txnRef);
    sim.options.ipnDelayMs = 300;
    const paid = await myPayment(id);
    expect(paid).toMatchObject({ status: 'paid', receiptAvailable: true, txnRef });
    expect(sim.transactions.get(txnRef)?.ipnAttempts.map((a) => a.answer)).toEqual(['00']);
    const office = await officePayment(id);
    expect(office.orders?.[0]?.state).toBe('paid');
    expect(office.messages?.map((m) => `${m.kind}:${m.verdict}`)).toEqual(['return:00', 'ipn:00']);

    const receipt = await call(CITIZEN, 'GET', `/api/my/dossiers/${id}/payment/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(receipt.rawPayload.includes('FontFile2')).toBe(true);
  }, 60_000);

  it('answers a replayed IPN "already confirmed" and changes nothing', async () => {
    const before = (
      await database.db.select().from(paymentOrders).where(eq(paymentOrders.txnRef, paidTxnRef))
    )[0];
    expect(await sim.sendIpn(paidTxnRef)).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    // A replay claiming failure cannot undo the payment either (it is signed, but the order is confirmed).
    expect(
      (await sim.sendIpn(paidTxnRef, { vnp_ResponseCode: '24', vnp_TransactionStatus: '02' })).RspCode,
    ).toBe('02');
    const after = (
      await database.db.select().from(paymentOrders).where(eq(paymentOrders.txnRef, paidTxnRef))
    )[0];
    expect(after?.state).toBe('paid');
    expect(after?.confirmedAt).toEqual(before?.confirmedAt);
    const verdicts = (await notificationsOf(paidTxnRef))
      .filter((n) => n.kind === 'ipn')
      .map((n) => n.verdict);
    expect(verdicts).toEqual(['00', '02', '02']);
  });

  it('rejects forged signatures, unknown orders and amount mismatches, recording each', async () => {
    const id = await receivedDossier();
    const { paymentUrl, txnRef } = (await call(CITIZEN, 'POST', `/api/my/dossiers/${id}/payment`)).json() as {
      paymentUrl: string;
      txnRef: string;
    };
    await fetch(paymentUrl); // the gateway knows the order once its page was opened
    const port = new URL(sim.options.ipnUrl).port;
    const ipn = async (params: Record<string, string>) =>
      (await fetch(`http://127.0.0.1:${port}/api/payments/vnpay/ipn?${new URLSearchParams(params)}`)).json();

    const signed = sim.callbackParams(txnRef, {
      vnp_ResponseCode: '00',
      vnp_TransactionStatus: '00',
      vnp_TransactionNo: '999',
    });
    // Forged: a success notification whose parameters were changed after signing, or signed with another key.
    expect(await ipn({ ...signed, vnp_Amount: '100' })).toEqual({
      RspCode: '97',
      Message: 'Invalid signature',
    });
    const other = await startVnpaySimulator({
      hashSecret: 'ANOTHER-SECRET-0000000000000000',
      ipnUrl: sim.options.ipnUrl,
    });
    other.transactions.set(txnRef, { ...(sim.transactions.get(txnRef) as SimTransaction), status: 'paid' });
    expect(
      (await ipn(other.callbackParams(txnRef, { vnp_ResponseCode: '00', vnp_TransactionStatus: '00' })))
        .RspCode,
    ).toBe('97');
    await other.close();
    expect((await sim.sendIpn(txnRef, { vnp_TxnRef: 'MC000000UNKNOWN' })).RspCode).toBe('01');
    const mismatch = await sim.sendIpn(txnRef, {
      vnp_Amount: String((FEE - 1000) * 100),
      vnp_ResponseCode: '00',
      vnp_TransactionStatus: '00',
    });
    expect(mismatch).toEqual({ RspCode: '04', Message: 'invalid amount' });

    const payment = await myPayment(id);
    expect(payment.status).toBe('pending');
    const recorded = await notificationsOf(txnRef);
    expect(recorded.filter((n) => n.kind === 'ipn').map((n) => n.verdict)).toEqual(['97', '97', '04']);
    expect(recorded.find((n) => n.verdict === '04')?.params.vnp_Amount).toBe(String((FEE - 1000) * 100));
    const [order] = await database.db.select().from(paymentOrders).where(eq(paymentOrders.txnRef, txnRef));
    expect(order?.gatewayNote).toMatch(/khác số tiền/);
    const unknown = await database.db
      .select()
      .from(paymentNotifications)
      .where(eq(paymentNotifications.txnRef, 'MC000000UNKNOWN'));
    expect(unknown.map((n) => n.verdict)).toEqual(['01']);
  }, 60_000);

  it('checks a long-pending order with querydr: a gateway timeout is recorded and retried later', async () => {
    const id = await receivedDossier();
    const { paymentUrl, txnRef } = (await call(CITIZEN, 'POST', `/api/my/dossiers/${id}/payment`)).json() as {
      paymentUrl: string;
      txnRef: string;
    };
    await fetch(paymentUrl);
    const dueNow = () =>
      database.db
        .update(paymentOrders)
        .set({ nextCheckAt: sql`now() - interval '1 second'`, expiresAt: sql`now() - interval '1 minute'` })
        .where(eq(paymentOrders.txnRef, txnRef));
    await dueNow();
    sim.options.apiHang = true;
    const check = app.paymentCheck;
    expect(check).toBeDefined();
    await check?.runOnce();
    sim.options.apiHang = false;
    let [order] = await database.db.select().from(paymentOrders).where(eq(paymentOrders.txnRef, txnRef));
    expect(order?.state).toBe('pending');
    expect(order?.checkAttempts).toBe(1);
    expect(order?.lastCheckError).toMatch(/không trả lời/);
    expect(order?.nextCheckAt?.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(order?.lockedUntil).toBeNull();
    expect((await notificationsOf(txnRef)).map((n) => `${n.kind}:${n.verdict}`)).toEqual(['querydr:timeout']);

    // Later, the gateway answers: the page expired unpaid, so the order expires and the fee is due again.
    await dueNow();
    await check?.runOnce();
    [order] = await database.db.select().from(paymentOrders).where(eq(paymentOrders.txnRef, txnRef));
    expect(order?.state).toBe('expired');
    expect(order?.checkAttempts).toBe(2);
    expect((await notificationsOf(txnRef)).map((n) => `${n.kind}:${n.verdict}`)).toEqual([
      'querydr:timeout',
      'querydr:00',
    ]);
    expect((await myPayment(id)).status).toBe('due');
  }, 60_000);

  it('refunds only by an authorised officer with a reason, through the gateway', async () => {
    const desk = await call(DESK, 'POST', `/api/office/dossiers/${paidDossier}/payment/refund`, {
      reason: 'Nộp trùng',
    });
    expect(desk.statusCode).toBe(403);
    const empty = await call(ADMIN, 'POST', `/api/office/dossiers/${paidDossier}/payment/refund`, {
      reason: ' ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/lý do hoàn tiền/);
    const done = await call(ADMIN, 'POST', `/api/office/dossiers/${paidDossier}/payment/refund`, {
      reason: 'Hồ sơ bị từ chối sau khi đã nộp lệ phí',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as Payment).status).toBe('refunded');
    const again = await call(ADMIN, 'POST', `/api/office/dossiers/${paidDossier}/payment/refund`, {
      reason: 'Hoàn lại lần nữa',
    });
    expect(again.statusCode).toBe(422);
    expect((await myPayment(paidDossier)).status).toBe('refunded');
  }, 30_000);

  it('reconciles the day with the gateway, as JSON and Excel, within the officer’s agencies', async () => {
    const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const r = await call(ADMIN, 'GET', `/api/office/payments/reconciliation?day=${day}`);
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json() as {
      totals: { orders: number; refundedVnd: number; mismatches: number };
      byState: { state: string; count: number }[];
      rows: {
        txnRef: string;
        state: string;
        gatewayTransactionStatus: string | null;
        mismatch: string | null;
      }[];
      rejectedNotifications: { verdict: string }[];
    };
    expect(report.totals.orders).toBe(3);
    expect(report.totals.refundedVnd).toBe(FEE);
    expect(report.rows.find((row) => row.txnRef === paidTxnRef)).toMatchObject({
      state: 'refunded',
      gatewayTransactionStatus: '05',
      mismatch: null,
    });
    expect(report.rejectedNotifications.map((n) => n.verdict)).toEqual(
      expect.arrayContaining(['97', '01', '04']),
    );
    const xlsx = await call(ADMIN, 'GET', `/api/office/payments/reconciliation.xlsx?day=${day}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const bad = await call(ADMIN, 'GET', '/api/office/payments/reconciliation?day=2026-13-45');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Ngày đối soát không hợp lệ/);
    const other = await call(
      DESK,
      'GET',
      `/api/office/payments/reconciliation?day=${day}&agencyId=00000000-0000-4000-8000-000000000000`,
    );
    expect(other.statusCode).toBe(403);
    const citizen = await call(CITIZEN, 'GET', `/api/office/payments/reconciliation?day=${day}`);
    expect(citizen.statusCode).toBe(403);
  }, 60_000);
});

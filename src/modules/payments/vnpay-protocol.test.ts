import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GatewayUnavailableError } from './payment-provider.ts';
import { paymentStatusOf } from './payment-status.ts';
import { mismatchOf } from './reconciliation.ts';
import {
  canonicalQuery,
  parseVnpDate,
  pipeData,
  plainOrderInfo,
  QUERYDR_REQUEST_FIELDS,
  signedQuery,
  verifyQuery,
  vnpDate,
  vnpEncode,
} from './vnpay-protocol.ts';
import { amountFromVnp, VnpayProvider } from './vnpay-provider.ts';

// The expected texts below are written out by hand from the protocol's rule (sorted names, PHP urlencode, '&');
// the expected signatures are computed here with node:crypto directly, not with the implementation.
const SECRET = 'TESTSECRETKEY0123456789ABCDEFGHI';
const hmac = (data: string) => createHmac('sha512', SECRET).update(data, 'utf8').digest('hex');

describe('VNPay query signing', () => {
  const params = {
    vnp_TxnRef: 'MC26120712000001',
    vnp_Amount: '5000000',
    vnp_OrderInfo: 'Nop le phi ho so 000.00.01.H13-261207-0001',
    vnp_ReturnUrl: 'https://motcua.example.vn/api/payments/vnpay/return',
    vnp_Command: 'pay',
    vnp_Locale: 'vn',
    vnp_Empty: '',
  };
  const expectedText =
    'vnp_Amount=5000000&vnp_Command=pay&vnp_Locale=vn' +
    '&vnp_OrderInfo=Nop+le+phi+ho+so+000.00.01.H13-261207-0001' +
    '&vnp_ReturnUrl=https%3A%2F%2Fmotcua.example.vn%2Fapi%2Fpayments%2Fvnpay%2Freturn' +
    '&vnp_TxnRef=MC26120712000001';

  it('sorts, encodes as PHP urlencode and leaves out empty values and the hash itself', () => {
    expect(canonicalQuery(params)).toBe(expectedText);
    expect(canonicalQuery({ ...params, vnp_SecureHash: 'x', vnp_SecureHashType: 'HmacSHA512' })).toBe(
      expectedText,
    );
  });

  it('encodes non-ASCII as UTF-8 and the characters encodeURIComponent keeps', () => {
    expect(vnpEncode('Thanh toán (lệ phí)*~!')).toBe('Thanh+to%C3%A1n+%28l%E1%BB%87+ph%C3%AD%29%2A%7E%21');
  });

  it('signs with HMAC-SHA512 over the canonical text and appends the hash last', () => {
    const query = signedQuery(params, SECRET);
    expect(query).toBe(`${expectedText}&vnp_SecureHash=${hmac(expectedText)}`);
    const parsed = Object.fromEntries(new URLSearchParams(query));
    expect(verifyQuery(parsed, SECRET)).toBe(true);
    expect(verifyQuery({ ...parsed, vnp_Amount: '5000100' }, SECRET)).toBe(false);
    expect(verifyQuery(parsed, `${SECRET}x`)).toBe(false);
    expect(
      verifyQuery({ ...parsed, vnp_SecureHash: parsed.vnp_SecureHash?.toUpperCase() ?? '' }, SECRET),
    ).toBe(true);
    expect(verifyQuery({ ...parsed, vnp_SecureHash: 'abc' }, SECRET)).toBe(false);
  });

  it('builds the payment URL of version 2.1.0 with the amount ×100 and Vietnam-time dates', () => {
    const provider = new VnpayProvider({
      tmnCode: 'TESTTMN1',
      hashSecret: SECRET,
      paymentUrl: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
      apiUrl: 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction',
    });
    const { url, gatewayCreateDate } = provider.paymentUrl({
      txnRef: 'MC1',
      amountVnd: 25_000,
      orderInfo: 'Nop le phi',
      createdAt: new Date('2026-12-07T17:30:00Z'),
      expiresAt: new Date('2026-12-07T17:45:00Z'),
      ipAddr: '203.0.113.5',
      returnUrl: 'http://localhost:3000/api/payments/vnpay/return',
    });
    expect(gatewayCreateDate).toBe('20261208003000');
    const [base, query] = url.split('?') as [string, string];
    expect(base).toBe('https://sandbox.vnpayment.vn/paymentv2/vpcpay.html');
    const text =
      'vnp_Amount=2500000&vnp_Command=pay&vnp_CreateDate=20261208003000&vnp_CurrCode=VND' +
      '&vnp_ExpireDate=20261208004500&vnp_IpAddr=203.0.113.5&vnp_Locale=vn&vnp_OrderInfo=Nop+le+phi' +
      '&vnp_OrderType=other&vnp_ReturnUrl=http%3A%2F%2Flocalhost%3A3000%2Fapi%2Fpayments%2Fvnpay%2Freturn' +
      '&vnp_TmnCode=TESTTMN1&vnp_TxnRef=MC1&vnp_Version=2.1.0';
    expect(query).toBe(`${text}&vnp_SecureHash=${hmac(text)}`);
  });

  it('joins the JSON API fields with | in the protocol order', () => {
    const body = {
      vnp_RequestId: 'R1',
      vnp_Version: '2.1.0',
      vnp_Command: 'querydr',
      vnp_TmnCode: 'TESTTMN1',
      vnp_TxnRef: 'MC1',
      vnp_OrderInfo: 'Truy van',
      vnp_TransactionDate: '20261208003000',
      vnp_CreateDate: '20261208010000',
      vnp_IpAddr: '127.0.0.1',
    };
    expect(pipeData(QUERYDR_REQUEST_FIELDS, body)).toBe(
      'R1|2.1.0|querydr|TESTTMN1|MC1|20261208003000|20261208010000|127.0.0.1|Truy van',
    );
  });
});

describe('VNPay values', () => {
  it('reads vnp dates in GMT+7 and writes them back', () => {
    const at = parseVnpDate('20261208003000');
    expect(at?.toISOString()).toBe('2026-12-07T17:30:00.000Z');
    expect(vnpDate(at as Date)).toBe('20261208003000');
    expect(parseVnpDate('2026')).toBeNull();
  });

  it('accepts only whole đồng amounts ×100', () => {
    expect(amountFromVnp('2500000')).toBe(25_000);
    expect(amountFromVnp('2500050')).toBeNull();
    expect(amountFromVnp('-100')).toBeNull();
    expect(amountFromVnp(undefined)).toBeNull();
  });

  it('writes the order description without diacritics or special characters', () => {
    expect(plainOrderInfo('Nộp lệ phí hồ sơ Đăng ký khai sinh #12 & <x>')).toBe(
      'Nop le phi ho so Dang ky khai sinh 12 x',
    );
  });

  it('treats a refused connection to the API as the gateway being unavailable', async () => {
    const provider = new VnpayProvider(
      {
        tmnCode: 'T',
        hashSecret: SECRET,
        paymentUrl: 'http://127.0.0.1:9/p',
        apiUrl: 'http://127.0.0.1:9/api',
      },
      async () => {
        throw new TypeError('fetch failed');
      },
    );
    await expect(
      provider.queryTransaction({
        txnRef: 'MC1',
        orderInfo: 'x',
        gatewayCreateDate: '20261208003000',
        transactionNo: null,
        amountVnd: 1,
      }),
    ).rejects.toBeInstanceOf(GatewayUnavailableError);
  });
});

describe('payment state of a dossier', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  const facts = {
    feeAmountVnd: 50_000,
    payableAt: 'receipt' as const,
    onlinePayment: true,
    feeDoubtful: false,
    onlineApplicant: true,
    received: true,
    submitted: true,
    orders: [],
  };
  const order = (state: 'pending' | 'paid' | 'failed' | 'refunded' | 'expired', minutes = 10) => ({
    state,
    createdAt: now,
    expiresAt: new Date(now.getTime() + minutes * 60_000),
  });

  it('is due once received, pending while an order is open, paid only from a paid order', () => {
    expect(paymentStatusOf(facts, now)).toMatchObject({ status: 'due', payable: true });
    expect(paymentStatusOf({ ...facts, orders: [order('pending')] }, now).status).toBe('pending');
    expect(paymentStatusOf({ ...facts, orders: [order('pending', -1)] }, now).status).toBe('due');
    expect(paymentStatusOf({ ...facts, orders: [order('failed'), order('paid')] }, now).status).toBe('paid');
    expect(paymentStatusOf({ ...facts, orders: [order('refunded')] }, now).status).toBe('refunded');
  });

  it('is not required without a fee, before receipt, or for fees paid at the desk; not payable while doubtful', () => {
    expect(paymentStatusOf({ ...facts, feeAmountVnd: 0 }, now).status).toBe('not_required');
    expect(paymentStatusOf({ ...facts, received: false }, now).status).toBe('not_required');
    expect(paymentStatusOf({ ...facts, received: false, payableAt: 'submission' }, now).status).toBe('due');
    expect(paymentStatusOf({ ...facts, onlinePayment: false }, now).status).toBe('not_required');
    expect(paymentStatusOf({ ...facts, onlineApplicant: false }, now).status).toBe('not_required');
    expect(paymentStatusOf({ ...facts, feeDoubtful: true }, now)).toMatchObject({
      status: 'due',
      payable: false,
    });
  });
});

describe('reconciliation', () => {
  const ok = (transactionStatus: string, amountVnd = 50_000) =>
    ({ status: 'ok', transactionStatus, amountVnd }) as const;
  it('flags disagreements between our orders and the gateway', () => {
    expect(mismatchOf({ state: 'paid', amountVnd: 50_000 }, ok('00'))).toBeNull();
    expect(mismatchOf({ state: 'paid', amountVnd: 50_000 }, ok('02'))).toMatch(/không ghi nhận/);
    expect(mismatchOf({ state: 'pending', amountVnd: 50_000 }, ok('00'))).toMatch(/chưa nhận IPN/);
    expect(mismatchOf({ state: 'paid', amountVnd: 50_000 }, ok('00', 40_000))).toMatch(/Số tiền khác/);
    expect(mismatchOf({ state: 'refunded', amountVnd: 50_000 }, ok('05'))).toBeNull();
    expect(
      mismatchOf(
        { state: 'expired', amountVnd: 50_000 },
        { status: 'not_found', transactionStatus: null, amountVnd: null },
      ),
    ).toBeNull();
  });
});

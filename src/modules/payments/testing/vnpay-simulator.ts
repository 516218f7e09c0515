// A local VNPAY gateway for development, tests and demos. It signs exactly as the real one (HMAC-SHA512 over the
// sorted, URL-encoded query; '|'-joined fields for the JSON API), serves a payment page where one picks a bank
// and "Thanh toán" or "Hủy", redirects back with a signed return URL, sends the signed IPN to the merchant
// (retried like the real gateway until the merchant answers 00 or 02), and answers querydr and refund.
//
//   npx tsx src/modules/payments/testing/vnpay-simulator.ts 4466
//
// Settings (environment): VNPAY_SIM_TMN_CODE, VNPAY_SIM_HASH_SECRET (the app's VNPAY_TMN_CODE and
// VNPAY_HASH_SECRET must match), VNPAY_SIM_IPN_URL (the app's /api/payments/vnpay/ipn),
// VNPAY_SIM_IPN_DELAY_MS, VNPAY_SIM_IPN_RETRY_MS, VNPAY_SIM_API_HANG=1 (never answer the API: a timeout).

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import {
  parseVnpDate,
  QUERYDR_REQUEST_FIELDS,
  QUERYDR_RESPONSE_FIELDS,
  REFUND_REQUEST_FIELDS,
  REFUND_RESPONSE_FIELDS,
  signedQuery,
  signPipe,
  verifyPipe,
  verifyQuery,
  vnpDate,
} from '../vnpay-protocol.ts';

export const SIMULATOR_DEFAULTS = {
  tmnCode: 'MOTCUA01',
  hashSecret: 'MOTCUASIMULATORHASHSECRET2026XYZ',
};

export interface SimulatorOptions {
  port?: number;
  host?: string;
  tmnCode?: string;
  hashSecret?: string;
  /** Where the IPN goes (the merchant's IPN URL, registered with the gateway). */
  ipnUrl: string;
  /** Wait before the first IPN (the browser may come back first). */
  ipnDelayMs?: number;
  /** Between IPN attempts, and how many. */
  ipnRetryMs?: number;
  ipnMaxAttempts?: number;
  /** Never answer querydr/refund (the merchant's call times out). */
  apiHang?: boolean;
}

export interface SimTransaction {
  txnRef: string;
  amount: string;
  orderInfo: string;
  returnUrl: string;
  createDate: string;
  expireDate: string;
  status: 'pending' | 'paid' | 'cancelled' | 'refunded';
  transactionNo: string;
  bankCode: string;
  payDate: string;
  responseCode: string;
  transactionStatus: string;
  ipnAttempts: { at: Date; answer: string }[];
}

const BANKS = [
  ['NCB', 'Ngân hàng NCB'],
  ['VCB', 'Vietcombank'],
  ['BIDV', 'BIDV'],
  ['AGRIBANK', 'Agribank'],
  ['VIETINBANK', 'VietinBank'],
  ['TECHCOMBANK', 'Techcombank'],
] as const;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:520px;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.3rem;color:#005baa}.box{border:1px solid #ccd;border-radius:8px;padding:1rem;margin:1rem 0}
button{font-size:1rem;padding:.6rem 1.2rem;margin-right:.5rem;border-radius:6px;border:1px solid #005baa;cursor:pointer}
.pay{background:#005baa;color:#fff}.note{color:#a40;font-size:.9rem}label{display:block;margin:.3rem 0}</style></head>
<body><p class="note">MÔ PHỎNG CỔNG VNPAY — chỉ dùng để phát triển và dùng thử, không có giao dịch thật.</p>${body}</body></html>`;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export interface VnpaySimulator {
  url: string;
  paymentUrl: string;
  apiUrl: string;
  options: Required<Omit<SimulatorOptions, 'port' | 'host'>>;
  transactions: Map<string, SimTransaction>;
  /** The signed callback parameters of a transaction (as in its return URL and IPN), with optional changes. */
  callbackParams(txnRef: string, change?: Record<string, string>): Record<string, string>;
  /** Sends the IPN of a transaction again (a replay), once; answers the merchant's reply. */
  sendIpn(txnRef: string, change?: Record<string, string>): Promise<{ RspCode: string; Message: string }>;
  /** Waits until the IPN attempts of a transaction have finished (answered 00/02 or given up). */
  ipnSettled(txnRef: string): Promise<void>;
  close(): Promise<void>;
}

export async function startVnpaySimulator(input: SimulatorOptions): Promise<VnpaySimulator> {
  const options = {
    tmnCode: input.tmnCode ?? SIMULATOR_DEFAULTS.tmnCode,
    hashSecret: input.hashSecret ?? SIMULATOR_DEFAULTS.hashSecret,
    ipnUrl: input.ipnUrl,
    ipnDelayMs: input.ipnDelayMs ?? 300,
    ipnRetryMs: input.ipnRetryMs ?? 5 * 60_000,
    ipnMaxAttempts: input.ipnMaxAttempts ?? 10,
    apiHang: input.apiHang ?? false,
  };
  const transactions = new Map<string, SimTransaction>();
  const inFlight = new Map<string, Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  const hanging = new Set<http.ServerResponse>();
  let sequence = 14_000_000;
  let closed = false;

  function callbackParams(txnRef: string, change: Record<string, string> = {}): Record<string, string> {
    const t = transactions.get(txnRef);
    if (!t) throw new Error(`unknown transaction ${txnRef}`);
    const params: Record<string, string> = {
      vnp_Amount: t.amount,
      vnp_BankCode: t.bankCode,
      ...(t.status === 'paid' ? { vnp_BankTranNo: `VNP${t.transactionNo}`, vnp_CardType: 'ATM' } : {}),
      vnp_OrderInfo: t.orderInfo,
      vnp_PayDate: t.payDate,
      vnp_ResponseCode: t.responseCode,
      vnp_TmnCode: options.tmnCode,
      vnp_TransactionNo: t.transactionNo,
      vnp_TransactionStatus: t.transactionStatus,
      vnp_TxnRef: t.txnRef,
      ...change,
    };
    return Object.fromEntries(new URLSearchParams(signedQuery(params, options.hashSecret)));
  }

  async function postIpn(params: Record<string, string>): Promise<{ RspCode: string; Message: string }> {
    const query = new URLSearchParams(params).toString();
    const response = await fetch(`${options.ipnUrl}?${query}`, { signal: AbortSignal.timeout(30_000) });
    return (await response.json()) as { RspCode: string; Message: string };
  }

  /** The real gateway calls the IPN until the merchant answers 00 or 02, a bounded number of times. */
  function deliverIpn(t: SimTransaction) {
    const run = new Promise<void>((resolve) => {
      const attempt = async (n: number) => {
        if (closed) return resolve();
        let answer = 'no answer';
        try {
          answer = (await postIpn(callbackParams(t.txnRef))).RspCode;
        } catch (error) {
          answer = `error: ${(error as Error).message}`;
        }
        t.ipnAttempts.push({ at: new Date(), answer });
        if (answer === '00' || answer === '02' || n >= options.ipnMaxAttempts) return resolve();
        const timer = setTimeout(() => {
          timers.delete(timer);
          void attempt(n + 1);
        }, options.ipnRetryMs);
        timers.add(timer);
      };
      const timer = setTimeout(() => {
        timers.delete(timer);
        void attempt(1);
      }, options.ipnDelayMs);
      timers.add(timer);
    });
    inFlight.set(t.txnRef, run);
  }

  function showPayment(url: URL, res: http.ServerResponse) {
    const params = Object.fromEntries(url.searchParams);
    const problem = !verifyQuery(params, options.hashSecret)
      ? 'Sai chữ ký (mã lỗi 70).'
      : params.vnp_TmnCode !== options.tmnCode
        ? 'Website này chưa được phê duyệt (vnp_TmnCode sai).'
        : params.vnp_Version !== '2.1.0' || params.vnp_Command !== 'pay'
          ? 'Sai phiên bản hoặc lệnh (vnp_Version, vnp_Command).'
          : !/^\d+00$/.test(params.vnp_Amount ?? '')
            ? 'Số tiền không hợp lệ.'
            : (parseVnpDate(params.vnp_ExpireDate)?.getTime() ?? 0) < Date.now()
              ? 'Giao dịch đã quá thời gian chờ thanh toán (mã lỗi 11).'
              : null;
    if (problem) {
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Lỗi giao dịch', `<h1>Không thực hiện được giao dịch</h1><p>${escapeHtml(problem)}</p>`));
      return;
    }
    const txnRef = params.vnp_TxnRef as string;
    if (!transactions.has(txnRef)) {
      transactions.set(txnRef, {
        txnRef,
        amount: params.vnp_Amount as string,
        orderInfo: params.vnp_OrderInfo ?? '',
        returnUrl: params.vnp_ReturnUrl ?? '',
        createDate: params.vnp_CreateDate ?? '',
        expireDate: params.vnp_ExpireDate ?? '',
        status: 'pending',
        transactionNo: '0',
        bankCode: params.vnp_BankCode ?? 'NCB',
        payDate: '',
        responseCode: '',
        transactionStatus: '01',
        ipnAttempts: [],
      });
    }
    const t = transactions.get(txnRef) as SimTransaction;
    const amount = new Intl.NumberFormat('vi-VN').format(Number(t.amount) / 100);
    const banks = BANKS.map(
      ([code, name], i) =>
        `<label><input type="radio" name="bank" value="${code}"${i === 0 ? ' checked' : ''}> ${escapeHtml(name)}</label>`,
    ).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      page(
        'Cổng thanh toán VNPAY (mô phỏng)',
        `<h1>Cổng thanh toán VNPAY (mô phỏng)</h1>
<div class="box"><p>Đơn vị: <b>${escapeHtml(options.tmnCode)}</b></p><p>Mã giao dịch: <b>${escapeHtml(txnRef)}</b></p>
<p>Nội dung: ${escapeHtml(t.orderInfo)}</p><p>Số tiền: <b>${amount} đ</b></p></div>
<form method="post" action="/paymentv2/pay"><input type="hidden" name="txnRef" value="${escapeHtml(txnRef)}">
<fieldset class="box"><legend>Chọn ngân hàng</legend>${banks}</fieldset>
<button class="pay" type="submit" name="action" value="pay">Thanh toán</button>
<button type="submit" name="action" value="cancel">Hủy</button></form>`,
      ),
    );
  }

  async function pay(req: http.IncomingMessage, res: http.ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    const t = transactions.get(form.get('txnRef') ?? '');
    if (t?.status !== 'pending') {
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Lỗi giao dịch', '<h1>Giao dịch không tồn tại hoặc đã được xử lý.</h1>'));
      return;
    }
    const paid = form.get('action') === 'pay';
    sequence += 1;
    t.bankCode = BANKS.some(([code]) => code === form.get('bank')) ? (form.get('bank') as string) : 'NCB';
    t.payDate = vnpDate(new Date());
    t.status = paid ? 'paid' : 'cancelled';
    t.responseCode = paid ? '00' : '24';
    t.transactionStatus = paid ? '00' : '02';
    t.transactionNo = paid ? String(sequence) : '0';
    deliverIpn(t);
    const query = signedQuery(
      Object.fromEntries(Object.entries(callbackParams(t.txnRef)).filter(([k]) => k !== 'vnp_SecureHash')),
      options.hashSecret,
    );
    res.writeHead(302, { location: `${t.returnUrl}?${query}` });
    res.end();
  }

  function apiAnswer(body: Record<string, unknown>): Record<string, unknown> {
    const command = body.vnp_Command;
    const fields = command === 'refund' ? REFUND_REQUEST_FIELDS : QUERYDR_REQUEST_FIELDS;
    const base = {
      vnp_ResponseId: randomBytes(8).toString('hex'),
      vnp_Command: String(command ?? ''),
      vnp_TmnCode: options.tmnCode,
      vnp_TxnRef: String(body.vnp_TxnRef ?? ''),
    };
    const sign = (answer: Record<string, unknown>, responseFields: readonly string[]) => ({
      ...answer,
      vnp_SecureHash: signPipe(responseFields, answer, options.hashSecret),
    });
    const responseFields = command === 'refund' ? REFUND_RESPONSE_FIELDS : QUERYDR_RESPONSE_FIELDS;
    const fail = (code: string, message: string) =>
      sign({ ...base, vnp_ResponseCode: code, vnp_Message: message }, responseFields);
    if (command !== 'querydr' && command !== 'refund') return fail('03', 'Invalid command');
    if (!verifyPipe(fields, body, options.hashSecret)) return fail('97', 'Invalid Checksum');
    if (body.vnp_TmnCode !== options.tmnCode) return fail('02', 'Merchant is not valid');
    const t = transactions.get(String(body.vnp_TxnRef ?? ''));
    if (!t || t.createDate !== body.vnp_TransactionDate) return fail('91', 'Transaction not found');
    const record = {
      ...base,
      vnp_Amount: t.amount,
      vnp_BankCode: t.bankCode,
      vnp_PayDate: t.payDate,
      vnp_TransactionNo: t.transactionNo,
      vnp_TransactionType: '01',
      vnp_OrderInfo: t.orderInfo,
    };
    if (command === 'querydr') {
      return sign(
        {
          ...record,
          vnp_ResponseCode: '00',
          vnp_Message: 'QueryDR Success',
          vnp_TransactionStatus: t.transactionStatus,
          vnp_PromotionCode: '',
          vnp_PromotionAmount: '',
        },
        responseFields,
      );
    }
    if (t.status === 'refunded') return fail('94', 'Duplicate request');
    if (t.status !== 'paid') return fail('95', 'Transaction is not successful');
    if (Number(body.vnp_Amount) > Number(t.amount) || !/^\d+$/.test(String(body.vnp_Amount)))
      return fail('03', 'Invalid amount');
    t.status = 'refunded';
    t.transactionStatus = '05';
    return sign(
      {
        ...record,
        vnp_Amount: String(body.vnp_Amount),
        vnp_TransactionType: String(body.vnp_TransactionType ?? '02'),
        vnp_ResponseCode: '00',
        vnp_Message: 'Refund success',
        vnp_TransactionStatus: '05',
      },
      responseFields,
    );
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (req.method === 'GET' && url.pathname === '/paymentv2/vpcpay.html') return showPayment(url, res);
      if (req.method === 'POST' && url.pathname === '/paymentv2/pay') return pay(req, res);
      if (req.method === 'POST' && url.pathname === '/merchant_webapi/api/transaction') {
        const raw = await readBody(req);
        if (options.apiHang) {
          hanging.add(res);
          return;
        }
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          res.writeHead(400).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(apiAnswer(body)));
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không có trang này.');
    };
    handle().catch((error) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(input.port ?? 0, input.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${input.host ?? '127.0.0.1'}:${port}`;
  return {
    url,
    paymentUrl: `${url}/paymentv2/vpcpay.html`,
    apiUrl: `${url}/merchant_webapi/api/transaction`,
    options,
    transactions,
    callbackParams,
    sendIpn: (txnRef, change) => postIpn(callbackParams(txnRef, change)),
    ipnSettled: async (txnRef) => {
      await inFlight.get(txnRef);
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.argv[2] ?? 4466);
  const env = process.env;
  const simulator = await startVnpaySimulator({
    port,
    host: env.VNPAY_SIM_HOST ?? '127.0.0.1',
    tmnCode: env.VNPAY_SIM_TMN_CODE || SIMULATOR_DEFAULTS.tmnCode,
    hashSecret: env.VNPAY_SIM_HASH_SECRET || SIMULATOR_DEFAULTS.hashSecret,
    ipnUrl: env.VNPAY_SIM_IPN_URL || 'http://127.0.0.1:3000/api/payments/vnpay/ipn',
    ipnDelayMs: Number(env.VNPAY_SIM_IPN_DELAY_MS || 300),
    ipnRetryMs: Number(env.VNPAY_SIM_IPN_RETRY_MS || 60_000),
    apiHang: env.VNPAY_SIM_API_HANG === '1',
  });
  const o = simulator.options;
  process.stdout.write(
    `Mô phỏng cổng VNPAY đang chạy: ${simulator.url}\n  IPN gửi tới: ${o.ipnUrl}\n` +
      `  Cấu hình cho ứng dụng:\n    VNPAY_TMN_CODE=${o.tmnCode}\n    VNPAY_HASH_SECRET=${o.hashSecret}\n` +
      `    VNPAY_PAYMENT_URL=${simulator.paymentUrl}\n    VNPAY_API_URL=${simulator.apiUrl}\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void simulator.close().then(() => process.exit(0)));
}

import { randomBytes } from 'node:crypto';
import {
  type GatewayCallback,
  type GatewayRefund,
  type GatewayTransaction,
  GatewayUnavailableError,
  type NewPayment,
  type OrderRef,
  type PaymentProvider,
} from './payment-provider.ts';
import {
  API_RESPONSE_MESSAGES,
  QUERYDR_REQUEST_FIELDS,
  QUERYDR_RESPONSE_FIELDS,
  REFUND_REQUEST_FIELDS,
  REFUND_RESPONSE_FIELDS,
  signedQuery,
  signPipe,
  VNPAY_VERSION,
  verifyPipe,
  verifyQuery,
  vnpDate,
} from './vnpay-protocol.ts';

export interface VnpayConfig {
  /** vnp_TmnCode: the merchant's terminal code. */
  tmnCode: string;
  /** vnp_HashSecret. */
  hashSecret: string;
  /** The payment page, e.g. https://sandbox.vnpayment.vn/paymentv2/vpcpay.html. */
  paymentUrl: string;
  /** The merchant web API (querydr, refund), e.g. https://sandbox.vnpayment.vn/merchant_webapi/api/transaction. */
  apiUrl: string;
  /** How long a querydr/refund call may take before it counts as a timeout. */
  apiTimeoutMs?: number;
  /** The server's own address sent as vnp_IpAddr in API calls. */
  serverIp?: string;
}

const sandbox = {
  paymentUrl: 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
  apiUrl: 'https://sandbox.vnpayment.vn/merchant_webapi/api/transaction',
};

/** VNPAY_TMN_CODE, VNPAY_HASH_SECRET (both or neither), VNPAY_PAYMENT_URL, VNPAY_API_URL (sandbox by default). */
export function loadVnpayConfig(env: NodeJS.ProcessEnv = process.env): VnpayConfig | undefined {
  const tmnCode = env.VNPAY_TMN_CODE || undefined;
  const hashSecret = env.VNPAY_HASH_SECRET || undefined;
  if (!tmnCode && !hashSecret) return undefined;
  if (!tmnCode || !hashSecret)
    throw new Error('Thiếu cấu hình VNPAY_TMN_CODE hoặc VNPAY_HASH_SECRET (các biến đi cùng nhau).');
  const paymentUrl = env.VNPAY_PAYMENT_URL || sandbox.paymentUrl;
  const apiUrl = env.VNPAY_API_URL || sandbox.apiUrl;
  for (const [name, url] of [
    ['VNPAY_PAYMENT_URL', paymentUrl],
    ['VNPAY_API_URL', apiUrl],
  ] as const) {
    if (!URL.canParse(url) || !/^https?:/.test(url)) throw new Error(`${name} không hợp lệ: ${url}`);
  }
  const timeout = Number(env.VNPAY_API_TIMEOUT_MS || 15_000);
  return { tmnCode, hashSecret, paymentUrl, apiUrl, apiTimeoutMs: timeout > 0 ? timeout : 15_000 };
}

const text = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v));

/** vnp_Amount (VND ×100) back to đồng; null unless a whole number of đồng. */
export function amountFromVnp(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value);
  if (!/^\d{1,15}$/.test(s)) return null;
  const n = Number(s);
  return n % 100 === 0 ? n / 100 : null;
}

export class VnpayProvider implements PaymentProvider {
  readonly name = 'vnpay';
  constructor(
    readonly config: VnpayConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  paymentUrl(p: NewPayment) {
    const gatewayCreateDate = vnpDate(p.createdAt);
    const params: Record<string, string> = {
      vnp_Version: VNPAY_VERSION,
      vnp_Command: 'pay',
      vnp_TmnCode: this.config.tmnCode,
      vnp_Amount: String(p.amountVnd * 100),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: p.txnRef,
      vnp_OrderInfo: p.orderInfo,
      vnp_OrderType: 'other',
      vnp_Locale: 'vn',
      vnp_ReturnUrl: p.returnUrl,
      vnp_IpAddr: p.ipAddr,
      vnp_CreateDate: gatewayCreateDate,
      vnp_ExpireDate: vnpDate(p.expiresAt),
    };
    return {
      url: `${this.config.paymentUrl}?${signedQuery(params, this.config.hashSecret)}`,
      gatewayCreateDate,
    };
  }

  readCallback(params: Record<string, string>): GatewayCallback {
    const responseCode = text(params.vnp_ResponseCode);
    const transactionStatus = text(params.vnp_TransactionStatus);
    return {
      signatureValid: verifyQuery(params, this.config.hashSecret),
      merchantMatches: params.vnp_TmnCode === this.config.tmnCode,
      txnRef: text(params.vnp_TxnRef),
      amountVnd: amountFromVnp(params.vnp_Amount),
      success: responseCode === '00' && transactionStatus === '00',
      cancelled: responseCode === '24',
      responseCode,
      transactionStatus,
      transactionNo: text(params.vnp_TransactionNo),
      bankCode: text(params.vnp_BankCode),
      bankTranNo: text(params.vnp_BankTranNo),
      cardType: text(params.vnp_CardType),
      payDate: text(params.vnp_PayDate),
    };
  }

  private async post(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const timeoutMs = this.config.apiTimeoutMs ?? 15_000;
    let response: Response;
    try {
      response = await this.fetchImpl(this.config.apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError' ? `quá ${timeoutMs} ms` : (error as Error).message;
      throw new GatewayUnavailableError(`Cổng thanh toán không trả lời (${reason}).`, body);
    }
    if (!response.ok) {
      throw new GatewayUnavailableError(`Cổng thanh toán trả lỗi HTTP ${response.status}.`, body);
    }
    try {
      return (await response.json()) as Record<string, unknown>;
    } catch {
      throw new GatewayUnavailableError('Cổng thanh toán trả dữ liệu không đọc được.', body);
    }
  }

  private requestId() {
    return `${Date.now()}${randomBytes(4).toString('hex')}`.slice(0, 32);
  }

  async queryTransaction(order: OrderRef, now = new Date()): Promise<GatewayTransaction> {
    const request: Record<string, unknown> = {
      vnp_RequestId: this.requestId(),
      vnp_Version: VNPAY_VERSION,
      vnp_Command: 'querydr',
      vnp_TmnCode: this.config.tmnCode,
      vnp_TxnRef: order.txnRef,
      vnp_OrderInfo: `Truy van GD ${order.txnRef}`,
      vnp_TransactionDate: order.gatewayCreateDate,
      vnp_CreateDate: vnpDate(now),
      vnp_IpAddr: this.config.serverIp ?? '127.0.0.1',
      ...(order.transactionNo ? { vnp_TransactionNo: order.transactionNo } : {}),
    };
    request.vnp_SecureHash = signPipe(QUERYDR_REQUEST_FIELDS, request, this.config.hashSecret);
    const raw = await this.post(request);
    const responseCode = String(raw.vnp_ResponseCode ?? '99');
    return {
      responseCode,
      message: API_RESPONSE_MESSAGES[responseCode] ?? String(raw.vnp_Message ?? ''),
      signatureValid: verifyPipe(QUERYDR_RESPONSE_FIELDS, raw, this.config.hashSecret),
      found: responseCode === '00',
      amountVnd: amountFromVnp(raw.vnp_Amount),
      transactionStatus: text(raw.vnp_TransactionStatus),
      transactionNo: text(raw.vnp_TransactionNo),
      bankCode: text(raw.vnp_BankCode),
      payDate: text(raw.vnp_PayDate),
      raw,
      request,
    };
  }

  async refund(order: OrderRef, input: { amountVnd: number; createdBy: string }, now = new Date()) {
    const request: Record<string, unknown> = {
      vnp_RequestId: this.requestId(),
      vnp_Version: VNPAY_VERSION,
      vnp_Command: 'refund',
      vnp_TmnCode: this.config.tmnCode,
      // 02: full refund, 03: partial.
      vnp_TransactionType: input.amountVnd === order.amountVnd ? '02' : '03',
      vnp_TxnRef: order.txnRef,
      vnp_Amount: String(input.amountVnd * 100),
      vnp_OrderInfo: `Hoan tien GD ${order.txnRef}`,
      vnp_TransactionNo: order.transactionNo ?? '',
      vnp_TransactionDate: order.gatewayCreateDate,
      vnp_CreateBy: input.createdBy,
      vnp_CreateDate: vnpDate(now),
      vnp_IpAddr: this.config.serverIp ?? '127.0.0.1',
    };
    request.vnp_SecureHash = signPipe(REFUND_REQUEST_FIELDS, request, this.config.hashSecret);
    const raw = await this.post(request);
    const responseCode = String(raw.vnp_ResponseCode ?? '99');
    const signatureValid = verifyPipe(REFUND_RESPONSE_FIELDS, raw, this.config.hashSecret);
    const result: GatewayRefund = {
      responseCode,
      message: API_RESPONSE_MESSAGES[responseCode] ?? String(raw.vnp_Message ?? ''),
      signatureValid,
      accepted: signatureValid && responseCode === '00',
      raw,
      request,
    };
    return result;
  }
}

import { createHmac, timingSafeEqual } from 'node:crypto';

// The VNPay 2.1.0 protocol, pure (no I/O): canonical query strings, HMAC-SHA512 signatures, dates, codes.
// The payment URL, the return URL and the IPN are signed over the query string: the vnp_* parameters except the
// signature itself, sorted by name, each name and value URL-encoded as PHP's urlencode does (space → '+'), joined
// by '&'. The JSON APIs (querydr, refund) are signed over their fields joined by '|' in a fixed order.

export const VNPAY_VERSION = '2.1.0';

/** PHP urlencode: every byte but A–Z a–z 0–9 - _ . percent-encoded, space as '+'. */
export function vnpEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

export function hmacSha512Hex(secret: string, data: string): string {
  return createHmac('sha512', Buffer.from(secret, 'utf8')).update(Buffer.from(data, 'utf8')).digest('hex');
}

const unsigned = new Set(['vnp_SecureHash', 'vnp_SecureHashType']);

/** The signed text of a query: vnp_* parameters but the hash, non-empty, sorted by name, encoded, '&'-joined. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && !unsigned.has(k) && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${vnpEncode(k)}=${vnpEncode(params[k] as string)}`)
    .join('&');
}

/** Adds vnp_SecureHash to the parameters and returns the full query string (the hash last). */
export function signedQuery(params: Record<string, string>, secret: string): string {
  const data = canonicalQuery(params);
  return `${data}&vnp_SecureHash=${hmacSha512Hex(secret, data)}`;
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase(), 'utf8');
  const y = Buffer.from(b.toLowerCase(), 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether a query the gateway sent (return URL, IPN) carries a valid vnp_SecureHash. */
export function verifyQuery(params: Record<string, string>, secret: string): boolean {
  const hash = params.vnp_SecureHash;
  if (!hash || !/^[0-9a-fA-F]{128}$/.test(hash)) return false;
  return sameHex(hmacSha512Hex(secret, canonicalQuery(params)), hash);
}

/** The '|'-joined text of a JSON API message (missing fields as empty strings). */
export function pipeData(fields: readonly string[], body: Record<string, unknown>): string {
  return fields.map((f) => (body[f] === undefined || body[f] === null ? '' : String(body[f]))).join('|');
}

export function signPipe(fields: readonly string[], body: Record<string, unknown>, secret: string): string {
  return hmacSha512Hex(secret, pipeData(fields, body));
}

export function verifyPipe(
  fields: readonly string[],
  body: Record<string, unknown>,
  secret: string,
): boolean {
  const hash = body.vnp_SecureHash;
  if (typeof hash !== 'string' || !/^[0-9a-fA-F]{128}$/.test(hash)) return false;
  return sameHex(signPipe(fields, body, secret), hash);
}

export const QUERYDR_REQUEST_FIELDS = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_TransactionDate',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const;

export const QUERYDR_RESPONSE_FIELDS = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
  'vnp_PromotionCode',
  'vnp_PromotionAmount',
] as const;

export const REFUND_REQUEST_FIELDS = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TransactionType',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_TransactionNo',
  'vnp_TransactionDate',
  'vnp_CreateBy',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const;

export const REFUND_RESPONSE_FIELDS = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
] as const;

/** yyyyMMddHHmmss in Vietnam time (GMT+7), as every vnp_*Date field. */
export function vnpDate(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return local.slice(0, 19).replace(/[-T:]/g, '');
}

/** The instant of a vnp_*Date value (GMT+7), or null when malformed. */
export function parseVnpDate(value: string | undefined): Date | null {
  const m = value?.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const at = new Date(Date.UTC(y as number, (mo as number) - 1, d, (h as number) - 7, mi, s));
  return Number.isNaN(at.getTime()) ? null : at;
}

/** vnp_OrderInfo: VNPay asks for Vietnamese without diacritics and no special characters. */
export function plainOrderInfo(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .:\-_/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

/** The IPN answers of the protocol (RspCode, Message), as the merchant sends them back to the gateway. */
export const IPN_ANSWERS = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  orderNotFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  unknownError: { RspCode: '99', Message: 'Unknow error' },
} as const;
export type IpnAnswer = (typeof IPN_ANSWERS)[keyof typeof IPN_ANSWERS];

/** vnp_ResponseCode of the payment (return URL, IPN), in Vietnamese for the applicant. */
export const PAYMENT_RESPONSE_MESSAGES: Record<string, string> = {
  '00': 'Giao dịch thành công.',
  '07': 'Trừ tiền thành công, giao dịch bị nghi ngờ (liên quan tới lừa đảo, giao dịch bất thường).',
  '09': 'Thẻ/Tài khoản chưa đăng ký dịch vụ Internet Banking tại ngân hàng.',
  '10': 'Xác thực thông tin thẻ/tài khoản không đúng quá 3 lần.',
  '11': 'Đã hết hạn chờ thanh toán. Vui lòng thực hiện lại giao dịch.',
  '12': 'Thẻ/Tài khoản bị khóa.',
  '13': 'Nhập sai mật khẩu xác thực giao dịch (OTP).',
  '24': 'Bạn đã hủy giao dịch.',
  '51': 'Tài khoản không đủ số dư để thực hiện giao dịch.',
  '65': 'Tài khoản đã vượt quá hạn mức giao dịch trong ngày.',
  '75': 'Ngân hàng thanh toán đang bảo trì.',
  '79': 'Nhập sai mật khẩu thanh toán quá số lần quy định.',
  '99': 'Lỗi không xác định từ cổng thanh toán.',
};

/** vnp_TransactionStatus (IPN, querydr). */
export const TRANSACTION_STATUS_LABELS: Record<string, string> = {
  '00': 'Giao dịch thành công',
  '01': 'Giao dịch chưa hoàn tất',
  '02': 'Giao dịch bị lỗi',
  '04': 'Giao dịch đảo (đã trừ tiền tại ngân hàng nhưng chưa thành công ở VNPay)',
  '05': 'VNPay đang xử lý hoàn tiền',
  '06': 'VNPay đã gửi yêu cầu hoàn tiền sang ngân hàng',
  '07': 'Giao dịch bị nghi ngờ gian lận',
  '09': 'Giao dịch hoàn trả bị từ chối',
};

/** vnp_ResponseCode of the querydr and refund APIs. */
export const API_RESPONSE_MESSAGES: Record<string, string> = {
  '00': 'Yêu cầu thành công',
  '02': 'Mã định danh kết nối không hợp lệ (kiểm tra lại vnp_TmnCode)',
  '03': 'Dữ liệu gửi sang không đúng định dạng',
  '91': 'Không tìm thấy giao dịch yêu cầu',
  '94': 'Yêu cầu bị trùng lặp trong thời gian giới hạn của API',
  '95': 'Giao dịch này không thành công bên VNPay; VNPay từ chối xử lý yêu cầu',
  '97': 'Chữ ký không hợp lệ',
  '99': 'Các lỗi khác',
};

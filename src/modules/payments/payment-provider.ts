// What the payments module needs from a payment gateway. One implementation: VNPay (vnpay-provider.ts).

export interface NewPayment {
  txnRef: string;
  amountVnd: number;
  orderInfo: string;
  createdAt: Date;
  expiresAt: Date;
  /** The payer's IP address (vnp_IpAddr). */
  ipAddr: string;
  /** Where the gateway sends the browser back. */
  returnUrl: string;
}

/** A callback (return URL or IPN) as the gateway signed it. */
export interface GatewayCallback {
  signatureValid: boolean;
  merchantMatches: boolean;
  txnRef: string | null;
  /** The amount in VND, or null when the field is missing or not a whole number of đồng ×100. */
  amountVnd: number | null;
  /** The payment went through (response code and transaction status both success). */
  success: boolean;
  cancelled: boolean;
  responseCode: string | null;
  transactionStatus: string | null;
  transactionNo: string | null;
  bankCode: string | null;
  bankTranNo: string | null;
  cardType: string | null;
  payDate: string | null;
}

/** The gateway's record of a transaction (querydr). */
export interface GatewayTransaction {
  /** API response code: '00' found, '91' not found, others errors. */
  responseCode: string;
  message: string;
  signatureValid: boolean;
  found: boolean;
  amountVnd: number | null;
  transactionStatus: string | null;
  transactionNo: string | null;
  bankCode: string | null;
  payDate: string | null;
  raw: Record<string, unknown>;
  request: Record<string, unknown>;
}

export interface GatewayRefund {
  responseCode: string;
  message: string;
  signatureValid: boolean;
  accepted: boolean;
  raw: Record<string, unknown>;
  request: Record<string, unknown>;
}

export interface OrderRef {
  txnRef: string;
  orderInfo: string;
  gatewayCreateDate: string;
  transactionNo: string | null;
  amountVnd: number;
}

/** The gateway did not answer in time (or at all): the call may be retried later, nothing is concluded. */
export class GatewayUnavailableError extends Error {
  constructor(
    message: string,
    readonly request: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface PaymentProvider {
  readonly name: string;
  paymentUrl(payment: NewPayment): { url: string; gatewayCreateDate: string };
  readCallback(params: Record<string, string>): GatewayCallback;
  queryTransaction(order: OrderRef, now?: Date): Promise<GatewayTransaction>;
  refund(
    order: OrderRef,
    input: { amountVnd: number; createdBy: string },
    now?: Date,
  ): Promise<GatewayRefund>;
}

import { answerText, type DeliveryAdapter, PermanentDeliveryError } from './types.ts';

export interface SmsSettings {
  /** The gateway's send endpoint. */
  url: string;
  apiKey: string;
  /** The registered sender name (brandname) shown on the phone. */
  brandname: string;
  timeoutMs?: number;
}

/** Client errors other than timeouts and throttling will not succeed on retry. */
export const isPermanentStatus = (status: number) =>
  status >= 400 && status < 500 && status !== 408 && status !== 429;

/**
 * SMS through an HTTP gateway (contract in the module README): POST JSON `{ to, text, brandname }` with
 * `Authorization: Bearer <key>` and `Idempotency-Key`; a 2xx answer `{ messageId }` means accepted.
 */
export function smsAdapter(settings: SmsSettings): DeliveryAdapter {
  return {
    async send(message) {
      const response = await fetch(settings.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${settings.apiKey}`,
          'content-type': 'application/json',
          'idempotency-key': message.idempotencyKey,
        },
        body: JSON.stringify({
          to: message.address,
          text: message.text ?? message.title,
          brandname: settings.brandname,
        }),
        signal: AbortSignal.timeout(settings.timeoutMs ?? 15_000),
      });
      if (!response.ok) {
        const text = `Cổng SMS trả lời HTTP ${response.status}: ${await answerText(response)}`;
        throw isPermanentStatus(response.status) ? new PermanentDeliveryError(text) : new Error(text);
      }
      const answer = (await response.json().catch(() => null)) as { messageId?: unknown } | null;
      if (typeof answer?.messageId !== 'string' || !answer.messageId) {
        throw new Error('Cổng SMS không trả về mã tin nhắn (messageId).');
      }
      return { providerMessageId: answer.messageId };
    },
  };
}

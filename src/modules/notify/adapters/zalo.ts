import { isPermanentStatus } from './sms.ts';
import { answerText, type DeliveryAdapter, PermanentDeliveryError } from './types.ts';

export interface ZaloSettings {
  url: string;
  accessToken: string;
  timeoutMs?: number;
}

/**
 * A consultation (CS) text message from the agency's Zalo Official Account to a follower. Zalo answers HTTP 200
 * with `error: 0` and `data.message_id` on success, and a non-zero `error` with a `message` otherwise.
 */
export function zaloAdapter(settings: ZaloSettings): DeliveryAdapter {
  return {
    async send(message) {
      const response = await fetch(settings.url, {
        method: 'POST',
        headers: {
          access_token: settings.accessToken,
          'content-type': 'application/json',
          'idempotency-key': message.idempotencyKey,
        },
        body: JSON.stringify({
          recipient: { user_id: message.address },
          message: { text: message.text ?? `${message.title}\n\n${message.body}` },
        }),
        signal: AbortSignal.timeout(settings.timeoutMs ?? 15_000),
      });
      if (!response.ok) {
        const text = `Zalo OA trả lời HTTP ${response.status}: ${await answerText(response)}`;
        throw isPermanentStatus(response.status) ? new PermanentDeliveryError(text) : new Error(text);
      }
      const answer = (await response.json().catch(() => null)) as {
        error?: unknown;
        message?: unknown;
        data?: { message_id?: unknown };
      } | null;
      if (answer?.error === 0 && typeof answer.data?.message_id === 'string') {
        return { providerMessageId: answer.data.message_id };
      }
      throw new Error(
        `Zalo OA từ chối tin nhắn (mã ${String(answer?.error ?? 'không rõ')}): ${String(answer?.message ?? 'không có mô tả')}`,
      );
    },
  };
}

import type { NotificationChannel } from '../schema.ts';

/** One delivery as the worker hands it to a channel. */
export interface OutgoingMessage {
  channel: NotificationChannel;
  /** Email address, phone number (0xxxxxxxxx) or Zalo follower id. */
  address: string;
  /** `<event id>:<channel>`: sent along so the provider (or reader) recognises a resend after a crash. */
  idempotencyKey: string;
  title: string;
  body: string;
  /** The channel's own text (SMS: short and unaccented), when it has one. */
  text: string | undefined;
}

export interface DeliveryAdapter {
  /** Resolves with the provider's message id; throws on failure (PermanentDeliveryError: do not retry). */
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

export type DeliveryAdapters = Partial<Record<NotificationChannel, DeliveryAdapter>>;

/** A failure a retry cannot fix (a refused address, a rejected request): the delivery fails at once. */
export class PermanentDeliveryError extends Error {}

/** Reads a provider's answer for an error message: its text, cut to what a status column can show. */
export async function answerText(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  return text.slice(0, 300);
}

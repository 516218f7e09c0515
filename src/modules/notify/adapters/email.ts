import nodemailer from 'nodemailer';
import type { DeliveryAdapter } from './types.ts';

export interface EmailSettings {
  /** smtp://user:pass@host:port (smtps:// for implicit TLS). */
  url: string;
  /** The From header, e.g. `Motcua <khongtraloi@motcua.vn>`. */
  from: string;
}

/** The domain of the From address: Message-IDs are made unique under it. */
function domainOf(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'motcua.local';
}

/**
 * Email over SMTP. The Message-ID is derived from the idempotency key (and the key is repeated in
 * X-Motcua-Idempotency-Key), so a message re-sent after a crash is recognisably the same one downstream.
 */
export function emailAdapter(settings: EmailSettings): DeliveryAdapter & { close(): void } {
  const transport = nodemailer.createTransport(settings.url);
  const domain = domainOf(settings.from);
  return {
    async send(message) {
      // ':' is not allowed on the left of a Message-ID's '@' (RFC 5322 dot-atom).
      const messageId = `<${message.idempotencyKey.replaceAll(':', '.')}@${domain}>`;
      const info = await transport.sendMail({
        from: settings.from,
        to: message.address,
        subject: message.title,
        text: message.body,
        messageId,
        headers: { 'X-Motcua-Idempotency-Key': message.idempotencyKey },
      });
      return { providerMessageId: info.messageId || messageId };
    },
    close: () => transport.close(),
  };
}

// A local SMTP server that keeps what it receives: for tests (read the "captured email") and for trying the
// notifications in development without a real mail server.
//   node --import tsx src/modules/notify/testing/mail-catcher.ts [port=2525] [directory to write JSON to]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  messageId: string;
  idempotencyKey: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The SMTP login the sender used, if any. */
  user: string | null;
  receivedAt: string;
  /** A message with a Message-ID seen before (a resend after a crash). */
  duplicate: boolean;
}

export interface MailCatcher {
  port: number;
  /** smtp://user:pass@127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  /** Every message received, resends included, in arrival order. */
  messages: CapturedMail[];
  /** Distinct messages by Message-ID. */
  unique(): CapturedMail[];
  /** Resolves once `count` messages (resends included) have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
}

export interface MailCatcherOptions {
  port?: number;
  host?: string;
  /** Writes each message there as `<n>-<message id>.json`. */
  dir?: string;
  /** Awaited after a message is kept, before the server says OK (tests hold it to kill the sender mid-send). */
  afterReceive?: (mail: CapturedMail) => Promise<void>;
}

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const messages: CapturedMail[] = [];
  const seen = new Set<string>();
  const waiters: (() => void)[] = [];
  if (options.dir) fs.mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'user' });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const messageId = parsed.messageId ?? '';
          const header = parsed.headers.get('x-motcua-idempotency-key');
          const toList = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) =>
            a.value.map((v) => v.address ?? ''),
          );
          const mail: CapturedMail = {
            messageId,
            idempotencyKey: typeof header === 'string' ? header : null,
            from: parsed.from?.text ?? '',
            to: toList,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            user: typeof session.user === 'string' ? session.user : null,
            receivedAt: new Date().toISOString(),
            duplicate: seen.has(messageId),
          };
          seen.add(messageId);
          messages.push(mail);
          if (options.dir) {
            const name = `${String(messages.length).padStart(4, '0')}-${messageId.replace(/[^\w.@-]+/g, '_')}.json`;
            fs.writeFileSync(path.join(options.dir, name), JSON.stringify(mail, null, 2));
          }
          for (const wake of waiters.splice(0)) wake();
          // Held after the message is kept: the sender may die before it hears "250 OK".
          await options.afterReceive?.(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  // A client dropping the connection (a killed sender) must not bring the catcher down.
  server.on('error', () => {});
  return {
    port,
    url: `smtp://catcher:secret@${host}:${port}`,
    messages,
    unique: () => messages.filter((m) => !m.duplicate),
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`mail catcher: ${messages.length} of ${count} messages received`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const catcher = await startMailCatcher({
    port: Number(process.argv[2] ?? 2525),
    dir: process.argv[3],
    afterReceive: async (mail) => {
      process.stdout.write(`${mail.receivedAt} → ${mail.to.join(', ')}: ${mail.subject}\n`);
    },
  });
  process.stdout.write(`Máy nhận thư thử nghiệm: SMTP_URL=${catcher.url}\n`);
}

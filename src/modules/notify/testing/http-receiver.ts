// Local stand-ins for the SMS gateway and Zalo OA: they check each request against the contract, answer like the
// provider, and remember idempotency keys as a provider does (a resend gets the first answer and is not re-sent).
import http from 'node:http';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  idempotencyKey: string | null;
  /** Contract violations found by `check`; empty when the request is well-formed. */
  problems: string[];
  /** The key was accepted before: the provider would not deliver it again. */
  duplicate: boolean;
}

export interface Answer {
  status: number;
  json: unknown;
}

export interface HttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Delivered messages: first accepted request per idempotency key. */
  delivered(): ReceivedRequest[];
  /** The provider's answer recorded for a delivered key. */
  answerFor(key: string): Answer | undefined;
  close(): Promise<void>;
}

export interface HttpReceiverOptions {
  path: string;
  check(request: ReceivedRequest): string[];
  /** The answer to an accepted (first, well-formed) request; `n` counts accepted requests from 1. */
  answer(request: ReceivedRequest, n: number): Answer;
  /** Awaited after the message is delivered, before answering (tests hold it to kill the sender mid-send). */
  beforeAnswer?: (request: ReceivedRequest) => Promise<void>;
}

export async function startHttpReceiver(options: HttpReceiverOptions): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const answered = new Map<string, Answer>();
  let accepted = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      let body: unknown = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = Buffer.concat(chunks).toString('utf8');
      }
      const keyHeader = req.headers['idempotency-key'];
      const idempotencyKey = typeof keyHeader === 'string' ? keyHeader : null;
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: (req.url ?? '').split('?')[0] ?? '',
        headers: req.headers,
        body,
        idempotencyKey,
        problems: [],
        duplicate: idempotencyKey !== null && answered.has(idempotencyKey),
      };
      if (request.path !== options.path) request.problems.push(`path ${request.path}`);
      request.problems.push(...options.check(request));
      requests.push(request);
      let answer: Answer;
      if (request.problems.length) answer = { status: 400, json: { problems: request.problems } };
      else if (request.duplicate && idempotencyKey) answer = answered.get(idempotencyKey) as Answer;
      else {
        accepted += 1;
        answer = options.answer(request, accepted);
        // Only a successful send is remembered: a failed one may be retried with the same key.
        if (idempotencyKey && answer.status < 300) answered.set(idempotencyKey, answer);
      }
      // Held after delivery: the sender may die before it learns the message went out.
      await options.beforeAnswer?.(request);
      if (res.destroyed) return;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${options.path}`,
    requests,
    delivered: () => {
      const seen = new Set<string>();
      return requests.filter((r) => {
        if (r.problems.length || !r.idempotencyKey || seen.has(r.idempotencyKey)) return false;
        if (!answered.has(r.idempotencyKey)) return false;
        seen.add(r.idempotencyKey);
        return true;
      });
    },
    answerFor: (key) => answered.get(key),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The SMS gateway contract (module README). */
export function checkSmsRequest(expected: { apiKey: string; brandname: string }) {
  return (r: ReceivedRequest): string[] => {
    const problems: string[] = [];
    if (r.method !== 'POST') problems.push(`method ${r.method}`);
    if (r.headers.authorization !== `Bearer ${expected.apiKey}`) problems.push('authorization');
    if (!String(r.headers['content-type']).startsWith('application/json')) problems.push('content-type');
    if (!r.idempotencyKey) problems.push('idempotency-key');
    const b = r.body;
    if (!isObject(b)) return [...problems, 'body is not a JSON object'];
    if (typeof b.to !== 'string' || !/^0\d{9}$/.test(b.to)) problems.push('to');
    if (typeof b.text !== 'string' || !b.text || b.text.length > 320) problems.push('text');
    if (b.brandname !== expected.brandname) problems.push('brandname');
    const extra = Object.keys(b).filter((k) => !['to', 'text', 'brandname'].includes(k));
    if (extra.length) problems.push(`unexpected fields ${extra.join(',')}`);
    return problems;
  };
}

/** Zalo OA's consultation message contract. */
export function checkZaloRequest(expected: { accessToken: string }) {
  return (r: ReceivedRequest): string[] => {
    const problems: string[] = [];
    if (r.method !== 'POST') problems.push(`method ${r.method}`);
    if (r.headers.access_token !== expected.accessToken) problems.push('access_token');
    if (!String(r.headers['content-type']).startsWith('application/json')) problems.push('content-type');
    if (!r.idempotencyKey) problems.push('idempotency-key');
    const b = r.body;
    if (!isObject(b) || !isObject(b.recipient) || !isObject(b.message)) return [...problems, 'body shape'];
    if (typeof b.recipient.user_id !== 'string' || !b.recipient.user_id) problems.push('recipient.user_id');
    if (typeof b.message.text !== 'string' || !b.message.text || b.message.text.length > 2000)
      problems.push('message.text');
    return problems;
  };
}

export const smsAccepted = (_r: ReceivedRequest, n: number): Answer => ({
  status: 200,
  json: { messageId: `sms-${n}` },
});

export const zaloAccepted = (_r: ReceivedRequest, n: number): Answer => ({
  status: 200,
  json: { error: 0, message: 'Success', data: { message_id: `zalo-${n}`, user_id: 'x' } },
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkSmsRequest,
  checkZaloRequest,
  type HttpReceiver,
  smsAccepted,
  startHttpReceiver,
} from '../testing/http-receiver.ts';
import { type MailCatcher, startMailCatcher } from '../testing/mail-catcher.ts';
import { emailAdapter } from './email.ts';
import { smsAdapter } from './sms.ts';
import { type OutgoingMessage, PermanentDeliveryError } from './types.ts';
import { zaloAdapter } from './zalo.ts';

const message = (over: Partial<OutgoingMessage>): OutgoingMessage => ({
  channel: 'email',
  address: 'hoa@example.vn',
  idempotencyKey: '12:email',
  title: 'Hồ sơ 001.01.92.H92-261125-0001 đã được tiếp nhận',
  body: 'Hồ sơ của ông/bà đã được tiếp nhận.\n\nCán bộ xử lý: Nguyễn Thị Mai',
  text: undefined,
  ...over,
});

describe('email adapter over a real SMTP server', () => {
  let catcher: MailCatcher;
  beforeAll(async () => {
    catcher = await startMailCatcher();
  });
  afterAll(() => catcher.close());

  it('sends the Vietnamese message with a Message-ID and header from the idempotency key', async () => {
    const adapter = emailAdapter({ url: catcher.url, from: 'Motcua <khongtraloi@motcua.vn>' });
    const sent = await adapter.send(message({}));
    adapter.close();
    const [mail] = await catcher.waitFor(1);
    expect(mail).toMatchObject({
      messageId: '<12.email@motcua.vn>',
      idempotencyKey: '12:email',
      to: ['hoa@example.vn'],
      subject: 'Hồ sơ 001.01.92.H92-261125-0001 đã được tiếp nhận',
      user: 'catcher',
      duplicate: false,
    });
    expect(mail?.text).toContain('Cán bộ xử lý: Nguyễn Thị Mai');
    expect(mail?.from).toContain('khongtraloi@motcua.vn');
    expect(sent.providerMessageId).toBe('<12.email@motcua.vn>');
  });
});

describe('SMS adapter', () => {
  const settings = { apiKey: 'sms-key', brandname: 'UBND-VITHANH' };
  let gateway: HttpReceiver;
  let status = 200;
  beforeAll(async () => {
    gateway = await startHttpReceiver({
      path: '/v1/sms/send',
      check: checkSmsRequest(settings),
      answer: (r, n) => (status === 200 ? smsAccepted(r, n) : { status, json: { error: 'tạm ngừng' } }),
    });
  });
  afterAll(() => gateway.close());

  it('posts { to, text, brandname } with a bearer key and the idempotency key', async () => {
    const adapter = smsAdapter({ url: gateway.url, ...settings });
    const sent = await adapter.send(
      message({
        channel: 'sms',
        address: '0912345678',
        idempotencyKey: '12:sms',
        text: 'Motcua: Ho so da tiep nhan',
      }),
    );
    expect(sent).toEqual({ providerMessageId: 'sms-1' });
    const [request] = gateway.requests;
    expect(request?.problems).toEqual([]);
    expect(request?.body).toEqual({
      to: '0912345678',
      text: 'Motcua: Ho so da tiep nhan',
      brandname: 'UBND-VITHANH',
    });
    expect(request?.idempotencyKey).toBe('12:sms');
  });

  it('retries on a server error and gives up on a refused request', async () => {
    const adapter = smsAdapter({ url: gateway.url, ...settings });
    status = 503;
    const transient = await adapter
      .send(message({ channel: 'sms', address: '0912345678', idempotencyKey: '13:sms', text: 'x' }))
      .catch((e) => e);
    expect(transient).toBeInstanceOf(Error);
    expect(transient).not.toBeInstanceOf(PermanentDeliveryError);
    expect(transient.message).toMatch(/^Cổng SMS trả lời HTTP 503/);
    status = 200;
    const refused = await smsAdapter({ url: gateway.url, ...settings, apiKey: 'wrong' })
      .send(message({ channel: 'sms', address: '0912345678', idempotencyKey: '14:sms', text: 'x' }))
      .catch((e) => e);
    expect(refused).toBeInstanceOf(PermanentDeliveryError);
  });
});

describe('Zalo OA adapter', () => {
  let oa: HttpReceiver;
  let error = 0;
  beforeAll(async () => {
    oa = await startHttpReceiver({
      path: '/v3.0/oa/message/cs',
      check: checkZaloRequest({ accessToken: 'oa-token' }),
      answer: (_r, n) => ({
        status: 200,
        json:
          error === 0
            ? { error: 0, message: 'Success', data: { message_id: `zalo-${n}`, user_id: '84123' } }
            : { error, message: 'User has not followed OA' },
      }),
    });
  });
  afterAll(() => oa.close());

  it('sends a consultation text with the access token, and reads error 0 as success', async () => {
    const adapter = zaloAdapter({ url: oa.url, accessToken: 'oa-token' });
    const sent = await adapter.send(
      message({ channel: 'zalo', address: '84123', idempotencyKey: '12:zalo', text: 'Xin chào' }),
    );
    expect(sent).toEqual({ providerMessageId: 'zalo-1' });
    expect(oa.requests[0]?.problems).toEqual([]);
    expect(oa.requests[0]?.body).toEqual({ recipient: { user_id: '84123' }, message: { text: 'Xin chào' } });
    expect(oa.requests[0]?.idempotencyKey).toBe('12:zalo');
  });

  it("reports Zalo's error code and message", async () => {
    error = -213;
    const adapter = zaloAdapter({ url: oa.url, accessToken: 'oa-token' });
    await expect(
      adapter.send(message({ channel: 'zalo', address: '84123', idempotencyKey: '13:zalo', text: 'x' })),
    ).rejects.toThrow('Zalo OA từ chối tin nhắn (mã -213): User has not followed OA');
  });
});

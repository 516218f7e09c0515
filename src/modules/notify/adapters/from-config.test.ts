import { describe, expect, it } from 'vitest';
import { loadNotifyConfig } from '../../../platform/config.ts';
import { configuredChannels } from './from-config.ts';

describe('notification channel configuration', () => {
  it('configures a channel only when all its settings are present', () => {
    expect([...configuredChannels(loadNotifyConfig({}))]).toEqual([]);
    const config = loadNotifyConfig({
      SMTP_URL: 'smtp://u:p@mail.example.vn:587',
      MAIL_FROM: 'Motcua <khongtraloi@motcua.vn>',
      ZALO_OA_ACCESS_TOKEN: 'token',
    });
    expect([...configuredChannels(config)]).toEqual(['email', 'zalo']);
    expect(config.zalo).toEqual({ url: 'https://openapi.zalo.me/v3.0/oa/message/cs', accessToken: 'token' });
  });

  it('stops on a half-configured channel, naming what is missing', () => {
    expect(() => loadNotifyConfig({ SMS_API_URL: 'https://sms.example.vn/send', SMS_API_KEY: 'k' })).toThrow(
      'Thiếu cấu hình SMS_BRANDNAME (các biến đi cùng nhau).',
    );
  });
});

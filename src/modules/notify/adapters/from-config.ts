import type { NotifyConfig } from '../../../platform/config.ts';
import type { NotificationChannel } from '../schema.ts';
import { emailAdapter } from './email.ts';
import { smsAdapter } from './sms.ts';
import type { DeliveryAdapters } from './types.ts';
import { zaloAdapter } from './zalo.ts';

/** The external channels this deployment can send on: those whose settings are all present. */
export function configuredChannels(config: NotifyConfig): Set<NotificationChannel> {
  const channels = new Set<NotificationChannel>();
  if (config.email) channels.add('email');
  if (config.sms) channels.add('sms');
  if (config.zalo) channels.add('zalo');
  return channels;
}

export function adaptersFromConfig(config: NotifyConfig): DeliveryAdapters {
  return {
    ...(config.email ? { email: emailAdapter(config.email) } : {}),
    ...(config.sms ? { sms: smsAdapter(config.sms) } : {}),
    ...(config.zalo ? { zalo: zaloAdapter(config.zalo) } : {}),
  };
}

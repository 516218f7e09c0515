// Which external channels a message goes out on, and to which address (pure).
import type { NotificationChannel } from './schema.ts';

export interface ChannelChoice {
  email: boolean;
  sms: boolean;
  zalo: boolean;
  zaloUserId: string | null;
}

export interface Recipient {
  /** The applicant's account; null for a walk-in without one. */
  accountId: string | null;
  accountEmail: string | null;
  accountPhone: string | null;
  /** Contact details the desk wrote on the dossier. */
  dossierEmail: string | null;
  dossierPhone: string | null;
  /** The account's saved choice; null when never saved. */
  preferences: ChannelChoice | null;
}

/** Without a saved choice: email when the account has an address; SMS and Zalo cost money or need a follow. */
export function defaultChoice(accountEmail: string | null): ChannelChoice {
  return { email: accountEmail !== null, sms: false, zalo: false, zaloUserId: null };
}

export interface PlannedDelivery {
  channel: NotificationChannel;
  address: string;
}

/**
 * An account gets the channels it chose that have an address and are configured; a walk-in gets email and SMS
 * when the desk wrote an address or phone number on the dossier (they asked to be told at the counter).
 */
export function chooseDeliveries(
  r: Recipient,
  configured: ReadonlySet<NotificationChannel>,
): PlannedDelivery[] {
  const email = r.accountEmail ?? r.dossierEmail;
  const phone = r.accountPhone ?? r.dossierPhone;
  const wanted: { channel: NotificationChannel; address: string | null }[] = [];
  if (r.accountId === null) {
    wanted.push({ channel: 'email', address: r.dossierEmail }, { channel: 'sms', address: r.dossierPhone });
  } else {
    const choice = r.preferences ?? defaultChoice(r.accountEmail);
    if (choice.email) wanted.push({ channel: 'email', address: email });
    if (choice.sms) wanted.push({ channel: 'sms', address: phone });
    if (choice.zalo) wanted.push({ channel: 'zalo', address: choice.zaloUserId });
  }
  return wanted.flatMap(({ channel, address }) =>
    address && configured.has(channel) ? [{ channel, address }] : [],
  );
}

/** What an officer sees of an address: enough to recognise it, not to copy it. */
export function maskAddress(channel: NotificationChannel, address: string): string {
  if (channel === 'email') {
    const at = address.lastIndexOf('@');
    if (at < 0) return '***';
    const local = address.slice(0, at);
    return `${local.slice(0, Math.min(2, Math.max(local.length - 1, 1)))}***${address.slice(at)}`;
  }
  if (channel === 'sms') return address.length > 7 ? `${address.slice(0, 4)}***${address.slice(-3)}` : '***';
  return address.length > 4 ? `***${address.slice(-4)}` : '***';
}

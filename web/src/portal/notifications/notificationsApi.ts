import { ApiError, api } from '../../api';

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  dossierId: string | null;
  /** Where the message leads in the app (officers' reminders: the agency's board or the plan). */
  link?: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  unread: number;
  total: number;
}

export interface NotificationPreferences {
  email: boolean;
  sms: boolean;
  zalo: boolean;
  zaloUserId: string | null;
  accountEmail: string | null;
  accountPhone: string | null;
  /** The external channels this deployment sends on; a chosen channel not listed is not used yet. */
  availableChannels?: ('email' | 'sms' | 'zalo')[];
}

export const notificationsPageSize = 20;

export const notificationsPath = (page: number, pageSize = notificationsPageSize) =>
  `/api/my/notifications?page=${page}&pageSize=${pageSize}`;

export const markRead = (id: string) => api.post(`/api/my/notifications/${encodeURIComponent(id)}/read`);
export const markAllRead = () => api.post('/api/my/notifications/read-all');

/** Fired after the unread count changed here (read, read all), so the header bell refreshes at once. */
export const notificationsChanged = 'motcua:notifications-changed';

export function announceNotificationsChanged() {
  window.dispatchEvent(new Event(notificationsChanged));
}

/**
 * The notifications API answers 404 until it is deployed (and 401/403 to anyone it is not for): the UI then
 * hides what depends on it instead of showing an error.
 */
export function isUnavailable(error: unknown): boolean {
  return error instanceof ApiError && [401, 403, 404].includes(error.status);
}

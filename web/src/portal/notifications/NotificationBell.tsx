import { BellOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import {
  isUnavailable,
  type NotificationPage,
  notificationsChanged,
  notificationsPath,
} from './notificationsApi';

const pollMs = 60_000;

/**
 * The header bell with the unread count, for signed-in users. It checks on mount, when the tab regains focus
 * and every minute while the tab is visible; it hides itself for good when the API is not there (404).
 */
export default function NotificationBell({ to = '/thong-bao' }: { to?: string }) {
  const [unread, setUnread] = useState<number | null>(null);
  const [available, setAvailable] = useState(true);

  useEffect(() => {
    let stopped = false;
    let controller: AbortController | undefined;
    const check = () => {
      if (stopped || document.visibilityState === 'hidden') return;
      controller?.abort();
      controller = new AbortController();
      // One item is enough: only the unread count is shown.
      api.get<NotificationPage>(notificationsPath(1, 1), controller.signal).then(
        (page) => {
          if (!stopped) setUnread(page.unread);
        },
        (error: unknown) => {
          if (stopped || !isUnavailable(error)) return; // a network hiccup: keep the last count
          stopped = true;
          setAvailable(false);
        },
      );
    };
    check();
    const timer = window.setInterval(check, pollMs);
    window.addEventListener('focus', check);
    window.addEventListener(notificationsChanged, check);
    return () => {
      stopped = true;
      controller?.abort();
      window.clearInterval(timer);
      window.removeEventListener('focus', check);
      window.removeEventListener(notificationsChanged, check);
    };
  }, []);

  if (!available || unread === null) return null;
  const label = unread > 0 ? `Thông báo: ${unread} thông báo chưa đọc` : 'Thông báo: không có thông báo mới';
  return (
    <Link to={to} className="nav-bell" aria-label={label} title={label}>
      <BellOutlined aria-hidden="true" />
      {unread > 0 ? (
        <span className="nav-bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}

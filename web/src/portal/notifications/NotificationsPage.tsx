import { Alert, App, Button, Empty, Flex, Tag } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { errorMessage } from '../../api';
import { loginPath, useAuth } from '../../auth';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatNumber, formatVnDateTime } from '../../format';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import {
  announceNotificationsChanged,
  isUnavailable,
  markAllRead,
  markRead,
  type NotificationItem,
  type NotificationPage,
  notificationsPageSize,
  notificationsPath,
} from './notificationsApi';

/** The signed-in user's in-app messages: an applicant's dossier news at /thong-bao, an officer's reminders at
 * /quan-tri/thong-bao (the same inbox). */
export default function NotificationsPage({ office = false }: { office?: boolean }) {
  return (
    <App component={false}>
      <NotificationsView office={office} />
    </App>
  );
}

/** What a message's link opens, by where it leads. */
function linkLabel(link: string): string {
  if (link.startsWith('/quan-tri/viec-cua-co-quan')) return 'Xem việc của cơ quan';
  if (link.startsWith('/quan-tri/ke-hoach-cchc')) return 'Xem kế hoạch';
  return 'Xem chi tiết';
}

function NotificationsView({ office }: { office: boolean }) {
  usePageTitle('Thông báo');
  const { user } = useAuth();
  const { pathname } = useLocation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('trang') ?? '1', 10) || 1);
  const list = useApi<NotificationPage>(user ? notificationsPath(page) : null);
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to={loginPath(pathname)} replace />;

  const data = list.data;
  const seen = data ? (page - 1) * notificationsPageSize + data.items.length : 0;

  const readOne = async (item: NotificationItem) => {
    setBusy(item.id);
    try {
      await markRead(item.id);
      const readAt = new Date().toISOString();
      list.setData((current) =>
        current
          ? {
              ...current,
              unread: Math.max(0, current.unread - 1),
              items: current.items.map((entry) => (entry.id === item.id ? { ...entry, readAt } : entry)),
            }
          : current,
      );
      announceNotificationsChanged();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const readAll = async () => {
    setBusy('all');
    try {
      await markAllRead();
      list.reload();
      announceNotificationsChanged();
      message.success('Đã đánh dấu tất cả thông báo là đã đọc.');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const goTo = (next: number) => setParams(next > 1 ? { trang: String(next) } : {});

  return (
    <div style={{ maxWidth: 760, margin: office ? undefined : '0 auto' }}>
      <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>
          Thông báo
        </h1>
        {data && data.unread > 0 ? (
          <Button onClick={readAll} loading={busy === 'all'}>
            Đánh dấu tất cả đã đọc
          </Button>
        ) : null}
      </Flex>
      {data ? (
        <p style={{ color: '#595959' }}>
          {data.total === 0
            ? office
              ? 'Nhắc hạn và cảnh báo quá hạn nhiệm vụ cải cách hành chính của cơ quan bạn sẽ hiện ở đây.'
              : 'Khi hồ sơ của bạn có thay đổi, thông báo sẽ hiện ở đây.'
            : `${formatNumber(data.total)} thông báo, ${formatNumber(data.unread)} chưa đọc.`}
        </p>
      ) : null}
      {list.loading && !data ? <Loading /> : null}
      {list.error && isUnavailable(list.error) ? (
        <Alert
          type="info"
          showIcon
          title="Chức năng thông báo đang được chuẩn bị."
          description="Bạn vẫn có thể theo dõi hồ sơ ở trang Tra cứu hồ sơ."
          action={<Link to="/tra-cuu">Tra cứu hồ sơ</Link>}
        />
      ) : null}
      {list.error && !isUnavailable(list.error) ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : null}
      {data && data.items.length === 0 ? <Empty description="Bạn chưa có thông báo nào." /> : null}
      {data && data.items.length > 0 ? (
        <ul className="notification-list">
          {data.items.map((item) => (
            <li key={item.id} className={item.readAt ? 'notification-item' : 'notification-item unread'}>
              <h2>
                {item.readAt ? null : (
                  <Tag color="blue" style={{ marginInlineEnd: 8 }}>
                    Mới
                  </Tag>
                )}
                {item.title}
              </h2>
              <p className="notification-meta">{formatVnDateTime(item.createdAt)}</p>
              {item.body ? <p className="notification-body">{item.body}</p> : null}
              <Flex wrap gap={8} align="center">
                {item.link ? <Link to={item.link}>{linkLabel(item.link)}</Link> : null}
                {item.dossierId ? (
                  <Link to={`/ho-so-cua-toi/${encodeURIComponent(item.dossierId)}`}>Xem hồ sơ</Link>
                ) : null}
                {item.readAt ? null : (
                  <Button size="small" onClick={() => readOne(item)} loading={busy === item.id}>
                    Đánh dấu đã đọc
                  </Button>
                )}
              </Flex>
            </li>
          ))}
        </ul>
      ) : null}
      {data && (page > 1 || seen < data.total) ? (
        <nav aria-label="Phân trang thông báo">
          <Flex gap={8} justify="center" wrap>
            <Button disabled={page <= 1} onClick={() => goTo(page - 1)}>
              Trang trước
            </Button>
            <span style={{ alignSelf: 'center' }}>Trang {page}</span>
            <Button disabled={data.items.length === 0 || seen >= data.total} onClick={() => goTo(page + 1)}>
              Trang sau
            </Button>
          </Flex>
        </nav>
      ) : null}
    </div>
  );
}

import { Empty, List, Tag, Typography } from 'antd';
import { formatDateTime } from '../../format';
import { useApi } from '../../useApi';

// What the applicant was told about this dossier and whether each channel delivered it: officers answer "did
// they get the message?" from here.

interface Delivery {
  id: number;
  channel: 'email' | 'sms' | 'zalo';
  address: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
}
interface Item {
  id: string;
  title: string;
  createdAt: string;
  inApp: boolean;
  readAt: string | null;
  deliveries: Delivery[];
}

const channelLabels: Record<Delivery['channel'], string> = { email: 'Thư điện tử', sms: 'SMS', zalo: 'Zalo' };

function DeliveryTag({ d }: { d: Delivery }) {
  const label = `${channelLabels[d.channel]} ${d.address}`;
  if (d.status === 'sent') return <Tag color="green">{`${label}: đã gửi ${formatDateTime(d.sentAt)}`}</Tag>;
  if (d.status === 'failed')
    return <Tag color="red">{`${label}: gửi không được (${d.lastError ?? 'lỗi'})`}</Tag>;
  return (
    <Tag color="gold">
      {`${label}: đang chờ gửi${d.attempts > 0 ? `, đã thử ${d.attempts} lần (${d.lastError ?? ''})` : ''}`}
    </Tag>
  );
}

export function DossierNotifications({ dossierId, version }: { dossierId: string; version: number }) {
  // The version in the key reloads the list after each action (a new message may have been queued).
  const { data } = useApi<{ items: Item[] }>(`/api/office/dossiers/${dossierId}/notifications?v=${version}`);
  if (!data) return null;
  return (
    <section className="section" aria-labelledby="dossier-notifications-title">
      <h2 id="dossier-notifications-title">Thông báo cho người nộp</h2>
      {data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có thông báo nào." />
      ) : (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(item) => (
            <List.Item>
              <div>
                <Typography.Text strong>{item.title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">{formatDateTime(item.createdAt)}</Typography.Text>
                </div>
                <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                  {item.inApp ? (
                    <Tag color={item.readAt ? 'green' : 'blue'}>
                      {item.readAt
                        ? `Trong ứng dụng: đã đọc ${formatDateTime(item.readAt)}`
                        : 'Trong ứng dụng: chưa đọc'}
                    </Tag>
                  ) : null}
                  {item.deliveries.map((d) => (
                    <DeliveryTag key={d.id} d={d} />
                  ))}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}

import { Timeline, Typography } from 'antd';
import { formatVnDateTime } from '../../format';
import { capitalise, dossierChannelLabels, labelOf, roleLabels } from '../../labels';
import type { DossierEvent } from '../../types';

const colorOf: Partial<Record<DossierEvent['action'], string>> = {
  refuse: 'red',
  reject: 'red',
  stop: 'red',
  withdraw: 'gray',
  request_intake_supplement: 'orange',
  request_supplement: 'orange',
  apologise: 'orange',
  approve: 'green',
  return_result: 'green',
};

/** Extra facts an event carries, in words: the due date it set, the decision number, the return channel. */
function details(event: DossierEvent): string[] {
  const data = event.data ?? {};
  const lines: string[] = [];
  if (typeof data.stepName === 'string' && data.stepName && event.action !== 'receive') {
    lines.push(`Bước: ${data.stepName}`);
  }
  if (event.action === 'receive' && typeof data.dueAt === 'string') {
    lines.push(`Hẹn trả kết quả: ${formatVnDateTime(data.dueAt)}`);
  }
  if (event.action === 'apologise' && typeof data.dueAt === 'string') {
    lines.push(`Ngày hẹn trả mới: ${formatVnDateTime(data.dueAt)}`);
  }
  if (event.action === 'supply_supplement' && typeof data.dueAt === 'string') {
    lines.push(`Hạn giải quyết: ${formatVnDateTime(data.dueAt)}`);
  }
  if (typeof data.decisionNo === 'string' && data.decisionNo) lines.push(`Số quyết định: ${data.decisionNo}`);
  if (event.action === 'return_result' && data.channel) {
    lines.push(`Trả kết quả ${labelOf(dossierChannelLabels, data.channel)}`);
  }
  if (typeof data.legalBasis === 'string' && data.legalBasis) lines.push(`Căn cứ: ${data.legalBasis}`);
  if (data.form) lines.push(`Mẫu ${data.form.number}: ${data.form.name}`);
  return lines;
}

/** The dossier's history in plain Vietnamese: when, what, who (and as what), where, why. */
export function DossierEvents({ events }: { events: DossierEvent[] }) {
  if (events.length === 0) return <Typography.Text type="secondary">Chưa có hoạt động nào.</Typography.Text>;
  return (
    <Timeline
      items={events.map((event) => {
        const who = [
          event.actorName,
          event.actorRole ? labelOf(roleLabels, event.actorRole) : null,
          event.agencyName,
        ].filter(Boolean);
        return {
          key: event.id,
          color: colorOf[event.action] ?? 'blue',
          content: (
            <div className="event-item">
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                <time dateTime={event.at}>{formatVnDateTime(event.at)}</time>
              </Typography.Text>
              <div>
                <Typography.Text strong>{capitalise(event.actionLabel)}</Typography.Text>
                {event.fromState !== event.toState ? (
                  <Typography.Text type="secondary"> → {event.toStateLabel}</Typography.Text>
                ) : null}
              </div>
              {who.length > 0 ? <div className="wrap-anywhere">{who.join(' · ')}</div> : null}
              {event.reason ? (
                <div className="pre-wrap">
                  <Typography.Text type="secondary">Lý do, nội dung: </Typography.Text>
                  {event.reason}
                </div>
              ) : null}
              {event.comment ? (
                <div className="pre-wrap">
                  <Typography.Text type="secondary">Ý kiến: </Typography.Text>
                  {event.comment}
                </div>
              ) : null}
              {details(event).map((line) => (
                <div key={line} className="wrap-anywhere" style={{ fontSize: 13 }}>
                  {line}
                </div>
              ))}
            </div>
          ),
        };
      })}
    />
  );
}

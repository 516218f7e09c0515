import { Alert, Card, Col, Row, Tag, Timeline } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatVnDateTime } from '../../format';
import { timelinessTag } from '../../portal/feedback/feedbackApi';
import { useApi } from '../../useApi';
import { PageHeader } from '../PageHeader';
import { FeedbackActions } from './FeedbackActions';
import type { OfficeFeedback } from './officeFeedbackTypes';
import '../../portal/feedback/feedback.css';

function Facts({ item }: { item: OfficeFeedback }) {
  const tag = item.timeliness ? timelinessTag[item.timeliness] : null;
  const rows: [string, React.ReactNode][] = [
    ['Mã', item.code],
    ['Loại', item.subjectKindLabel],
    ['Ngày gửi', formatVnDateTime(item.createdAt)],
  ];
  if (item.procedureName) rows.push(['Thủ tục', `${item.procedureName} (${item.procedureCode})`]);
  if (item.field) rows.push(['Lĩnh vực', item.field]);
  if (item.addressedAgencyName) rows.push(['Người gửi chọn cơ quan', item.addressedAgencyName]);
  if (item.assignedAgencyName) rows.push(['Cơ quan xử lý', item.assignedAgencyName]);
  if (item.dueAt)
    rows.push([
      'Hạn trả lời',
      <span
        key="due"
        className={item.timeliness === 'overdue' || item.timeliness === 'late' ? 'feedback-overdue' : ''}
      >
        {formatVnDateTime(item.dueAt)} ({item.responseDays} ngày làm việc){' '}
        {tag ? <Tag color={tag.color}>{tag.label}</Tag> : null}
      </span>,
    ]);
  rows.push(['Đồng ý công khai', item.consentToPublish ? 'Có' : 'Không']);
  if (item.publishedAt) rows.push(['Đã công khai', formatVnDateTime(item.publishedAt)]);
  if (item.satisfaction)
    rows.push([
      'Người gửi đánh giá',
      <span key="rating">
        <Tag color={item.satisfaction === 'satisfied' ? 'green' : 'red'}>
          {item.satisfaction === 'satisfied' ? 'Hài lòng' : 'Không hài lòng'}
        </Tag>
        {item.satisfactionComment}
      </span>,
    ]);
  return (
    <dl className="lookup-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One feedback item in the back office: text, sender, possible duplicates, history and the allowed actions. */
export default function FeedbackItemPage() {
  const { id = '' } = useParams();
  const {
    data: item,
    error,
    loading,
    reload,
    setData,
  } = useApi<OfficeFeedback>(`/api/office/feedback/${encodeURIComponent(id)}`);
  if (loading && !item) return <Loading />;
  if (error || !item) return <ErrorState error={error} onRetry={reload} />;
  const sender = [item.sender.name, item.sender.phone, item.sender.email, item.sender.address].filter(
    Boolean,
  );
  return (
    <div>
      <PageHeader title={item.title}>
        <Tag color={item.status === 'answered' ? 'green' : item.status === 'assigned' ? 'blue' : undefined}>
          {item.statusLabel}
        </Tag>
      </PageHeader>
      <p>
        <Link to="/quan-tri/phan-anh-kien-nghi">← Danh sách phản ánh, kiến nghị</Link>
      </p>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title="Nội dung">
            <Facts item={item} />
            <p className="pre-wrap wrap-anywhere">{item.content}</p>
            {item.attachments.length ? (
              <ul className="document-list">
                {item.attachments.map((a) => (
                  <li key={a.fileId}>
                    <a
                      href={`/api/office/feedback/${item.id}/attachments/${a.fileId}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {a.name}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <p>
              <strong>Người gửi: </strong>
              {sender.length ? sender.join(' · ') : 'Không để lại thông tin'}
              {item.sender.hasAccount ? ' (có tài khoản)' : ''}
            </p>
            {item.answer ? (
              <>
                <h2 className="subsection-title">
                  Trả lời{item.answeredByName ? ` — ${item.answeredByName}` : ''},{' '}
                  {formatVnDateTime(item.answeredAt)}
                </h2>
                <p className="feedback-answer pre-wrap">{item.answer}</p>
                {item.containsPersonalData ? (
                  <Alert type="warning" showIcon title="Có thông tin cá nhân: không công khai nguyên văn." />
                ) : null}
              </>
            ) : null}
            {item.rejectReason ? (
              <Alert type="warning" showIcon title="Lý do từ chối" description={item.rejectReason} />
            ) : null}
            {item.duplicateOfCode ? (
              <Alert type="info" showIcon title={`Trùng với phản ánh ${item.duplicateOfCode}`} />
            ) : null}
          </Card>
          {item.similar.length ? (
            <Card size="small" title="Có thể trùng với" style={{ marginTop: 16 }}>
              <ul className="document-list">
                {item.similar.map((s) => (
                  <li key={s.id}>
                    <Link to={`/quan-tri/phan-anh-kien-nghi/${s.id}`}>
                      {s.code}: {s.title}
                    </Link>{' '}
                    <Tag>{Math.round(s.score * 100)}% giống</Tag>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card size="small" title="Quá trình xử lý" style={{ marginTop: 16 }}>
            <Timeline
              items={item.events.map((e) => ({
                key: e.id,
                title: formatVnDateTime(e.at),
                content: `${e.actionLabel}${e.actorName ? ` — ${e.actorName}` : ''}${
                  typeof e.data.agencyName === 'string' ? `: ${e.data.agencyName}` : ''
                }${typeof e.data.reason === 'string' ? ` (${e.data.reason})` : ''}`,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <FeedbackActions item={item} onChanged={setData} />
        </Col>
      </Row>
    </div>
  );
}

import { Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatVnDate } from '../../format';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import type { PublishedFeedback } from './feedbackApi';
import './feedback.css';

/** One published item and its answer (/phan-anh-kien-nghi/:code). */
export default function FeedbackDetailPage() {
  const { code = '' } = useParams();
  const { data, error, loading, reload } = useApi<PublishedFeedback>(
    `/api/feedback/published/${encodeURIComponent(code)}`,
  );
  usePageTitle(data?.title ?? 'Phản ánh, kiến nghị');
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorState error={error} onRetry={reload} />;
  return (
    <article className="lookup-page">
      <p>
        <Link to="/phan-anh-kien-nghi">← Phản ánh, kiến nghị</Link>
      </p>
      <h1 className="page-title">{data.title}</h1>
      <p className="feedback-meta">
        <span>Mã {data.code}</span>
        <Tag>{data.subjectKindLabel}</Tag>
        <span>Gửi ngày {formatVnDate(data.createdAt)}</span>
      </p>
      {data.procedureName ? (
        <p>
          Thủ tục:{' '}
          {data.procedureCode ? (
            <Link to={`/thu-tuc/${encodeURIComponent(data.procedureCode)}`}>{data.procedureName}</Link>
          ) : (
            data.procedureName
          )}
        </p>
      ) : null}
      <h2 className="subsection-title">Nội dung phản ánh, kiến nghị</h2>
      <p className="pre-wrap wrap-anywhere">{data.content}</p>
      <h2 className="subsection-title">
        Trả lời của {data.agencyName ?? 'cơ quan có thẩm quyền'}
        {data.answeredAt ? ` (ngày ${formatVnDate(data.answeredAt)})` : ''}
      </h2>
      <p className="feedback-answer pre-wrap">{data.answer}</p>
    </article>
  );
}

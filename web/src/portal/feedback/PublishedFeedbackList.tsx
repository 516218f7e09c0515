import { Alert, Empty, Input, Pagination, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { withQuery } from '../../api';
import { Loading } from '../../components/Loading';
import { filterByLabel, formatVnDate } from '../../format';
import { useApi } from '../../useApi';
import { type PublishedFeedback, type SubjectKind, subjectKindOptions } from './feedbackApi';
import './feedback.css';

interface Agency {
  id: string;
  name: string;
  validTo: string | null;
}

/**
 * Published feedback and the answers, newest answers first. `compact`: the latest `limit` items without
 * filters (to embed in another page, e.g. "Công khai kết quả"); otherwise search, filters and paging.
 */
export function PublishedFeedbackList({
  limit = 10,
  compact = false,
}: {
  limit?: number;
  compact?: boolean;
}) {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<SubjectKind | undefined>();
  const [agencyId, setAgencyId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const agencies = useApi<Agency[]>(compact ? null : '/api/agencies', { shared: true });
  const { data, error, loading } = useApi<{ items: PublishedFeedback[]; total: number }>(
    withQuery('/api/feedback/published', {
      pageSize: limit,
      ...(compact ? {} : { q, kind, agencyId, page }),
    }),
  );

  return (
    <div className={compact ? 'feedback-list compact' : 'feedback-list'}>
      {compact ? null : (
        <search className="feedback-filters">
          <Input.Search
            placeholder="Tìm theo nội dung, ví dụ: khai sinh"
            allowClear
            enterButton="Tìm"
            aria-label="Tìm phản ánh, kiến nghị"
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
          />
          <Select
            allowClear
            placeholder="Loại phản ánh"
            aria-label="Loại phản ánh"
            options={subjectKindOptions}
            value={kind}
            onChange={(value) => {
              setKind(value);
              setPage(1);
            }}
          />
          <Select
            allowClear
            showSearch={{ filterOption: filterByLabel }}
            placeholder="Cơ quan trả lời"
            aria-label="Cơ quan trả lời"
            options={(agencies.data ?? [])
              .filter((a) => !a.validTo)
              .map((a) => ({ value: a.id, label: a.name }))}
            value={agencyId}
            onChange={(value) => {
              setAgencyId(value);
              setPage(1);
            }}
          />
        </search>
      )}
      {loading && !data ? <Loading label="Đang tải phản ánh, kiến nghị…" /> : null}
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {data && data.items.length === 0 ? (
        <Empty description="Chưa có phản ánh, kiến nghị nào được công khai phù hợp." />
      ) : null}
      <ol className="feedback-items">
        {(data?.items ?? []).map((item) => (
          <li key={item.code} className="feedback-item">
            <h3 className="feedback-item-title">
              <Link to={`/phan-anh-kien-nghi/${encodeURIComponent(item.code)}`}>{item.title}</Link>
            </h3>
            <p className="feedback-meta">
              <Tag>{item.subjectKindLabel}</Tag>
              {item.agencyName ? <span>{item.agencyName}</span> : null}
              {item.answeredAt ? <span>Trả lời ngày {formatVnDate(item.answeredAt)}</span> : null}
            </p>
            {compact ? null : <p className="feedback-excerpt pre-wrap">{item.content}</p>}
            <p className="feedback-answer pre-wrap">
              <strong>Trả lời: </strong>
              {item.answer}
            </p>
          </li>
        ))}
      </ol>
      {compact ? (
        <p>
          <Link to="/phan-anh-kien-nghi">Xem tất cả phản ánh, kiến nghị đã trả lời</Link>
        </p>
      ) : data && data.total > limit ? (
        <Pagination
          current={page}
          pageSize={limit}
          total={data.total}
          showSizeChanger={false}
          onChange={setPage}
          showTotal={(total) => `${total} phản ánh, kiến nghị`}
        />
      ) : null}
    </div>
  );
}

export default PublishedFeedbackList;

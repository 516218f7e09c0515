import { Breadcrumb, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { NotFound } from '../../components/NotFound';
import { formatVnDateTime } from '../../format';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import { kindLabels, type PublicArticle } from './newsTypes';

/** One published article. Its body is HTML the server sanitised with a strict allow-list before storing it. */
export default function NewsArticlePage() {
  const { slug = '' } = useParams();
  const { data, error, loading, reload } = useApi<PublicArticle>(
    `/api/news/articles/${encodeURIComponent(slug)}`,
  );
  usePageTitle(data?.title);
  if (error?.status === 404)
    return (
      <NotFound title="Không tìm thấy bài viết" description="Bài viết không tồn tại hoặc chưa được đăng." />
    );
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !data) return <Loading />;
  return (
    <article className="news-article">
      <Breadcrumb
        items={[{ title: <Link to="/tin-tuc">Tin tức CCHC</Link> }, { title: kindLabels[data.kind] }]}
      />
      <Typography.Title level={1} className="page-title wrap-anywhere">
        {data.title}
      </Typography.Title>
      <div className="news-meta">
        <Tag>{kindLabels[data.kind]}</Tag>
        {data.category ? <span>{data.category.name}</span> : null}
        <time dateTime={data.publishAt ?? undefined}>{formatVnDateTime(data.publishAt)}</time>
      </div>
      <p className="news-summary">{data.summary}</p>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server (news/sanitize-body.ts). */}
      <div className="news-body" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
      {data.attachments.length ? (
        <section>
          <h2>Tệp đính kèm</h2>
          <ul>
            {data.attachments.map((f) => (
              <li key={f.fileId}>
                <a href={`/api/news/files/${f.fileId}`}>{f.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.procedures.length ? (
        <section>
          <h2>Thủ tục liên quan</h2>
          <ul>
            {data.procedures.map((p) => (
              <li key={p.code}>
                <Link to={`/thu-tuc/${p.code}`}>{p.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

import { Empty, Pagination, Segmented, Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { withQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatVnDate } from '../../format';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import { type ArticleKind, type ArticleSummary, type Category, kindLabels } from './newsTypes';

const PAGE_SIZE = 10;

/** "Tin tức CCHC": published news, guides and announcements with kind and category filters and paging. */
export default function NewsListPage() {
  usePageTitle('Tin tức cải cách hành chính');
  const [params, setParams] = useSearchParams();
  const kind = (params.get('loai') as ArticleKind | null) ?? undefined;
  const category = params.get('chuyen-muc') ?? undefined;
  const page = Number(params.get('trang') ?? '1') || 1;
  const categories = useApi<Category[]>('/api/news/categories', { shared: true });
  const list = useApi<{ total: number; items: ArticleSummary[] }>(
    withQuery('/api/news', { kind, category, page, pageSize: PAGE_SIZE }),
  );
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  return (
    <div className="news-page">
      <Typography.Title level={1} className="page-title">
        Tin tức cải cách hành chính
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={kind ?? 'all'}
          onChange={(v) => set({ loai: v === 'all' ? undefined : String(v), trang: undefined })}
          options={[
            { label: 'Tất cả', value: 'all' },
            ...Object.entries(kindLabels).map(([value, label]) => ({ value, label })),
          ]}
        />
        <Select
          aria-label="Chuyên mục"
          allowClear
          placeholder="Chuyên mục"
          style={{ minWidth: 220 }}
          value={category}
          onChange={(v) => set({ 'chuyen-muc': v, trang: undefined })}
          options={(categories.data ?? []).map((c) => ({ value: c.slug, label: c.name }))}
        />
        <a href="/api/news/rss.xml">RSS</a>
      </Space>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.loading && !list.data ? (
        <Loading />
      ) : list.data?.items.length ? (
        <>
          <ul className="news-list">
            {list.data.items.map((a) => (
              <li key={a.id} className="news-item">
                <article>
                  <h2>
                    <Link to={`/tin-tuc/${a.slug}`}>{a.title}</Link>
                  </h2>
                  <div className="news-meta">
                    <Tag>{kindLabels[a.kind]}</Tag>
                    {a.category ? <span>{a.category.name}</span> : null}
                    <time dateTime={a.publishAt ?? undefined}>{formatVnDate(a.publishAt)}</time>
                  </div>
                  <p>{a.summary}</p>
                </article>
              </li>
            ))}
          </ul>
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            showSizeChanger={false}
            onChange={(p) => set({ trang: p === 1 ? undefined : String(p) })}
          />
        </>
      ) : (
        <Empty description="Chưa có bài viết nào." />
      )}
    </div>
  );
}

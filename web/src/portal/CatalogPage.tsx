import { Button, Empty, Grid, Pagination, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { withQuery } from '../api';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { SearchBox } from '../components/SearchBox';
import { formatNumber } from '../format';
import type { Page, ProcedureSummary } from '../types';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { CatalogFilters, type CatalogFilterValues } from './CatalogFilters';
import { ProcedureResultItem } from './ProcedureResultItem';

const pageSize = 20;

export default function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const q = params.get('q') ?? '';
  const filters: CatalogFilterValues = {
    field: params.get('field') ?? '',
    level: params.get('level') ?? '',
    online: params.get('online') ?? '',
    agency: params.get('agency') ?? '',
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  usePageTitle(q ? `Tìm “${q}” — Thủ tục hành chính` : 'Thủ tục hành chính');

  const result = useApi<Page<ProcedureSummary>>(
    withQuery('/api/procedures', { q, ...filters, page, pageSize }),
  );

  /** Updates the query string; any change but paging goes back to page 1. */
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const hasFilters = Boolean(q || filters.field || filters.level || filters.online || filters.agency);
  const data = result.data;

  return (
    <>
      <Typography.Title level={1} className="page-title">
        Thủ tục hành chính
      </Typography.Title>
      <div style={{ marginBottom: 12 }}>
        <SearchBox
          initialValue={q}
          placeholder="Tìm thủ tục, ví dụ: khai sinh, đăng ký kết hôn"
          onSearch={(value) => update({ q: value })}
        />
      </div>
      <CatalogFilters values={filters} onChange={(name, value) => update({ [name]: value })} />

      {result.error ? <ErrorState error={result.error} onRetry={result.reload} /> : null}
      {result.loading && !data ? <Loading /> : null}

      {data ? (
        <section aria-label="Kết quả tìm kiếm" aria-busy={result.loading}>
          <Typography.Paragraph role="status" aria-live="polite" type="secondary">
            {data.total > 0
              ? `Tìm thấy ${formatNumber(data.total)} thủ tục${result.loading ? ' — đang cập nhật…' : ''}`
              : ''}
          </Typography.Paragraph>
          {data.items.length === 0 ? (
            <Empty description="Không tìm thấy thủ tục nào phù hợp. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.">
              {hasFilters ? (
                <Button onClick={() => setParams(new URLSearchParams())}>Xóa bộ lọc</Button>
              ) : null}
            </Empty>
          ) : (
            <ul className="result-list" style={{ opacity: result.loading ? 0.6 : 1 }}>
              {data.items.map((procedure) => (
                <ProcedureResultItem key={procedure.code} procedure={procedure} />
              ))}
            </ul>
          )}
          {data.total > pageSize ? (
            <Pagination
              align="center"
              current={page}
              pageSize={pageSize}
              total={data.total}
              showSizeChanger={false}
              simple={!screens.sm}
              onChange={(next) => {
                update({ page: next > 1 ? String(next) : '' });
                window.scrollTo({ top: 0 });
              }}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}

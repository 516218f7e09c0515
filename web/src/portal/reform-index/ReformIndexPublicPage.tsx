import { Select, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { ResultsTable } from '../../office/reform-index/ResultsTable';
import type { Results, YearSummary } from '../../office/reform-index/reformIndexTypes';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';

// "Chỉ số CCHC": the published reform index of the agencies — ranking, grades, change from last year and the
// agencies proposed for a reward — for anyone, without logging in. Unpublished years are never shown.

export default function ReformIndexPublicPage() {
  usePageTitle('Chỉ số cải cách hành chính');
  const [params, setParams] = useSearchParams();
  const years = useApi<{ items: YearSummary[] }>('/api/public/reform-index');
  const chosen = Number(params.get('nam')) || years.data?.items[0]?.year;
  const results = useApi<Results>(chosen ? `/api/public/reform-index/${chosen}` : null);
  return (
    <div>
      <Typography.Title level={1}>Chỉ số cải cách hành chính</Typography.Title>
      {years.error ? <ErrorState error={years.error} onRetry={years.reload} /> : null}
      {years.loading ? <Loading /> : null}
      {years.data && years.data.items.length === 0 ? <p>Chưa có kết quả Chỉ số CCHC được công bố.</p> : null}
      {years.data && years.data.items.length > 0 ? (
        <>
          <label htmlFor="reform-index-year" style={{ marginRight: 8 }}>
            Năm đánh giá
          </label>
          <Select
            id="reform-index-year"
            value={chosen}
            style={{ minWidth: 120, marginBottom: 16 }}
            options={years.data.items.map((y) => ({ value: y.year, label: String(y.year) }))}
            onChange={(v) => setParams({ nam: String(v) })}
          />
          {results.data ? (
            <>
              <Typography.Paragraph>{results.data.title}</Typography.Paragraph>
              <ResultsTable results={results.data} />
            </>
          ) : results.error ? (
            <ErrorState error={results.error} onRetry={results.reload} />
          ) : (
            <Loading />
          )}
        </>
      ) : null}
    </div>
  );
}

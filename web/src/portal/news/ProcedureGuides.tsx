import { Link } from 'react-router';
import { formatVnDate } from '../../format';
import { useApi } from '../../useApi';
import type { ArticleSummary } from './newsTypes';

/** "Hướng dẫn" on a procedure page: the published articles linked to the procedure; nothing when there are none. */
export function ProcedureGuides({ code }: { code: string }) {
  const { data } = useApi<ArticleSummary[]>(`/api/news/procedures/${encodeURIComponent(code)}`);
  if (!data?.length) return null;
  return (
    <section aria-labelledby="guides" className="section">
      <h2 id="guides">Hướng dẫn</h2>
      <ul>
        {data.map((a) => (
          <li key={a.id}>
            <Link to={`/tin-tuc/${a.slug}`}>{a.title}</Link> <small>({formatVnDate(a.publishAt)})</small>
          </li>
        ))}
      </ul>
    </section>
  );
}

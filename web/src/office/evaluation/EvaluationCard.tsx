import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { useApi } from '../../useApi';
import { EvaluationPanel } from './EvaluationPanel';
import type { EvaluationView } from './evaluationTypes';

/** "Đánh giá giải quyết TTHC" on the dossier page (loaded on demand). */
export default function EvaluationCard({ dossierId }: { dossierId: string }) {
  const { data, error, loading, reload, setData } = useApi<EvaluationView>(
    `/api/office/dossiers/${encodeURIComponent(dossierId)}/evaluation`,
  );
  return (
    <section className="section" aria-labelledby="dossier-evaluation-title">
      <h2 id="dossier-evaluation-title">Đánh giá giải quyết TTHC</h2>
      {error && !data ? <ErrorState error={error} onRetry={reload} /> : null}
      {!data && loading ? <Loading label="Đang tải phiếu đánh giá…" /> : null}
      {data ? <EvaluationPanel view={data} onChange={(next) => setData(next)} onReload={reload} /> : null}
    </section>
  );
}

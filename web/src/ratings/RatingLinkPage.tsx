import { useParams } from 'react-router';
import { api } from '../api';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { DossierFacts } from './DossierFacts';
import { RatingForm } from './RatingForm';
import type { RatingView } from './ratingTypes';

/** /danh-gia/:token — the rating link of a notification, without signing in. */
export default function RatingLinkPage() {
  usePageTitle('Đánh giá mức độ hài lòng');
  const token = useParams().token ?? '';
  const path = `/api/ratings/by-link/${encodeURIComponent(token)}`;
  const { data, error, loading } = useApi<RatingView>(path);
  return (
    <main className="online-page">
      <h1>Đánh giá mức độ hài lòng</h1>
      {loading ? <Loading /> : null}
      {error ? <ErrorState error={error} /> : null}
      {data ? (
        <>
          <DossierFacts view={data} />
          <RatingForm view={data} onRate={(input) => api.put(path, input)} />
        </>
      ) : null}
    </main>
  );
}

import { api } from '../../api';
import { RatingForm } from '../../ratings/RatingForm';
import type { RatingView } from '../../ratings/ratingTypes';
import { useApi } from '../../useApi';

/** "Đánh giá mức độ hài lòng" on Hồ sơ của tôi, once the result is out (the server decides `canRate`). */
export function RatingCard({ dossierId, state }: { dossierId: string; state: string }) {
  const resultOut = state === 'returned' || state === 'result_issued';
  const { data } = useApi<RatingView>(resultOut ? `/api/my/dossiers/${dossierId}/rating` : null);
  if (!data || (!data.canRate && !data.rating)) return null;
  return (
    <section className="section" aria-labelledby="rating-title">
      <h2 id="rating-title">Đánh giá mức độ hài lòng</h2>
      <RatingForm view={data} onRate={(input) => api.put(`/api/my/dossiers/${dossierId}/rating`, input)} />
    </section>
  );
}

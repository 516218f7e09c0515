import type { RatingView } from './ratingTypes';

/** What is being rated: procedure, code and agency only (the rating pages show no personal data). */
export function DossierFacts({ view }: { view: RatingView }) {
  return (
    <dl className="review-list">
      <div>
        <dt>Thủ tục</dt>
        <dd>{view.procedureName}</dd>
      </div>
      {view.dossierCode ? (
        <div>
          <dt>Mã hồ sơ</dt>
          <dd>{view.dossierCode}</dd>
        </div>
      ) : null}
      <div>
        <dt>Cơ quan tiếp nhận</dt>
        <dd>{view.agencyName}</dd>
      </div>
    </dl>
  );
}

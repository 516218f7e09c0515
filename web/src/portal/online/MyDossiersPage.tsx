import './online.css';
import { Button, Empty, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, withQuery } from '../../api';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatVnDateTime } from '../../format';
import { dossierStateColors } from '../../labels';
import { useApi } from '../../useApi';
import { usePageTitle } from '../../usePageTitle';
import type { MyDossierPage, MyDossierSummary } from './onlineTypes';
import { RequireCitizen } from './RequireCitizen';

const pageSize = 20;

export const dossierLink = (d: { id: string; state: string }) =>
  d.state === 'draft' ? `/ho-so-cua-toi/${d.id}/soan` : `/ho-so-cua-toi/${d.id}`;

function DossierCard({ dossier }: { dossier: MyDossierSummary }) {
  const draft = dossier.state === 'draft';
  return (
    <li className={`my-dossier${dossier.needsAction ? ' needs-action' : ''}`}>
      <h2>
        <Link to={dossierLink(dossier)}>{dossier.procedureName}</Link>
      </h2>
      <Tag
        color={dossierStateColors[dossier.state] ?? 'default'}
        style={{ whiteSpace: 'normal', marginBottom: 6 }}
      >
        {dossier.stateLabel}
      </Tag>
      <dl className="my-dossier-facts">
        <div>
          <dt>Mã hồ sơ:</dt>
          <dd>
            {dossier.code ?? (draft ? 'Chưa có mã – chưa nộp' : 'Chưa có mã – cấp khi hồ sơ được tiếp nhận')}
          </dd>
        </div>
        <div>
          <dt>Nơi nộp:</dt>
          <dd>{dossier.receivingAgencyName}</dd>
        </div>
        {dossier.submittedAt ? (
          <div>
            <dt>Ngày nộp:</dt>
            <dd>{formatVnDateTime(dossier.submittedAt)}</dd>
          </div>
        ) : null}
        {dossier.dueAt ? (
          <div>
            <dt>Hẹn trả kết quả:</dt>
            <dd>{formatVnDateTime(dossier.dueAt)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="my-dossier-expect">
        {dossier.needsAction ? <strong>Việc cần làm: </strong> : null}
        {dossier.expectedOfYou}
      </p>
      <ButtonLink
        type={dossier.needsAction ? 'primary' : 'default'}
        to={dossierLink(dossier)}
        aria-label={`${draft ? 'Làm tiếp' : dossier.needsAction ? 'Bổ sung' : 'Xem chi tiết'}: ${dossier.procedureName}`}
      >
        {draft ? 'Làm tiếp hồ sơ' : dossier.needsAction ? 'Xem và bổ sung' : 'Xem chi tiết'}
      </ButtonLink>
    </li>
  );
}

/** Items that need the applicant first (drafts, supplements), each group newest first as the server sends it. */
function actionFirst(items: MyDossierSummary[]): MyDossierSummary[] {
  return [...items.filter((i) => i.needsAction), ...items.filter((i) => !i.needsAction)];
}

function MyDossiers() {
  usePageTitle('Hồ sơ của tôi');
  const { data, error, loading, reload } = useApi<MyDossierPage>(withQuery('/api/my/dossiers', { pageSize }));
  const [items, setItems] = useState<MyDossierSummary[]>([]);
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(false);
  const [more, setMore] = useState<{ loading: boolean; error?: string }>({ loading: false });

  useEffect(() => {
    if (!data) return;
    setItems(data.items);
    setHasMore(data.hasMore);
    setPage(1);
  }, [data]);

  const loadMore = async () => {
    setMore({ loading: true });
    try {
      const next = await api.get<MyDossierPage>(withQuery('/api/my/dossiers', { page: page + 1, pageSize }));
      setItems((current) => [...current, ...next.items.filter((n) => !current.some((c) => c.id === n.id))]);
      setHasMore(next.hasMore);
      setPage(page + 1);
      setMore({ loading: false });
    } catch (cause) {
      setMore({ loading: false, error: errorMessage(cause) });
    }
  };

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !data) return <Loading label="Đang tải hồ sơ của bạn…" />;
  const sorted = actionFirst(items);
  const waiting = sorted.filter((i) => i.needsAction).length;

  return (
    <div className="online-page">
      <h1 className="page-title">Hồ sơ của tôi</h1>
      {sorted.length === 0 ? (
        <Empty
          description={
            <>
              Bạn chưa có hồ sơ nào.
              <br />
              Tìm thủ tục cần làm rồi bấm «Nộp hồ sơ trực tuyến».
            </>
          }
        >
          <ButtonLink type="primary" to="/thu-tuc">
            Tìm thủ tục hành chính
          </ButtonLink>
        </Empty>
      ) : (
        <>
          <Typography.Paragraph>
            {waiting > 0
              ? `Có ${waiting} hồ sơ cần bạn làm tiếp (đánh dấu màu cam, ở đầu danh sách).`
              : 'Không có hồ sơ nào đang chờ bạn làm gì thêm.'}
          </Typography.Paragraph>
          <ul className="my-dossiers">
            {sorted.map((dossier) => (
              <DossierCard key={dossier.id} dossier={dossier} />
            ))}
          </ul>
          {hasMore ? (
            <Button block onClick={() => void loadMore()} loading={more.loading}>
              Xem thêm hồ sơ cũ hơn
            </Button>
          ) : null}
          {more.error ? (
            <Typography.Text type="danger" role="alert">
              {more.error}
            </Typography.Text>
          ) : null}
        </>
      )}
    </div>
  );
}

export default function MyDossiersPage() {
  return (
    <RequireCitizen>
      <MyDossiers />
    </RequireCitizen>
  );
}

import { Descriptions, Result } from 'antd';
import { useParams } from 'react-router';
import { ButtonLink } from '../components/ButtonLink';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { agencyKindLabels, labelOf } from '../labels';
import type { AgencyOverview } from '../types';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { AgencyProceduresTable } from './AgencyProceduresTable';
import { AgencyStaffTable } from './AgencyStaffTable';
import { validityText } from './agencyText';
import { PageHeader } from './PageHeader';

function Forbidden() {
  usePageTitle('Không có quyền truy cập');
  return (
    <Result
      status="403"
      title={<h1 className="result-title">Không có quyền truy cập</h1>}
      subTitle="Bạn không có quyền xem dữ liệu của cơ quan này."
      extra={
        <ButtonLink type="primary" to="/quan-tri">
          Về Cơ quan của tôi
        </ButtonLink>
      }
    />
  );
}

export default function AgencyPage() {
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useApi<AgencyOverview>(
    `/api/office/agencies/${encodeURIComponent(id)}`,
  );

  if (error?.status === 403) return <Forbidden />;
  if (error?.status === 404 || (error?.status === 400 && error.code === 'VALIDATION')) {
    return <NotFound title="Không tìm thấy cơ quan" backTo="/quan-tri" backLabel="Về Cơ quan của tôi" />;
  }
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !data) return <Loading />;

  const { agency } = data;
  return (
    <>
      <PageHeader title={agency.name} />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 24 }}
        items={[
          { key: 'kind', label: 'Loại cơ quan', children: labelOf(agencyKindLabels, agency.kind) },
          { key: 'unit', label: 'Đơn vị hành chính', children: agency.unitName },
          { key: 'validity', label: 'Hiệu lực', children: validityText(agency.validFrom, agency.validTo) },
        ]}
      />
      <section aria-labelledby="staff-title" style={{ marginBottom: 32 }}>
        <h2 id="staff-title" style={{ fontSize: 18 }}>
          Cán bộ ({data.staff.length})
        </h2>
        <AgencyStaffTable staff={data.staff} />
      </section>
      <section aria-labelledby="procedures-title">
        <h2 id="procedures-title" style={{ fontSize: 18 }}>
          Thủ tục hành chính ({data.procedures.length})
        </h2>
        <AgencyProceduresTable procedures={data.procedures} />
      </section>
    </>
  );
}

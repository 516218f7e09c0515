import { Typography } from 'antd';
import dayjs from 'dayjs';
import type { Agency, ProcedureDetail } from '../../types';
import { useApi } from '../../useApi';

type ProcedureAgency = ProcedureDetail['agencies'][number];

function AgencyList({ agencies }: { agencies: ProcedureAgency[] }) {
  return (
    <ul style={{ paddingLeft: 22, margin: 0 }}>
      {agencies.map((agency) => (
        <li key={agency.id}>
          {agency.name}
          {agency.unitName && !agency.name.includes(agency.unitName) ? (
            <Typography.Text type="secondary"> — {agency.unitName}</Typography.Text>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * Where to apply. The detail lists every agency ever linked, including those of units merged on
 * 1/7/2025, so the ones not operating today are folded away (checked against GET /api/agencies?at=today).
 */
export function ProcedureAgencies({ procedure }: { procedure: ProcedureDetail }) {
  const current = useApi<Agency[]>(`/api/agencies?at=${dayjs().format('YYYY-MM-DD')}`, { shared: true });
  const agencies = procedure.agencies;
  if (agencies.length === 0) {
    return procedure.implementingAgencyText ? (
      <span className="pre-wrap">{procedure.implementingAgencyText}</span>
    ) : (
      <Typography.Text type="secondary">Chưa có thông tin.</Typography.Text>
    );
  }
  if (!current.data) return <AgencyList agencies={agencies} />;
  const open = new Set(current.data.map((agency) => agency.id));
  const active = agencies.filter((agency) => open.has(agency.id));
  const former = agencies.filter((agency) => !open.has(agency.id));
  return (
    <>
      {active.length > 0 ? (
        <AgencyList agencies={active} />
      ) : (
        <Typography.Text type="secondary">
          Chưa có cơ quan nào đang hoạt động được gán cho thủ tục này.
        </Typography.Text>
      )}
      {former.length > 0 ? (
        <details style={{ marginTop: 8 }}>
          <summary style={{ cursor: 'pointer' }}>
            Cơ quan trước khi sắp xếp đơn vị hành chính ({former.length})
          </summary>
          <AgencyList agencies={former} />
        </details>
      ) : null}
    </>
  );
}

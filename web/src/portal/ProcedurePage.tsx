import { Descriptions, type DescriptionsProps, Flex, Grid, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { OnlineModeTag } from '../components/OnlineModeTag';
import { foldVietnamese, formatDate, formatFee, formatLevels, formatProcessingTime } from '../format';
import type { ProcedureDetail } from '../types';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { ProcedureGuides } from './news/ProcedureGuides';
import { ChannelsTable } from './procedure/ChannelsTable';
import { ExpectedResultLine } from './procedure/ExpectedResultLine';
import { OnlineApplyCard } from './procedure/OnlineApplyCard';
import { ProcedureAgencies } from './procedure/ProcedureAgencies';
import { ProcessSteps } from './procedure/ProcessSteps';
import { RequiredDocuments } from './procedure/RequiredDocuments';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

const text = (value: string | null | undefined) =>
  value?.trim() ? (
    <span className="pre-wrap">{value}</span>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );

function overview(p: ProcedureDetail): DescriptionsProps['items'] {
  const time = formatProcessingTime(p.processingTimeValue, p.processingTimeUnit, p.processingTimeText);
  // The source's own wording, when it says more than the number and unit ("1", "2 Ngày làm việc" say nothing new).
  const note = p.processingTimeText?.trim();
  const timeNote =
    note &&
    p.processingTimeValue !== null &&
    note !== String(p.processingTimeValue) &&
    !foldVietnamese(time).startsWith(foldVietnamese(note))
      ? note
      : null;
  return [
    { key: 'code', label: 'Mã thủ tục', children: p.code },
    { key: 'field', label: 'Lĩnh vực', children: p.field },
    { key: 'levels', label: 'Cấp thực hiện', children: formatLevels(p.levels) || '—' },
    { key: 'type', label: 'Loại thủ tục', children: text(p.procedureType) },
    {
      key: 'time',
      label: 'Thời hạn giải quyết',
      children: (
        <>
          {time}
          {timeNote ? (
            <div>
              <Typography.Text type="secondary" className="pre-wrap">
                {timeNote}
              </Typography.Text>
            </div>
          ) : null}
          <ExpectedResultLine value={p.processingTimeValue} unit={p.processingTimeUnit} />
        </>
      ),
    },
    {
      key: 'fee',
      label: 'Phí, lệ phí',
      children: <span className="pre-wrap">{formatFee(p.feeText, p.feeAmountVnd)}</span>,
    },
    { key: 'online', label: 'Hình thức trực tuyến', children: <OnlineModeTag mode={p.onlineMode} /> },
    { key: 'subjects', label: 'Đối tượng thực hiện', children: text(p.subjects) },
    { key: 'implementing', label: 'Cơ quan thực hiện', children: text(p.implementingAgencyText) },
    { key: 'competent', label: 'Cơ quan có thẩm quyền', children: text(p.competentAgencyText) },
    { key: 'result', label: 'Kết quả thực hiện', children: text(p.resultText) },
    { key: 'decision', label: 'Quyết định công bố', children: text(p.decisionNo) },
    { key: 'updated', label: 'Cập nhật', children: formatDate(p.updatedAt) || '—' },
  ];
}

function sourceLabel(url: string): string {
  try {
    return `Xem trang gốc trên ${new URL(url).hostname}`;
  } catch {
    return url;
  }
}

export default function ProcedurePage() {
  const { code = '' } = useParams();
  const screens = Grid.useBreakpoint();
  const { data, error, loading, reload } = useApi<ProcedureDetail>(
    `/api/procedures/${encodeURIComponent(code)}`,
  );
  usePageTitle(data?.name ?? 'Thủ tục hành chính');

  if (error?.status === 404) {
    return (
      <NotFound
        title="Không tìm thấy thủ tục"
        description={`Thủ tục mã “${code}” không tồn tại hoặc chưa được công bố.`}
        backTo="/thu-tuc"
        backLabel="Xem danh sách thủ tục"
      />
    );
  }
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !data) return <Loading />;

  return (
    <article>
      <nav aria-label="Vị trí trang" className="breadcrumb">
        <ol>
          <li>
            <Link to="/thu-tuc">Thủ tục hành chính</Link>
          </li>
          <li>
            <Link to={`/thu-tuc?field=${encodeURIComponent(data.field)}`}>{data.field}</Link>
          </li>
        </ol>
      </nav>
      <Typography.Title level={1} className="page-title wrap-anywhere">
        {data.name}
      </Typography.Title>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Tag>Mã {data.code}</Tag>
        <Tag>{data.field}</Tag>
        <OnlineModeTag mode={data.onlineMode} />
      </Flex>

      <OnlineApplyCard code={data.code} />

      <section className="section" aria-label="Thông tin chung">
        <Descriptions
          bordered
          size="small"
          layout={screens.md ? 'horizontal' : 'vertical'}
          column={{ xs: 1, sm: 1, md: 2 }}
          items={overview(data)}
        />
      </section>

      {data.channels.length > 0 ? (
        <Section id="channels" title="Cách thức thực hiện">
          <ChannelsTable channels={data.channels} />
        </Section>
      ) : null}

      <ProcedureGuides code={data.code} />

      <Section id="documents" title="Thành phần hồ sơ">
        <RequiredDocuments groups={data.requiredDocuments} />
      </Section>

      <Section id="process" title="Trình tự thực hiện / Quy trình nội bộ">
        <ProcessSteps procedure={data} />
      </Section>

      <Section id="conditions" title="Yêu cầu, điều kiện thực hiện">
        {text(data.conditions)}
      </Section>

      <Section id="legal" title="Căn cứ pháp lý">
        {data.legalBasis.length > 0 ? (
          <ul style={{ paddingLeft: 22, margin: 0 }}>
            {data.legalBasis.map((item) => (
              <li key={item} className="wrap-anywhere">
                {item}
              </li>
            ))}
          </ul>
        ) : (
          <Typography.Text type="secondary">Chưa có thông tin.</Typography.Text>
        )}
      </Section>

      <Section id="agencies" title="Cơ quan thực hiện / Nơi nộp hồ sơ">
        <ProcedureAgencies procedure={data} />
      </Section>

      {data.sourceUrl || data.sourceNote ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          Nguồn:{' '}
          {data.sourceUrl ? (
            <a href={data.sourceUrl} target="_blank" rel="noopener noreferrer" className="wrap-anywhere">
              {sourceLabel(data.sourceUrl)}
            </a>
          ) : null}
          {data.sourceNote ? <span className="pre-wrap"> {data.sourceNote}</span> : null}
        </Typography.Paragraph>
      ) : null}
    </article>
  );
}

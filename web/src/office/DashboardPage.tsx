import { Card, Col, Empty, Input, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { foldVietnamese } from '../format';
import { agencyKindLabels, labelOf } from '../labels';
import type { OfficeAgency } from '../types';
import { useApi } from '../useApi';
import { isExpired, validityText } from './agencyText';
import { PageHeader } from './PageHeader';

export default function DashboardPage() {
  const { data, error, loading, reload } = useApi<OfficeAgency[]>('/api/office/agencies');
  const [filter, setFilter] = useState('');
  // Agencies operating today first; those of merged units (before 1/7/2025) after them.
  const shown = (data ?? [])
    .filter((agency) => foldVietnamese(`${agency.name} ${agency.unitName}`).includes(foldVietnamese(filter)))
    .sort((a, b) => Number(isExpired(a.validTo)) - Number(isExpired(b.validTo)));

  return (
    <>
      <PageHeader title="Cơ quan của tôi" />
      {error ? <ErrorState error={error} onRetry={reload} /> : null}
      {loading && !data ? <Loading /> : null}
      {data && data.length === 0 ? (
        <Empty description="Tài khoản của bạn chưa được gán vào cơ quan nào. Vui lòng liên hệ quản trị hệ thống." />
      ) : null}
      {data && data.length > 6 ? (
        <Input
          aria-label="Lọc cơ quan theo tên"
          placeholder="Lọc theo tên cơ quan hoặc đơn vị"
          allowClear
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          style={{ maxWidth: 420, marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        {shown.map((agency) => (
          <Col key={agency.id} xs={24} md={12} xl={8}>
            <Card size="small" style={{ height: '100%' }}>
              <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }} className="wrap-anywhere">
                <Link to={`/quan-tri/co-quan/${agency.id}`}>{agency.name}</Link>
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {labelOf(agencyKindLabels, agency.kind)} · {agency.unitName}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                Hiệu lực: {validityText(agency.validFrom, agency.validTo)}
              </Typography.Text>
              {isExpired(agency.validTo) ? (
                <Tag color="default" style={{ marginInlineStart: 8 }}>
                  Hết hiệu lực
                </Tag>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>
      {data && data.length > 0 && shown.length === 0 ? (
        <Empty description="Không có cơ quan phù hợp." />
      ) : null}
    </>
  );
}

import { Alert, Button, Card, Flex, Input, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { withQuery } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { useApi } from '../../useApi';
import { type IsoOverview, percent, vnDate } from './documentTypes';
import { IsoAgencyDrawer } from './IsoAgencyDrawer';

const today = () => new Date().toISOString().slice(0, 10);

/** ISO 9001:2015 per agency and the share of agencies with it in force, against 100%. */
export default function IsoTab() {
  const [at, setAt] = useState(today());
  const [open, setOpen] = useState<string>();
  const overview = useApi<IsoOverview>(at ? withQuery('/api/office/iso', { at }) : null);
  const data = overview.data;
  return (
    <>
      <Flex wrap gap={16} align="end" style={{ marginBottom: 12 }}>
        <Flex vertical>
          <span>Tại ngày</span>
          <Input
            aria-label="Tại ngày"
            type="date"
            style={{ width: 170 }}
            value={at}
            onChange={(e) => setAt(e.target.value)}
          />
        </Flex>
        {data ? (
          <Card size="small">
            <Statistic
              title="Cơ quan áp dụng ISO 9001:2015 (mục tiêu 100%)"
              value={percent(data.coverage.share)}
              suffix={
                <small>
                  ({data.coverage.inForce}/{data.coverage.agencies})
                </small>
              }
              valueStyle={{ color: data.coverage.meetsTarget ? '#389e0d' : '#cf1322' }}
            />
          </Card>
        ) : null}
      </Flex>
      {overview.error ? <ErrorState error={overview.error} onRetry={overview.reload} /> : null}
      {data && data.agencies.length === 0 ? (
        <Alert
          type="info"
          showIcon
          title="Không có cơ quan hành chính nào trong phạm vi của bạn tại ngày này."
        />
      ) : null}
      <Table
        rowKey="agencyId"
        size="small"
        loading={overview.loading}
        dataSource={data?.agencies ?? []}
        pagination={{ pageSize: 30, showSizeChanger: false }}
        columns={[
          {
            title: 'Cơ quan',
            render: (_, a) => (
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => setOpen(a.agencyId)}
              >
                {a.agencyName}
              </Button>
            ),
          },
          {
            title: 'Tình trạng',
            render: (_, a) =>
              a.inForce ? <Tag color="green">Đang áp dụng</Tag> : <Tag color="red">Chưa áp dụng</Tag>,
          },
          {
            title: 'Căn cứ',
            render: (_, a) =>
              a.registration
                ? `${a.registration.basis === 'certificate' ? 'Chứng nhận' : 'Công bố'} ngày ${vnDate(a.registration.effectiveOn)}`
                : '',
          },
          { title: 'Quy trình nội bộ', dataIndex: 'procedureCount' },
          { title: 'Đánh giá gần nhất', dataIndex: 'lastAuditOn', render: vnDate },
          { title: 'Chưa khắc phục xong', dataIndex: 'openAudits' },
        ]}
      />
      {open ? (
        <IsoAgencyDrawer agencyId={open} onClose={() => setOpen(undefined)} onChanged={overview.reload} />
      ) : null}
    </>
  );
}
